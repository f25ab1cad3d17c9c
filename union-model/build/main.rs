//! Generates the typed property model from `schema/properties.toml`.
//!
//! Output: `$OUT_DIR/properties.rs`, included by `src/style.rs`. See the header
//! of the schema file for its format. The generator validates the schema
//! (unique names, unique CSS names, known templates) and fails the build with
//! a message naming the offending entry.

#![allow(
    clippy::print_stdout,
    reason = "cargo reads build-script instructions from stdout"
)]

mod catalogue;

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Value types boxed inside `Value`: large and rare (images, 9-patch
/// slices, edge widths), so every other value, and every declaration, stays
/// small. A theme holds hundreds of declarations; most are colours and
/// lengths.
const BOXED_TYPES: &[&str] = &["Image", "NinePatchSlice", "EdgeWidths"];

/// Whether values of type `ty` are boxed inside `Value`.
fn boxed(ty: &str) -> bool {
    BOXED_TYPES.contains(&ty)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Schema {
    version: u32,
    templates: BTreeMap<String, Template>,
    groups: Vec<Group>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Template {
    doc: String,
    leaves: Vec<Leaf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    name: String,
    doc: String,
    #[serde(default)]
    leaves: Vec<Leaf>,
    #[serde(default)]
    children: Vec<Child>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Child {
    name: String,
    template: String,
    css_prefix: String,
    doc: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Leaf {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    css: String,
    doc: String,
    initial: String,
    #[serde(default)]
    inherited: bool,
}

/// One leaf with everything resolved.
struct Flat {
    /// The `PropertyId` variant: the CSS name in camel case.
    variant: String,
    /// Rust field path below `Style`, e.g. `border.top.width`.
    path: String,
    css: String,
    ty: String,
    doc: String,
    initial: String,
    inherited: bool,
    group: String,
}

fn camel(name: &str) -> String {
    name.split(['_', '.'])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn fail(message: impl std::fmt::Display) -> ! {
    panic!("schema/properties.toml: {message}")
}

fn flatten(schema: &Schema) -> Vec<Flat> {
    let mut flat = Vec::new();
    for group in &schema.groups {
        for leaf in &group.leaves {
            let path = format!("{}.{}", group.name, leaf.name);
            flat.push(Flat {
                variant: camel(&leaf.css.replace('-', "_")),
                path,
                css: leaf.css.clone(),
                ty: leaf.ty.clone(),
                doc: leaf.doc.clone(),
                initial: leaf.initial.clone(),
                inherited: leaf.inherited,
                group: group.name.clone(),
            });
        }
        for child in &group.children {
            let Some(template) = schema.templates.get(&child.template) else {
                fail(format!(
                    "group `{}` uses unknown template `{}`",
                    group.name, child.template
                ))
            };
            for leaf in &template.leaves {
                let path = format!("{}.{}.{}", group.name, child.name, leaf.name);
                let css = leaf.css.replace("{prefix}", &child.css_prefix);
                flat.push(Flat {
                    variant: camel(&css.replace('-', "_")),
                    path,
                    css,
                    ty: leaf.ty.clone(),
                    doc: format!("{}: {}", child.doc, lower_first(&leaf.doc)),
                    initial: leaf.initial.clone(),
                    inherited: leaf.inherited,
                    group: group.name.clone(),
                });
            }
        }
    }
    let mut css = BTreeSet::new();
    let mut paths = BTreeSet::new();
    for leaf in &flat {
        if !css.insert(leaf.css.clone()) {
            fail(format!("CSS name `{}` is used twice", leaf.css));
        }
        if !paths.insert(leaf.path.clone()) {
            fail(format!("path `{}` is defined twice", leaf.path));
        }
        if leaf.css.contains('{') {
            fail(format!("unreplaced placeholder in `{}`", leaf.css));
        }
    }
    flat
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

fn props_struct(
    out: &mut String,
    name: &str,
    doc: &str,
    leaves: &[Leaf],
    children: &[(String, String, String)],
) {
    let _ = writeln!(out, "/// {doc}.");
    let _ = writeln!(
        out,
        "#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]"
    );
    let _ = writeln!(out, "#[serde(default, deny_unknown_fields)]");
    let _ = writeln!(out, "pub struct {name} {{");
    for leaf in leaves {
        let _ = writeln!(out, "    /// {} (`{}`)", leaf.doc, leaf.css);
        let _ = writeln!(
            out,
            "    #[serde(skip_serializing_if = \"Slot::is_unset\")]"
        );
        let _ = writeln!(
            out,
            "    pub {}: Slot<crate::values::{}>,",
            leaf.name, leaf.ty
        );
    }
    for (field, ty, doc) in children {
        let _ = writeln!(out, "    /// {doc}.");
        let _ = writeln!(
            out,
            "    #[serde(skip_serializing_if = \"{ty}::is_empty\")]"
        );
        let _ = writeln!(out, "    pub {field}: {ty},");
    }
    let _ = writeln!(out, "}}\n");
    let _ = writeln!(out, "impl {name} {{");
    let _ = writeln!(
        out,
        "    /// Whether no leaf of the group is set (or set to none)."
    );
    let _ = writeln!(out, "    pub fn is_empty(&self) -> bool {{");
    let mut terms: Vec<String> = leaves
        .iter()
        .map(|l| format!("self.{}.is_unset()", l.name))
        .collect();
    terms.extend(
        children
            .iter()
            .map(|(field, _, _)| format!("self.{field}.is_empty()")),
    );
    if terms.is_empty() {
        terms.push("true".into());
    }
    let _ = writeln!(out, "        {}", terms.join(" && "));
    let _ = writeln!(out, "    }}\n}}\n");
}

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let schema_path = manifest.join("schema/properties.toml");
    println!("cargo::rerun-if-changed={}", schema_path.display());
    println!("cargo::rerun-if-changed=build/main.rs");
    let text =
        std::fs::read_to_string(&schema_path).unwrap_or_else(|e| fail(format!("cannot read: {e}")));
    let schema: Schema = toml::from_str(&text).unwrap_or_else(|e| fail(format!("{e}")));
    if schema.version != 1 {
        fail(format!("unsupported schema version {}", schema.version));
    }
    let flat = flatten(&schema);
    let mut out = String::from(
        "// @generated by build/main.rs from schema/properties.toml. Do not edit.\n\n",
    );

    // Templates and groups.
    for (name, template) in &schema.templates {
        props_struct(
            &mut out,
            &format!("{name}Props"),
            &template.doc,
            &template.leaves,
            &[],
        );
    }
    for group in &schema.groups {
        let children: Vec<_> = group
            .children
            .iter()
            .map(|c| {
                (
                    c.name.clone(),
                    format!("{}Props", c.template),
                    c.doc.clone(),
                )
            })
            .collect();
        let doc = group.doc.trim_end_matches('.');
        props_struct(
            &mut out,
            &format!("{}Props", camel(&group.name)),
            doc,
            &group.leaves,
            &children,
        );
    }
    let _ = writeln!(
        out,
        "/// The whole property tree of one element: every group, every leaf."
    );
    let _ = writeln!(
        out,
        "#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]"
    );
    let _ = writeln!(out, "#[serde(default, deny_unknown_fields)]");
    let _ = writeln!(out, "pub struct Style {{");
    for group in &schema.groups {
        let ty = format!("{}Props", camel(&group.name));
        let _ = writeln!(out, "    /// {}", group.doc);
        let _ = writeln!(
            out,
            "    #[serde(skip_serializing_if = \"{ty}::is_empty\")]"
        );
        let _ = writeln!(out, "    pub {}: {ty},", group.name);
    }
    let _ = writeln!(out, "}}\n");

    // Property ids.
    let count = flat.len();
    let _ = writeln!(out, "/// Identifies one leaf of the property tree.");
    let _ = writeln!(
        out,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]"
    );
    let _ = writeln!(out, "#[repr(u16)]");
    let _ = writeln!(out, "pub enum PropertyId {{");
    for leaf in &flat {
        let _ = writeln!(out, "    /// `{}`: {}", leaf.css, leaf.doc);
        let _ = writeln!(out, "    {},", leaf.variant);
    }
    let _ = writeln!(out, "}}\n");
    let _ = writeln!(out, "/// Number of leaves in the property tree.");
    let _ = writeln!(out, "pub const PROPERTY_COUNT: usize = {count};\n");
    let _ = writeln!(out, "impl PropertyId {{");
    let _ = writeln!(out, "    /// Every property, in schema order.");
    let _ = writeln!(out, "    pub const ALL: [PropertyId; {count}] = [");
    for leaf in &flat {
        let _ = writeln!(out, "        PropertyId::{},", leaf.variant);
    }
    let _ = writeln!(out, "    ];\n");
    let _ = writeln!(out, "    /// The property with this CSS name.");
    let _ = writeln!(
        out,
        "    pub fn from_css_name(name: &str) -> Option<PropertyId> {{"
    );
    let _ = writeln!(out, "        Some(match name {{");
    for leaf in &flat {
        let _ = writeln!(
            out,
            "            {:?} => PropertyId::{},",
            leaf.css, leaf.variant
        );
    }
    let _ = writeln!(out, "            _ => return None,\n        }})\n    }}\n");
    let _ = writeln!(
        out,
        "    /// Whether `value` has this property's value type."
    );
    let _ = writeln!(out, "    pub fn accepts(self, value: &Value) -> bool {{");
    let _ = writeln!(out, "        match self {{");
    for leaf in &flat {
        let _ = writeln!(
            out,
            "            PropertyId::{} => matches!(value, Value::{}(_)),",
            leaf.variant, leaf.ty
        );
    }
    let _ = writeln!(out, "        }}\n    }}\n}}\n");

    // Metadata.
    let _ = writeln!(
        out,
        "/// Metadata of every property, indexed by `PropertyId as usize`."
    );
    let _ = writeln!(out, "pub static PROPERTIES: [PropertyInfo; {count}] = [");
    for leaf in &flat {
        let _ = writeln!(
            out,
            "    PropertyInfo {{ id: PropertyId::{}, path: {:?}, group: {:?}, css_name: {:?}, value_type: {:?}, grammar: <crate::values::{} as crate::values::PropertyValue>::GRAMMAR, initial: {:?}, inherited: {}, doc: {:?} }},",
            leaf.variant,
            leaf.path,
            leaf.group,
            leaf.css,
            leaf.ty,
            leaf.ty,
            leaf.initial,
            leaf.inherited,
            leaf.doc
        );
    }
    let _ = writeln!(out, "];\n");
    let _ = writeln!(
        out,
        "/// The top-level groups: (name, doc), in schema order."
    );
    let _ = writeln!(
        out,
        "pub static GROUPS: [(&str, &str); {}] = [",
        schema.groups.len()
    );
    for group in &schema.groups {
        let _ = writeln!(out, "    ({:?}, {:?}),", group.name, group.doc);
    }
    let _ = writeln!(out, "];\n");

    // The Value enum: one variant per value type.
    let mut types: Vec<&str> = Vec::new();
    for leaf in &flat {
        if !types.contains(&leaf.ty.as_str()) {
            types.push(&leaf.ty);
        }
    }
    let _ = writeln!(out, "/// A value of any property type.");
    let _ = writeln!(
        out,
        "#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]"
    );
    let _ = writeln!(out, "#[serde(rename_all = \"kebab-case\")]");
    let _ = writeln!(out, "pub enum Value {{");
    for ty in &types {
        let _ = writeln!(out, "    /// A [`crate::values::{ty}`].");
        if boxed(ty) {
            let _ = writeln!(out, "    {ty}(Box<crate::values::{ty}>),");
        } else {
            let _ = writeln!(out, "    {ty}(crate::values::{ty}),");
        }
    }
    let _ = writeln!(out, "}}\n");
    let _ = writeln!(out, "impl Value {{");
    let _ = writeln!(out, "    /// The name of the value's type.");
    let _ = writeln!(
        out,
        "    pub fn type_name(&self) -> &'static str {{\n        match self {{"
    );
    for ty in &types {
        let _ = writeln!(out, "            Value::{ty}(_) => {ty:?},");
    }
    let _ = writeln!(out, "        }}\n    }}\n}}\n");
    let _ = writeln!(out, "impl fmt::Display for Value {{");
    let _ = writeln!(
        out,
        "    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{\n        match self {{"
    );
    for ty in &types {
        let _ = writeln!(
            out,
            "            Value::{ty}(v) => fmt::Display::fmt(v, f),"
        );
    }
    let _ = writeln!(out, "        }}\n    }}\n}}\n");

    // Generic access to leaves.
    let _ = writeln!(out, "impl Style {{");
    let _ = writeln!(out, "    /// The leaf `id`, as a [`Value`].");
    let _ = writeln!(
        out,
        "    pub fn get(&self, id: PropertyId) -> Slot<Value> {{\n        match id {{"
    );
    for leaf in &flat {
        let wrap = if boxed(&leaf.ty) {
            format!("|v| Value::{}(Box::new(v))", leaf.ty)
        } else {
            format!("Value::{}", leaf.ty)
        };
        let _ = writeln!(
            out,
            "            PropertyId::{} => self.{}.clone().map({wrap}),",
            leaf.variant, leaf.path
        );
    }
    let _ = writeln!(out, "        }}\n    }}\n");
    let _ = writeln!(
        out,
        "    /// Sets the leaf `id`; returns false (and changes nothing) when the value has the wrong type."
    );
    let _ = writeln!(
        out,
        "    pub fn set(&mut self, id: PropertyId, slot: Slot<Value>) -> bool {{\n        match (id, slot) {{"
    );
    for leaf in &flat {
        let unwrap = if boxed(&leaf.ty) { "*v" } else { "v" };
        let _ = writeln!(
            out,
            "            (PropertyId::{}, Slot::Set(Value::{}(v))) => self.{} = Slot::Set({unwrap}),",
            leaf.variant, leaf.ty, leaf.path
        );
        let _ = writeln!(
            out,
            "            (PropertyId::{}, Slot::None) => self.{} = Slot::None,",
            leaf.variant, leaf.path
        );
        let _ = writeln!(
            out,
            "            (PropertyId::{}, Slot::Unset) => self.{} = Slot::Unset,",
            leaf.variant, leaf.path
        );
    }
    let _ = writeln!(
        out,
        "            (_, Slot::Set(_)) => return false,\n        }}\n        true\n    }}\n"
    );
    let _ = writeln!(
        out,
        "    /// Resolves relative lengths (`em`, `rem`) of every leaf to pixels."
    );
    let _ = writeln!(
        out,
        "    pub fn resolve_lengths(&mut self, context: &crate::values::LengthContext) {{"
    );
    for leaf in &flat {
        let _ = writeln!(out, "        self.{}.resolve_lengths(context);", leaf.path);
    }
    let _ = writeln!(out, "    }}\n}}");

    let out_dir =
        PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set")));
    std::fs::write(out_dir.join("properties.rs"), out)
        .unwrap_or_else(|e| fail(format!("cannot write output: {e}")));

    std::fs::write(out_dir.join("initial.rs"), initial_values(&flat))
        .unwrap_or_else(|e| fail(format!("cannot write output: {e}")));

    // The schema hash: the property schema and the sources of the types it
    // serialises. Caches of compiled themes are keyed by it, so they can
    // never be read by a build with another data model.
    let mut hashed: Vec<PathBuf> = vec![
        schema_path.clone(),
        manifest.join("src/slot.rs"),
        manifest.join("src/rule.rs"),
    ];
    let values_dir = manifest.join("src/values");
    println!("cargo::rerun-if-changed={}", values_dir.display());
    let mut value_files: Vec<PathBuf> = std::fs::read_dir(&values_dir)
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    value_files.sort();
    hashed.extend(value_files);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &hashed {
        println!("cargo::rerun-if-changed={}", path.display());
        let bytes = std::fs::read(path)
            .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", path.display())));
        for byte in bytes.iter().chain(
            path.file_name()
                .map(|n| n.as_encoded_bytes())
                .unwrap_or_default(),
        ) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    let hash_source = format!(
        "/// A hash of the property schema and of the sources of the value types it\n/// serialises; caches of compiled themes are keyed by it.\npub const SCHEMA_HASH: u64 = {hash:#018x};\n"
    );
    std::fs::write(out_dir.join("schema_hash.rs"), hash_source)
        .unwrap_or_else(|e| fail(format!("cannot write output: {e}")));

    let elements_path = manifest.join("schema/elements.toml");
    println!("cargo::rerun-if-changed={}", elements_path.display());
    println!("cargo::rerun-if-changed=build/catalogue.rs");
    let elements = std::fs::read_to_string(&elements_path)
        .unwrap_or_else(|e| panic!("schema/elements.toml: cannot read: {e}"));
    let generated =
        catalogue::generate(&elements).unwrap_or_else(|e| panic!("schema/elements.toml: {e}"));
    std::fs::write(out_dir.join("catalogue.rs"), generated)
        .unwrap_or_else(|e| fail(format!("cannot write output: {e}")));
}

/// Typed constants for the leaves whose schema `initial` is a plain number
/// or pixel length (`0`, `16px`, `1`): outputs draw these for an unset leaf
/// instead of restating the schema. Initial values given in words ("from
/// content", "the platform font") are decided by the scene or the output.
fn initial_values(flat: &[Flat]) -> String {
    let mut out = String::new();
    for leaf in flat {
        let number = leaf.initial.strip_suffix("px").unwrap_or(&leaf.initial);
        let Ok(value) = number.parse::<f32>() else {
            continue;
        };
        let name = leaf.path.replace('.', "_").to_ascii_uppercase();
        let (ty, expr) = match leaf.ty.as_str() {
            "Length" => (
                "crate::values::Length",
                format!("crate::values::Length::Px({value:?})"),
            ),
            "Number" => ("f32", format!("{value:?}")),
            "Integer" if number.parse::<i32>().is_ok() => ("i32", number.to_owned()),
            _ => continue,
        };
        let _ = writeln!(
            out,
            "/// Initial value of `{}` ({}).\npub const {name}: {ty} = {expr};",
            leaf.css, leaf.initial
        );
    }
    out
}
