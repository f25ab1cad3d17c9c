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
    text: Text,
}

/// A name's text: a permanent atom (see [`atoms`]), which names copy and
/// drop without touching a reference count, or, for a name the atom table
/// does not take, a shared allocation of its own.
#[derive(Clone)]
enum Text {
    Atom(&'static Atom),
    Own(Arc<Atom>),
}

/// The text behind a name (a thin pointer to it keeps [`Name`] small).
#[derive(PartialEq)]
struct Atom(Box<str>);

impl Text {
    fn atom(&self) -> &Atom {
        match self {
            Text::Atom(atom) => atom,
            Text::Own(own) => own,
        }
    }

    fn as_str(&self) -> &str {
        &self.atom().0
    }
}

impl Name {
    /// Makes a name from text, keeping its case. Names are atoms: equal text
    /// made anywhere in the process shares one permanent copy (a bounded
    /// atom table).
    pub fn new(text: &str) -> Self {
        let hash = hash_str(text);
        Self {
            hash,
            text: atoms::intern(hash, text),
        }
    }

    /// Makes a name from text folded to ASCII lower case; used for names that
    /// compare case-insensitively (element types, attribute names).
    pub fn lowercase(text: &str) -> Self {
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Self::new(text);
        }
        // Names are short: fold on the stack, so a name already in the atom
        // table (`Button` once `button` exists) costs no allocation.
        let mut buffer = [0u8; 64];
        if let Some(folded) = buffer.get_mut(..text.len()) {
            folded.copy_from_slice(text.as_bytes());
            folded.make_ascii_lowercase();
            if let Ok(folded) = std::str::from_utf8(folded) {
                return Self::new(folded);
            }
        }
        Self::new(&text.to_ascii_lowercase())
    }

    /// The text of the name.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The precomputed hash (stable within a process run; used as the rule-index key).
    pub fn hash_value(&self) -> u64 {
        self.hash
    }
}

impl PartialEq for Name {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && {
            let (a, b) = (self.text.atom(), other.text.atom());
            std::ptr::eq(a, b) || a == b
        }
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
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl serde::Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
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

/// The process-wide table of name texts.
///
/// Themes, elements and cached rules name the same few dozen types, hints
/// and ids over and over. Each distinct text is kept once, for the life of
/// the process, so making a name is a table lookup, copying or dropping one
/// touches no reference count, and equal names compare by pointer. The
/// table is bounded: it takes at most [`atoms::LIMIT`] texts of at most
/// [`atoms::LONGEST`] bytes (about a megabyte in all, however many themes
/// and elements a process sees); a name it does not take (a long one, one
/// made once the table is full, or the second of two texts with one hash)
/// gets an allocation of its own, shared by its clones and freed with the
/// last of them.
pub(crate) mod atoms {
    use super::{Atom, Text};
    use std::collections::HashMap;
    use std::hash::BuildHasherDefault;
    use std::sync::{Arc, Mutex, PoisonError};

    /// The most texts the table keeps.
    pub const LIMIT: usize = 4096;

    /// The longest text the table keeps, in bytes.
    pub const LONGEST: usize = 200;

    /// The keys are already well-mixed hashes ([`super::hash_str`]).
    #[derive(Default)]
    struct KeyHasher(u64);

    impl std::hash::Hasher for KeyHasher {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for &byte in bytes {
                self.0 = self.0.rotate_left(8) ^ u64::from(byte);
            }
        }
        fn write_u64(&mut self, value: u64) {
            self.0 = value;
        }
    }

    type Table = HashMap<u64, &'static Atom, BuildHasherDefault<KeyHasher>>;

    static TABLE: Mutex<Option<Table>> = Mutex::new(None);

    /// The text for `text` (whose hash is `hash`).
    pub(super) fn intern(hash: u64, text: &str) -> Text {
        let own = || Text::Own(Arc::new(Atom(Box::from(text))));
        if text.len() > LONGEST {
            return own();
        }
        let mut guard = TABLE.lock().unwrap_or_else(PoisonError::into_inner);
        let table = guard.get_or_insert_with(Table::default);
        if let Some(&atom) = table.get(&hash) {
            return if *atom.0 == *text {
                Text::Atom(atom)
            } else {
                own()
            };
        }
        if table.len() >= LIMIT {
            return own();
        }
        // Kept for the life of the process, within the bounds above.
        let atom: &'static Atom = Box::leak(Box::new(Atom(Box::from(text))));
        table.insert(hash, atom);
        Text::Atom(atom)
    }

    /// How many texts the table holds.
    #[cfg(test)]
    pub fn len() -> usize {
        TABLE
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map_or(0, HashMap::len)
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
        // Past the stack buffer, and with non-ASCII text (which is kept).
        let long = format!("{}Ä", "Ab".repeat(40));
        assert_eq!(
            Name::lowercase(&long).as_str(),
            format!("{}Ä", "ab".repeat(40))
        );
        assert_eq!(Name::lowercase("ÄbC").as_str(), "Äbc");
    }

    #[test]
    fn equal_names_share_their_text_and_the_table_stays_bounded() {
        let shares = |a: &Name, b: &Name| std::ptr::eq(a.text.atom(), b.text.atom());
        let a = Name::new("atom-test-shared");
        let b = Name::new("atom-test-shared");
        assert!(matches!(a.text, Text::Atom(_)));
        assert!(shares(&a, &b));
        // A long text is never an atom, yet equal to its twin.
        let long = "l".repeat(atoms::LONGEST + 1);
        let (c, d) = (Name::new(&long), Name::new(&long));
        assert!(matches!(c.text, Text::Own(_)));
        assert!(!shares(&c, &d));
        assert_eq!(c, d);
        assert_eq!(c.as_str(), long);
        // Past the limit, names are still made, equal and ordered, and the
        // table stops growing.
        for index in 0..(atoms::LIMIT + 10) {
            drop(Name::new(&format!("atom-test-{index}")));
        }
        assert!(atoms::len() <= atoms::LIMIT, "{}", atoms::len());
        let (e, f) = (Name::new("atom-test-late"), Name::new("atom-test-late"));
        assert!(matches!(e.text, Text::Own(_)));
        assert_eq!(e, f);
        assert_ne!(e, Name::new("atom-test-later"));
        assert!(e < Name::new("atom-test-later"));
        // Atoms made before the table filled are still shared.
        assert!(shares(&Name::new("atom-test-shared"), &a));
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
