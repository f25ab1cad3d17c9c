//! The seam between input plugins and the model.

use crate::diagnostic::Diagnostic;
use crate::theme::ThemeDefinition;
use std::fmt;
use std::path::{Path, PathBuf};

/// What loading one theme source produced.
#[derive(Debug, Default)]
pub struct LoadOutput {
    /// The theme, when the source could be read at all. Inputs recover from
    /// errors like browsers do (drop the bad declaration or rule, keep the
    /// rest), so a definition usually comes back even with errors.
    pub definition: Option<ThemeDefinition>,
    /// Every problem found, with locations.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file the result depends on (for live reload and cache validation).
    pub dependencies: Vec<PathBuf>,
}

impl LoadOutput {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// An input plugin: turns a theme source (a CSS file, a Plasma theme folder…)
/// into a [`ThemeDefinition`].
///
/// Plugins are linked statically and registered with
/// [`crate::ThemeRegistry::register_input`]; there is no dynamic loading.
/// A plugin must never panic on bad input: every problem becomes a
/// [`Diagnostic`].
pub trait InputPlugin: Send + Sync + fmt::Debug {
    /// A short name (`css`, `plasma-svg`).
    fn name(&self) -> &str;

    /// Whether this plugin reads `path`.
    fn accepts(&self, path: &Path) -> bool;

    /// Finds the source of the theme called `name` in the plugin's search
    /// locations (bundled themes, XDG data dirs…).
    fn locate(&self, name: &str) -> Option<PathBuf> {
        let _ = name;
        None
    }

    /// Loads the theme at `path`.
    fn load(&self, path: &Path) -> LoadOutput;
}
