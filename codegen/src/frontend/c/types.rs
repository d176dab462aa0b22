//! Converts libclang types to [`TypeRef`], keeping typedef spellings where
//! the header used them and resolving records and enums to their C names.

use std::collections::HashMap;

use clang::{Entity, Type, TypeKind};

use crate::ir::{Prim, TypeRef};

/// Names of records and enums: typedef name when one exists, else the tag.
#[derive(Default, Debug)]
pub struct Names {
    by_decl: HashMap<String, String>,
}

impl Names {
    /// Records that `typedef ... name` names the declaration `decl`.
    pub fn add_typedef(&mut self, decl: &Entity<'_>, name: &str) {
        if let Some(key) = decl_key(decl) {
            self.by_decl.entry(key).or_insert_with(|| name.to_string());
        }
    }

    /// The C name used for a record or enum declaration.
    pub fn name_of(&self, decl: &Entity<'_>) -> String {
        decl_key(decl).and_then(|k| self.by_decl.get(&k).cloned()).or_else(|| decl.get_name()).unwrap_or_else(|| "anonymous".into())
    }

    /// Converts a type.
    pub fn type_ref(&self, ty: &Type<'_>) -> TypeRef {
        let canonical = ty.get_canonical_type();
        let spelling = spelling_of(ty);
        match canonical.get_kind() {
            TypeKind::Void => TypeRef::Void,
            TypeKind::Pointer => self.pointer(ty, &canonical),
            TypeKind::ConstantArray => {
                TypeRef::Array { element: Box::new(self.type_ref(&element_of(ty))), len: canonical.get_size().unwrap_or(0) }
            }
            TypeKind::Record => match canonical.get_declaration() {
                Some(decl) => super::std_types::std_type(self, &canonical, &decl, &spelling)
                    .unwrap_or_else(|| TypeRef::Record { name: self.name_of(&decl) }),
                None => TypeRef::Opaque { spelling },
            },
            TypeKind::Enum => match canonical.get_declaration() {
                Some(decl) => TypeRef::Enum { name: self.name_of(&decl), spelling, repr: enum_repr(&decl) },
                None => TypeRef::Opaque { spelling },
            },
            kind => match prim(kind, canonical.get_sizeof().unwrap_or(0)) {
                Some(prim) => TypeRef::Prim { prim, spelling },
                None => TypeRef::Opaque { spelling },
            },
        }
    }

    /// Converts a parameter's type: arrays decay to pointers, as C passes them
    /// (`char *argv[]` is `char **`).
    pub fn param_type_ref(&self, ty: &Type<'_>) -> TypeRef {
        let canonical = ty.get_canonical_type();
        let is_array = matches!(canonical.get_kind(), TypeKind::ConstantArray | TypeKind::IncompleteArray | TypeKind::VariableArray);
        match canonical.get_element_type().filter(|_| is_array) {
            Some(element) => {
                let shown = ty.get_element_type().unwrap_or(element);
                TypeRef::Pointer { pointee: Box::new(self.type_ref(&shown)), is_const: element.is_const_qualified() }
            }
            None => self.type_ref(ty),
        }
    }

    fn pointer(&self, ty: &Type<'_>, canonical: &Type<'_>) -> TypeRef {
        let canon_pointee = canonical.get_pointee_type();
        if let Some(p) = &canon_pointee
            && (p.get_kind() == TypeKind::FunctionPrototype || p.get_kind() == TypeKind::FunctionNoPrototype)
        {
            return TypeRef::FnPtr {
                ret: Box::new(p.get_result_type().map(|r| self.type_ref(&r)).unwrap_or(TypeRef::Void)),
                params: p.get_argument_types().unwrap_or_default().iter().map(|a| self.type_ref(a)).collect(),
                spelling: spelling_of(ty),
            };
        }
        // Keep the header's spelling of the pointee when the pointer is spelled out.
        let pointee = match ty.get_kind() {
            TypeKind::Pointer => ty.get_pointee_type(),
            _ => canon_pointee,
        };
        let pointee = pointee.map(|p| self.type_ref(&p)).unwrap_or(TypeRef::Void);
        let is_const = canonical.get_pointee_type().map(|p| p.is_const_qualified()).unwrap_or(false);
        TypeRef::Pointer { pointee: Box::new(pointee), is_const }
    }
}

/// The integer type underlying an enum declaration (`unsigned int` when unknown).
pub fn enum_repr(decl: &Entity<'_>) -> Prim {
    let underlying = decl.get_enum_underlying_type().map(|t| t.get_canonical_type());
    underlying.and_then(|t| prim(t.get_kind(), t.get_sizeof().unwrap_or(4))).unwrap_or(Prim::UInt(32))
}

fn element_of<'a>(ty: &Type<'a>) -> Type<'a> {
    ty.get_element_type().or_else(|| ty.get_canonical_type().get_element_type()).expect("constant arrays have an element type")
}

fn decl_key(decl: &Entity<'_>) -> Option<String> {
    let canonical = decl.get_canonical_entity();
    canonical.get_usr().map(|u| u.0).filter(|u| !u.is_empty())
}

/// The type's spelling without `const`/`struct`/`enum` noise.
fn spelling_of(ty: &Type<'_>) -> String {
    let name = ty.get_display_name();
    let name = name.trim_start_matches("const ").trim_start_matches("struct ").trim_start_matches("enum ");
    name.to_string()
}

fn prim(kind: TypeKind, size: usize) -> Option<Prim> {
    let bits = (size * 8) as u8;
    Some(match kind {
        TypeKind::Bool => Prim::Bool,
        TypeKind::CharS | TypeKind::CharU => Prim::Char,
        TypeKind::SChar | TypeKind::Short | TypeKind::Int | TypeKind::Long | TypeKind::LongLong => Prim::Int(bits),
        TypeKind::UChar | TypeKind::UShort | TypeKind::UInt | TypeKind::ULong | TypeKind::ULongLong => Prim::UInt(bits),
        TypeKind::Float => Prim::F32,
        TypeKind::Double => Prim::F64,
        _ => return None,
    })
}
