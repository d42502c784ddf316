//! Bytes to text: byte-order marks, UTF-8, UTF-16, legacy single-byte
//! encodings (declared in an HTML meta tag or guessed), and a refusal for
//! binary data.

use super::IngestError;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text (not yet cleaned).
    pub text: String,
    /// The encoding's WHATWG name (`UTF-8`, `windows-1252`, ...).
    pub encoding: &'static str,
    /// A problem that did not stop decoding (a few bytes that are not
    /// valid UTF-8 in text that otherwise is), as one line.
    pub warning: Option<String>,
}

/// Decodes input bytes: a byte-order mark wins, then valid UTF-8, then a
/// `<meta charset>` declaration, then a statistical guess (chardetng).
///
/// # Errors
/// [`IngestError::NotAnArticle`] for images, executables, archives and other binary data.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, IngestError> {
    decode_bytes_with_charset(bytes, None)
}

/// As [`decode_bytes`], with a charset declared outside the bytes (an HTTP
/// `Content-Type` header): it outranks a `<meta charset>` and a guess, but
/// not a byte-order mark or valid UTF-8 (servers that label UTF-8 pages as
/// Latin-1 are common; the reverse is not).
///
/// # Errors
/// As [`decode_bytes`].
pub fn decode_bytes_with_charset(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, IngestError> {
    if let Some(kind) = binary_signature(bytes) {
        return Err(IngestError::NotAnArticle(format!("{kind} data")));
    }
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return Ok(Decoded { text: text.into_owned(), encoding: encoding.name(), warning: None });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Ok(Decoded { text: text.into_owned(), encoding: encoding.name(), warning: None });
    }
    if let Some(reason) = binary_reason(bytes) {
        return Err(IngestError::NotAnArticle(reason));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_owned(), encoding: UTF_8.name(), warning: None });
    }
    if let Some(warning) = mostly_utf8(bytes) {
        let text = String::from_utf8_lossy(bytes).into_owned();
        return Ok(Decoded { text, encoding: UTF_8.name(), warning: Some(warning) });
    }
    let from_header = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    let from_header = from_header.filter(|e| *e != UTF_16LE && *e != UTF_16BE && *e != UTF_8);
    let encoding = from_header.or_else(|| declared_charset(bytes)).unwrap_or_else(|| guess_encoding(bytes));
    let (text, _, _) = encoding.decode(bytes);
    Ok(Decoded { text: text.into_owned(), encoding: encoding.name(), warning: None })
}

/// Recognises common binary formats by their magic numbers.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x7fELF", "ELF executable"),
        (b"\x1f\x8b", "gzip"),
        (b"MZ", "Windows executable"),
        (b"RIFF", "RIFF media"),
        (b"\x00\x00\x01\x00", "icon"),
        (b"BZh", "bzip2"),
        (b"\xfd7zXZ\x00", "xz"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"wOFF", "web font"),
        (b"\x00asm", "WebAssembly"),
    ];
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, kind)| *kind)
}

/// UTF-16 text saved without a BOM shows a NUL in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nuls = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd_nuls * 10 >= pairs * 9 && even_nuls * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nuls * 10 >= pairs * 9 && odd_nuls * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// One rule for binary data, the same wherever in the input and however
/// long it is: text (outside UTF-16, handled before) holds no NUL byte at
/// all, and C0 control bytes besides tab, line feed, carriage return, form
/// feed and escape make up at most 2% of the whole input.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    if let Some(offset) = bytes.iter().position(|b| *b == 0) {
        return Some(format!("binary data (a NUL byte at offset {offset}; text has none)"));
    }
    let controls = bytes.iter().filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    (controls * 100 > bytes.len().max(1) * 2).then(|| "binary data (control bytes, not text)".to_owned())
}

/// For text that is UTF-8 but for a few stray bytes (a damaged file, two
/// files pasted together): the warning to give when it is read as UTF-8
/// with those bytes replaced, instead of guessing a legacy encoding that
/// would garble every accented letter ("cÃ©dÃ©"). Valid multi-byte
/// sequences must outnumber the invalid ones four to one; a legacy file
/// (Windows-1252, ISO-8859-x) almost never holds valid UTF-8 sequences.
fn mostly_utf8(bytes: &[u8]) -> Option<String> {
    let (mut valid_multibyte, mut invalid, mut first_invalid) = (0usize, 0usize, None);
    let mut rest = bytes;
    let mut offset = 0;
    loop {
        let (valid, error) = match std::str::from_utf8(rest) {
            Ok(valid) => (valid, None),
            Err(error) => {
                let valid = std::str::from_utf8(&rest[..error.valid_up_to()]).unwrap_or_default();
                (valid, Some(error))
            }
        };
        valid_multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
        let Some(error) = error else { break };
        invalid += 1;
        first_invalid.get_or_insert(offset + error.valid_up_to());
        let skip = error.valid_up_to() + error.error_len().unwrap_or(rest.len() - error.valid_up_to());
        offset += skip;
        rest = &rest[skip..];
    }
    let first = first_invalid?;
    (valid_multibyte >= invalid.saturating_mul(4)).then(|| {
        let what = if invalid == 1 {
            "1 byte sequence that is".to_owned()
        } else {
            format!("{invalid} byte sequences that are")
        };
        format!("{what} not valid UTF-8 (first at offset {first}) replaced by U+FFFD; the rest is read as UTF-8")
    })
}

/// A `<meta charset="...">` or `<meta http-equiv ... content="...charset=...">`
/// in the first 4 KiB, as browsers pre-scan for it.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let needle = b"charset=";
    let position = lower.windows(needle.len()).position(|w| w == needle)?;
    let rest = &lower[position + needle.len()..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    let label = &rest[..end];
    let encoding = Encoding::for_label(label)?;
    // A page that declares UTF-16 but reached here is not UTF-16 (no BOM, not
    // the NUL pattern); browsers treat that declaration as UTF-8.
    if encoding == UTF_16LE || encoding == UTF_16BE { None } else { Some(encoding) }
}

fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_loses_the_bom() {
        let decoded = decode_bytes("\u{feff}Hello".as_bytes()).expect("text");
        assert_eq!(decoded.text, "Hello");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le = vec![0xff, 0xfe];
        le.extend("Fluten über Velmora".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_bytes(&le).expect("text").text, "Fluten über Velmora");
        let be: Vec<u8> = "Dam breach in Velmora".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let decoded = decode_bytes(&be).expect("text");
        assert_eq!(decoded.text, "Dam breach in Velmora");
        assert_eq!(decoded.encoding, "UTF-16BE");
    }

    #[test]
    fn windows_1252_is_guessed() {
        let bytes = b"The caf\xe9 on Mill Street said \x93we are open\x94 to everyone who fled the flood.";
        let decoded = decode_bytes(bytes).expect("text");
        assert!(decoded.text.contains("café"), "{}", decoded.text);
        assert!(decoded.text.contains('\u{201c}'));
    }

    #[test]
    fn declared_koi8_is_honoured() {
        let (body, _, _) = encoding_rs::KOI8_R.encode("Прорыв дамбы");
        let mut bytes = b"<html><head><meta charset=\"koi8-r\"></head><body>".to_vec();
        bytes.extend_from_slice(&body);
        let decoded = decode_bytes(&bytes).expect("text");
        assert!(decoded.text.contains("Прорыв дамбы"));
        assert_eq!(decoded.encoding, "KOI8-R");
    }

    #[test]
    fn a_declared_charset_outranks_meta_and_guess() {
        let (body, _, _) = encoding_rs::KOI8_R.encode("Прорыв дамбы");
        let mut bytes = b"<meta charset=\"windows-1251\">".to_vec();
        bytes.extend_from_slice(&body);
        assert_eq!(decode_bytes_with_charset(&bytes, Some("koi8-r")).expect("text").encoding, "KOI8-R");
        assert_eq!(decode_bytes_with_charset(&bytes, None).expect("text").encoding, "windows-1251");
        // Valid UTF-8 stays UTF-8 whatever the header claims.
        let utf8 = "Café".as_bytes();
        assert_eq!(decode_bytes_with_charset(utf8, Some("iso-8859-1")).expect("text").text, "Café");
    }

    #[test]
    fn mostly_valid_utf8_stays_utf8_with_a_warning() {
        let mut bytes = "Miloševića, cédé, Zoë ".as_bytes().to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice(" and the rest.".as_bytes());
        let decoded = decode_bytes(&bytes).expect("text");
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.text, "Miloševića, cédé, Zoë \u{fffd} and the rest.");
        let warning = decoded.warning.expect("a warning");
        assert!(warning.starts_with("1 byte sequence that is not valid UTF-8 (first at offset 27)"), "{warning}");
        // Legacy text has no valid multi-byte sequences: still a legacy encoding, no warning.
        let legacy = decode_bytes(b"The caf\xe9 and the cr\xe8che were cleared.").expect("text");
        assert_eq!((legacy.text.as_str(), legacy.warning), ("The café and the crèche were cleared.", None));
        // As many bad sequences as good ones: not "mostly" UTF-8.
        assert_eq!(
            mostly_utf8("é\u{e9}".as_bytes().iter().chain(b"\xff\xfe").copied().collect::<Vec<u8>>().as_slice()),
            None
        );
    }

    #[test]
    fn binary_is_one_rule_wherever_the_bytes_are() {
        let short = b"The\0 dam burst.";
        let long: Vec<u8> = b"The dam burst. ".repeat(10_000).into_iter().chain([0]).collect();
        assert_eq!(
            decode_bytes(short),
            Err(IngestError::NotAnArticle("binary data (a NUL byte at offset 3; text has none)".into()))
        );
        assert_eq!(
            decode_bytes(&long),
            Err(IngestError::NotAnArticle("binary data (a NUL byte at offset 150000; text has none)".into()))
        );
        // Control bytes count over the whole input, not a sample of its start.
        let mut late_controls = b"The dam burst. ".repeat(1_000);
        late_controls.extend(std::iter::repeat_n(0x01, 1_000));
        assert!(decode_bytes(&late_controls).is_err());
        let mut few_controls = b"The dam burst. ".repeat(1_000);
        few_controls.extend(std::iter::repeat_n(0x01, 100));
        assert!(decode_bytes(&few_controls).is_ok());
    }

    #[test]
    fn binary_files_are_refused() {
        assert_eq!(
            decode_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(IngestError::NotAnArticle("PNG image data".into()))
        );
        assert!(decode_bytes(b"\x7fELF\x02\x01\x01").is_err());
        assert!(decode_bytes(b"abc\0\0\x01\x02def").is_err());
    }
}
