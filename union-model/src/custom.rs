//! Custom properties (`--name: value`) and `var()` substitution, with CSS
//! semantics: custom properties inherit from the parent element, and `var()`
//! is substituted when an element's style is computed.
//!
//! Values are kept as CSS text; this module only understands the
//! `var(--name [, fallback])` function, parentheses, strings and comments.
//! Substitution is bounded: references nest at most [`MAX_VAR_DEPTH`] deep and
//! a substituted value is at most [`MAX_SUBSTITUTED_LENGTH`] bytes, so
//! self-references and exponential expansions fail instead of hanging.

use std::collections::BTreeMap;
use std::sync::Arc;

/// Deepest chain of `var()` references followed.
pub const MAX_VAR_DEPTH: usize = 32;

/// Longest value substitution may produce.
pub const MAX_SUBSTITUTED_LENGTH: usize = 64 * 1024;

/// An element's computed custom properties: name (with `--`) → value text
/// with every `var()` already substituted.
pub type CustomProperties = BTreeMap<Arc<str>, Arc<str>>;

/// Why a substitution failed (the declaration is then invalid at computed-value time).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubstitutionError {
    /// `var(--name)` without a fallback, and `--name` is not defined.
    Undefined(String),
    /// References nest deeper than [`MAX_VAR_DEPTH`] (or form a cycle).
    TooDeep,
    /// The result grew past [`MAX_SUBSTITUTED_LENGTH`].
    TooLong,
    /// A `var(` without its `)`, or without a `--name`.
    Syntax,
}

/// Replaces every `var()` in `text` using `lookup`.
pub fn substitute(
    text: &str,
    lookup: &dyn Fn(&str) -> Option<Arc<str>>,
) -> Result<String, SubstitutionError> {
    substitute_at(text, lookup, 0)
}

fn substitute_at(
    text: &str,
    lookup: &dyn Fn(&str) -> Option<Arc<str>>,
    depth: usize,
) -> Result<String, SubstitutionError> {
    if depth > MAX_VAR_DEPTH {
        return Err(SubstitutionError::TooDeep);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_var(rest) {
        out.push_str(&rest[..at]);
        let inside_start = at + 4;
        let close = matching_paren(rest, inside_start).ok_or(SubstitutionError::Syntax)?;
        let inside = &rest[inside_start..close];
        let (name, fallback) = match inside.find(',') {
            Some(comma) => (inside[..comma].trim(), Some(&inside[comma + 1..])),
            None => (inside.trim(), None),
        };
        if !name.starts_with("--") || name.len() < 3 {
            return Err(SubstitutionError::Syntax);
        }
        let replacement = match (lookup(name), fallback) {
            (Some(value), _) => substitute_at(&value, lookup, depth + 1)?,
            (None, Some(fallback)) => substitute_at(fallback.trim(), lookup, depth + 1)?,
            (None, None) => return Err(SubstitutionError::Undefined(name.to_owned())),
        };
        out.push_str(&replacement);
        if out.len() > MAX_SUBSTITUTED_LENGTH {
            return Err(SubstitutionError::TooLong);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    if out.len() > MAX_SUBSTITUTED_LENGTH {
        return Err(SubstitutionError::TooLong);
    }
    Ok(out)
}

/// Whether `text` uses `var()`.
pub fn uses_var(text: &str) -> bool {
    find_var(text).is_some()
}

/// The custom properties `text` refers to with `var()` and no fallback
/// (`var(--a)` yes, `var(--a, 1px)` no), in order; nested references in
/// fallbacks are found too.
pub fn vars_without_fallback(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = find_var(rest) {
        let after = rest[at + 4..].trim_start();
        let end = after
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..end];
        if name.starts_with("--") && after[end..].trim_start().starts_with(')') {
            names.push(name);
        }
        rest = &after[end..];
    }
    names
}

/// Byte offset of the next `var(` outside strings and comments.
fn find_var(text: &str) -> Option<usize> {
    // Most values have no `var(` at all: look for a `(` after `var` first
    // (a `char` pattern searches many bytes at a time), and only then scan
    // byte by byte, minding strings and comments.
    let candidate = text.match_indices('(').any(|(i, _)| {
        i.checked_sub(3)
            .and_then(|start| text.get(start..i))
            .is_some_and(|name| name.eq_ignore_ascii_case("var"))
    });
    if !candidate {
        return None;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => i = skip_string(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |end| i + 2 + end + 2);
            }
            b'v' | b'V'
                if text
                    .get(i..i + 4)
                    .is_some_and(|s| s.eq_ignore_ascii_case("var("))
                    && (i == 0
                        || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'-')) =>
            {
                return Some(i);
            }
            _ => i += 1,
        }
    }
    None
}

fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() && bytes[i] != quote {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    i + 1
}

/// Offset of the `)` closing the parenthesis opened just before `start`.
fn matching_paren(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 1;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                i = skip_string(bytes, i);
                continue;
            }
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Computes an element's custom properties: `own` (decided declarations,
/// raw text) over the parent's computed ones. References between the
/// element's own properties are substituted; a property whose substitution
/// fails (undefined reference, cycle, bounds) is left out, which CSS calls
/// the guaranteed-invalid value.
pub fn compute(
    own: &[(Arc<str>, Arc<str>)],
    inherited: Option<&Arc<CustomProperties>>,
) -> Arc<CustomProperties> {
    if own.is_empty() {
        return inherited.cloned().unwrap_or_default();
    }
    let raw: BTreeMap<&str, &Arc<str>> = own.iter().map(|(n, v)| (&**n, v)).collect();
    let mut computed: CustomProperties = inherited.map(|m| (**m).clone()).unwrap_or_default();
    for (name, _) in own {
        computed.remove(name);
    }
    // Own values may refer to each other (resolved from their raw text, so
    // a cycle hits the depth bound) and to inherited, already computed ones.
    let inherited_view = computed.clone();
    let lookup = |name: &str| -> Option<Arc<str>> {
        raw.get(name)
            .map(|v| Arc::clone(v))
            .or_else(|| inherited_view.get(name).cloned())
    };
    for (name, value) in own {
        if let Ok(text) = substitute(value, &lookup) {
            computed.insert(Arc::clone(name), Arc::from(text.trim()));
        }
    }
    Arc::new(computed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<Arc<str>> {
        let owned: Vec<(String, Arc<str>)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Arc::from(*v)))
            .collect();
        move |name| {
            owned
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| Arc::clone(v))
        }
    }

    #[test]
    fn substitution_table() {
        let lookup = map(&[
            ("--a", "4px"),
            ("--b", "var(--a) 2px"),
            ("--loop", "var(--loop)"),
            ("--c", "red"),
        ]);
        let table: Vec<(&str, Result<&str, SubstitutionError>)> = vec![
            ("var(--a)", Ok("4px")),
            ("0 var(--a) var(--b)", Ok("0 4px 4px 2px")),
            ("var(--missing, 1px)", Ok("1px")),
            ("var(--missing, var(--c))", Ok("red")),
            ("mix(var(--c), blue, 0.5)", Ok("mix(red, blue, 0.5)")),
            ("var( --a )", Ok("4px")),
            ("\"var(--a)\" x", Ok("\"var(--a)\" x")),
            ("novar(--a)", Ok("novar(--a)")),
            (
                "var(--missing)",
                Err(SubstitutionError::Undefined("--missing".into())),
            ),
            ("var(--loop)", Err(SubstitutionError::TooDeep)),
            ("var(--a", Err(SubstitutionError::Syntax)),
            ("var(a)", Err(SubstitutionError::Syntax)),
        ];
        for (text, expected) in table {
            assert_eq!(
                substitute(text, &lookup).as_deref().map_err(Clone::clone),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn uses_var_finds_var_functions_outside_strings_and_comments() {
        let table = [
            ("var(--a)", true),
            ("VAR(--a)", true),
            ("mix(var(--c), blue, 0.5)", true),
            ("1px solid palette(view, foreground-normal)", false),
            ("novar(--a)", false),
            ("var (--a)", false),
            ("\"var(--a)\" x", false),
            ("/* var(--a) */ 1px", false),
            ("/* var(--a) */ var(--b)", true),
            ("", false),
        ];
        for (text, expected) in table {
            assert_eq!(uses_var(text), expected, "{text}");
        }
    }

    #[test]
    fn exponential_expansion_is_bounded() {
        let mut pairs = vec![("--x0".to_owned(), "aaaaaaaaaaaaaaaa".to_owned())];
        for i in 1..30 {
            pairs.push((format!("--x{i}"), format!("var(--x{0}) var(--x{0})", i - 1)));
        }
        let lookup = move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| Arc::from(v.as_str()))
        };
        assert_eq!(
            substitute("var(--x29)", &lookup),
            Err(SubstitutionError::TooLong)
        );
    }

    #[test]
    fn computed_custom_properties_inherit_and_drop_invalid_ones() {
        let parent = compute(
            &[
                (Arc::from("--size"), Arc::from("4px")),
                (Arc::from("--c"), Arc::from("red")),
            ],
            None,
        );
        let own = [
            (Arc::from("--c"), Arc::from("blue")),
            (Arc::from("--both"), Arc::from("var(--size) var(--c)")),
            (Arc::from("--cycle-a"), Arc::from("var(--cycle-b)")),
            (Arc::from("--cycle-b"), Arc::from("var(--cycle-a)")),
        ];
        let child = compute(&own, Some(&parent));
        assert_eq!(child.get("--size").map(|v| &**v), Some("4px"));
        assert_eq!(child.get("--c").map(|v| &**v), Some("blue"));
        assert_eq!(child.get("--both").map(|v| &**v), Some("4px blue"));
        assert!(!child.contains_key("--cycle-a") && !child.contains_key("--cycle-b"));
        // No own declarations: the parent's map is shared, not copied.
        assert!(Arc::ptr_eq(&compute(&[], Some(&child)), &child));
    }
}

#[cfg(test)]
mod var_name_tests {
    use super::vars_without_fallback;

    #[test]
    fn references_without_fallbacks_are_listed() {
        // (value, names without a fallback)
        let cases: [(&str, &[&str]); 6] = [
            ("var(--a)", &["--a"]),
            ("var( --a ) var(--b, 1px)", &["--a"]),
            ("var(--b, var(--c))", &["--c"]),
            ("1px solid var(--border-color)", &["--border-color"]),
            ("\"var(--not)\" 1px", &[]),
            ("none", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(vars_without_fallback(text), expected, "{text}");
        }
    }
}
