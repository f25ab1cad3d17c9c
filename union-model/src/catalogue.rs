//! The element catalogue: the controls outputs query, their sub-elements,
//! states, hints and attributes — the contract between themes and outputs.
//!
//! Generated from `schema/elements.toml` (see `docs/elements.md`). A control
//! is queried as its own element; its parts are child elements of the
//! sub-element types (`Slider > Handle`), told apart by hints where a control
//! has several parts of one type (`SpinBox > Indicator.up`).

use crate::selectors::State;

/// A named hint (or sub-element type) with its meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HintInfo {
    /// The name.
    pub name: &'static str,
    /// What it means.
    pub doc: &'static str,
}

/// An attribute a control carries, with its possible values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttributeInfo {
    /// The attribute name.
    pub name: &'static str,
    /// The values outputs set.
    pub values: &'static [&'static str],
    /// What it means.
    pub doc: &'static str,
}

/// One control of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ControlInfo {
    /// The element type outputs use.
    pub name: &'static str,
    /// What the control is.
    pub doc: &'static str,
    /// The sub-element types it has (queried as its children).
    pub sub_elements: &'static [&'static str],
    /// The states outputs set on it.
    pub states: &'static [State],
    /// Hints outputs may set on it.
    pub hints: &'static [HintInfo],
    /// Attributes outputs set on it.
    pub attributes: &'static [AttributeInfo],
    /// Hints that tell its sub-elements of one type apart.
    pub sub_element_hints: &'static [HintInfo],
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The control called `name` (exact, as outputs write it).
pub fn control(name: &str) -> Option<&'static ControlInfo> {
    CONTROLS.iter().find(|c| c.name == name)
}

/// Whether `name` is a sub-element type.
pub fn is_sub_element(name: &str) -> bool {
    SUB_ELEMENTS.iter().any(|s| s.name == name)
}
