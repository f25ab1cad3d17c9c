//! # union-selectors
//!
//! The selector engine of Union: a small, typed selector syntax tree, CSS
//! specificity, and right-to-left matching with correct backtracking over any
//! tree that implements [`Element`].
//!
//! ## What it does
//! - Simple selectors: type (ASCII case-insensitive), `#id`, `.hint`
//!   (case-sensitive, like CSS classes), state pseudo-classes ([`State`]),
//!   attributes (`[a]`, `=`, `~=`, `|=`, `^=`, `$=`, `*=`, and the `i` flag),
//!   `*`, `:not()`, `:is()`, `:where()`, `:first-child`, `:last-child`,
//!   `:only-child`, `:nth-child(An+B)`, `:nth-last-child(An+B)`, `:root`, `:dir()`.
//! - Combinators: descendant, child, next sibling (`+`), later sibling (`~`).
//! - [`Specificity`] is the CSS (ids, class-likes, types) tuple.
//! - [`Selector::index_key`] names the bucket a rule belongs to in a rule index.
//!
//! ## What it does not do
//! - It does not parse CSS: inputs build the tree (the CSS input converts
//!   lightningcss' parsed selectors into it).
//! - It has no notion of rules, properties or cascade order: that is `union-model`.
//! - No pseudo-elements, `:has()`, namespaces, or `:nth-child(An+B of S)`.
//!
//! ## Case rules
//! Element types and attribute *names* compare ASCII case-insensitively; ids,
//! hints and attribute *values* compare case-sensitively (values fold case
//! with the `i` flag). This follows CSS for HTML documents.

#![forbid(unsafe_code)]

mod ast;
mod display;
mod matching;
mod name;
mod specificity;
mod state;

pub use ast::{
    AttributeOperation, AttributeOperator, AttributeSelector, Combinator, Compound,
    INLINE_COMPOUNDS, INLINE_PARTS, IndexKey, NthIndex, Selector, SelectorList, Simple,
};
pub use matching::{AttributeRef, Element, Position, matches, matches_any};
pub use name::{Name, mix64};
pub use specificity::Specificity;
pub use state::{Direction, State, StateSet};
