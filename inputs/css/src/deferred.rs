//! Declarations whose value uses `var()`: parsed once the cascade has
//! substituted the element's custom properties.

use crate::shorthand;
use crate::values::{ImageFunctions, ValueContext, parse_value};
use smallvec::SmallVec;
use std::path::Path;
use std::sync::Arc;
use union_model::{Declaration, DeclaredValue, DeferredValue, PropertyId, Slot, Value};

/// A deferred value: the declaration's text and the shorthand it was
/// written for. Every longhand of the shorthand shares it; the declaration
/// holding it says which leaf it decides.
#[derive(Debug)]
pub struct CssDeferred {
    /// The declared text.
    pub text: Arc<str>,
    /// The shorthand the text was written for, when it was a shorthand.
    pub shorthand: Option<&'static str>,
    /// The folder `url()`s are relative to.
    pub base_dir: Arc<Path>,
    /// The embedding input's image functions.
    pub images: Option<Arc<dyn ImageFunctions>>,
}

impl DeferredValue for CssDeferred {
    fn text(&self) -> &str {
        &self.text
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn parse(&self, longhand: PropertyId, substituted: &str) -> Result<Slot<Value>, String> {
        let context = ValueContext {
            base_dir: &self.base_dir,
            images: self.images.as_deref(),
        };
        let none = substituted.trim().eq_ignore_ascii_case("none");
        match &self.shorthand {
            None => {
                let type_name = longhand.info().value_type;
                match parse_value(type_name, substituted, context) {
                    Ok(value) => Ok(Slot::Set(value)),
                    Err(_) if none => Ok(Slot::None),
                    Err(message) => Err(message),
                }
            }
            Some(name) if none && shorthand::accepts_none(name) => Ok(Slot::None),
            Some(name) => {
                let expanded = shorthand::expand(name, substituted, context)?;
                let value = expanded
                    .into_iter()
                    .find(|(id, _)| *id == longhand)
                    .map(|(_, v)| v);
                Ok(match value {
                    Some(Some(value)) => Slot::Set(value),
                    Some(None) => Slot::None,
                    // A shorthand that did not mention this longhand resets it.
                    None => Slot::Unset,
                })
            }
        }
    }
}

/// Deferred values made so far, so rules that write the same `var()` text
/// for the same property share one value (themes repeat them a lot).
#[derive(Default)]
pub struct DeferredTable {
    /// Keyed by the text the values share (one allocation for both); a text
    /// usually has one value.
    by_text: std::collections::HashMap<Arc<str>, SmallVec<[Arc<CssDeferred>; 1]>>,
}

impl DeferredTable {
    fn get(
        &mut self,
        text: &str,
        shorthand: Option<&'static str>,
        base_dir: &Arc<Path>,
        images: &Option<Arc<dyn ImageFunctions>>,
    ) -> Arc<CssDeferred> {
        let same_images = |a: &Option<Arc<dyn ImageFunctions>>| match (a, images) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        };
        let text: Arc<str> = match self.by_text.get_key_value(text) {
            Some((key, list)) => {
                let existing = list.iter().find(|d| {
                    d.shorthand == shorthand
                        && Arc::ptr_eq(&d.base_dir, base_dir)
                        && same_images(&d.images)
                });
                if let Some(found) = existing {
                    return Arc::clone(found);
                }
                Arc::clone(key)
            }
            None => Arc::from(text),
        };
        let made = Arc::new(CssDeferred {
            text: Arc::clone(&text),
            shorthand,
            base_dir: Arc::clone(base_dir),
            images: images.clone(),
        });
        self.by_text
            .entry(text)
            .or_default()
            .push(Arc::clone(&made));
        made
    }
}

/// Appends the deferred declarations for `name: text` to `out` (one per
/// longhand of a shorthand).
pub fn declarations(
    name: &str,
    text: &str,
    base_dir: &Arc<Path>,
    images: &Option<Arc<dyn ImageFunctions>>,
    table: &mut DeferredTable,
    out: &mut Vec<Declaration>,
) -> Result<(), String> {
    let single;
    let (shorthand, longhands): (Option<&'static str>, &[PropertyId]) =
        match PropertyId::from_css_name(name) {
            Some(id) => {
                single = [id];
                (None, &single)
            }
            None => match shorthand::static_name(name) {
                Some(shorthand_name) => (Some(shorthand_name), shorthand::longhands(name)),
                None => {
                    return Err(format!(
                        "unknown property `{name}` (see docs/properties.md)"
                    ));
                }
            },
        };
    let deferred: Arc<dyn DeferredValue> = table.get(text, shorthand, base_dir, images);
    for &longhand in longhands {
        out.push(
            Declaration::new(longhand, DeclaredValue::Deferred(Arc::clone(&deferred)))
                .map_err(|e| e.to_string())?,
        );
    }
    Ok(())
}
