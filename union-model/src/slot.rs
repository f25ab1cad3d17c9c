//! [`Slot`]: one leaf's state in a rule or a computed style.

use crate::values::{LengthContext, PropertyValue};

/// The state of one property leaf.
///
/// The three states are kept apart on purpose (KDE Union's lesson): an
/// *unset* leaf falls through to lower-priority rules, while *none* is a
/// decision ("no background") that blocks them.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Slot<T> {
    /// Nothing said: lower-priority rules (or inheritance) decide.
    #[default]
    Unset,
    /// Set to nothing: draw nothing for this leaf, and ignore lower rules.
    None,
    /// Set to a value.
    Set(T),
}

impl<T> Slot<T> {
    /// Whether the leaf is unset.
    pub fn is_unset(&self) -> bool {
        matches!(self, Slot::Unset)
    }

    /// Whether the leaf is set or none (that is, decided).
    pub fn is_decided(&self) -> bool {
        !self.is_unset()
    }

    /// The value, if set.
    pub fn value(&self) -> Option<&T> {
        match self {
            Slot::Set(value) => Some(value),
            Slot::Unset | Slot::None => None,
        }
    }

    /// The value if set, else `default` (for unset *and* none).
    pub fn value_or<'a>(&'a self, default: &'a T) -> &'a T {
        self.value().unwrap_or(default)
    }

    /// Maps the value of a set slot.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Slot<U> {
        match self {
            Slot::Unset => Slot::Unset,
            Slot::None => Slot::None,
            Slot::Set(value) => Slot::Set(f(value)),
        }
    }
}

impl<T: PropertyValue> Slot<T> {
    pub(crate) fn resolve_lengths(&mut self, context: &LengthContext) {
        if let Slot::Set(value) = self {
            value.resolve_lengths(context);
        }
    }
}

/// Serialised as the value, `null` for none; unset leaves are skipped by the
/// containing struct (and read back as unset when missing).
impl<T: serde::Serialize> serde::Serialize for Slot<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Slot::Set(value) => value.serialize(serializer),
            Slot::None | Slot::Unset => serializer.serialize_none(),
        }
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Slot<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer)? {
            Some(value) => Slot::Set(value),
            None => Slot::None,
        })
    }
}
