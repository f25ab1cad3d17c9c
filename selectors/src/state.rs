//! Element states and the query-wide facts selectors can test (text direction).

use std::fmt;

macro_rules! states {
    ($( $(#[$doc:meta])* $variant:ident = $bit:expr, $css:literal $(, $alias:literal)* ;)*) => {
        /// An interaction or control state of an element.
        ///
        /// Each state has one canonical CSS pseudo-class name (web names first)
        /// and optional aliases accepted for compatibility with KDE Union
        /// stylesheets.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum State {
            $( $(#[$doc])* $variant = $bit, )*
        }

        impl State {
            /// Every state, in bit order.
            pub const ALL: &'static [State] = &[$(State::$variant),*];

            /// The canonical pseudo-class name (without the colon).
            pub fn css_name(self) -> &'static str {
                match self { $(State::$variant => $css,)* }
            }

            /// Looks a pseudo-class name up: the canonical name or an alias,
            /// compared exactly (ASCII case-insensitive, as CSS does for
            /// pseudo-class names). Unknown names give `None`: the caller
            /// must report them, never treat them as "any state".
            pub fn from_css_name(name: &str) -> Option<State> {
                $(
                    if name.eq_ignore_ascii_case($css) $(|| name.eq_ignore_ascii_case($alias))* {
                        return Some(State::$variant);
                    }
                )*
                None
            }

            /// The aliases accepted besides the canonical name.
            pub fn aliases(self) -> &'static [&'static str] {
                match self { $(State::$variant => &[$($alias),*],)* }
            }
        }
    };
}

states! {
    /// The pointer is over the element.
    Hovered = 0, "hover", "hovered";
    /// The element is being pressed (web `:active`).
    Pressed = 1, "active", "pressed";
    /// A checkable element is checked (on).
    Checked = 2, "checked";
    /// A tri-state element is partially checked.
    Indeterminate = 3, "indeterminate";
    /// The element has keyboard focus.
    Focused = 4, "focus", "active-focus";
    /// The element has focus that should be shown (keyboard navigation).
    VisualFocus = 5, "focus-visible", "visual-focus";
    /// The element does not accept input.
    Disabled = 6, "disabled";
    /// The element is highlighted (for example the current item of a menu).
    Highlighted = 7, "highlighted";
    /// A popup owned by the element is open (combo box, menu).
    Open = 8, "open";
    /// The element is selected (list and tab items).
    Selected = 9, "selected";
    /// A text field refuses edits.
    ReadOnly = 10, "read-only";
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.css_name())
    }
}

/// A set of [`State`]s, one bit each.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct StateSet(u16);

impl StateSet {
    /// The empty set.
    pub const EMPTY: StateSet = StateSet(0);

    /// Whether `state` is in the set.
    #[inline]
    pub fn contains(self, state: State) -> bool {
        self.0 & (1 << state as u16) != 0
    }

    /// Adds `state`.
    pub fn insert(&mut self, state: State) {
        self.0 |= 1 << state as u16;
    }

    /// Removes `state`.
    pub fn remove(&mut self, state: State) {
        self.0 &= !(1 << state as u16);
    }

    /// The set with `state` added.
    #[must_use]
    pub fn with(mut self, state: State) -> Self {
        self.insert(state);
        self
    }

    /// The raw bits (stable: bit N is the state with discriminant N).
    pub fn bits(self) -> u16 {
        self.0
    }

    /// Whether no state is set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The states in the set, in bit order.
    pub fn iter(self) -> impl Iterator<Item = State> {
        State::ALL
            .iter()
            .copied()
            .filter(move |s| self.contains(*s))
    }
}

impl FromIterator<State> for StateSet {
    fn from_iter<I: IntoIterator<Item = State>>(iter: I) -> Self {
        let mut set = StateSet::EMPTY;
        for state in iter {
            set.insert(state);
        }
        set
    }
}

impl fmt::Debug for StateSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// Text direction, matched by `:dir(ltr)` / `:dir(rtl)`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The CSS keyword.
    pub fn css_name(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudo_class_names_map_exactly() {
        let table = [
            ("hover", Some(State::Hovered)),
            ("hovered", Some(State::Hovered)),
            ("HOVER", Some(State::Hovered)),
            ("active", Some(State::Pressed)),
            ("pressed", Some(State::Pressed)),
            ("focus", Some(State::Focused)),
            ("focus-visible", Some(State::VisualFocus)),
            ("visual-focus", Some(State::VisualFocus)),
            ("checked", Some(State::Checked)),
            ("disabled", Some(State::Disabled)),
            ("highlighted", Some(State::Highlighted)),
            ("open", Some(State::Open)),
            ("selected", Some(State::Selected)),
            // Union resolved names by prefix: these must not resolve.
            ("hov", None),
            ("highlight", None),
            ("focusx", None),
            ("", None),
        ];
        for (name, expected) in table {
            assert_eq!(State::from_css_name(name), expected, "{name:?}");
        }
    }

    #[test]
    fn every_state_round_trips_through_its_css_name() {
        for state in State::ALL {
            assert_eq!(State::from_css_name(state.css_name()), Some(*state));
            for alias in state.aliases() {
                assert_eq!(State::from_css_name(alias), Some(*state));
            }
        }
    }

    #[test]
    fn state_set_operations() {
        let mut set: StateSet = [State::Hovered, State::Checked].into_iter().collect();
        assert!(set.contains(State::Hovered) && set.contains(State::Checked));
        assert!(!set.contains(State::Pressed));
        set.remove(State::Hovered);
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![State::Checked]);
        assert!(StateSet::EMPTY.is_empty());
    }
}
