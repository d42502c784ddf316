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
        return Ok(Decoded { text: text.into_owned(), encoding: encoding.name() });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Ok(Decoded { text: text.into_owned(), encoding: encoding.name() });
    }
    if looks_binary(bytes) {
        return Err(IngestError::NotAnArticle("binary data (control bytes, not text)".into()));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_owned(), encoding: UTF_8.name() });
    }
    let from_header = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    let from_header = from_header.filter(|e| *e != UTF_16LE && *e != UTF_16BE && *e != UTF_8);
    let encoding = from_header.or_else(|| declared_charset(bytes)).unwrap_or_else(|| guess_encoding(bytes));
    let (text, _, _) = encoding.decode(bytes);
    Ok(Decoded { text: text.into_owned(), encoding: encoding.name() })
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

/// Text has almost no C0 control bytes besides tab, newline and carriage return.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample.iter().filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    controls * 100 > sample.len().max(1) * 2
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
    fn binary_files_are_refused() {
        assert_eq!(
            decode_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(IngestError::NotAnArticle("PNG image data".into()))
        );
        assert!(decode_bytes(b"\x7fELF\x02\x01\x01").is_err());
        assert!(decode_bytes(b"abc\0\0\x01\x02def").is_err());
    }
}
