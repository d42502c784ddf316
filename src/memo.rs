//! Per-thread memos of pure word functions (stems, name keys): the same
//! words recur across the sentences and articles of a run, and a hash
//! look-up costs far less than stemming or folding a word again
//! (start-up, issue 11). A memo changes no result: it only remembers
//! what the function returned for the same input.

use std::cell::RefCell;

/// At most this many distinct words are remembered per memo and thread,
/// so a huge input's vocabulary cannot grow a memo without bound.
const LIMIT: usize = 1 << 16;

/// One thread's memo of a `&str -> String` function.
#[derive(Default)]
pub(crate) struct Memo(RefCell<rustc_hash::FxHashMap<Box<str>, Box<str>>>);

impl Memo {
    /// `compute(key)`, from the memo when this thread has computed it before.
    pub(crate) fn get(&self, key: &str, compute: impl FnOnce(&str) -> String) -> String {
        if let Some(value) = self.0.borrow().get(key) {
            return value.to_string();
        }
        let value = compute(key);
        let mut memo = self.0.borrow_mut();
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
        let memo = Memo::default();
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
