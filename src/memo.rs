//! Memos of pure word functions (stems, name keys), shared by every
//! thread: the same words recur across the sentences and articles of a
//! run, and a hash look-up costs far less than stemming or folding a word
//! again (start-up, issue 11). Shared rather than per thread, so the
//! analysis workers, the warm-up and the matcher each stem a word of the
//! event's vocabulary once between them, not once each. A memo changes no
//! result: it only remembers what the function returned for the same
//! input.

use std::sync::{PoisonError, RwLock};

/// At most this many distinct words are remembered per memo, so a huge
/// input's vocabulary cannot grow a memo without bound.
const LIMIT: usize = 1 << 16;

/// A memo of a `&str -> String` function.
pub(crate) struct Memo(RwLock<Option<rustc_hash::FxHashMap<Box<str>, Box<str>>>>);

impl Memo {
    /// An empty memo (a `static` one too).
    pub(crate) const fn new() -> Self {
        Self(RwLock::new(None))
    }

    /// `compute(key)`, from the memo when any thread has computed it before.
    pub(crate) fn get(&self, key: &str, compute: impl FnOnce(&str) -> String) -> String {
        if let Some(value) = self.0.read().unwrap_or_else(PoisonError::into_inner).as_ref().and_then(|m| m.get(key)) {
            return value.to_string();
        }
        // Computed outside the lock: two threads may both compute a new
        // word, and get the same result.
        let value = compute(key);
        let mut memo = self.0.write().unwrap_or_else(PoisonError::into_inner);
        let memo = memo.get_or_insert_with(Default::default);
        if memo.len() < LIMIT {
            memo.insert(key.into(), value.as_str().into());
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memo_returns_what_the_function_returns_and_computes_once() {
        let memo = Memo::new();
        let calls = std::cell::Cell::new(0);
        let upper = |word: &str| {
            calls.set(calls.get() + 1);
            word.to_uppercase()
        };
        assert_eq!(memo.get("dam", upper), "DAM");
        assert_eq!(memo.get("dam", upper), "DAM");
        assert_eq!(memo.get("river", upper), "RIVER");
        assert_eq!(calls.get(), 2);
    }
}
