//! [`PlasmaInput`]: Plasma desktop themes as an input plugin, by folder or
//! by name (`plasma:oxygen`).

use crate::compile::compile_theme;
use crate::theme::{PlasmaTheme, Variant};
use std::path::{Path, PathBuf};
use union_model::{Diagnostic, InputPlugin, LoadOutput, SourceLocation};

/// What a theme name must start with to name a Plasma theme.
pub const NAME_PREFIX: &str = "plasma:";

/// The Plasma input plugin.
#[derive(Debug, Default)]
pub struct PlasmaInput {
    search: Vec<PathBuf>,
    variant: Variant,
}

impl PlasmaInput {
    /// A plugin finding named themes in `search` (folders holding theme
    /// folders, like `~/.local/share/plasma/desktoptheme`; the first one
    /// holding `default` is where missing images are looked for).
    pub fn new(search: Vec<PathBuf>) -> Self {
        PlasmaInput {
            search,
            variant: Variant::Normal,
        }
    }

    /// Draws `variant` images (`opaque/` for desktops without compositing).
    #[must_use]
    pub fn with_variant(mut self, variant: Variant) -> Self {
        self.variant = variant;
        self
    }

    fn is_theme(path: &Path) -> bool {
        path.join("metadata.json").is_file() || path.join("metadata.desktop").is_file()
    }
}

impl InputPlugin for PlasmaInput {
    fn name(&self) -> &str {
        "plasma-svg"
    }

    fn accepts(&self, path: &Path) -> bool {
        path.is_dir() && Self::is_theme(path) && !path.join("style.css").is_file()
    }

    fn locate(&self, name: &str) -> Option<PathBuf> {
        let name = name.strip_prefix(NAME_PREFIX)?;
        if name.is_empty() || name.contains(['/', '\\']) || name == "." || name == ".." {
            return None;
        }
        self.search
            .iter()
            .map(|dir| dir.join(name))
            .find(|dir| Self::is_theme(dir))
    }

    fn load(&self, path: &Path) -> LoadOutput {
        match PlasmaTheme::open(&path.to_string_lossy(), &self.search) {
            Ok(theme) => compile_theme(&theme, self.variant),
            Err(message) => LoadOutput {
                definition: None,
                diagnostics: vec![Diagnostic::error(
                    message,
                    Some(SourceLocation::new(path, 1, 1)),
                )],
                dependencies: vec![path.to_path_buf()],
            },
        }
    }
}
