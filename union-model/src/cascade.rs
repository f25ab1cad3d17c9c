//! The cascade: which rules match an element, and the leaf-by-leaf merge.
//!
//! For one element of a chain, given its parent's computed style:
//! 1. collect candidate rules from the [`RuleSet`] index, highest priority first;
//! 2. keep those whose condition holds and whose selector matches;
//! 3. walk them in that order, and within a rule its declarations from last
//!    to first; the first declaration seen for a leaf decides it (set, none,
//!    or inherit);
//! 4. leaves still undecided take the parent's value when they inherit;
//! 5. `currentColor` in `color` becomes the parent's colour (CSS semantics);
//! 6. `em` / `rem` become pixels: `font-size` against the parent's font size,
//!    every other length against the element's own.

use crate::custom::{self, CustomProperties};
use crate::element::{Context, Element};
use crate::rule::{DeclaredValue, RuleSet};
use crate::selectors::{self, AttributeRef, Direction, Name, Position, State};
use crate::slot::Slot;
use crate::style::{PropertyId, PropertySet, Style};
use crate::values::{Color, Length, LengthContext};
use std::sync::Arc;

/// An element of a query chain — or one of the preceding siblings an
/// element of the chain records — as the selector engine sees it.
#[derive(Clone, Copy, Debug)]
pub struct ChainCursor<'a> {
    chain: &'a [Element],
    depth: usize,
    /// 0 for the chain element itself; k for its k-th preceding sibling.
    back: usize,
    direction: Direction,
}

impl<'a> ChainCursor<'a> {
    /// The element at `depth` of `chain`. `None` when `depth` is out of range.
    pub fn new(chain: &'a [Element], depth: usize, direction: Direction) -> Option<Self> {
        (depth < chain.len()).then_some(Self {
            chain,
            depth,
            back: 0,
            direction,
        })
    }

    /// The element the cursor points at; for a sibling whose facts are
    /// unknown ([`Self::is_unknown`]), the chain element it precedes.
    pub fn element(&self) -> &'a Element {
        let element = &self.chain[self.depth];
        let siblings = element.preceding_siblings();
        if self.back == 0 || self.back > siblings.len() {
            return element;
        }
        &siblings[siblings.len() - self.back]
    }

    /// Whether the cursor points at a preceding sibling the chain knows
    /// exists (from the element's position) but records nothing about.
    pub fn is_unknown(&self) -> bool {
        self.back > self.chain[self.depth].preceding_siblings().len()
    }

    /// The element, unless it is an unknown sibling.
    fn known(&self) -> Option<&'a Element> {
        (!self.is_unknown()).then(|| self.element())
    }
}

impl selectors::Element for ChainCursor<'_> {
    fn parent(&self) -> Option<Self> {
        (self.depth > 0).then(|| Self {
            depth: self.depth - 1,
            back: 0,
            ..*self
        })
    }

    fn prev_sibling(&self) -> Option<Self> {
        // Recorded siblings first; then, when the element's position says
        // more siblings precede it, unknown ones (only `*` matches them).
        let element = &self.chain[self.depth];
        let recorded = element.preceding_siblings().len();
        let known_to_exist = element
            .position()
            .map_or(0, |p| usize::try_from(p.index).unwrap_or(usize::MAX));
        (self.back < recorded.max(known_to_exist)).then(|| Self {
            back: self.back + 1,
            ..*self
        })
    }

    fn is_unknown(&self) -> bool {
        ChainCursor::is_unknown(self)
    }

    fn has_type(&self, name: &Name) -> bool {
        self.known().is_some_and(|e| e.type_key() == name)
    }

    fn has_id(&self, id: &Name) -> bool {
        self.known().is_some_and(|e| e.id() == Some(id))
    }

    fn has_hint(&self, hint: &Name) -> bool {
        self.known().is_some_and(|e| e.has_hint(hint))
    }

    fn has_state(&self, state: State) -> bool {
        self.known().is_some_and(|e| e.states().contains(state))
    }

    fn attribute(&self, name: &Name) -> Option<AttributeRef<'_>> {
        let attribute = self.known()?.attribute_entry(name)?;
        let number = match attribute.value {
            crate::AttributeValue::Number(n) => Some(n),
            _ => None,
        };
        Some(AttributeRef {
            text: &attribute.text,
            number,
        })
    }

    fn position(&self) -> Option<Position> {
        if self.back == 0 {
            // The root has no siblings: it is the only child, as the document
            // root is on the web. Other elements without a recorded position
            // match no structural pseudo-class.
            let root = (self.depth == 0).then_some(Position { index: 0, count: 1 });
            return self.element().position().or(root);
        }
        // A sibling's own position wins; else derive it from the chain element's.
        self.known().and_then(Element::position).or_else(|| {
            let target = self.chain[self.depth].position()?;
            let back = u32::try_from(self.back).ok()?;
            Some(Position {
                index: target.index.checked_sub(back)?,
                count: target.count,
            })
        })
    }

    fn direction(&self) -> Direction {
        self.direction
    }
}

/// The outcome of the cascade for one element.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cascaded {
    /// The computed style: lengths in px, colours still symbolic.
    pub style: Style,
    /// Indices (into the [`RuleSet`]) of the rules that matched, highest priority first.
    pub matched_rules: Vec<u32>,
    /// The computed custom properties (shared with the parent when the
    /// element declares none).
    pub custom: Arc<CustomProperties>,
}

/// The computed style of an element's parent, as the cascade needs it.
#[derive(Clone, Copy, Debug)]
pub struct Parent<'a> {
    /// The parent's computed style.
    pub style: &'a Style,
    /// The parent's computed custom properties.
    pub custom: &'a Arc<CustomProperties>,
}

/// Runs the cascade for `chain[depth]`; `parent` is the computed style of
/// `chain[depth - 1]` (`None` for the root). `scratch` is reused between calls
/// to avoid allocating.
pub fn cascade_element(
    rules: &RuleSet,
    chain: &[Element],
    depth: usize,
    context: &Context,
    parent: Option<Parent<'_>>,
    scratch: &mut Vec<u32>,
) -> Cascaded {
    let mut result = Cascaded::default();
    let Some(cursor) = ChainCursor::new(chain, depth, context.direction) else {
        return result;
    };
    rules.candidates(cursor.element(), scratch);
    for &index in scratch.iter() {
        let Some(rule) = rules.rule(index) else {
            continue;
        };
        if rule
            .condition
            .as_ref()
            .is_some_and(|c| !c.evaluate(context))
        {
            continue;
        }
        if selectors::matches(&rule.selector, &cursor) {
            result.matched_rules.push(index);
        }
    }
    let matched: Vec<&crate::rule::Rule> = result
        .matched_rules
        .iter()
        .filter_map(|&i| rules.rule(i))
        .collect();
    result.custom = custom_properties(&matched, parent.map(|p| p.custom));
    let parent_style = parent.map(|p| p.style);
    let style = &mut result.style;
    let mut decided = PropertySet::default();
    for rule in &matched {
        for declaration in rule.declarations.iter().rev() {
            let id = declaration.property();
            if !decided.insert(id) {
                continue;
            }
            let inherited = || parent_style.map_or(Slot::Unset, |p| p.get(id));
            let slot = match declaration.declared() {
                DeclaredValue::Value(value) => Slot::Set(value.clone()),
                DeclaredValue::None => Slot::None,
                DeclaredValue::Inherit => inherited(),
                DeclaredValue::Deferred(deferred) => {
                    let lookup = |name: &str| result.custom.get(name).cloned();
                    match custom::substitute(deferred.text(), &lookup)
                        .map_err(|_| ())
                        .and_then(|text| deferred.parse(id, &text).map_err(|_| ()))
                    {
                        Ok(slot) => slot,
                        // Invalid at computed-value time: inherited leaves inherit, others are unset.
                        Err(()) if id.inherited() => inherited(),
                        Err(()) => Slot::Unset,
                    }
                }
            };
            style.set(id, slot);
        }
    }
    if let Some(parent) = parent_style {
        inherit(style, parent, &decided);
    }
    resolve_current_color(style, parent_style);
    resolve_lengths(style, parent_style, context);
    result
}

/// The element's own custom property declarations (the first seen per name,
/// highest priority first) over the parent's.
fn custom_properties(
    matched: &[&crate::rule::Rule],
    inherited: Option<&Arc<CustomProperties>>,
) -> Arc<CustomProperties> {
    let mut own: Vec<(Arc<str>, Arc<str>)> = Vec::new();
    for rule in matched {
        for (name, value) in rule.custom.iter().rev() {
            if !own.iter().any(|(n, _)| n == name) {
                own.push((Arc::clone(name), Arc::clone(value)));
            }
        }
    }
    custom::compute(&own, inherited)
}

fn inherit(style: &mut Style, parent: &Style, decided: &PropertySet) {
    for id in PropertyId::ALL {
        if id.inherited() && !decided.contains(id) {
            style.set(id, parent.get(id));
        }
    }
}

/// `color: currentColor` (or an expression using it) means the parent's colour.
fn resolve_current_color(style: &mut Style, parent: Option<&Style>) {
    let Slot::Set(color) = &style.text.color else {
        return;
    };
    if !color.uses_current_color() {
        return;
    }
    let inherited = parent.and_then(|p| p.text.color.value().cloned());
    style.text.color = match inherited {
        Some(parent_color) => Slot::Set(color.substitute_current_color(&parent_color)),
        None => Slot::Unset,
    };
}

fn font_size_px(style: &Style, fallback: f32) -> f32 {
    style
        .text
        .font_size
        .value()
        .and_then(|l| l.px())
        .unwrap_or(fallback)
}

fn resolve_lengths(style: &mut Style, parent: Option<&Style>, context: &Context) {
    let root_font_size = context.font_size;
    let parent_font_size = parent.map_or(context.font_size, |p| font_size_px(p, context.font_size));
    if let Slot::Set(size) = &mut style.text.font_size {
        let base = LengthContext {
            font_size: parent_font_size,
            root_font_size,
        };
        *size = Length::Px(size.to_px(&base));
    }
    let own = LengthContext {
        font_size: font_size_px(style, parent_font_size),
        root_font_size,
    };
    style.resolve_lengths(&own);
}

/// The text colour an element's `currentColor` stands for, still symbolic.
pub fn current_color(style: &Style) -> Color {
    match &style.text.color {
        Slot::Set(color) => color.clone(),
        Slot::Unset | Slot::None => Color::palette(
            crate::values::ColorSet::Window,
            crate::values::ColorRole::ForegroundNormal,
        ),
    }
}
