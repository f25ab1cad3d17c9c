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
#[derive(Clone, Copy, Debug, PartialEq)]
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
    pub sub_element_hints: &'static [SubHintInfo],
    /// The label drawn when the caller gives none ("" for controls that
    /// show no text by default).
    pub sample_text: &'static str,
    /// How its value-driven parts are placed, for range controls and
    /// switches.
    pub placement: Option<PlacementInfo>,
}

/// A hint that tells apart several parts of one sub-element type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubHintInfo {
    /// The sub-element type it is on.
    pub on: &'static str,
    /// The hint.
    pub name: &'static str,
    /// What it means.
    pub doc: &'static str,
}

/// The behaviour that places a control's value-driven parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Groove along the orientation, a handle travelling inside it by
    /// value, the fill from the groove's start to the handle's centre.
    Slider,
    /// A slider with handles `.first` and `.second`, the fill between them.
    RangeSlider,
    /// A groove with the fill from its start to the value.
    Progress,
    /// Step buttons at both ends, the groove between, a handle in it.
    Scroll,
    /// The handle inside the indicator (the track), by its alignment.
    Switch,
}

/// A control's placement and default length.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacementInfo {
    /// Which behaviour.
    pub kind: Placement,
    /// Default length along the orientation, logical px (0 for switches).
    pub length: f32,
}

impl ControlInfo {
    /// The hints a part of sub-element type `sub` is queried with: one part
    /// per hint, or one part without a hint (`""`).
    pub fn part_hints<'a>(&self, sub: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        let mut hinted = self
            .sub_element_hints
            .iter()
            .filter(move |h| h.on == sub)
            .map(|h| h.name)
            .peekable();
        let plain = hinted.peek().is_none().then_some("");
        plain.into_iter().chain(hinted)
    }
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
