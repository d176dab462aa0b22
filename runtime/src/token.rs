//! Liveness tokens: the shared flag that tells a view whether the C memory it
//! points into is still valid.
//!
//! A token is created by whatever owns the memory (a Python-owned allocation,
//! or an external owner such as a GstBuffer) and cloned into every view
//! derived from it. Killing the token makes every such view raise
//! `ReferenceError` instead of touching freed memory. A token may later
//! *follow* another token when ownership of its memory moves into a C
//! container (e.g. an object appended to a frame): it then dies with that
//! container. This module owns no memory and frees nothing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use pyo3::{Py, PyAny};

/// Shared liveness flag; cheap to clone (one `Arc`).
#[derive(Clone, Debug)]
pub struct Token(Arc<TokenState>);

#[derive(Debug)]
struct TokenState {
    alive: AtomicBool,
    owned: AtomicBool,
    follows: OnceLock<Follow>,
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
            alive: AtomicBool::new(true),
            owned: AtomicBool::new(owned),
            follows: OnceLock::new(),
        }))
    }

    /// The shared token of memory whose lifetime nobody tracks (addresses
    /// given to `cast`, pointers returned by C without an owner): never dies.
    pub fn immortal() -> Self {
        IMMORTAL.get_or_init(Token::new).clone()
    }

    /// Whether the memory is still valid: this token and every token it follows are alive.
    #[inline]
    pub fn is_alive(&self) -> bool {
        let mut state = &*self.0;
        loop {
            if !state.alive.load(Ordering::Acquire) {
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
        self.0.alive.store(false, Ordering::Release);
    }

    /// Whether Python still owns (and so must eventually free) the memory.
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
    pub fn follow(&self, container: &Token, keep: Option<Py<PyAny>>) -> bool {
        self.0
            .follows
            .set(Follow { token: container.clone(), _keep: keep })
            .is_ok()
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
}

/// Kills `token` unless it is the shared immortal token (whose views stand
/// for untracked addresses and must stay usable). Returns whether it was killed.
pub fn kill_unless_immortal(token: &Token) -> bool {
    if token.same_as(&Token::immortal()) {
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
    fn immortal_token_is_shared_and_alive() {
        assert!(Token::immortal().same_as(&Token::immortal()));
        assert!(Token::immortal().is_alive());
    }
}
