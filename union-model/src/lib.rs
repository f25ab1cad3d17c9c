//! # union-model
//!
//! Union's intermediate element-style model — the layer every input compiles
//! into and every output asks.
//!
//! ## What it does
//! - **Elements and queries** ([`Element`], [`Query`], [`Context`]): what an
//!   output knows about the thing it draws — type, id, states, hints, typed
//!   attributes, position among siblings — as a chain from the root to the
//!   target, plus query-wide context (text direction, colour scheme, form
//!   factor, window activity, default font size).
//! - **The property schema** ([`Style`], [`PropertyId`], [`PROPERTIES`]): one
//!   typed tree of leaves generated from `schema/properties.toml`, each leaf a
//!   [`Slot`] that is unset, none, or set.
//! - **Symbolic colours** ([`values::Color`], [`Palette`]): palette roles and
//!   colour functions stay unresolved until paint time.
//! - **Rules and the cascade** ([`Rule`], [`RuleSet`], [`Theme`]): rules
//!   indexed by their subject's id / hint / type, matched with
//!   `union-selectors`, merged per leaf in CSS priority order (importance,
//!   specificity, source order), with inheritance of text properties.
//! - **The query engine** ([`Styler`]): answers "what does this element look
//!   like?" with a lock-free cache keyed by (theme generation, chain, context).
//! - **Themes, the registry and plugin seams** ([`ThemeRegistry`],
//!   [`InputPlugin`]): inputs register statically; themes can extend others.
//! - **The element catalogue** ([`catalogue`]) and **sub-element layout**
//!   ([`layout`]): which parts a control has, and where they go.
//! - **The control scene** ([`scene`]): the whole answer for one control in
//!   a state at a size — its parts, where each sits, each one's style and
//!   content — built once here so that every output only draws; with the
//!   plain geometry every output shares ([`geometry`]) and the schema's
//!   typed initial values ([`initial`]).
//!
//! ## What it does not do
//! - No parsing of CSS or SVG: that is the inputs' job (`union-input-css`,
//!   `union-input-plasma`).
//! - No drawing, no text shaping, no image decoding: outputs do that (the
//!   scene asks them for text sizes and whether an icon exists through
//!   [`scene::Measure`]). It depends on no raster, text or SVG crate.
//! - It never invents values: an unset leaf stays unset, and each output
//!   decides what to draw for it (the schema's `initial` documents the
//!   expected default).

#![forbid(unsafe_code)]

pub mod cascade;
pub mod catalogue;
pub mod chain;
pub mod custom;
mod diagnostic;
pub mod docs;
mod element;
pub mod files;
pub mod geometry;
pub mod icons;
pub mod initial;
pub mod layout;
mod palette;
mod plugin;
mod registry;
mod rule;
pub mod scene;
mod slot;
mod style;
mod styler;
mod theme;
pub mod values;

pub use diagnostic::{Diagnostic, Severity, SourceLocation};
pub use element::{AttributeValue, ColorScheme, Context, Element, FormFactor, Query};
pub use palette::Palette;
pub use plugin::{InputPlugin, LoadOutput};
pub use registry::{LoadError, LoadedTheme, MAX_EXTENDS_DEPTH, ReloadOutcome, ThemeRegistry};
pub use rule::{
    BlockDecoder, Condition, CustomProperties, CustomProperty, Declaration, DeclarationError,
    Declarations, DeclaredValue, DeferredValue, Importance, LaterBlocks, Rule, RuleSet,
    custom_properties, no_custom_properties,
};
pub use slot::Slot;
pub use style::*;

pub use style::{PROPERTIES, PROPERTY_COUNT, PropertyId, PropertyInfo, PropertySet, Style, Value};
pub use styler::{ComputedStyle, Styler};
pub use theme::{Theme, ThemeDefinition, ThemeMetadata};
pub use union_selectors as selectors;
pub use union_selectors::{Direction, State, StateSet};
