//! Converting lightningcss' parsed selectors into the `union-selectors` AST.
//!
//! - State pseudo-classes take web names first (`:hover`, `:active`,
//!   `:focus`, `:focus-visible`, `:checked`, `:disabled`, `:enabled`,
//!   `:indeterminate`, `:open`, `:read-only`) plus Union's (`:highlighted`,
//!   `:selected`, and the aliases `:hovered`, `:pressed`, `:visual-focus`,
//!   `:active-focus`).
//! - `&` in a nested rule becomes `:is(<parent selectors>)`, which gives it
//!   the specificity CSS Nesting defines (the most specific parent).
//! - Anything we cannot match faithfully is an error naming the part, and
//!   the whole rule is dropped (as browsers drop a rule with an invalid
//!   selector) — never "match anything".

use lightningcss::selector::{Component, PseudoClass, Selector as CssSelector, SelectorList};
use parcel_selectors::attr::{
    AttrSelectorOperator, ParsedAttrSelectorOperation, ParsedCaseSensitivity,
};
use parcel_selectors::parser::{Combinator as CssCombinator, NthType};
use smallvec::SmallVec;
use union_model::State;
use union_model::selectors::{
    AttributeOperation, AttributeOperator, AttributeSelector, Combinator, Compound, Direction,
    Name, NthIndex, Selector, Simple,
};

/// Converts a selector list; `parent` is the enclosing rule's converted
/// selectors when the rule is nested.
pub fn convert_list(
    list: &SelectorList<'_>,
    parent: Option<&[Selector]>,
) -> Result<SmallVec<[Selector; 2]>, String> {
    list.0
        .iter()
        .map(|selector| convert(selector, parent))
        .collect()
}

fn convert(selector: &CssSelector<'_>, parent: Option<&[Selector]>) -> Result<Selector, String> {
    // Simple selectors compound after compound, with where each compound
    // ends: the layout a `Selector` stores, so nothing is built twice.
    // Inline capacity for the usual selector: no allocation but its own.
    let mut parts: SmallVec<[Simple; 4]> = SmallVec::new();
    let mut ends: SmallVec<[usize; 4]> = SmallVec::new();
    let mut combinators: SmallVec<[Combinator; 4]> = SmallVec::new();
    for component in selector.iter_raw_parse_order_from(0) {
        if let Component::Combinator(combinator) = component {
            combinators.push(convert_combinator(*combinator)?);
            ends.push(parts.len());
            continue;
        }
        if let Some(simple) = convert_simple(component, parent)? {
            parts.push(simple);
        }
    }
    ends.push(parts.len());
    Ok(Selector::from_flat(parts, &ends, &combinators))
}

fn convert_combinator(combinator: CssCombinator) -> Result<Combinator, String> {
    Ok(match combinator {
        CssCombinator::Descendant => Combinator::Descendant,
        CssCombinator::Child => Combinator::Child,
        CssCombinator::NextSibling => Combinator::NextSibling,
        CssCombinator::LaterSibling => Combinator::LaterSibling,
        _ => return Err("pseudo-elements and shadow-tree combinators are not supported".into()),
    })
}

fn convert_nested(
    list: &[CssSelector<'_>],
    parent: Option<&[Selector]>,
) -> Result<union_model::selectors::SelectorList, String> {
    list.iter().map(|s| convert(s, parent)).collect()
}

/// `None` for parts that add nothing (`*`, a namespace wildcard).
fn convert_simple(
    component: &Component<'_>,
    parent: Option<&[Selector]>,
) -> Result<Option<Simple>, String> {
    Ok(Some(match component {
        Component::ExplicitUniversalType | Component::ExplicitAnyNamespace => return Ok(None),
        Component::LocalName(name) => Simple::Type(Name::lowercase(&name.name.0)),
        Component::ID(id) => Simple::Id(Name::new(&id.0)),
        Component::Class(class) => Simple::Hint(Name::new(&class.0)),
        Component::AttributeInNoNamespaceExists { local_name, .. } => {
            attribute_exists(&local_name.0)
        }
        Component::AttributeInNoNamespace {
            local_name,
            operator,
            value,
            case_sensitivity,
            ..
        } => attribute(&local_name.0, *operator, &value.0, *case_sensitivity),
        Component::AttributeOther(other) => {
            if other.namespace.is_some() {
                return Err("attribute namespaces are not supported".into());
            }
            match &other.operation {
                ParsedAttrSelectorOperation::Exists => attribute_exists(&other.local_name.0),
                ParsedAttrSelectorOperation::WithValue {
                    operator,
                    case_sensitivity,
                    expected_value,
                } => attribute(
                    &other.local_name.0,
                    *operator,
                    &expected_value.0,
                    *case_sensitivity,
                ),
            }
        }
        Component::Negation(list) => Simple::Not(convert_nested(list, parent)?),
        Component::Is(list) => Simple::Is(convert_nested(list, parent)?),
        Component::Where(list) => Simple::Where(convert_nested(list, parent)?),
        Component::Root => Simple::Root,
        Component::Nth(nth) => {
            let index = NthIndex { a: nth.a, b: nth.b };
            match nth.ty {
                NthType::Child if nth.is_function => Simple::NthChild(index),
                NthType::Child if nth.b == 1 && nth.a == 0 => Simple::FirstChild,
                NthType::LastChild if nth.is_function => Simple::NthLastChild(index),
                NthType::LastChild => Simple::LastChild,
                NthType::OnlyChild => Simple::OnlyChild,
                _ => return Err("`:*-of-type` and column pseudo-classes are not supported".into()),
            }
        }
        Component::NonTSPseudoClass(pseudo) => return pseudo_class(pseudo).map(Some),
        Component::Nesting => match parent {
            Some(parent) => Simple::Is(parent.iter().cloned().collect()),
            None => return Err("`&` is only allowed inside a nested rule".into()),
        },
        Component::PseudoElement(_) => {
            return Err(
                "pseudo-elements are not supported: style the sub-element by its type".into(),
            );
        }
        Component::Has(_) => return Err("`:has()` is not supported".into()),
        Component::NthOf(_) => return Err("`:nth-child(… of S)` is not supported".into()),
        Component::Empty => {
            return Err("`:empty` is not supported (elements do not know their children)".into());
        }
        _ => return Err("this selector is not supported".into()),
    }))
}

/// `[name]` (attribute names are case-insensitive).
fn attribute_exists(name: &str) -> Simple {
    Simple::Attribute(AttributeSelector {
        name: Name::lowercase(name),
        operation: None,
    })
}

fn attribute(
    name: &str,
    operator: AttrSelectorOperator,
    value: &str,
    case: ParsedCaseSensitivity,
) -> Simple {
    let operator = match operator {
        AttrSelectorOperator::Equal => AttributeOperator::Equals,
        AttrSelectorOperator::Includes => AttributeOperator::Includes,
        AttrSelectorOperator::DashMatch => AttributeOperator::DashMatch,
        AttrSelectorOperator::Prefix => AttributeOperator::Prefix,
        AttrSelectorOperator::Substring => AttributeOperator::Substring,
        AttrSelectorOperator::Suffix => AttributeOperator::Suffix,
    };
    let insensitive = matches!(case, ParsedCaseSensitivity::AsciiCaseInsensitive);
    Simple::Attribute(AttributeSelector {
        name: Name::lowercase(name),
        operation: Some(Box::new(AttributeOperation::new(
            operator,
            value,
            insensitive,
        ))),
    })
}

fn state(state: State) -> Result<Simple, String> {
    Ok(Simple::State(state))
}

fn pseudo_class(pseudo: &PseudoClass<'_>) -> Result<Simple, String> {
    match pseudo {
        PseudoClass::Hover => state(State::Hovered),
        PseudoClass::Active => state(State::Pressed),
        PseudoClass::Focus => state(State::Focused),
        PseudoClass::FocusVisible => state(State::VisualFocus),
        PseudoClass::Checked => state(State::Checked),
        PseudoClass::Indeterminate => state(State::Indeterminate),
        PseudoClass::Disabled => state(State::Disabled),
        PseudoClass::Open => state(State::Open),
        PseudoClass::ReadOnly(_) => state(State::ReadOnly),
        PseudoClass::Enabled => Ok(Simple::Not(
            std::iter::once(Selector::new(Compound::new().state(State::Disabled))).collect(),
        )),
        PseudoClass::Dir { direction } => Ok(Simple::Dir(match direction {
            lightningcss::selector::Direction::Ltr => Direction::Ltr,
            lightningcss::selector::Direction::Rtl => Direction::Rtl,
        })),
        PseudoClass::Custom { name } => State::from_css_name(name)
            .map(Simple::State)
            .ok_or_else(|| format!("unknown pseudo-class `:{name}`")),
        PseudoClass::WebKitScrollbar(_) => Err(
            "lightningcss reserves this pseudo-class name for WebKit scrollbars; use an attribute such as `[orientation=horizontal]`".into(),
        ),
        other => Err(format!("unsupported pseudo-class `{}`", css_text(other))),
    }
}

fn css_text(pseudo: &PseudoClass<'_>) -> String {
    use lightningcss_cssparser::ToCss;
    let mut text = String::new();
    if pseudo.to_css(&mut text).is_err() {
        text = "?".into();
    }
    text
}
