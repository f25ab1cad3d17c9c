//! `union inspect`: what does this element look like, and why.

use serde_json::{Map, Value as Json, json};
use union_model::values::Length;
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
        .map(|rule| {
            let s = rule.selector.specificity();
            json!({
                "selector": rule.selector.to_string(),
                "specificity": [s.ids, s.classes, s.types],
                "important": rule.importance == union_model::Importance::Important,
                "source": rule.location.as_ref().map(ToString::to_string),
            })
        })
        .collect();
    let mut properties = Map::new();
    for (id, slot) in result.style.decided() {
        let value = match slot {
            Slot::Set(Value::Length(Length::Px(px))) => number(px),
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
    json!({ "element": element, "rules": rules, "properties": properties })
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
