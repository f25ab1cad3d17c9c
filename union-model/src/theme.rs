//! Themes: named rule sets with a palette and metadata.

use crate::palette::Palette;
use crate::rule::{Rule, RuleSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Descriptive facts about a theme.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ThemeMetadata {
    /// Human-readable name.
    pub display_name: Option<String>,
    /// One-paragraph description.
    pub description: Option<String>,
    /// Version string.
    pub version: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// SPDX licence expression.
    pub license: Option<String>,
}

/// What an input plugin produces: a theme before compilation.
#[derive(Clone, Debug, Default)]
pub struct ThemeDefinition {
    /// The theme's name (how apps and the registry refer to it).
    pub name: String,
    /// Metadata.
    pub metadata: ThemeMetadata,
    /// The name of the theme this one extends: its rules come first, and its
    /// palette is the base of this one's.
    pub extends: Option<String>,
    /// Colours this theme defines (may be partial).
    pub palette: Palette,
    /// Rules in source order.
    pub rules: Vec<Rule>,
}

static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

/// A compiled theme. Immutable; share it with `Arc`.
#[derive(Clone, Debug)]
pub struct Theme {
    name: String,
    metadata: ThemeMetadata,
    extends: Option<String>,
    palette: Palette,
    rules: Arc<RuleSet>,
    generation: u64,
}

impl Theme {
    /// Compiles a definition; `base` is the theme it extends, if any (the
    /// caller resolves `definition.extends`, see [`crate::ThemeRegistry`]).
    pub fn compile(definition: ThemeDefinition, base: Option<&Theme>) -> Theme {
        let (rules, palette) = match base {
            Some(base) => {
                let mut rules = base.rules.rules_in_source_order();
                rules.extend(definition.rules);
                (rules, base.palette.overlaid_with(&definition.palette))
            }
            None => (definition.rules, definition.palette),
        };
        Theme {
            name: definition.name,
            metadata: definition.metadata,
            extends: definition.extends,
            palette,
            rules: Arc::new(RuleSet::new(rules)),
            generation: NEXT_GENERATION.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The same rules with another palette. The generation is kept: cached
    /// query results stay valid, because matching never looks at colours.
    #[must_use]
    pub fn with_palette(&self, palette: Palette) -> Theme {
        Theme {
            palette,
            ..self.clone()
        }
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The metadata.
    pub fn metadata(&self) -> &ThemeMetadata {
        &self.metadata
    }

    /// The name of the extended theme.
    pub fn extends(&self) -> Option<&str> {
        self.extends.as_deref()
    }

    /// The palette (base palette overlaid with this theme's colours).
    pub fn palette(&self) -> &Palette {
        &self.palette
    }

    /// The compiled rules.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Unique per compilation of rules, never reused in a process.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}
