//! List epochs: the liveness of the *nodes* of one list, separate from the
//! liveness of the struct that holds the list.
//!
//! A GLib list field (`frame.obj_meta_list`) is identified by the address of
//! its head slot. Views of its nodes (and iterators over it) hold that list's
//! current epoch token, which follows the container's token: they die with
//! the container, and also when a function that removes elements from (or
//! clears) the list [`bump`]s the epoch, because the nodes they point at may
//! be freed. Element views keep the container's token, so removing one
//! element does not kill views of the others. Adding to a list does not bump.
//! The registry holds weak handles only; entries whose tokens are gone are
//! purged as it grows.

use std::collections::HashMap;
use std::ffi::c_void;
use std::sync::{Mutex, MutexGuard, OnceLock};

use crate::token::{Token, WeakToken};

struct Registry {
    epochs: HashMap<usize, WeakToken>,
    purge_at: usize,
}

fn registry() -> MutexGuard<'static, Registry> {
    static REGISTRY: OnceLock<Mutex<Registry>> = OnceLock::new();
    REGISTRY.get_or_init(|| Mutex::new(Registry { epochs: HashMap::new(), purge_at: 64 })).lock().unwrap_or_else(|p| p.into_inner())
}

/// The current epoch token of the list whose head pointer lives at `slot`,
/// in a struct whose views hold `container`.
pub fn current(slot: *const c_void, container: &Token) -> Token {
    let mut registry = registry();
    let found = registry.epochs.get(&(slot as usize)).and_then(WeakToken::upgrade);
    if let Some(epoch) = found.filter(|e| e.follows(container) && e.is_alive()) {
        return epoch;
    }
    let epoch = Token::new();
    epoch.follow(container, None);
    registry.epochs.insert(slot as usize, epoch.downgrade());
    if registry.epochs.len() >= registry.purge_at {
        registry.epochs.retain(|_, e| e.upgrade().is_some());
        registry.purge_at = (registry.epochs.len() * 2).max(64);
    }
    epoch
}

/// Ends the current epoch of the list at `slot`: every node view and
/// iterator of it raises `ReferenceError` from now on.
pub fn bump(slot: *const c_void) {
    let old = registry().epochs.remove(&(slot as usize));
    if let Some(epoch) = old.and_then(|e| e.upgrade()) {
        epoch.kill();
    }
}

/// [`bump`] for the list field at byte `offset` of the struct at `base`
/// (a struct pointer passed to a C function); nothing for NULL.
pub fn bump_in(base: *const c_void, offset: usize) {
    if !base.is_null() {
        bump(base.cast::<u8>().wrapping_add(offset).cast());
    }
}

/// After a call that removed or freed nodes of the listed `GList*` fields
/// of the struct at `$base` (a struct pointer argument): [`bump_in`] for
/// each, so their node views and iterators die.
/// `lists_edited!(ptr, ffi::T, [field, anonymous.field])`.
#[macro_export]
macro_rules! lists_edited {
    ($base:expr, $ty:ty, [$($($field:ident).+),* $(,)?]) => {
        $($crate::epoch::bump_in($base.cast_const().cast(), std::mem::offset_of!($ty, $($field).+));)*
    };
}

/// Number of registered epochs (for tests).
pub fn registered() -> usize {
    registry().epochs.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_views_die_on_bump_and_with_the_container() {
        let container = Token::new();
        let slot = 0x1000 as *const c_void;
        let epoch = current(slot, &container);
        assert!(current(slot, &container).same_as(&epoch), "one epoch until bumped");
        bump(slot);
        assert!(!epoch.is_alive());
        let next = current(slot, &container);
        assert!(next.is_alive() && !next.same_as(&epoch));
        container.kill();
        assert!(!next.is_alive());
    }

    #[test]
    fn a_reused_slot_gets_a_fresh_epoch_for_its_new_container() {
        let first = Token::new();
        let slot = 0x2000 as *const c_void;
        let old = current(slot, &first);
        let second = Token::new();
        let new = current(slot, &second);
        assert!(!new.same_as(&old));
        first.kill();
        assert!(new.is_alive());
    }

    #[test]
    fn dead_entries_are_purged() {
        let container = Token::new();
        for i in 0..1000usize {
            drop(current((0x10_0000 + i * 8) as *const c_void, &container));
        }
        assert!(registered() < 200, "{} entries kept", registered());
    }
}
