//! CSS specificity: the (ids, class-likes, types) tuple, compared lexicographically.

use crate::ast::Simple;
use std::fmt;
use std::iter::Sum;
use std::ops::Add;

/// Specificity as CSS defines it: ids, then class-likes (hints, states,
/// attributes, structural pseudo-classes), then types. `*` and combinators
/// count nothing; `:is()`/`:not()` count their most specific argument;
/// `:where()` counts nothing.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Specificity {
    /// Id selectors.
    pub ids: u16,
    /// Hints, states, attributes and other pseudo-classes.
    pub classes: u16,
    /// Type selectors.
    pub types: u16,
}

impl Specificity {
    /// Makes a specificity from its three counts.
    pub const fn new(ids: u16, classes: u16, types: u16) -> Self {
        Self {
            ids,
            classes,
            types,
        }
    }

    /// Packs the tuple into one integer that orders the same way (each count saturates at 1023).
    pub fn packed(self) -> u32 {
        let clamp = |v: u16| u32::from(v.min(1023));
        (clamp(self.ids) << 20) | (clamp(self.classes) << 10) | clamp(self.types)
    }

    /// The specificity one simple selector contributes.
    pub fn of(simple: &Simple) -> Specificity {
        match simple {
            Simple::Universal | Simple::Where(_) => Specificity::default(),
            Simple::Type(_) => Specificity::new(0, 0, 1),
            Simple::Id(_) => Specificity::new(1, 0, 0),
            Simple::Hint(_)
            | Simple::State(_)
            | Simple::Attribute(_)
            | Simple::FirstChild
            | Simple::LastChild
            | Simple::OnlyChild
            | Simple::NthChild(_)
            | Simple::NthLastChild(_)
            | Simple::Root
            | Simple::Dir(_) => Specificity::new(0, 1, 0),
            Simple::Not(list) | Simple::Is(list) => list
                .iter()
                .map(crate::Selector::specificity)
                .max()
                .unwrap_or_default(),
        }
    }
}

impl Add for Specificity {
    type Output = Specificity;
    fn add(self, rhs: Self) -> Self {
        Specificity {
            ids: self.ids.saturating_add(rhs.ids),
            classes: self.classes.saturating_add(rhs.classes),
            types: self.types.saturating_add(rhs.types),
        }
    }
}

impl Sum for Specificity {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Specificity::default(), Add::add)
    }
}

impl fmt::Display for Specificity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({},{},{})", self.ids, self.classes, self.types)
    }
}
