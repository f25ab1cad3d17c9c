//! Elements, query chains and the query context.

use crate::selectors::{Direction, Name, Position, State, StateSet, mix64};
use std::collections::hash_map::DefaultHasher;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A typed attribute value. Selectors see its text form; `[a=v]` compares
/// numerically when both sides are numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum AttributeValue {
    /// Text.
    Text(Arc<str>),
    /// A number.
    Number(f64),
    /// A boolean (`true` / `false` to selectors).
    Bool(bool),
}

impl From<&str> for AttributeValue {
    fn from(text: &str) -> Self {
        AttributeValue::Text(Arc::from(text))
    }
}

impl From<f64> for AttributeValue {
    fn from(value: f64) -> Self {
        AttributeValue::Number(value)
    }
}

impl From<i32> for AttributeValue {
    fn from(value: i32) -> Self {
        AttributeValue::Number(f64::from(value))
    }
}

impl From<bool> for AttributeValue {
    fn from(value: bool) -> Self {
        AttributeValue::Bool(value)
    }
}

impl fmt::Display for AttributeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttributeValue::Text(text) => f.write_str(text),
            AttributeValue::Number(n) => write!(f, "{n}"),
            AttributeValue::Bool(b) => write!(f, "{b}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Attribute {
    pub(crate) name: Name,
    pub(crate) value: AttributeValue,
    pub(crate) text: Arc<str>,
}

/// What an output knows about one thing it draws.
///
/// Build one with [`Element::new`] and the `with_*` methods. Hints are kept
/// sorted and unique; attribute names are folded to lower case. Every
/// change recomputes the element's fingerprint, which the query cache uses,
/// so queries never re-hash elements.
#[derive(Clone, PartialEq)]
pub struct Element {
    type_name: Arc<str>,
    type_key: Name,
    id: Option<Name>,
    states: StateSet,
    hints: Vec<Name>,
    attributes: Vec<Attribute>,
    position: Option<Position>,
    preceding: Vec<Element>,
    fingerprint: u64,
}

impl Element {
    /// An element of type `type_name` (`Button`, `Indicator`, …).
    pub fn new(type_name: &str) -> Self {
        let mut element = Self {
            type_name: Arc::from(type_name),
            type_key: Name::lowercase(type_name),
            id: None,
            states: StateSet::EMPTY,
            hints: Vec::new(),
            attributes: Vec::new(),
            position: None,
            preceding: Vec::new(),
            fingerprint: 0,
        };
        element.refresh();
        element
    }

    /// Sets the id.
    #[must_use]
    pub fn with_id(mut self, id: &str) -> Self {
        self.id = Some(Name::new(id));
        self.refresh();
        self
    }

    /// Adds a state.
    #[must_use]
    pub fn with_state(mut self, state: State) -> Self {
        self.set_state(state, true);
        self
    }

    /// Replaces all states.
    #[must_use]
    pub fn with_states(mut self, states: StateSet) -> Self {
        self.states = states;
        self.refresh();
        self
    }

    /// Adds a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: &str) -> Self {
        self.set_hint(hint, true);
        self
    }

    /// Sets an attribute.
    #[must_use]
    pub fn with_attribute(mut self, name: &str, value: impl Into<AttributeValue>) -> Self {
        self.set_attribute(name, Some(value.into()));
        self
    }

    /// Sets the position among siblings (zero-based `index` of `count`).
    #[must_use]
    pub fn at_position(mut self, index: u32, count: u32) -> Self {
        self.position = Some(Position { index, count });
        self.refresh();
        self
    }

    /// Records the preceding siblings, in document order (the last one is the
    /// immediately preceding sibling). They make `+` and `~` matchable; an
    /// element without them matches no sibling combinator.
    #[must_use]
    pub fn with_preceding_siblings(mut self, siblings: Vec<Element>) -> Self {
        self.preceding = siblings;
        self.refresh();
        self
    }

    /// Turns a state on or off.
    pub fn set_state(&mut self, state: State, on: bool) {
        if on {
            self.states.insert(state);
        } else {
            self.states.remove(state);
        }
        self.refresh();
    }

    /// Adds or removes a hint.
    pub fn set_hint(&mut self, hint: &str, on: bool) {
        let name = Name::new(hint);
        match (self.hints.binary_search(&name), on) {
            (Err(at), true) => self.hints.insert(at, name),
            (Ok(at), false) => {
                self.hints.remove(at);
            }
            _ => {}
        }
        self.refresh();
    }

    /// Sets (`Some`) or removes (`None`) an attribute.
    pub fn set_attribute(&mut self, name: &str, value: Option<AttributeValue>) {
        let name = Name::lowercase(name);
        let found = self.attributes.binary_search_by(|a| a.name.cmp(&name));
        match (found, value) {
            (Ok(at), Some(value)) => {
                self.attributes[at].text = Arc::from(value.to_string());
                self.attributes[at].value = value;
            }
            (Err(at), Some(value)) => {
                let text = Arc::from(value.to_string());
                self.attributes.insert(at, Attribute { name, value, text });
            }
            (Ok(at), None) => {
                self.attributes.remove(at);
            }
            (Err(_), None) => {}
        }
        self.refresh();
    }

    /// The type as given.
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// The type folded to lower case (what type selectors compare).
    pub fn type_key(&self) -> &Name {
        &self.type_key
    }

    /// The id.
    pub fn id(&self) -> Option<&Name> {
        self.id.as_ref()
    }

    /// The states.
    pub fn states(&self) -> StateSet {
        self.states
    }

    /// The hints, sorted.
    pub fn hints(&self) -> &[Name] {
        &self.hints
    }

    /// Whether the element has `hint`.
    pub fn has_hint(&self, hint: &Name) -> bool {
        self.hints.contains(hint)
    }

    /// An attribute's value.
    pub fn attribute(&self, name: &str) -> Option<&AttributeValue> {
        let name = Name::lowercase(name);
        self.attribute_entry(&name).map(|a| &a.value)
    }

    /// An attribute's text form, looked up without allocating (names compare
    /// ASCII case-insensitively).
    pub fn attribute_text(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.name.as_str().eq_ignore_ascii_case(name))
            .map(|a| &*a.text)
    }

    pub(crate) fn attribute_entry(&self, name: &Name) -> Option<&Attribute> {
        self.attributes
            .binary_search_by(|a| a.name.cmp(name))
            .ok()
            .and_then(|at| self.attributes.get(at))
    }

    /// The position among siblings.
    pub fn position(&self) -> Option<Position> {
        self.position
    }

    /// The recorded preceding siblings, in document order.
    pub fn preceding_siblings(&self) -> &[Element] {
        &self.preceding
    }

    /// A 64-bit digest of everything selectors can see of the element.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    fn refresh(&mut self) {
        let mut hasher = DefaultHasher::new();
        self.type_key.as_str().hash(&mut hasher);
        self.id.as_ref().map(Name::as_str).hash(&mut hasher);
        self.states.bits().hash(&mut hasher);
        for hint in &self.hints {
            hint.as_str().hash(&mut hasher);
        }
        0xffu8.hash(&mut hasher);
        for attribute in &self.attributes {
            attribute.name.as_str().hash(&mut hasher);
            attribute.text.hash(&mut hasher);
            if let AttributeValue::Number(n) = attribute.value {
                n.to_bits().hash(&mut hasher);
            }
        }
        self.position.map(|p| (p.index, p.count)).hash(&mut hasher);
        for sibling in &self.preceding {
            sibling.fingerprint.hash(&mut hasher);
        }
        self.fingerprint = hasher.finish();
    }
}

impl fmt::Debug for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")
    }
}

/// Writes the element as a CSS-like compound: `Button#ok.flat:hover[checkable="true"]`.
impl fmt::Display for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.type_name)?;
        if let Some(id) = &self.id {
            write!(f, "#{id}")?;
        }
        for hint in &self.hints {
            write!(f, ".{hint}")?;
        }
        for state in self.states.iter() {
            write!(f, ":{}", state.css_name())?;
        }
        for attribute in &self.attributes {
            write!(f, "[{}={:?}]", attribute.name, &*attribute.text)?;
        }
        Ok(())
    }
}

/// Light or dark (matched by `@media (prefers-color-scheme: …)`).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum ColorScheme {
    /// Dark text on light backgrounds.
    #[default]
    Light,
    /// Light text on dark backgrounds.
    Dark,
}

/// The kind of device (matched by `@media (pointer: coarse)` for touch).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum FormFactor {
    /// Mouse and keyboard.
    #[default]
    Desktop,
    /// Fingers.
    Touch,
}

/// Facts about the whole query, not one element: themes test them with
/// `@media` and `:dir()` instead of needing separate RTL, mobile or
/// inactive-window styles.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Context {
    /// Text direction.
    pub direction: Direction,
    /// Light or dark.
    pub color_scheme: ColorScheme,
    /// Desktop or touch.
    pub form_factor: FormFactor,
    /// Whether the element's window is the active one.
    pub window_active: bool,
    /// The platform's default font size in px: the font size of the root when
    /// no rule sets one, and so the base of `rem`.
    pub font_size: f32,
}

impl Context {
    /// KDE's default: 10 pt at 96 dpi.
    pub const DEFAULT_FONT_SIZE: f32 = 10.0 * 96.0 / 72.0;

    pub(crate) fn fingerprint(&self) -> u64 {
        let bits = u64::from(self.direction == Direction::Rtl)
            | u64::from(self.color_scheme == ColorScheme::Dark) << 1
            | u64::from(self.form_factor == FormFactor::Touch) << 2
            | u64::from(self.window_active) << 3
            | u64::from(self.font_size.to_bits()) << 8;
        mix64(bits ^ 0x5ca1_ab1e_0000_0000)
    }
}

impl Default for Context {
    fn default() -> Self {
        Self {
            direction: Direction::Ltr,
            color_scheme: ColorScheme::Light,
            form_factor: FormFactor::Desktop,
            window_active: true,
            font_size: Self::DEFAULT_FONT_SIZE,
        }
    }
}

/// "What does this element look like?": a chain of elements from the root
/// (first) to the target (last), and the context.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    chain: Vec<Element>,
    context: Context,
}

impl Query {
    /// Longest chain a query keeps: matching recurses along the chain, so
    /// a longer chain keeps only its last `MAX_CHAIN_DEPTH` elements (the
    /// target and its nearest ancestors).
    pub const MAX_CHAIN_DEPTH: usize = 256;

    /// A query for the last element of `chain`, root first (see [`Query::MAX_CHAIN_DEPTH`]).
    pub fn new(mut chain: Vec<Element>, context: Context) -> Self {
        if chain.len() > Self::MAX_CHAIN_DEPTH {
            chain.drain(..chain.len() - Self::MAX_CHAIN_DEPTH);
        }
        Self { chain, context }
    }

    /// A query for a lone element in the default context.
    pub fn element(element: Element) -> Self {
        Self::new(vec![element], Context::default())
    }

    /// The chain, root first.
    pub fn chain(&self) -> &[Element] {
        &self.chain
    }

    /// Mutable access to the chain's elements (for updating states between queries).
    pub fn chain_mut(&mut self) -> &mut [Element] {
        &mut self.chain
    }

    /// The target element (the last of the chain).
    pub fn target(&self) -> Option<&Element> {
        self.chain.last()
    }

    /// The context.
    pub fn context(&self) -> &Context {
        &self.context
    }

    /// The same chain in another context.
    #[must_use]
    pub fn with_context(mut self, context: Context) -> Self {
        self.context = context;
        self
    }
}
