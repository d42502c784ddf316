//! Any bytes, read as text and as Markdown, segment into sentences whose
//! spans lie on character boundaries inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::ingest::{Format, parse_bytes};

fuzz_target!(|data: &[u8]| {
    for format in [Format::Text, Format::Markdown] {
        if let Ok(document) = parse_bytes("fuzz", data, format) {
            let article = parallax::segment::segment(document);
            for sentence in &article.sentences {
                assert!(article.text.is_char_boundary(sentence.span.start));
                assert!(article.text.is_char_boundary(sentence.span.end));
                assert!(sentence.span.end <= article.text.len());
            }
        }
    }
});
