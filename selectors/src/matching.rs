//! Right-to-left matching of selectors against an element tree.
//!
//! The tree is whatever implements [`Element`]: Union's query chains implement
//! it over "an element of the chain, or one of the preceding siblings the
//! chain describes". Matching starts at the subject compound and walks left.
//!
//! # Backtracking
//!
//! `a.b c` must match when the nearest `.b` ancestor is not an `a` but a
//! farther one is. When a compound to the left of a descendant combinator
//! fails on one ancestor, matching goes on with the next ancestor. To stay
//! linear in practice, each failed sub-match reports *how far* it failed
//! (the classic scheme browsers use), so a failure that no farther ancestor
//! could fix stops the climb instead of retrying it.

use crate::ast::{AttributeOperator, AttributeSelector, Combinator, Selector, Simple};
use crate::name::Name;
use crate::state::{Direction, State};

/// The value of an attribute as selectors see it.
#[derive(Clone, Copy, Debug)]
pub struct AttributeRef<'a> {
    /// The attribute's text form (numbers and booleans in canonical form).
    pub text: &'a str,
    /// The value as a number, when it is numeric.
    pub number: Option<f64>,
}

/// An element's place among its siblings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Position {
    /// Zero-based index among the parent's children.
    pub index: u32,
    /// Number of children of the parent.
    pub count: u32,
}

/// What the matcher needs to know about an element and its neighbours.
///
/// Implementations are cheap handles (a reference or an index into a chain).
pub trait Element: Sized {
    /// The parent element, if the tree records one.
    fn parent(&self) -> Option<Self>;
    /// The immediately preceding sibling, if the tree records one.
    fn prev_sibling(&self) -> Option<Self>;
    /// Whether the element's type equals `name` (already lower case).
    fn has_type(&self, name: &Name) -> bool;
    /// Whether the element's id equals `id`.
    fn has_id(&self, id: &Name) -> bool;
    /// Whether the element has the hint `hint`.
    fn has_hint(&self, hint: &Name) -> bool;
    /// Whether the element is in `state`.
    fn has_state(&self, state: State) -> bool;
    /// The attribute named `name` (already lower case).
    fn attribute(&self, name: &Name) -> Option<AttributeRef<'_>>;
    /// The element's position among its siblings, when known. Structural
    /// pseudo-classes never match an element whose position is unknown.
    fn position(&self) -> Option<Position>;
    /// The text direction that applies to the element.
    fn direction(&self) -> Direction;
    /// Whether this is a sibling the tree knows exists but knows nothing
    /// about (its type, states…): only a compound that asks for no fact
    /// (`*`) matches it, so `* + B` and `* ~ B` match an element with
    /// earlier siblings while `A + B` does not.
    fn is_unknown(&self) -> bool {
        false
    }
}

/// Whether `selector` matches `element`.
pub fn matches<E: Element>(selector: &Selector, element: &E) -> bool {
    let last = selector.compound_count() - 1;
    matches!(match_from(selector, last, element), Outcome::Matched)
}

/// Whether any selector of `list` matches `element`.
pub fn matches_any<E: Element>(list: &[Selector], element: &E) -> bool {
    list.iter().any(|selector| matches(selector, element))
}

/// The result of matching the compounds `0..=index` against an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Matched,
    /// Failed here; a later sibling of this element could still succeed.
    RetryLaterSibling,
    /// Failed in a way no sibling can fix; an element further down (a
    /// descendant of this one) could still succeed.
    RetryDescendant,
    /// No other candidate can succeed: stop searching.
    Fail,
}

fn match_from<E: Element>(selector: &Selector, index: usize, element: &E) -> Outcome {
    if !matches_compound(selector.compound(index), element) {
        return Outcome::RetryLaterSibling;
    }
    if index == 0 {
        return Outcome::Matched;
    }
    let combinator = selector.combinators()[index - 1];
    let not_found = match combinator {
        Combinator::NextSibling | Combinator::LaterSibling => Outcome::RetryDescendant,
        Combinator::Child | Combinator::Descendant => Outcome::Fail,
    };
    let mut candidate = next_candidate(element, combinator);
    loop {
        let Some(current) = candidate else {
            return not_found;
        };
        let outcome = match_from(selector, index - 1, &current);
        match (outcome, combinator) {
            (Outcome::Matched | Outcome::Fail, _) | (_, Combinator::NextSibling) => return outcome,
            (_, Combinator::Child) => return Outcome::RetryDescendant,
            (Outcome::RetryDescendant, Combinator::LaterSibling) => return outcome,
            _ => {}
        }
        candidate = next_candidate(&current, combinator);
    }
}

fn next_candidate<E: Element>(element: &E, combinator: Combinator) -> Option<E> {
    match combinator {
        Combinator::Child | Combinator::Descendant => element.parent(),
        Combinator::NextSibling | Combinator::LaterSibling => element.prev_sibling(),
    }
}

fn matches_compound<E: Element>(compound: &[Simple], element: &E) -> bool {
    if element.is_unknown() {
        return compound
            .iter()
            .all(|part| matches!(part, Simple::Universal));
    }
    compound.iter().all(|part| matches_simple(part, element))
}

fn matches_simple<E: Element>(simple: &Simple, element: &E) -> bool {
    match simple {
        Simple::Universal => true,
        Simple::Type(name) => element.has_type(name),
        Simple::Id(id) => element.has_id(id),
        Simple::Hint(hint) => element.has_hint(hint),
        Simple::State(state) => element.has_state(*state),
        Simple::Attribute(attribute) => matches_attribute(attribute, element),
        Simple::FirstChild => element.position().is_some_and(|p| p.index == 0),
        Simple::LastChild => element
            .position()
            .is_some_and(|p| p.index.saturating_add(1) == p.count),
        Simple::OnlyChild => element
            .position()
            .is_some_and(|p| p.index == 0 && p.count == 1),
        Simple::NthChild(nth) => element
            .position()
            .is_some_and(|p| nth.matches(i64::from(p.index) + 1)),
        Simple::NthLastChild(nth) => element
            .position()
            .is_some_and(|p| p.index < p.count && nth.matches(i64::from(p.count - p.index))),
        Simple::Root => {
            element.parent().is_none()
                && element.prev_sibling().is_none()
                && is_first_or_unknown(element)
        }
        Simple::Dir(direction) => element.direction() == *direction,
        Simple::Not(list) => !matches_any(list, element),
        Simple::Is(list) | Simple::Where(list) => matches_any(list, element),
    }
}

fn is_first_or_unknown<E: Element>(element: &E) -> bool {
    element.position().is_none_or(|p| p.index == 0)
}

fn matches_attribute<E: Element>(selector: &AttributeSelector, element: &E) -> bool {
    let Some(value) = element.attribute(&selector.name) else {
        return false;
    };
    let Some(operation) = &selector.operation else {
        return true;
    };
    let expected = operation.value.as_str();
    let text = value.text;
    if operation.operator == AttributeOperator::Equals
        && let (Some(actual), Some(wanted)) = (value.number, operation.number)
    {
        return actual == wanted;
    }
    let fold = operation.case_insensitive;
    let eq = |a: &str, b: &str| {
        if fold {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    match operation.operator {
        AttributeOperator::Equals => eq(text, expected),
        AttributeOperator::Includes => {
            !expected.is_empty()
                && !expected.contains(char::is_whitespace)
                && text.split_whitespace().any(|word| eq(word, expected))
        }
        AttributeOperator::DashMatch => {
            eq(text, expected)
                || (text.len() > expected.len()
                    && text.as_bytes().get(expected.len()) == Some(&b'-')
                    && text
                        .get(..expected.len())
                        .is_some_and(|head| eq(head, expected)))
        }
        AttributeOperator::Prefix => {
            !expected.is_empty()
                && text
                    .get(..expected.len())
                    .is_some_and(|head| eq(head, expected))
        }
        AttributeOperator::Suffix => {
            !expected.is_empty()
                && text.len() >= expected.len()
                && text
                    .get(text.len() - expected.len()..)
                    .is_some_and(|tail| eq(tail, expected))
        }
        AttributeOperator::Substring => {
            !expected.is_empty()
                && if fold {
                    text.to_ascii_lowercase()
                        .contains(&expected.to_ascii_lowercase())
                } else {
                    text.contains(expected)
                }
        }
    }
}
