//! Hashed names: the identifiers selectors compare (types, ids, hints, attribute names).

use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// An immutable string with a precomputed 64-bit hash.
///
/// Selector matching compares names many times per query; comparing the hash
/// first makes a mismatch cost one integer comparison. Equality still checks
/// the text, so a hash collision can never produce a false match.
#[derive(Clone)]
pub struct Name {
    hash: u64,
    text: Arc<str>,
}

impl Name {
    /// Makes a name from text, keeping its case.
    pub fn new(text: &str) -> Self {
        Self {
            hash: hash_str(text),
            text: Arc::from(text),
        }
    }

    /// Makes a name from text folded to ASCII lower case; used for names that
    /// compare case-insensitively (element types, attribute names).
    pub fn lowercase(text: &str) -> Self {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            Self::new(&text.to_ascii_lowercase())
        } else {
            Self::new(text)
        }
    }

    /// The text of the name.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The precomputed hash (stable within a process run; used as the rule-index key).
    pub fn hash_value(&self) -> u64 {
        self.hash
    }
}

impl PartialEq for Name {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && (Arc::ptr_eq(&self.text, &other.text) || self.text == other.text)
    }
}

impl Eq for Name {}

impl Hash for Name {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.text.cmp(&other.text)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text, f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl serde::Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> serde::Deserialize<'de> for Name {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(NameVisitor)
    }
}

/// Makes a name straight from the deserializer's text (borrowed when the
/// format allows), without an intermediate `String`.
struct NameVisitor;

impl serde::de::Visitor<'_> for NameVisitor {
    type Value = Name;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a name")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Name, E> {
        Ok(Name::new(text))
    }
}

/// 64-bit FNV-1a followed by a final avalanche step. Names are short, so the
/// per-byte loop is cheap, and the mixing step spreads short names over the
/// whole key space for the rule index.
pub(crate) fn hash_str(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix64(hash)
}

/// The finaliser of `SplitMix64`: a bijective avalanche of a 64-bit value.
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_text_is_equal_name_and_case_matters_unless_folded() {
        assert_eq!(Name::new("Button"), Name::new("Button"));
        assert_ne!(Name::new("Button"), Name::new("button"));
        assert_eq!(Name::lowercase("Button"), Name::new("button"));
        assert_eq!(Name::lowercase("button").as_str(), "button");
    }

    #[test]
    fn hashes_spread_short_names() {
        let names = ["a", "b", "ab", "ba", "button", "Button"];
        let mut hashes: Vec<u64> = names.iter().map(|n| hash_str(n)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), names.len());
    }
}
