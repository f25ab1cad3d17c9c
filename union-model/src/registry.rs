//! [`ThemeRegistry`]: the loaded themes and the input plugins that load them.

use crate::diagnostic::Diagnostic;
use crate::plugin::{InputPlugin, LoadOutput};
use crate::theme::{Theme, ThemeDefinition};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

/// How many themes an `extends` chain may hold.
pub const MAX_EXTENDS_DEPTH: usize = 16;

/// A theme in the registry, with what loading it reported.
#[derive(Debug)]
pub struct LoadedTheme {
    /// The compiled theme.
    pub theme: Arc<Theme>,
    /// Diagnostics of this theme's own source (its base has its own entry).
    pub diagnostics: Vec<Diagnostic>,
    /// Files this theme depends on, its bases' included.
    pub dependencies: Vec<PathBuf>,
    /// Where it was loaded from (`None` when added in code).
    pub source: Option<PathBuf>,
}

/// Why a theme could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No registered input plugin reads this path.
    NoPlugin(PathBuf),
    /// No plugin knows a theme of this name.
    NotFound(String),
    /// The plugin could not produce a theme at all.
    Failed {
        /// The source.
        path: PathBuf,
        /// What it reported.
        diagnostics: Vec<Diagnostic>,
    },
    /// Themes extend each other in a cycle (names in order).
    ExtendsCycle(Vec<String>),
    /// The `extends` chain is longer than [`MAX_EXTENDS_DEPTH`].
    ExtendsTooDeep(Vec<String>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NoPlugin(path) => {
                write!(f, "{}: no input plugin reads this file", path.display())
            }
            LoadError::NotFound(name) => write!(f, "no theme named `{name}` was found"),
            LoadError::Failed { path, diagnostics } => {
                write!(f, "{}: the theme could not be loaded", path.display())?;
                for diagnostic in diagnostics {
                    write!(f, "\n{diagnostic}")?;
                }
                Ok(())
            }
            LoadError::ExtendsCycle(names) => write!(
                f,
                "themes extend each other in a cycle: {}",
                names.join(" → ")
            ),
            LoadError::ExtendsTooDeep(names) => write!(
                f,
                "`extends` chain longer than {MAX_EXTENDS_DEPTH} themes: {}",
                names.join(" → ")
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// What [`ThemeRegistry::reload`] did.
#[derive(Debug)]
pub enum ReloadOutcome {
    /// The new version replaced the old one.
    Replaced(Arc<LoadedTheme>),
    /// The new version has errors (or failed): the last good version stays
    /// in use, and these are the new version's diagnostics.
    KeptPrevious {
        /// The theme still in use.
        current: Arc<LoadedTheme>,
        /// Why the new version was refused.
        diagnostics: Vec<Diagnostic>,
    },
}

/// The input plugins and the themes loaded through them.
///
/// Lookups take a read lock; this is not on the query path (queries go
/// through [`crate::Styler`], which holds its theme directly).
#[derive(Debug, Default)]
pub struct ThemeRegistry {
    plugins: Vec<Arc<dyn InputPlugin>>,
    themes: RwLock<HashMap<String, Arc<LoadedTheme>>>,
}

impl ThemeRegistry {
    /// An empty registry with no plugins.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers an input plugin (plugins are asked in registration order).
    pub fn register_input(&mut self, plugin: Arc<dyn InputPlugin>) {
        self.plugins.push(plugin);
    }

    /// The registered plugins.
    pub fn inputs(&self) -> impl Iterator<Item = &dyn InputPlugin> {
        self.plugins.iter().map(|p| &**p)
    }

    /// The theme registered as `name`.
    pub fn get(&self, name: &str) -> Option<Arc<LoadedTheme>> {
        self.read().get(name).cloned()
    }

    /// The registered theme names, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.read().keys().cloned().collect();
        names.sort();
        names
    }

    /// Compiles and registers a definition made in code.
    pub fn add(&self, definition: ThemeDefinition) -> Result<Arc<LoadedTheme>, LoadError> {
        let output = LoadOutput {
            definition: Some(definition),
            ..LoadOutput::default()
        };
        self.finish(output, None, &mut Vec::new())
    }

    /// Loads the theme at `path` with the first plugin that accepts it, and
    /// registers it under its name (replacing a theme of that name).
    pub fn load_path(&self, path: &Path) -> Result<Arc<LoadedTheme>, LoadError> {
        self.load_path_in(path, &mut Vec::new())
    }

    /// The theme called `name`: the registered one, or else the one a plugin locates.
    pub fn load_named(&self, name: &str) -> Result<Arc<LoadedTheme>, LoadError> {
        self.load_named_in(name, &mut Vec::new())
    }

    /// Loads `name` again from its source. When the new version has errors
    /// or fails, the registered version stays (a broken edit never takes
    /// down a working theme).
    pub fn reload(&self, name: &str) -> Result<ReloadOutcome, LoadError> {
        let Some(current) = self.get(name) else {
            return self.load_named(name).map(ReloadOutcome::Replaced);
        };
        let Some(source) = current.source.clone() else {
            return Ok(ReloadOutcome::Replaced(current));
        };
        let plugin = self.plugin_for(&source)?;
        let output = plugin.load(&source);
        if output.has_errors() || output.definition.is_none() {
            return Ok(ReloadOutcome::KeptPrevious {
                current,
                diagnostics: output.diagnostics,
            });
        }
        match self.finish(output, Some(source), &mut Vec::new()) {
            Ok(loaded) => Ok(ReloadOutcome::Replaced(loaded)),
            Err(error) => Ok(ReloadOutcome::KeptPrevious {
                current,
                diagnostics: vec![Diagnostic::error(error.to_string(), None)],
            }),
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, Arc<LoadedTheme>>> {
        self.themes
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn plugin_for(&self, path: &Path) -> Result<&Arc<dyn InputPlugin>, LoadError> {
        self.plugins
            .iter()
            .find(|p| p.accepts(path))
            .ok_or_else(|| LoadError::NoPlugin(path.to_owned()))
    }

    fn load_named_in(
        &self,
        name: &str,
        stack: &mut Vec<String>,
    ) -> Result<Arc<LoadedTheme>, LoadError> {
        if let Some(found) = self.get(name) {
            return Ok(found);
        }
        let path = self
            .plugins
            .iter()
            .find_map(|p| p.locate(name))
            .ok_or_else(|| LoadError::NotFound(name.to_owned()))?;
        self.load_path_in(&path, stack)
    }

    fn load_path_in(
        &self,
        path: &Path,
        stack: &mut Vec<String>,
    ) -> Result<Arc<LoadedTheme>, LoadError> {
        let output = self.plugin_for(path)?.load(path);
        self.finish(output, Some(path.to_owned()), stack)
    }

    /// Resolves `extends`, compiles and registers.
    fn finish(
        &self,
        output: LoadOutput,
        source: Option<PathBuf>,
        stack: &mut Vec<String>,
    ) -> Result<Arc<LoadedTheme>, LoadError> {
        let LoadOutput {
            definition,
            diagnostics,
            mut dependencies,
        } = output;
        let Some(definition) = definition else {
            return Err(LoadError::Failed {
                path: source.unwrap_or_default(),
                diagnostics,
            });
        };
        let base = match definition.extends.clone() {
            None => None,
            Some(base_name) => Some(self.resolve_base(&definition, &base_name, stack)?),
        };
        if let Some(base) = &base {
            dependencies.extend(base.dependencies.iter().cloned());
        }
        let name = definition.name.clone();
        let theme = Arc::new(Theme::compile(definition, base.as_ref().map(|b| &*b.theme)));
        let loaded = Arc::new(LoadedTheme {
            theme,
            diagnostics,
            dependencies,
            source,
        });
        self.themes
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(name, Arc::clone(&loaded));
        Ok(loaded)
    }

    fn resolve_base(
        &self,
        definition: &ThemeDefinition,
        base_name: &str,
        stack: &mut Vec<String>,
    ) -> Result<Arc<LoadedTheme>, LoadError> {
        stack.push(definition.name.clone());
        let result = if stack.iter().any(|n| n == base_name) {
            let mut cycle = stack.clone();
            cycle.push(base_name.to_owned());
            Err(LoadError::ExtendsCycle(cycle))
        } else if stack.len() >= MAX_EXTENDS_DEPTH {
            Err(LoadError::ExtendsTooDeep(stack.clone()))
        } else {
            self.load_named_in(base_name, stack)
        };
        stack.pop();
        result
    }
}
