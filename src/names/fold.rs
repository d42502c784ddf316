//! The transliteration key names are compared by: one spelling for the
//! romanisations of a name. Used by the word comparison (`key`) and the
//! given-name table (`given`), which neither imports the other for it.

/// A transliteration-folding key: spellings of one name in different
/// romanisations get the same key (Kuznetsov, Kouznetsov, Kusnezow →
/// "kuznezov"; Yevgeny, Evgeny, Jewgeni → "evgeni"; John, Jon → "ion").
#[must_use]
pub fn fold_key(word: &str) -> String {
    let mut key = crate::normalize::fold_diacritics_lower(word);
    key.retain(|c| c.is_alphanumeric() || c == '-');
    for (from, to) in [("ye", "e"), ("je", "e"), ("ie", "e")] {
        if let Some(rest) = key.strip_prefix(from) {
            key = format!("{to}{rest}");
        }
    }
    for (from, to) in [
        ("tsch", "ch"),
        ("sch", "sh"),
        ("tch", "ch"),
        ("ou", "u"),
        ("ph", "f"),
        ("w", "v"),
        ("kh", "h"),
        ("gh", "g"),
        ("ck", "k"),
        ("ts", "z"),
        ("tz", "z"),
        ("dz", "z"),
        ("x", "ks"),
        ("q", "k"),
        ("s", "z"),
        ("y", "i"),
        ("j", "i"),
    ] {
        if key.contains(from) {
            key = key.replace(from, to);
        }
    }
    if let Some(stem) = key.strip_suffix("re") {
        key = format!("{stem}er");
    }
    if let Some(stem) = key.strip_suffix("ch") {
        key = format!("{stem}c");
    }
    // A silent h after a vowel (John → Jon).
    let chars: Vec<char> = key.chars().collect();
    let mut out = String::with_capacity(key.len());
    for (i, c) in chars.iter().enumerate() {
        let after_vowel = i > 0 && "aeiou".contains(chars[i - 1]);
        let before_consonant_or_end = chars.get(i + 1).is_none_or(|n| !"aeiou".contains(*n));
        if *c == 'h' && after_vowel && before_consonant_or_end {
            continue;
        }
        if out.ends_with(*c) {
            continue; // double letters
        }
        out.push(*c);
    }
    out
}
