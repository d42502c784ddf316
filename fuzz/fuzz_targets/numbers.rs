//! Figure extraction on any text: spans on character boundaries, bounds ordered.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for mention in parallax::numbers::extract(text) {
        assert!(text.is_char_boundary(mention.span.start) && text.is_char_boundary(mention.span.end));
        assert!(mention.figure.low <= mention.figure.high || mention.figure.low.is_nan());
    }
    let _ = parallax::dates::scan(text, None);
});
