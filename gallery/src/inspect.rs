//! `union inspect`: what does this element look like, and why.

use serde_json::{Map, Value as Json, json};
use union_model::geometry::Rect;
use union_model::scene::{Content, ControlScene, IconRef};
use union_model::values::{Length, LengthPercentage, Radius};
use union_model::{ComputedStyle, Query, Rule, Slot, Theme, Value};

/// The chain as `Window > Button.flat:hover`.
fn element_text(query: &Query) -> String {
    query
        .chain()
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" > ")
}

/// The rules that matched, winning first.
fn matched<'a>(theme: &'a Theme, result: &'a ComputedStyle) -> impl Iterator<Item = &'a Rule> + 'a {
    result
        .matched_rules
        .iter()
        .filter_map(|index| theme.rules().rule(*index))
}

/// An f32 as the shortest decimal that reads back as the same f32
/// (`13.333334`, not `13.333333969116211`).
fn number(value: f32) -> Json {
    value
        .to_string()
        .parse::<f64>()
        .map_or(Json::Null, |n| json!(n))
}

/// The JSON report: the element, the rules that matched (winning first), and
/// every decided leaf under its CSS longhand name (lengths in px as numbers,
/// colours resolved against the theme's palette as `#rrggbbaa`).
pub fn report_json(theme: &Theme, query: &Query, result: &ComputedStyle) -> Json {
    let element = element_text(query);
    let rules: Vec<Json> = matched(theme, result)
        .map(matched_rule)
        .map(|rule| {
            json!({
                "selector": rule.selector,
                "specificity": rule.specificity,
                "important": rule.important,
                "source": rule.source.as_ref().map(ToString::to_string),
            })
        })
        .collect();
    let properties = properties_json(theme, result);
    json!({ "element": element, "rules": rules, "properties": properties })
}

/// Every decided leaf of `result` under its CSS longhand name: lengths in
/// px as numbers, colours resolved against the theme's palette as
/// `#rrggbbaa`, other values as CSS.
fn properties_json(theme: &Theme, result: &ComputedStyle) -> Map<String, Json> {
    let mut properties = Map::new();
    for (id, slot) in result.style.decided() {
        let value = match slot {
            Slot::Set(Value::Length(Length::Px(px))) => number(px),
            // A circular corner in px is one length.
            Slot::Set(Value::Radius(Radius {
                x: LengthPercentage::Length(Length::Px(x)),
                y: LengthPercentage::Length(Length::Px(y)),
            })) if x == y => number(x),
            Slot::Set(Value::Number(n)) => number(n.0),
            Slot::Set(Value::Integer(integer)) => json!(integer.0),
            Slot::Set(Value::Color(color)) => {
                let [r, g, b, a] = result.resolve_color(&color, theme.palette()).to_rgba8();
                json!(format!("#{r:02x}{g:02x}{b:02x}{a:02x}"))
            }
            Slot::Set(value) => json!(value.to_string()),
            Slot::None | Slot::Unset => json!("none"),
        };
        properties.insert(id.css_name().to_owned(), value);
    }
    properties
}

fn rect_json(rect: Rect) -> Json {
    json!({
        "x": number(rect.x),
        "y": number(rect.y),
        "width": number(rect.width),
        "height": number(rect.height),
    })
}

/// `union inspect --scene --json`: the control's size and box, then every
/// part in paint order with its element, rectangle (logical px from the
/// control's top-left corner), content and resolved properties.
pub fn scene_json(theme: &Theme, query: &Query, scene: &ControlScene) -> Json {
    let parts: Vec<Json> = scene
        .parts
        .iter()
        .map(|part| {
            json!({
                "element": part.element.to_string(),
                "rect": rect_json(part.rect),
                "content": serde_json::to_value(&part.content).unwrap_or(Json::Null),
                "properties": properties_json(theme, &part.style),
            })
        })
        .collect();
    json!({
        "element": element_text(query),
        "size": [number(scene.size.0), number(scene.size.1)],
        "properties": properties_json(theme, &scene.style),
        "parts": parts,
    })
}

/// `union inspect --scene`: one line per part, then its declarations.
pub fn scene_text(query: &Query, scene: &ControlScene) -> String {
    let mut out = format!(
        "{}\n\nscene: {} × {} logical px; parts in paint order:\n",
        element_text(query),
        scene.size.0,
        scene.size.1
    );
    if scene.parts.is_empty() {
        out.push_str("  (none)\n");
    }
    for part in &scene.parts {
        let r = part.rect;
        let content = match &part.content {
            Content::Box { icon: None } => "box".to_owned(),
            Content::Box { icon: Some(icon) } => format!("box with icon {}", icon_text(&icon.icon)),
            Content::Text { text, .. } => format!("text {text:?}"),
            Content::Icon { icon } => format!("icon {}", icon_text(icon)),
        };
        out.push_str(&format!(
            "  {} at {},{} size {}×{}: {content}\n",
            part.element, r.x, r.y, r.width, r.height
        ));
        for line in part.style.style.to_css_declarations().lines() {
            out.push_str("      ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn icon_text(icon: &IconRef) -> String {
    match icon {
        IconRef::File(path) => format!("file {path}"),
        IconRef::Name(name) => format!("named {name}"),
    }
}

/// The human-readable report.
pub fn report_text(theme: &Theme, query: &Query, result: &ComputedStyle) -> String {
    let mut out = String::new();
    let element = element_text(query);
    out.push_str(&format!("{element}\n\nmatched rules, winning first:\n"));
    if result.matched_rules.is_empty() {
        out.push_str("  (none)\n");
    }
    for rule in matched(theme, result) {
        let source = rule
            .location
            .as_ref()
            .map_or_else(String::new, |l| format!("  ({l})"));
        let important = if rule.importance == union_model::Importance::Important {
            " !important"
        } else {
            ""
        };
        out.push_str(&format!(
            "  {}{} {}{source}\n",
            rule.selector,
            important,
            rule.selector.specificity()
        ));
    }
    out.push_str("\nproperties:\n");
    for line in result.style.to_css_declarations().lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A rule that matched, as the gallery's inspector lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchedRule {
    /// The selector, as written back.
    pub selector: String,
    /// (ids, classes, types).
    pub specificity: [u16; 3],
    /// Whether the rule holds `!important` declarations.
    pub important: bool,
    /// Where it was written.
    pub source: Option<union_model::SourceLocation>,
}

/// Where a resolved property's value came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// The element's own matched rule, by index into
    /// [`Inspection::rules`].
    Rule(usize),
    /// Inherited from an ancestor's rule.
    Inherited {
        /// The ancestor's chain, as `Window > Button`.
        element: String,
        /// The ancestor rule that set it.
        rule: MatchedRule,
    },
    /// No rule set it: the property's initial value.
    Initial,
}

/// One resolved property.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedProperty {
    /// The CSS longhand name.
    pub name: &'static str,
    /// The value as CSS text; colours also resolved (`… = #rrggbbaa`).
    pub value: String,
    /// Who set it.
    pub origin: Origin,
}

/// Everything the inspector shows for one element.
#[derive(Clone, Debug, PartialEq)]
pub struct Inspection {
    /// The chain, as `Window > Button:hover > Icon`.
    pub element: String,
    /// The rules that matched, in priority order (the winner first).
    pub rules: Vec<MatchedRule>,
    /// Every decided property, in schema order, with its origin.
    pub properties: Vec<ResolvedProperty>,
}

fn matched_rule(rule: &Rule) -> MatchedRule {
    let s = rule.selector.specificity();
    MatchedRule {
        selector: rule.selector.to_string(),
        specificity: [s.ids, s.classes, s.types],
        important: rule.importance == union_model::Importance::Important,
        source: rule.location.clone(),
    }
}

/// The first matched rule (in cascade order) that declares `id`: the one
/// that decided it.
fn deciding_rule<'a>(
    theme: &'a Theme,
    result: &'a ComputedStyle,
    id: union_model::PropertyId,
) -> Option<(usize, &'a Rule)> {
    matched(theme, result)
        .enumerate()
        .find(|(_, rule)| rule.declarations.iter().any(|d| d.property() == id))
}

/// Inspects `query`'s element: its matched rules and where each resolved
/// property came from (its own rules, an ancestor's through inheritance, or
/// nowhere).
pub fn inspect(styler: &union_model::Styler, query: &Query) -> Inspection {
    let theme = styler.theme();
    let result = styler.query(query);
    let rules = matched(&theme, &result).map(matched_rule).collect();
    let properties = result
        .style
        .decided()
        .map(|(id, slot)| {
            let value = match &slot {
                Slot::Set(Value::Color(color)) => {
                    let [r, g, b, a] = result.resolve_color(color, theme.palette()).to_rgba8();
                    format!("{color} = #{r:02x}{g:02x}{b:02x}{a:02x}")
                }
                Slot::Set(value) => value.to_string(),
                Slot::None | Slot::Unset => "none".to_owned(),
            };
            ResolvedProperty {
                name: id.css_name(),
                value,
                origin: origin(styler, &theme, query, &result, id),
            }
        })
        .collect();
    Inspection {
        element: element_text(query),
        rules,
        properties,
    }
}

fn origin(
    styler: &union_model::Styler,
    theme: &Theme,
    query: &Query,
    result: &ComputedStyle,
    id: union_model::PropertyId,
) -> Origin {
    if let Some((index, _)) = deciding_rule(theme, result, id) {
        return Origin::Rule(index);
    }
    if !id.inherited() {
        return Origin::Initial;
    }
    // Walk up the chain to the nearest ancestor whose own rule set it.
    let chain = query.chain();
    for depth in (1..chain.len()).rev() {
        let ancestor = Query::new(chain[..depth].to_vec(), *query.context());
        let computed = styler.query(&ancestor);
        if let Some((_, rule)) = deciding_rule(theme, &computed, id) {
            return Origin::Inherited {
                element: element_text(&ancestor),
                rule: matched_rule(rule),
            };
        }
    }
    Origin::Initial
}
