//! The selector syntax tree: complex selectors made of compounds joined by combinators.
//!
//! Inputs build these values (the CSS input converts lightningcss' parsed
//! selectors; the Plasma input builds them in code). The tree is immutable
//! once built; [`Selector`] caches its specificity and its index key.

use crate::name::Name;
use crate::specificity::Specificity;
use crate::state::{Direction, State};
use smallvec::SmallVec;
use std::sync::Arc;

/// A combinator between two compounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Combinator {
    /// `a b`: some ancestor matches the left compound.
    Descendant,
    /// `a > b`: the parent matches the left compound.
    Child,
    /// `a + b`: the immediately preceding sibling matches the left compound.
    NextSibling,
    /// `a ~ b`: some preceding sibling matches the left compound.
    LaterSibling,
}

/// How an attribute selector compares the attribute's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributeOperator {
    /// `[a=v]`: equal (numbers compare numerically when both sides are numbers).
    Equals,
    /// `[a~=v]`: `v` is one of the whitespace-separated words.
    Includes,
    /// `[a|=v]`: equal to `v` or starts with `v-`.
    DashMatch,
    /// `[a^=v]`: starts with `v`.
    Prefix,
    /// `[a$=v]`: ends with `v`.
    Suffix,
    /// `[a*=v]`: contains `v`.
    Substring,
}

impl AttributeOperator {
    /// The CSS spelling of the operator.
    pub fn css(self) -> &'static str {
        match self {
            AttributeOperator::Equals => "=",
            AttributeOperator::Includes => "~=",
            AttributeOperator::DashMatch => "|=",
            AttributeOperator::Prefix => "^=",
            AttributeOperator::Suffix => "$=",
            AttributeOperator::Substring => "*=",
        }
    }
}

/// An attribute selector.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AttributeSelector {
    /// The attribute name, folded to lower case (attribute names are case-insensitive).
    pub name: Name,
    /// The comparison, or `None` for `[name]` (presence). Boxed: it is rare,
    /// and keeps every [`Simple`] small.
    pub operation: Option<Box<AttributeOperation>>,
}

/// The comparison part of an attribute selector.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AttributeOperation {
    /// The operator.
    pub operator: AttributeOperator,
    /// The value to compare with (a [`Name`]: themes repeat the same few
    /// values, and restoring one from the cache then costs no allocation).
    pub value: Name,
    /// The value parsed as a number, when it is one (for numeric `=`).
    pub number: Option<f64>,
    /// The `i` flag: compare ASCII case-insensitively.
    pub case_insensitive: bool,
}

impl AttributeOperation {
    /// `<operator> value`, with the `i` flag when `case_insensitive`.
    pub fn new(operator: AttributeOperator, value: &str, case_insensitive: bool) -> Self {
        Self {
            operator,
            value: Name::new(value),
            number: value.trim().parse::<f64>().ok().filter(|n| n.is_finite()),
            case_insensitive,
        }
    }
}

/// `An+B` from `:nth-child()` / `:nth-last-child()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct NthIndex {
    /// The step `A`.
    pub a: i32,
    /// The offset `B`.
    pub b: i32,
}

impl NthIndex {
    /// `odd` = `2n+1`.
    pub const ODD: NthIndex = NthIndex { a: 2, b: 1 };
    /// `even` = `2n`.
    pub const EVEN: NthIndex = NthIndex { a: 2, b: 0 };

    /// Whether the 1-based position `n` is `A·k + B` for some integer `k ≥ 0`.
    pub fn matches(self, n: i64) -> bool {
        let (a, b) = (i64::from(self.a), i64::from(self.b));
        if a == 0 {
            return n == b;
        }
        let diff = n - b;
        diff % a == 0 && diff / a >= 0
    }
}

/// One simple selector inside a compound.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Simple {
    /// `*`.
    Universal,
    /// An element type, folded to lower case (types compare case-insensitively).
    Type(Name),
    /// `#id` (case-sensitive).
    Id(Name),
    /// `.hint` (case-sensitive, like CSS classes).
    Hint(Name),
    /// A state pseudo-class such as `:hover`.
    State(State),
    /// An attribute selector.
    Attribute(AttributeSelector),
    /// `:first-child`.
    FirstChild,
    /// `:last-child`.
    LastChild,
    /// `:only-child`.
    OnlyChild,
    /// `:nth-child(An+B)`.
    NthChild(NthIndex),
    /// `:nth-last-child(An+B)`.
    NthLastChild(NthIndex),
    /// `:root`: the first element of the chain.
    Root,
    /// `:dir(ltr)` / `:dir(rtl)`.
    Dir(Direction),
    /// `:not(list)`: matches when no selector of the list matches.
    Not(SelectorList),
    /// `:is(list)`: matches when any selector of the list matches; takes the
    /// highest specificity of the list.
    Is(SelectorList),
    /// `:where(list)`: like `:is()` with zero specificity.
    Where(SelectorList),
}

impl Simple {
    /// A rough cost rank used to test cheap simple selectors first.
    fn cost(&self) -> u8 {
        match self {
            Simple::Id(_) | Simple::Type(_) | Simple::Hint(_) | Simple::State(_) => 0,
            Simple::Universal | Simple::Root | Simple::Dir(_) => 1,
            Simple::FirstChild
            | Simple::LastChild
            | Simple::OnlyChild
            | Simple::NthChild(_)
            | Simple::NthLastChild(_) => 2,
            Simple::Attribute(_) => 3,
            Simple::Not(_) | Simple::Is(_) | Simple::Where(_) => 4,
        }
    }
}

/// Simple selectors that all apply to one element (`Button.flat:hover`).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Compound {
    pub(crate) parts: Vec<Simple>,
}

impl Compound {
    /// An empty compound; it matches any element, like `*`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a simple selector.
    #[must_use]
    pub fn with(mut self, simple: Simple) -> Self {
        self.parts.push(simple);
        self
    }

    /// Adds an element type (case-insensitive).
    #[must_use]
    pub fn type_name(self, name: &str) -> Self {
        self.with(Simple::Type(Name::lowercase(name)))
    }

    /// Adds `*`.
    #[must_use]
    pub fn universal(self) -> Self {
        self.with(Simple::Universal)
    }

    /// Adds `#id`.
    #[must_use]
    pub fn id(self, id: &str) -> Self {
        self.with(Simple::Id(Name::new(id)))
    }

    /// Adds `.hint`.
    #[must_use]
    pub fn hint(self, hint: &str) -> Self {
        self.with(Simple::Hint(Name::new(hint)))
    }

    /// Adds a state pseudo-class.
    #[must_use]
    pub fn state(self, state: State) -> Self {
        self.with(Simple::State(state))
    }

    /// Adds `[name]`.
    #[must_use]
    pub fn attribute_exists(self, name: &str) -> Self {
        self.with(Simple::Attribute(AttributeSelector {
            name: Name::lowercase(name),
            operation: None,
        }))
    }

    /// Adds `[name <op> value]`, with the `i` flag when `case_insensitive`.
    #[must_use]
    pub fn attribute(
        self,
        name: &str,
        operator: AttributeOperator,
        value: &str,
        case_insensitive: bool,
    ) -> Self {
        self.with(Simple::Attribute(AttributeSelector {
            name: Name::lowercase(name),
            operation: Some(Box::new(AttributeOperation::new(
                operator,
                value,
                case_insensitive,
            ))),
        }))
    }

    /// The simple selectors, in the order they were added.
    pub fn parts(&self) -> &[Simple] {
        &self.parts
    }
}

/// The key a rule is indexed by: taken from the right-most compound, and
/// borrowed from the selector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndexKey<'a> {
    /// The subject compound names an id.
    Id(&'a Name),
    /// The subject compound names a hint (the first one).
    Hint(&'a Name),
    /// The subject compound names a type.
    Type(&'a Name),
    /// Nothing to index by: the rule is tested against every element.
    Universal,
}

/// A complex selector: compounds joined by combinators, left to right.
///
/// The right-most compound is the *subject*: it matches the target element
/// (the last element of a query chain).
///
/// Cloning is cheap (one reference count): rules made from one selector list
/// and nested rules share their selectors. A selector is two allocations
/// whatever its shape: its simple selectors sit in one list, compound after
/// compound, and up to [`INLINE_COMPOUNDS`] compound boundaries and
/// combinators are stored inline.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(from = "SelectorParts")]
pub struct Selector {
    inner: Arc<SelectorInner>,
}

/// How many compounds a selector stores without a separate allocation.
pub const INLINE_COMPOUNDS: usize = 4;

/// How many simple selectors a selector stores without a separate
/// allocation (most selectors have one to three).
pub const INLINE_PARTS: usize = 3;

/// A selector's simple selectors.
type Parts = SmallVec<[Simple; INLINE_PARTS]>;

/// The selector list of `:not()`, `:is()` or `:where()`: lists of one or
/// two selectors (the usual case) are stored without a separate allocation.
pub type SelectorList = SmallVec<[Selector; 2]>;

#[derive(Debug, PartialEq)]
struct SelectorInner {
    /// Every simple selector, compound after compound, left to right.
    parts: Parts,
    /// Where each compound ends in `parts`.
    ends: SmallVec<[u32; INLINE_COMPOUNDS]>,
    /// `combinators[i]` joins compound `i` and compound `i + 1`.
    combinators: SmallVec<[Combinator; INLINE_COMPOUNDS]>,
    specificity: Specificity,
}

impl PartialEq for Selector {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner) || self.inner == other.inner
    }
}

impl serde::Serialize for Selector {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SelectorPartsRef {
            compounds: CompoundsRef(self),
            combinators: self.combinators(),
        }
        .serialize(serializer)
    }
}

impl Selector {
    /// Starts a selector with its left-most compound.
    pub fn new(first: Compound) -> Self {
        Self::from_parts(vec![first], &[])
    }

    /// Builds a selector from compounds and the combinators between them
    /// (`combinators.len() + 1 == compounds.len()`; extra entries are ignored,
    /// missing ones become descendant combinators).
    pub fn from_parts(compounds: Vec<Compound>, combinators: &[Combinator]) -> Self {
        let mut parts = Parts::new();
        let mut ends = Vec::with_capacity(compounds.len());
        for compound in compounds {
            parts.extend(compound.parts);
            ends.push(parts.len());
        }
        Self::from_collected(parts, &ends, combinators)
    }

    /// Builds a selector from its simple selectors laid out compound after
    /// compound: compound `i` ends at `ends[i]` in `parts`. Boundaries that go
    /// backwards or past the end are clamped; parts after the last boundary
    /// join the last compound. Combinators are as in [`Selector::from_parts`].
    pub fn from_flat(
        parts: impl IntoIterator<Item = Simple>,
        ends: &[usize],
        combinators: &[Combinator],
    ) -> Self {
        Self::from_collected(parts.into_iter().collect(), ends, combinators)
    }

    fn from_collected(mut parts: Parts, ends: &[usize], combinators: &[Combinator]) -> Self {
        let count = ends.len().max(1);
        let mut bounds = SmallVec::from_elem(0u32, count);
        let mut start = 0;
        for (index, bound) in bounds.iter_mut().enumerate() {
            let end = match ends.get(index) {
                Some(&end) if index + 1 < count => end.clamp(start, parts.len()),
                _ => parts.len(),
            };
            let compound = &mut parts[start..end];
            // Selectors read back from storage come sorted already.
            if !compound.is_sorted_by_key(Simple::cost) {
                compound.sort_by_key(Simple::cost);
            }
            *bound = u32::try_from(end).unwrap_or(u32::MAX);
            start = end;
        }
        let mut joins = SmallVec::from_elem(Combinator::Descendant, count - 1);
        for (join, combinator) in joins.iter_mut().zip(combinators) {
            *join = *combinator;
        }
        let specificity = parts.iter().map(Specificity::of).sum();
        Self {
            inner: Arc::new(SelectorInner {
                parts,
                ends: bounds,
                combinators: joins,
                specificity,
            }),
        }
    }

    fn push(self, combinator: Combinator, compound: Compound) -> Self {
        let mut parts = self.inner.parts.clone();
        let mut ends: Vec<usize> = self
            .inner
            .ends
            .as_slice()
            .iter()
            .map(|&e| e as usize)
            .collect();
        let mut combinators = self.combinators().to_vec();
        parts.extend(compound.parts);
        ends.push(parts.len());
        combinators.push(combinator);
        Self::from_collected(parts, &ends, &combinators)
    }

    /// Appends `compound` as a descendant (`self compound`).
    #[must_use]
    pub fn descendant(self, compound: Compound) -> Self {
        self.push(Combinator::Descendant, compound)
    }

    /// Appends `compound` as a child (`self > compound`).
    #[must_use]
    pub fn child(self, compound: Compound) -> Self {
        self.push(Combinator::Child, compound)
    }

    /// Appends `compound` as the next sibling (`self + compound`).
    #[must_use]
    pub fn next_sibling(self, compound: Compound) -> Self {
        self.push(Combinator::NextSibling, compound)
    }

    /// Appends `compound` as a later sibling (`self ~ compound`).
    #[must_use]
    pub fn later_sibling(self, compound: Compound) -> Self {
        self.push(Combinator::LaterSibling, compound)
    }

    /// How many compounds the selector has (at least one).
    pub fn compound_count(&self) -> usize {
        self.inner.ends.as_slice().len()
    }

    /// The simple selectors of compound `index` (0 is the left-most), cheap
    /// ones first.
    pub fn compound(&self, index: usize) -> &[Simple] {
        let ends = self.inner.ends.as_slice();
        let end = ends.get(index).map_or(0, |&e| e as usize);
        let start = match index.checked_sub(1) {
            Some(before) => ends.get(before).map_or(0, |&e| e as usize),
            None => 0,
        };
        self.inner.parts.get(start..end).unwrap_or(&[])
    }

    /// The compounds, left to right, each as its simple selectors.
    pub fn compounds(&self) -> impl DoubleEndedIterator<Item = &[Simple]> + ExactSizeIterator {
        (0..self.compound_count()).map(|index| self.compound(index))
    }

    /// The combinators; `combinators()[i]` joins compounds `i` and `i + 1`.
    pub fn combinators(&self) -> &[Combinator] {
        self.inner.combinators.as_slice()
    }

    /// Identifies this selector and its clones (not equal selectors made
    /// separately): lets a serializer store a shared selector once.
    pub fn identity(&self) -> *const () {
        Arc::as_ptr(&self.inner).cast()
    }

    /// The CSS specificity (ids, class-likes, types).
    pub fn specificity(&self) -> Specificity {
        self.inner.specificity
    }

    /// The rule-index key from the subject compound: id, else hint, else type.
    pub fn index_key(&self) -> IndexKey<'_> {
        let subject = self.compound(self.compound_count().saturating_sub(1));
        let mut key = IndexKey::Universal;
        for part in subject {
            match (part, &key) {
                (Simple::Id(id), _) => return IndexKey::Id(id),
                (Simple::Hint(hint), IndexKey::Universal | IndexKey::Type(_)) => {
                    key = IndexKey::Hint(hint);
                }
                (Simple::Type(ty), IndexKey::Universal) => key = IndexKey::Type(ty),
                _ => {}
            }
        }
        key
    }
}

/// Serialises a selector's compounds as a list of lists of simple selectors.
struct CompoundsRef<'a>(&'a Selector);

impl serde::Serialize for CompoundsRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.0.compound_count()))?;
        for compound in self.0.compounds() {
            seq.serialize_element(&PartsRef { parts: compound })?;
        }
        seq.end()
    }
}

/// Serialises like [`Compound`].
#[derive(serde::Serialize)]
struct PartsRef<'a> {
    parts: &'a [Simple],
}

/// The serialised form of a [`Selector`] (its cached fields are recomputed on load).
#[derive(serde::Deserialize)]
struct SelectorParts {
    compounds: Vec<Compound>,
    combinators: Vec<Combinator>,
}

#[derive(serde::Serialize)]
struct SelectorPartsRef<'a> {
    compounds: CompoundsRef<'a>,
    combinators: &'a [Combinator],
}

impl From<SelectorParts> for Selector {
    fn from(parts: SelectorParts) -> Self {
        Selector::from_parts(parts.compounds, &parts.combinators)
    }
}
