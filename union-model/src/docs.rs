//! Generated documentation: the property reference (`docs/properties.md`).
//!
//! A test compares the checked-in file with [`properties_markdown`]; run
//! `UPDATE_DOCS=1 cargo test -p union-model --test docs` after changing the schema.

use crate::style::{GROUPS, PROPERTIES, PROPERTY_COUNT};
use std::fmt::Write as _;

/// The property reference in Markdown, generated from the schema.
pub fn properties_markdown() -> String {
    let mut out = String::new();
    out.push_str("<!-- Generated from union-model/schema/properties.toml by union_model::docs. Do not edit. -->\n");
    out.push_str("# Property reference\n\n");
    let _ = writeln!(
        out,
        "Union's element-style model has {PROPERTY_COUNT} properties (leaves) in {} groups. \
         Every leaf is *unset* (lower-priority rules or inheritance decide), *none* \
         (decided: nothing) or *set*. Lengths accept `px`, `em` and `rem` (inputs \
         convert absolute units to `px`); colours stay symbolic until an output paints \
         (see `palette()` below). *Initial* is what outputs draw for an unset leaf; the \
         model itself never fills unset leaves in. *Inherited* leaves take the parent \
         element's value when unset, as in CSS.\n",
        GROUPS.len()
    );
    out.push_str("## Groups\n\n");
    for (name, doc) in GROUPS {
        let _ = writeln!(out, "- [`{name}`](#{}): {doc}", name.replace('_', "-"));
    }
    for (name, doc) in GROUPS {
        let _ = writeln!(out, "\n## {name}\n\n{doc}\n");
        out.push_str("| CSS property | Path | Value | Initial | Inherited | Description |\n");
        out.push_str("|---|---|---|---|---|---|\n");
        for info in PROPERTIES.iter().filter(|p| p.group == name) {
            let _ = writeln!(
                out,
                "| `{}` | `{}` | `{}` | {} | {} | {} |",
                info.css_name,
                info.path,
                escape(info.grammar),
                escape(info.initial),
                if info.inherited { "yes" } else { "no" },
                escape(info.doc),
            );
        }
    }
    out.push_str("\n## Colours\n\n");
    out.push_str("A colour is a literal, `currentColor` (the element's `color`), a palette role \
                  `palette(<set>, <role>)`, or a function of colours: `mix(a, b, t)` (t = 0 gives a), \
                  `lighter(c, t)` / `darker(c, t)` (HSL lightness toward white / black), `alpha(c, f)` \
                  (alpha multiplied by f).\n\n");
    let sets: Vec<String> = crate::values::ColorSet::ALL
        .iter()
        .map(|s| format!("`{s}`"))
        .collect();
    let roles: Vec<String> = crate::values::ColorRole::ALL
        .iter()
        .map(|r| format!("`{r}`"))
        .collect();
    let _ = writeln!(out, "- Sets: {}.", sets.join(", "));
    let _ = writeln!(out, "- Roles: {}.", roles.join(", "));
    out
}

fn escape(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The element catalogue in Markdown, generated from `schema/elements.toml`.
pub fn elements_markdown() -> String {
    use crate::catalogue::{CATALOGUE_VERSION, CONTROLS, SUB_ELEMENTS};
    let mut out = String::new();
    out.push_str("<!-- Generated from union-model/schema/elements.toml by union_model::docs. Do not edit. -->\n");
    out.push_str("# Element catalogue\n\n");
    let _ = writeln!(
        out,
        "Version {CATALOGUE_VERSION}. The contract between themes and outputs: the element \
         types outputs put in query chains, and what a theme can select on each. A control \
         is queried as its own element (`Window > ToolBar > ToolButton`); its parts are child \
         elements of the sub-element types (`Slider > Handle`), told apart by hints where a \
         control has several parts of one type (`SpinBox > Indicator.up`). States are written \
         as pseudo-classes (`:hover`, `:checked`); text direction, colour scheme, form factor \
         and window activity are not states but query context (`:dir()`, `@media`).\n"
    );
    out.push_str("## Sub-element types\n\n| Type | Meaning |\n|---|---|\n");
    for sub in &SUB_ELEMENTS {
        let _ = writeln!(out, "| `{}` | {} |", sub.name, escape(sub.doc));
    }
    out.push_str("\n## Controls\n\n");
    let names: Vec<String> = CONTROLS
        .iter()
        .map(|c| format!("[`{}`](#{})", c.name, c.name.to_ascii_lowercase()))
        .collect();
    let _ = writeln!(out, "{}\n", names.join(" · "));
    for control in &CONTROLS {
        let _ = writeln!(out, "### {}\n\n{}\n", control.name, control.doc);
        let list = |items: Vec<String>| {
            if items.is_empty() {
                "—".to_owned()
            } else {
                items.join(", ")
            }
        };
        let subs = list(
            control
                .sub_elements
                .iter()
                .map(|s| format!("`{s}`"))
                .collect(),
        );
        let states = list(
            control
                .states
                .iter()
                .map(|s| format!("`:{}`", s.css_name()))
                .collect(),
        );
        let _ = writeln!(out, "- Sub-elements: {subs}");
        let _ = writeln!(out, "- States: {states}");
        for hint in control.hints {
            let _ = writeln!(out, "- Hint `.{}`: {}", hint.name, hint.doc);
        }
        for hint in control.sub_element_hints {
            let _ = writeln!(
                out,
                "- Sub-element hint `{}.{}`: {}",
                hint.on, hint.name, hint.doc
            );
        }
        if let Some(placement) = control.placement {
            let _ = writeln!(out, "- Placement: {}", placement_doc(placement));
        }
        for attribute in control.attributes {
            let values: Vec<String> = attribute.values.iter().map(|v| format!("`{v}`")).collect();
            let _ = writeln!(
                out,
                "- Attribute `[{}]` ({}): {}",
                attribute.name,
                values.join(" \\| "),
                attribute.doc
            );
        }
        out.push('\n');
    }
    out
}

/// What a placement does, for the catalogue's reader.
fn placement_doc(placement: crate::catalogue::PlacementInfo) -> String {
    use crate::catalogue::Placement;
    let length = placement.length;
    match placement.kind {
        Placement::Slider => format!(
            "`Groove` along the orientation ({length} px long by default; its thickness is its own `height`, centred), `Handle` travelling inside it by value, `Fill` from the groove's start to the handle's centre, inside the groove"
        ),
        Placement::RangeSlider => format!(
            "as a slider ({length} px long by default), with `Handle.first` and `Handle.second` and the `Fill` between them"
        ),
        Placement::Progress => format!(
            "`Groove` along the orientation ({length} px long by default), `Fill` from its start to the value, inside the groove"
        ),
        Placement::Scroll => format!(
            "`Indicator.up` and `.down` at the two ends ({length} px long by default), `Groove` between them, `Handle` of 30 % of the groove at the value"
        ),
        Placement::Switch => {
            "`Handle` inside the `Indicator` (the track) at its start, centre or end by the handle's `layout-alignment-horizontal`".to_owned()
        }
    }
}
