//! Declarations whose value uses `var()`: parsed once the cascade has
//! substituted the element's custom properties.

use crate::shorthand;
use crate::values::{ImageFunctions, ValueContext, parse_value};
use std::path::Path;
use std::sync::Arc;
use union_model::{Declaration, DeclaredValue, DeferredValue, PropertyId, Slot, Value};

/// A deferred value: the declaration's text and which leaf it decides.
#[derive(Debug)]
pub struct CssDeferred {
    /// The declared text.
    pub text: Arc<str>,
    /// The shorthand the text was written for, when it was a shorthand.
    pub shorthand: Option<Arc<str>>,
    /// The leaf this declaration decides.
    pub longhand: PropertyId,
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

    fn parse(&self, substituted: &str) -> Result<Slot<Value>, String> {
        let context = ValueContext {
            base_dir: &self.base_dir,
            images: self.images.as_deref(),
        };
        let keyword = substituted.trim().to_ascii_lowercase();
        match &self.shorthand {
            None => {
                let type_name = self.longhand.info().value_type;
                match parse_value(type_name, substituted, context) {
                    Ok(value) => Ok(Slot::Set(value)),
                    Err(_) if keyword == "none" => Ok(Slot::None),
                    Err(message) => Err(message),
                }
            }
            Some(name) if keyword == "none" && shorthand::accepts_none(name) => Ok(Slot::None),
            Some(name) => {
                let expanded = shorthand::expand(name, substituted, context)?;
                let value = expanded
                    .into_iter()
                    .find(|(id, _)| *id == self.longhand)
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

/// The deferred declarations for `name: text` (one per longhand of a shorthand).
pub fn declarations(
    name: &str,
    text: &str,
    base_dir: &Arc<Path>,
    images: &Option<Arc<dyn ImageFunctions>>,
) -> Result<Vec<Declaration>, String> {
    let text: Arc<str> = Arc::from(text);
    let shorthand_name: Arc<str> = Arc::from(name);
    let make = |shorthand: Option<&str>, longhand: PropertyId| {
        let deferred = CssDeferred {
            text: Arc::clone(&text),
            shorthand: shorthand.map(|_| Arc::clone(&shorthand_name)),
            longhand,
            base_dir: Arc::clone(base_dir),
            images: images.clone(),
        };
        Declaration::new(longhand, DeclaredValue::Deferred(Arc::new(deferred)))
            .map_err(|e| e.to_string())
    };
    if let Some(id) = PropertyId::from_css_name(name) {
        return Ok(vec![make(None, id)?]);
    }
    if shorthand::is_shorthand(name) {
        return shorthand::longhands(name)
            .into_iter()
            .map(|id| make(Some(name), id))
            .collect();
    }
    Err(format!(
        "unknown property `{name}` (see docs/properties.md)"
    ))
}
