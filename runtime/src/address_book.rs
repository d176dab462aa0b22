//! The addresses of views handed to Python as plain `int`s (`view.address`),
//! so that `Class.cast(int)` of such an address recovers the liveness of
//! the view it came from instead of making an untracked view.
//!
//! Only the `.address` getter records here (that is where a script gets an
//! int to cast from), and only views with a real token: reading fields,
//! iterating lists and the rest of the hot paths never touch the book. An
//! entry is keyed by (address, class name) and holds a *weak* handle to
//! the token and the view's [`Origin`]: the book never keeps memory or
//! tokens alive. Entries whose token is gone are treated as unknown and
//! swept out as the book grows. This module frees nothing and reads no
//! C memory.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::token::{Token, WeakToken};
use crate::view::Origin;

/// What the book knows about one (address, class).
#[derive(Debug)]
struct Entry {
    token: WeakToken,
    origin: Origin,
}

/// The book and the size at which it is next swept of dead entries.
#[derive(Debug)]
struct Book {
    entries: HashMap<(usize, &'static str), Entry>,
    sweep_at: usize,
}

/// Entries kept before the first sweep.
const FIRST_SWEEP: usize = 1024;

static BOOK: Mutex<Option<Book>> = Mutex::new(None);

fn with_book<R>(f: impl FnOnce(&mut Book) -> R) -> R {
    let mut guard = BOOK.lock().unwrap_or_else(|p| p.into_inner());
    let book = guard.get_or_insert_with(|| Book { entries: HashMap::new(), sweep_at: FIRST_SWEEP });
    f(book)
}

/// Records that a view of `class` at `addr` with `token` was handed out as
/// an int. The immortal token of untracked views is not recorded.
pub fn record(addr: usize, class: &'static str, token: &Token, origin: Origin) {
    if token.is_immortal() || !token.is_alive() {
        return;
    }
    with_book(|book| {
        if book.entries.len() >= book.sweep_at {
            book.entries.retain(|_, e| e.token.upgrade().is_some_and(|t| t.is_alive()));
            book.sweep_at = (book.entries.len() * 2).max(FIRST_SWEEP);
        }
        book.entries.insert((addr, class), Entry { token: token.downgrade(), origin });
    });
}

/// The live token and origin of a view of `class` at `addr` handed out as
/// an int, if any. A dead entry is forgotten (the memory may since hold
/// something the book has not seen).
pub fn lookup(addr: usize, class: &'static str) -> Option<(Token, Origin)> {
    with_book(|book| {
        let key = (addr, class);
        let found = book.entries.get(&key).and_then(|e| e.token.upgrade().filter(Token::is_alive).map(|t| (t, e.origin)));
        if found.is_none() {
            book.entries.remove(&key);
        }
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_address_gives_back_its_token_while_alive() {
        let token = Token::new();
        record(0x1000, "A", &token, Origin::Within);
        let (found, origin) = lookup(0x1000, "A").expect("recorded");
        assert!(found.same_as(&token));
        assert_eq!(origin, Origin::Within);
        assert!(lookup(0x1000, "B").is_none(), "another class at the same address is unknown");
        token.kill();
        assert!(lookup(0x1000, "A").is_none(), "a dead token is unknown");
    }

    #[test]
    fn immortal_and_dropped_tokens_are_not_kept() {
        record(0x2000, "A", &Token::immortal(), Origin::C);
        assert!(lookup(0x2000, "A").is_none());
        let token = Token::new();
        record(0x3000, "A", &token, Origin::C);
        drop(token);
        assert!(lookup(0x3000, "A").is_none(), "the book holds no strong handle");
    }

    #[test]
    fn a_later_view_at_the_same_address_replaces_the_entry() {
        let (old, new) = (Token::new(), Token::new());
        record(0x4000, "A", &old, Origin::C);
        record(0x4000, "A", &new, Origin::Python);
        assert!(lookup(0x4000, "A").is_some_and(|(t, o)| t.same_as(&new) && o == Origin::Python));
    }
}
