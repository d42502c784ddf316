//! What every report states about how it was made, in the words the
//! human-readable formats share: the settings as `name = value` lines and
//! figures written the same way everywhere.

use crate::Settings;

/// The parallax version that writes the reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The settings as `(dotted name, value)` pairs, in a stable order. Read off
/// the serialised settings so a new setting shows up without touching the
/// reports.
pub fn settings_pairs(settings: &Settings) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if let Ok(value) = serde_json::to_value(settings) {
        flatten("", &value, &mut pairs);
    }
    pairs
}

fn flatten(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::Object(map) => {
            // serde_json's map is ordered by key unless `preserve_order` is
            // on; sorting here keeps the output stable either way.
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            for (key, inner) in entries {
                let name = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                flatten(&name, inner, out);
            }
        }
        other => out.push((prefix.to_owned(), other.to_string())),
    }
}

/// The settings on one line: `matching.threshold=0.3; …`.
pub fn settings_line(settings: &Settings) -> String {
    settings_pairs(settings).iter().map(|(name, value)| format!("{name}={value}")).collect::<Vec<_>>().join("; ")
}

/// A figure for people and spreadsheets: `4500`, `0.4`, `2.5`; no `4500.0`,
/// no exponent for ordinary sizes. Infinite or NaN values give "".
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        // Exact: the value is integral and well inside i64's range.
        #[allow(clippy::cast_possible_truncation)]
        return format!("{}", value as i64);
    }
    format!("{value}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_listed_by_dotted_name() {
        let mut settings = Settings::default();
        settings.matching.threshold = 0.42;
        let pairs = settings_pairs(&settings);
        assert!(pairs.contains(&("matching.threshold".to_owned(), "0.42".to_owned())), "{pairs:?}");
        assert!(pairs.iter().any(|(name, _)| name.starts_with("discrepancies.")));
        let mut sorted = pairs.clone();
        sorted.sort();
        assert_eq!(pairs, sorted, "stable, sorted order");
    }

    #[test]
    fn numbers_are_written_plainly() {
        assert_eq!(format_number(4500.0), "4500");
        assert_eq!(format_number(-3.0), "-3");
        assert_eq!(format_number(0.4), "0.4");
        assert_eq!(format_number(f64::INFINITY), "");
    }
}
