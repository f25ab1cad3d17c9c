//! The property tree, generated from `schema/properties.toml`.
//!
//! [`Style`] holds every leaf as a [`Slot`], grouped as the schema groups
//! them (`style.border.top.width`). [`PropertyId`] names a leaf; its
//! [`PropertyInfo`] gives the CSS name, value type, grammar, initial value,
//! whether it inherits, and its documentation.

use crate::slot::Slot;
use std::fmt;

include!(concat!(env!("OUT_DIR"), "/properties.rs"));
include!(concat!(env!("OUT_DIR"), "/schema_hash.rs"));

/// What the schema says about one property.
#[derive(Clone, Copy, Debug)]
pub struct PropertyInfo {
    /// The property.
    pub id: PropertyId,
    /// Field path below [`Style`], e.g. `border.top.width`.
    pub path: &'static str,
    /// The top-level group.
    pub group: &'static str,
    /// The CSS property name.
    pub css_name: &'static str,
    /// The value type's name in [`crate::values`].
    pub value_type: &'static str,
    /// The CSS value grammar.
    pub grammar: &'static str,
    /// What outputs draw when the leaf is unset (documentation only: the
    /// model never fills unset leaves in).
    pub initial: &'static str,
    /// Whether an unset leaf takes the parent element's value.
    pub inherited: bool,
    /// Documentation.
    pub doc: &'static str,
}

impl PropertyId {
    /// What the schema says about this property.
    pub fn info(self) -> &'static PropertyInfo {
        &PROPERTIES[self as usize]
    }

    /// The CSS property name.
    pub fn css_name(self) -> &'static str {
        self.info().css_name
    }

    /// The leaf's index, `0..PROPERTY_COUNT`.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the property inherits.
    pub fn inherited(self) -> bool {
        self.info().inherited
    }
}

impl fmt::Display for PropertyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.css_name())
    }
}

impl Style {
    /// The decided leaves (set or none), in schema order.
    pub fn decided(&self) -> impl Iterator<Item = (PropertyId, Slot<Value>)> + '_ {
        PropertyId::ALL
            .iter()
            .map(|id| (*id, self.get(*id)))
            .filter(|(_, slot)| slot.is_decided())
    }

    /// The decided leaves as CSS declarations, one per line
    /// (`border-top-width: 1px;`, `background-color: none;`): a readable dump
    /// used by `union inspect` and structured snapshots.
    pub fn to_css_declarations(&self) -> String {
        let mut out = String::new();
        for (id, slot) in self.decided() {
            let value = match slot {
                Slot::Set(value) => value.to_string(),
                Slot::None | Slot::Unset => "none".to_owned(),
            };
            out.push_str(id.css_name());
            out.push_str(": ");
            out.push_str(&value);
            out.push_str(";\n");
        }
        out
    }
}

/// A fixed-size set of [`PropertyId`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PropertySet([u64; PROPERTY_COUNT.div_ceil(64)]);

impl PropertySet {
    /// Whether `id` is in the set.
    #[inline]
    pub fn contains(&self, id: PropertyId) -> bool {
        let i = id.index();
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    /// Adds `id`; returns whether it was new.
    #[inline]
    pub fn insert(&mut self, id: PropertyId) -> bool {
        let i = id.index();
        let word = &mut self.0[i / 64];
        let bit = 1 << (i % 64);
        let new = *word & bit == 0;
        *word |= bit;
        new
    }
}
