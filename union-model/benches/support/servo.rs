//! servo's `selectors` crate wired to Union's query chains, for comparison.
//!
//! `ServoImpl` is the smallest `SelectorImpl` that parses what the synthetic
//! theme uses (types, ids, classes, attributes, state pseudo-classes,
//! structural pseudo-classes, combinators); `ServoElement` implements servo's
//! `Element` trait over the same [`ChainCursor`] Union's matcher walks.

use cssparser::ToCss;
use precomputed_hash::PrecomputedHash;
use selectors::attr::{AttrSelectorOperation, CaseSensitivity, NamespaceConstraint};
use selectors::bloom::BloomFilter;
use selectors::context::{
    MatchingContext, MatchingForInvalidation, MatchingMode, NeedsSelectorFlags, QuirksMode,
    SelectorCaches,
};
use selectors::matching::{ElementSelectorFlags, matches_selector};
use selectors::parser::{ParseRelative, SelectorList, SelectorParseErrorKind};
use selectors::{OpaqueElement, SelectorImpl};
use std::borrow::Borrow;
use std::fmt;
use union_model::State;
use union_model::cascade::ChainCursor;
use union_model::selectors::{Element as _, Name};

/// An interned-enough string: text plus a precomputed hash.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Atom {
    text: Box<str>,
    hash: u32,
}

impl From<&str> for Atom {
    fn from(text: &str) -> Self {
        let hash = Name::new(text).hash_value() as u32;
        Atom {
            text: text.into(),
            hash,
        }
    }
}

impl AsRef<str> for Atom {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl Borrow<str> for Atom {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl PrecomputedHash for Atom {
    fn precomputed_hash(&self) -> u32 {
        self.hash
    }
}

impl ToCss for Atom {
    fn to_css<W: fmt::Write>(&self, dest: &mut W) -> fmt::Result {
        dest.write_str(&self.text)
    }
}

/// State pseudo-classes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PseudoClass(State);

impl ToCss for PseudoClass {
    fn to_css<W: fmt::Write>(&self, dest: &mut W) -> fmt::Result {
        write!(dest, ":{}", self.0.css_name())
    }
}

impl selectors::parser::NonTSPseudoClass for PseudoClass {
    fn is_active_or_hover(&self) -> bool {
        matches!(self.0, State::Hovered | State::Pressed)
    }
    fn is_user_action_state(&self) -> bool {
        matches!(self.0, State::Hovered | State::Pressed | State::Focused)
    }
}

/// No pseudo-elements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoPseudoElement {}

impl ToCss for NoPseudoElement {
    fn to_css<W: fmt::Write>(&self, _dest: &mut W) -> fmt::Result {
        match *self {}
    }
}

impl selectors::parser::PseudoElement for NoPseudoElement {}

/// The selector implementation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServoImpl;

impl SelectorImpl for ServoImpl {
    type ExtraMatchingData<'a> = ();
    type AttrValue = Atom;
    type Identifier = Atom;
    type LocalName = Atom;
    type NamespaceUrl = Atom;
    type NamespacePrefix = Atom;
    type BorrowedNamespaceUrl = str;
    type BorrowedLocalName = str;
    type NonTSPseudoClass = PseudoClass;
    type PseudoElement = NoPseudoElement;
}

struct ServoParser;

impl<'i> selectors::parser::Parser<'i> for ServoParser {
    type Impl = ServoImpl;
    type Error = SelectorParseErrorKind;

    fn parse_non_ts_pseudo_class(
        &self,
        name: &str,
    ) -> Result<PseudoClass, cssparser::ParseError<Self::Error>> {
        State::from_css_name(name).map(PseudoClass).ok_or_else(|| {
            cssparser::ParseError::custom(SelectorParseErrorKind::UnsupportedPseudoClassOrElement)
        })
    }
}

/// A parsed selector list.
pub type List = SelectorList<ServoImpl>;

/// Parses a selector list; panics on bad input (the bench writes valid CSS).
pub fn parse(css: &str) -> SelectorList<ServoImpl> {
    let mut parser = cssparser::Parser::new(css);
    SelectorList::parse(&ServoParser, &mut parser, ParseRelative::No)
        .unwrap_or_else(|e| panic!("servo could not parse {css:?}: {e:?}"))
}

/// servo's view of an element of a Union chain.
#[derive(Clone, Copy, Debug)]
pub struct ServoElement<'a>(pub ChainCursor<'a>);

impl selectors::Element for ServoElement<'_> {
    type Impl = ServoImpl;

    fn opaque(&self) -> OpaqueElement {
        OpaqueElement::new(self.0.element())
    }
    fn parent_element(&self) -> Option<Self> {
        self.0.parent().map(ServoElement)
    }
    fn parent_node_is_shadow_root(&self) -> bool {
        false
    }
    fn containing_shadow_host(&self) -> Option<Self> {
        None
    }
    fn is_pseudo_element(&self) -> bool {
        false
    }
    fn prev_sibling_element(&self) -> Option<Self> {
        // servo's matcher has no notion of an unknown sibling.
        self.0
            .prev_sibling()
            .filter(|c| !c.is_unknown())
            .map(ServoElement)
    }
    fn next_sibling_element(&self) -> Option<Self> {
        None
    }
    fn first_element_child(&self) -> Option<Self> {
        None
    }
    fn is_html_element_in_html_document(&self) -> bool {
        true
    }
    fn has_local_name(&self, local_name: &str) -> bool {
        self.0.element().type_key().as_str() == local_name
    }
    fn has_namespace(&self, _ns: &str) -> bool {
        true
    }
    fn is_same_type(&self, other: &Self) -> bool {
        self.0.element().type_key() == other.0.element().type_key()
    }
    fn attr_matches(
        &self,
        _ns: &NamespaceConstraint<&Atom>,
        local_name: &Atom,
        operation: &AttrSelectorOperation<&Atom>,
    ) -> bool {
        self.0
            .element()
            .attribute_text(&local_name.text)
            .is_some_and(|value| operation.eval_str(value))
    }
    fn match_non_ts_pseudo_class(
        &self,
        pc: &PseudoClass,
        _context: &mut MatchingContext<'_, ServoImpl>,
    ) -> bool {
        self.0.element().states().contains(pc.0)
    }
    fn match_pseudo_element(
        &self,
        pe: &NoPseudoElement,
        _context: &mut MatchingContext<'_, ServoImpl>,
    ) -> bool {
        match *pe {}
    }
    fn apply_selector_flags(&self, _flags: ElementSelectorFlags) {}
    fn is_link(&self) -> bool {
        false
    }
    fn is_html_slot_element(&self) -> bool {
        false
    }
    fn has_id(&self, id: &Atom, case_sensitivity: CaseSensitivity) -> bool {
        self.0
            .element()
            .id()
            .is_some_and(|own| case_sensitivity.eq(own.as_str().as_bytes(), id.text.as_bytes()))
    }
    fn has_class(&self, name: &Atom, case_sensitivity: CaseSensitivity) -> bool {
        self.0
            .element()
            .hints()
            .iter()
            .any(|hint| case_sensitivity.eq(hint.as_str().as_bytes(), name.text.as_bytes()))
    }
    fn has_custom_state(&self, _name: &Atom) -> bool {
        false
    }
    fn imported_part(&self, _name: &Atom) -> Option<Atom> {
        None
    }
    fn is_part(&self, _name: &Atom) -> bool {
        false
    }
    fn is_empty(&self) -> bool {
        false
    }
    fn is_root(&self) -> bool {
        self.0.parent().is_none()
    }
    fn add_element_unique_hashes(&self, _filter: &mut BloomFilter) -> bool {
        false
    }
}

/// Reusable matching state.
#[derive(Default)]
pub struct Matcher {
    caches: SelectorCaches,
}

impl Matcher {
    /// Whether any selector of `list` matches `element`.
    pub fn matches(&mut self, list: &SelectorList<ServoImpl>, element: ServoElement<'_>) -> bool {
        let mut context = MatchingContext::new(
            MatchingMode::Normal,
            None,
            &mut self.caches,
            QuirksMode::NoQuirks,
            NeedsSelectorFlags::No,
            MatchingForInvalidation::No,
        );
        list.slice()
            .iter()
            .any(|s| matches_selector(s, 0, None, element, &mut context))
    }
}
