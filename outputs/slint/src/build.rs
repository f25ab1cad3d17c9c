//! The build-time way in: the `union` style written where a build script
//! hands it to `slint-build`, so the application is compiled with the
//! theme's looks and ships no interpreter.
//!
//! ```ignore
//! // build.rs of an application (union-slint as a build-dependency, with
//! // `default-features = false`: no Slint is linked into the build script)
//! fn main() {
//!     let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
//!     let style = union_slint::build::write_style_for("breeze", &out).unwrap();
//!     for file in &style.theme_files {
//!         println!("cargo:rerun-if-changed={}", file.display());
//!     }
//!     let config = slint_build::CompilerConfiguration::new()
//!         .with_style(style.style.clone())
//!         .with_include_paths(style.include_paths.clone());
//!     slint_build::compile_with_config("ui/app.slint", config).unwrap();
//! }
//! ```

use crate::style::{self, GeneratedStyle};
use crate::{Gap, Icons};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_model::Styler;
use union_model::icons::IconLookup;

/// A style written for `slint-build`.
#[derive(Clone, Debug)]
pub struct BuildStyle {
    /// The style name to give `CompilerConfiguration::with_style`.
    pub style: String,
    /// The folders to give `CompilerConfiguration::with_include_paths`.
    pub include_paths: Vec<PathBuf>,
    /// The theme's files, for `cargo:rerun-if-changed`.
    pub theme_files: Vec<PathBuf>,
    /// What Slint draws differently from the theme.
    pub gaps: Vec<Gap>,
}

/// Loads `theme` (a bundled name, a folder, or `plasma:NAME`), generates
/// its style and writes it into `out_dir/union-slint-style/`.
///
/// # Errors
/// When the theme does not load (where it was looked for), has errors, or
/// a file cannot be written.
pub fn write_style_for(theme: &str, out_dir: &Path) -> Result<BuildStyle, String> {
    let registry = union_themes::registry();
    let loaded = union_themes::load(&registry, theme).map_err(|e| union_themes::explain(&e))?;
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    let styler = Styler::new(Arc::clone(&loaded.theme));
    let mut icons = Icons(IconLookup::with_system_icons(
        union_themes::bundled_icon_dirs(),
    ));
    let generated = style::generate(&styler, loaded.theme.palette(), &mut icons)?;
    let dir = out_dir.join("union-slint-style");
    generated
        .write_to(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(BuildStyle {
        style: style::STYLE_NAME.to_owned(),
        include_paths: GeneratedStyle::include_paths(&dir),
        theme_files: loaded.dependencies.clone(),
        gaps: generated.gaps,
    })
}
