//! Generates the element catalogue from `schema/elements.toml`.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use union_selectors::State;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    version: String,
    sub_elements: Vec<Named>,
    controls: Vec<Control>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Named {
    name: String,
    doc: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Attribute {
    name: String,
    values: Vec<String>,
    doc: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Control {
    name: String,
    doc: String,
    #[serde(default)]
    sub: Vec<String>,
    states: Vec<String>,
    #[serde(default)]
    hints: Vec<Named>,
    #[serde(default)]
    attributes: Vec<Attribute>,
    #[serde(default)]
    sub_hints: Vec<SubHint>,
    sample_text: Option<String>,
    placement: Option<Placement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubHint {
    on: String,
    name: String,
    doc: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Placement {
    kind: String,
    length: Option<f32>,
}

/// The `Placement` variant of a `placement.kind`.
fn placement_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "slider" => "Slider",
        "range-slider" => "RangeSlider",
        "progress" => "Progress",
        "scroll" => "Scroll",
        "switch" => "Switch",
        _ => return None,
    })
}

fn named(list: &[Named]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|n| format!("HintInfo {{ name: {:?}, doc: {:?} }}", n.name, n.doc))
        .collect();
    format!("&[{}]", items.join(", "))
}

/// Rust source for the catalogue, or a message naming the bad entry.
pub fn generate(text: &str) -> Result<String, String> {
    let catalogue: Catalogue = toml::from_str(text).map_err(|e| e.to_string())?;
    let version_parts: Vec<&str> = catalogue.version.split('.').collect();
    if version_parts.len() != 3 || version_parts.iter().any(|p| p.parse::<u32>().is_err()) {
        return Err(format!(
            "version `{}` is not MAJOR.MINOR.PATCH",
            catalogue.version
        ));
    }
    let sub_names: BTreeSet<&str> = catalogue
        .sub_elements
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    let mut control_names = BTreeSet::new();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// The catalogue's version (semver).\npub const CATALOGUE_VERSION: &str = {:?};\n",
        catalogue.version
    );
    let _ = writeln!(
        out,
        "/// The sub-element types.\npub static SUB_ELEMENTS: [HintInfo; {}] = [",
        catalogue.sub_elements.len()
    );
    for sub in &catalogue.sub_elements {
        let _ = writeln!(
            out,
            "    HintInfo {{ name: {:?}, doc: {:?} }},",
            sub.name, sub.doc
        );
    }
    let _ = writeln!(out, "];\n");
    let _ = writeln!(
        out,
        "/// The controls, in catalogue order.\npub static CONTROLS: [ControlInfo; {}] = [",
        catalogue.controls.len()
    );
    for control in &catalogue.controls {
        if !control_names.insert(control.name.as_str()) || sub_names.contains(control.name.as_str())
        {
            return Err(format!("`{}` is defined twice", control.name));
        }
        for sub in &control.sub {
            if !sub_names.contains(sub.as_str()) {
                return Err(format!(
                    "`{}` uses unknown sub-element `{sub}`",
                    control.name
                ));
            }
        }
        let mut states = Vec::new();
        for name in &control.states {
            let state = State::from_css_name(name)
                .ok_or_else(|| format!("`{}` lists unknown state `{name}`", control.name))?;
            states.push(format!("State::{state:?}"));
        }
        let attributes: Vec<String> = control
            .attributes
            .iter()
            .map(|a| {
                format!(
                    "AttributeInfo {{ name: {:?}, values: &{:?}, doc: {:?} }}",
                    a.name, a.values, a.doc
                )
            })
            .collect();
        let mut sub_hints = Vec::new();
        for hint in &control.sub_hints {
            if !control.sub.contains(&hint.on) {
                return Err(format!(
                    "`{}`: sub-element hint `{}` is on `{}`, which the control does not have",
                    control.name, hint.name, hint.on
                ));
            }
            sub_hints.push(format!(
                "SubHintInfo {{ on: {:?}, name: {:?}, doc: {:?} }}",
                hint.on, hint.name, hint.doc
            ));
        }
        let placement = match &control.placement {
            None => "None".to_owned(),
            Some(p) => {
                let kind = placement_kind(&p.kind).ok_or_else(|| {
                    format!("`{}`: unknown placement kind `{}`", control.name, p.kind)
                })?;
                let length = match (kind, p.length) {
                    ("Switch", None) => 0.0,
                    ("Switch", Some(_)) => {
                        return Err(format!("`{}`: a switch has no length", control.name));
                    }
                    (_, Some(length)) if length.is_finite() && length > 0.0 => length,
                    _ => {
                        return Err(format!(
                            "`{}`: placement `{}` needs a positive `length`",
                            control.name, p.kind
                        ));
                    }
                };
                format!("Some(PlacementInfo {{ kind: Placement::{kind}, length: {length:?} }})")
            }
        };
        let sample = control.sample_text.as_deref().unwrap_or(&control.name);
        let _ = writeln!(
            out,
            "    ControlInfo {{ name: {:?}, doc: {:?}, sub_elements: &{:?}, states: &[{}], hints: {}, attributes: &[{}], sub_element_hints: &[{}], sample_text: {:?}, placement: {} }},",
            control.name,
            control.doc,
            control.sub,
            states.join(", "),
            named(&control.hints),
            attributes.join(", "),
            sub_hints.join(", "),
            sample,
            placement,
        );
    }
    let _ = writeln!(out, "];");
    Ok(out)
}
