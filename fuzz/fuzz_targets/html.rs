//! Any bytes as a saved web page: extraction never panics, and what it
//! yields segments cleanly.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::ingest::{Format, parse_bytes};

fuzz_target!(|data: &[u8]| {
    if let Ok(document) = parse_bytes("fuzz.html", data, Format::Html) {
        let article = parallax::segment::segment(document);
        assert!(article.sentences.iter().all(|s| s.span.end <= article.text.len()));
    }
});
