//! The hash that places a table's keys in its slot index (built by
//! `build.rs`, which compiles this file too, and read by
//! [`super::lookup`]): 64-bit FNV-1a of the key's bytes.

/// FNV-1a (64-bit) of `key`.
#[must_use]
pub fn hash(key: &[u8]) -> u64 {
    key.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

/// The number of slots for `keys` keys: the power of two at least twice
/// their number, so a probe run stays short.
#[must_use]
#[cfg_attr(not(test), allow(dead_code))]
pub fn slot_count(keys: usize) -> usize {
    (keys.max(1) * 2).next_power_of_two()
}
