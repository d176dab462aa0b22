"""The API surface of a generated module, read from its `.pyi` stubs.

Owns: which classes exist, which of their properties have a setter
(writable attributes), their methods, and the module functions with their
parameters and annotations. Reading the stubs (with `ast`) keeps the fuzz
parent process free of the module under test: only workers import it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Param:
    """One parameter: name, annotation text, whether it has a default."""

    name: str
    annotation: str
    has_default: bool


@dataclass
class Function:
    """A module function or a method (`owner` is its class)."""

    name: str
    params: list[Param]
    owner: str | None = None
    is_static: bool = False
    stub: str = ""


@dataclass
class ClassInfo:
    """A class: its properties (with types), which are writable, methods."""

    name: str
    properties: dict[str, str] = field(default_factory=dict)
    writable: list[str] = field(default_factory=list)
    methods: list[Function] = field(default_factory=list)
    is_enum: bool = False
    stub: str = ""


@dataclass
class Surface:
    """Everything the stubs declare."""

    classes: dict[str, ClassInfo] = field(default_factory=dict)
    functions: list[Function] = field(default_factory=list)


def annotation(node: ast.expr | None) -> str:
    return ast.unparse(node) if node is not None else ""


def params_of(fn: ast.FunctionDef, skip_self: bool) -> list[Param]:
    args = fn.args
    positional = args.posonlyargs + args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    params = [Param(a.arg, annotation(a.annotation), d is not None) for a, d in zip(positional, defaults)]
    params += [Param(a.arg, annotation(a.annotation), d is not None) for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    return params[1:] if skip_self and params else params


def decorators(fn: ast.FunctionDef) -> list[str]:
    return [ast.unparse(d) for d in fn.decorator_list]


def is_enum_class(node: ast.ClassDef) -> bool:
    bases = [ast.unparse(b) for b in node.bases]
    if any("Enum" in b for b in bases):
        return True
    return any(isinstance(n, ast.AnnAssign) and ast.unparse(n.target) == "__members__" for n in node.body)


def read_class(node: ast.ClassDef, stub: str) -> ClassInfo:
    info = ClassInfo(node.name, is_enum=is_enum_class(node), stub=stub)
    for item in node.body:
        if not isinstance(item, ast.FunctionDef):
            continue
        decos = decorators(item)
        if "property" in decos:
            info.properties[item.name] = annotation(item.returns)
        elif any(d.endswith(".setter") for d in decos):
            info.writable.append(item.name)
        elif not item.name.startswith("__") or item.name in ("__init__", "__new__", "__getitem__"):
            static = "staticmethod" in decos or "classmethod" in decos or item.name == "__new__"
            info.methods.append(Function(item.name, params_of(item, skip_self=True), node.name, static, stub))
    return info


def merge(classes: dict[str, ClassInfo], info: ClassInfo) -> None:
    """Adds `info`; a class declared again (helper stubs add methods to
    generated classes) gains the new members."""
    known = classes.setdefault(info.name, ClassInfo(info.name, is_enum=info.is_enum, stub=info.stub))
    known.properties.update(info.properties)
    known.writable += [w for w in info.writable if w not in known.writable]
    names = {m.name for m in known.methods}
    known.methods += [m for m in info.methods if m.name not in names]


def load(paths: list[Path]) -> Surface:
    """The surface declared by the given stub files."""
    surface = Surface()
    for path in paths:
        tree = ast.parse(path.read_text())
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                merge(surface.classes, read_class(node, path.stem))
            elif isinstance(node, ast.FunctionDef):
                surface.functions.append(Function(node.name, params_of(node, skip_self=False), stub=path.stem))
    return surface
