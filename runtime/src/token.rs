//! Liveness tokens: the shared flag that tells a view whether the C memory it
//! points into is still valid.
//!
//! A token is created by whatever owns the memory (a Python-owned allocation,
//! or an external owner such as a GstBuffer) and cloned into every view
//! derived from it. Killing the token makes every such view raise
//! `ReferenceError` instead of touching freed memory. A token may later
//! *follow* another token when ownership of its memory moves into a C
//! container (e.g. an object appended to a frame): it then dies with that
//! container. A token also holds *anchors*: Python objects that must live as
//! long as the memory does (a Python-owned struct stored in a pointer field of
//! this memory); they are released when the token is killed or dropped.
//! This module owns no C memory and frees nothing.

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};

use pyo3::{Py, PyAny};

/// Shared liveness flag; cheap to clone (one `Arc`).
#[derive(Clone, Debug)]
pub struct Token(Arc<TokenState>);

/// [`TokenState::state`] bit: the token was not killed.
const ALIVE: u8 = 1;
/// [`TokenState::state`] bit: `follows` is set (the memory also dies with another token).
const FOLLOWS: u8 = 2;

#[derive(Debug)]
struct TokenState {
    /// [`ALIVE`] and [`FOLLOWS`]: one load decides the common case (alive,
    /// following nothing) of [`Token::is_alive`].
    state: AtomicU8,
    owned: AtomicBool,
    follows: OnceLock<Follow>,
    anchors: Mutex<Vec<(usize, Py<PyAny>)>>,
}

/// What a token follows once its memory was handed to a C container.
#[derive(Debug)]
struct Follow {
    token: Token,
    _keep: Option<Py<PyAny>>,
}

static IMMORTAL: OnceLock<Token> = OnceLock::new();

impl Token {
    /// A new live token for memory that Python does not own.
    pub fn new() -> Self {
        Self::with_ownership(false)
    }

    /// A new live token for memory that Python owns and must free once.
    pub fn new_owned() -> Self {
        Self::with_ownership(true)
    }

    fn with_ownership(owned: bool) -> Self {
        Token(Arc::new(TokenState {
            state: AtomicU8::new(ALIVE),
            owned: AtomicBool::new(owned),
            follows: OnceLock::new(),
            anchors: Mutex::new(Vec::new()),
        }))
    }

    /// The shared token of memory whose lifetime nobody tracks (addresses
    /// given to `cast`, pointers returned by C without an owner): never dies.
    pub fn immortal() -> Self {
        IMMORTAL.get_or_init(Token::new).clone()
    }

    /// Whether the memory is still valid: this token and every token it follows are alive.
    ///
    /// One load and one compare when the token follows nothing (every view
    /// getter runs this); a token that follows a container walks the chain.
    #[inline(always)]
    pub fn is_alive(&self) -> bool {
        match self.0.state.load(Ordering::Acquire) {
            ALIVE => true,
            state if state & ALIVE == 0 => false,
            _ => self.followed_alive(),
        }
    }

    /// [`Token::is_alive`] of a live token that follows another: every token
    /// down the chain must be alive.
    #[inline(never)]
    fn followed_alive(&self) -> bool {
        let mut state = &*self.0;
        loop {
            if state.state.load(Ordering::Acquire) & ALIVE == 0 {
                return false;
            }
            match state.follows.get() {
                Some(follow) => state = &*follow.token.0,
                None => return true,
            }
        }
    }

    /// Marks the memory as gone; every view holding this token raises `ReferenceError` from now on.
    pub fn kill(&self) {
        self.0.state.fetch_and(!ALIVE, Ordering::AcqRel);
        let released = std::mem::take(&mut *self.anchors());
        drop(released); // outside the lock: dropping may run Python code
    }

    fn anchors(&self) -> std::sync::MutexGuard<'_, Vec<(usize, Py<PyAny>)>> {
        self.0.anchors.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The last token of the follow chain (the one that decides how long
    /// the memory lives).
    fn root(&self) -> &Token {
        let mut token = self;
        while let Some(follow) = token.0.follows.get() {
            token = &follow.token;
        }
        token
    }

    /// Keeps `value` alive while this memory lives, as the anchor of `slot`
    /// (the address of the pointer field that points at it): a later anchor
    /// for the same slot replaces it, `None` releases it. Anchors sit on the
    /// root of the follow chain and are released when it is killed or dropped.
    pub fn anchor(&self, slot: usize, value: Option<Py<PyAny>>) {
        let root = self.root();
        let old = {
            let mut anchors = root.anchors();
            let old = anchors.iter().position(|(s, _)| *s == slot).map(|i| anchors.swap_remove(i));
            if let Some(value) = value.filter(|_| root.0.state.load(Ordering::Acquire) & ALIVE != 0) {
                anchors.push((slot, value));
            }
            old
        };
        drop(old);
    }

    /// How many anchors this memory holds (for tests and diagnostics).
    pub fn anchor_count(&self) -> usize {
        self.root().anchors().len()
    }

    /// Whether Python still owns (and so must eventually free) the memory.
    #[inline]
    pub fn is_owned(&self) -> bool {
        self.0.owned.load(Ordering::Acquire)
    }

    /// Gives up ownership; returns true exactly once, for the caller that must now free or hand over the memory.
    pub fn take_ownership(&self) -> bool {
        self.0.owned.swap(false, Ordering::AcqRel)
    }

    /// Makes this token die with `container` (ownership moved into a C container),
    /// keeping `keep` (the container's Python owner) alive as long as this token lives.
    /// Returns false when the token already follows another one.
    /// Anchors already held move to the container's root.
    pub fn follow(&self, container: &Token, keep: Option<Py<PyAny>>) -> bool {
        if self.0.follows.set(Follow { token: container.clone(), _keep: keep }).is_err() {
            return false;
        }
        // Published after `follows` is set: a reader that sees FOLLOWS finds it.
        self.0.state.fetch_or(FOLLOWS, Ordering::AcqRel);
        let moved = std::mem::take(&mut *self.anchors());
        for (slot, value) in moved {
            container.anchor(slot, Some(value));
        }
        true
    }

    /// Turns one handle into a raw pointer (for a C context slot) without
    /// an extra allocation; give it back with [`Token::from_raw`].
    pub fn into_raw(self) -> *const std::ffi::c_void {
        Arc::into_raw(self.0).cast()
    }

    /// A new handle to the token behind `raw`, leaving `raw` valid.
    ///
    /// # Safety
    /// `raw` must come from [`Token::into_raw`] and not have been released.
    pub unsafe fn clone_from_raw(raw: *const std::ffi::c_void) -> Token {
        let raw = raw.cast::<TokenState>();
        // SAFETY: guaranteed by the caller; the count is raised before taking a handle.
        unsafe {
            Arc::increment_strong_count(raw);
            Token(Arc::from_raw(raw))
        }
    }

    /// Releases a handle made by [`Token::into_raw`].
    ///
    /// # Safety
    /// `raw` must come from [`Token::into_raw`] and be released only once.
    pub unsafe fn release_raw(raw: *const std::ffi::c_void) {
        // SAFETY: guaranteed by the caller.
        drop(unsafe { Arc::from_raw(raw.cast::<TokenState>()) });
    }

    /// Whether two handles share one token.
    pub fn same_as(&self, other: &Token) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// Whether this token directly follows `container` (see [`Token::follow`]).
    pub fn follows(&self, container: &Token) -> bool {
        self.0.follows.get().is_some_and(|f| f.token.same_as(container))
    }

    /// Whether this token follows another one (see [`Token::follow`]).
    pub fn follows_any(&self) -> bool {
        self.0.follows.get().is_some()
    }

    /// Whether this is the shared immortal token of untracked memory.
    ///
    /// Compares with the shared immortal token without taking a handle to
    /// it (no reference-count traffic: exporters ask this on every call);
    /// before anything made the immortal token, no token is it.
    #[inline]
    pub fn is_immortal(&self) -> bool {
        IMMORTAL.get().is_some_and(|immortal| self.same_as(immortal))
    }

    /// A handle that does not keep the token alive (for registries).
    pub fn downgrade(&self) -> WeakToken {
        WeakToken(Arc::downgrade(&self.0))
    }
}

/// A non-owning handle to a token; see [`Token::downgrade`].
#[derive(Clone, Debug)]
pub struct WeakToken(Weak<TokenState>);

impl WeakToken {
    /// The token, when some view still holds it.
    pub fn upgrade(&self) -> Option<Token> {
        self.0.upgrade().map(Token)
    }
}

/// Kills `token` unless it is the shared immortal token (whose views stand
/// for untracked addresses and must stay usable). Returns whether it was killed.
pub fn kill_unless_immortal(token: &Token) -> bool {
    if token.is_immortal() {
        return false;
    }
    token.kill();
    true
}

impl Default for Token {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_token_is_alive_until_killed() {
        let token = Token::new();
        let view_copy = token.clone();
        assert!(view_copy.is_alive());
        token.kill();
        assert!(!view_copy.is_alive());
    }

    #[test]
    fn ownership_is_taken_exactly_once() {
        let token = Token::new_owned();
        assert!(token.is_owned());
        assert!(token.take_ownership());
        assert!(!token.take_ownership());
        assert!(!Token::new().take_ownership());
    }

    #[test]
    fn following_token_dies_with_its_container() {
        let frame = Token::new_owned();
        let object = Token::new_owned();
        assert!(object.follow(&frame, None));
        assert!(!object.follow(&Token::new(), None), "a token follows one container");
        assert!(object.is_alive());
        frame.kill();
        assert!(!object.is_alive());
    }

    #[test]
    fn every_token_down_a_follow_chain_decides_liveness() {
        let (frame, list, node) = (Token::new(), Token::new(), Token::new());
        assert!(node.follow(&list, None) && list.follow(&frame, None));
        assert!(node.is_alive() && list.is_alive());
        node.kill();
        assert!(!node.is_alive(), "a killed follower is dead while its container lives");
        assert!(list.is_alive());
        let other = Token::new();
        assert!(other.follow(&list, None));
        frame.kill();
        assert!(!other.is_alive() && !list.is_alive(), "the end of the chain kills every follower");
    }

    #[test]
    fn kill_unless_immortal_spares_the_immortal_token() {
        assert!(!kill_unless_immortal(&Token::immortal()));
        assert!(Token::immortal().is_alive());
        let t = Token::new();
        assert!(kill_unless_immortal(&t));
        assert!(!t.is_alive());
    }

    #[test]
    fn raw_round_trip_shares_the_token() {
        let token = Token::new();
        let raw = token.clone().into_raw();
        let again = unsafe { Token::clone_from_raw(raw) };
        assert!(again.same_as(&token));
        token.kill();
        assert!(!again.is_alive());
        unsafe { Token::release_raw(raw) };
        assert_eq!(Arc::strong_count(&again.0), 2);
    }

    #[test]
    fn anchors_are_replaced_per_slot_and_released_on_kill() {
        pyo3::Python::initialize();
        pyo3::Python::attach(|py| {
            let token = Token::new();
            let value = pyo3::types::PyList::empty(py).into_any().unbind();
            token.anchor(8, Some(value.clone_ref(py)));
            token.anchor(8, Some(value.clone_ref(py)));
            token.anchor(16, Some(value.clone_ref(py)));
            assert_eq!(token.anchor_count(), 2);
            token.anchor(16, None);
            assert_eq!(token.anchor_count(), 1);
            assert_eq!(unsafe { pyo3::ffi::Py_REFCNT(value.as_ptr()) }, 2);
            token.kill();
            assert_eq!(token.anchor_count(), 0);
            assert_eq!(unsafe { pyo3::ffi::Py_REFCNT(value.as_ptr()) }, 1);
            token.anchor(8, Some(value.clone_ref(py)));
            assert_eq!(token.anchor_count(), 0, "a dead token anchors nothing");
        });
    }

    #[test]
    fn anchors_move_to_the_container_a_token_follows() {
        pyo3::Python::initialize();
        pyo3::Python::attach(|py| {
            let (object, frame) = (Token::new(), Token::new());
            object.anchor(8, Some(pyo3::types::PyList::empty(py).into_any().unbind()));
            object.follow(&frame, None);
            assert_eq!(frame.anchor_count(), 1);
            object.anchor(16, Some(pyo3::types::PyList::empty(py).into_any().unbind()));
            assert_eq!(frame.anchor_count(), 2, "anchors of a follower sit on its container");
            frame.kill();
            assert_eq!(object.anchor_count(), 0);
        });
    }

    #[test]
    fn weak_handles_and_follow_checks() {
        let container = Token::new();
        let list = Token::new();
        assert!(list.follow(&container, None));
        assert!(list.follows(&container));
        assert!(!container.follows(&list));
        let weak = list.downgrade();
        assert!(weak.upgrade().is_some_and(|t| t.same_as(&list)));
        drop(list);
        assert!(weak.upgrade().is_none());
    }

    #[test]
    fn immortal_token_is_shared_and_alive() {
        assert!(Token::immortal().same_as(&Token::immortal()));
        assert!(Token::immortal().is_alive());
        assert!(Token::immortal().is_immortal());
        assert!(!Token::new().is_immortal(), "only the shared token is immortal");
        assert!(!Token::new_owned().is_immortal());
    }
}
