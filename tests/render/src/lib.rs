//! Snapshot cases: one file format that every output renders.
//!
//! A case file (`cases/*.toml`) lists cases; each names a theme (a bundled
//! theme folder or inline CSS), an element chain in `union_model::chain`
//! notation, the query context, the border-box size, the scales, the margin
//! and the tolerance. Each output renders every case at every scale and
//! compares it with `snapshots/<output>/<case>@<scale>x.png`.

#![forbid(unsafe_code)]

use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_input_css::{CssInput, SourceFile, compile_text};
use union_model::{
    ColorScheme, ComputedStyle, Context, Direction, FormFactor, Query, Styler, Theme, ThemeRegistry,
};
use union_test_support::image::Tolerance;

/// One snapshot case.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// File name stem of the snapshots.
    pub name: String,
    /// A bundled theme's folder name (under `themes/`)…
    #[serde(default)]
    pub theme: Option<String>,
    /// …or a stylesheet.
    #[serde(default)]
    pub css: Option<String>,
    /// The element chain (`Window > Button.flat:hover@1/2`).
    pub element: String,
    /// `dir=rtl,scheme=dark,form=touch,window=inactive`.
    #[serde(default)]
    pub context: String,
    /// Border-box size in logical pixels.
    pub size: [f32; 2],
    /// Scale factors to render at.
    pub scales: Vec<f32>,
    /// Room around the box for shadows and outlines.
    #[serde(default)]
    pub margin: f32,
    /// Largest channel difference allowed.
    #[serde(default)]
    pub per_channel: u8,
    /// How many pixels may exceed it.
    #[serde(default)]
    pub max_pixels: usize,
}

#[derive(Debug, Deserialize)]
struct CaseFile {
    case: Vec<Case>,
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Reads a case file from `cases/`.
///
/// # Panics
/// When the file is missing or malformed (tests fail loudly).
pub fn cases(file: &str) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("cases")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let parsed: CaseFile =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parsed.case
}

impl Case {
    /// The tolerance.
    pub fn tolerance(&self) -> Tolerance {
        Tolerance {
            per_channel: self.per_channel,
            max_pixels: self.max_pixels,
        }
    }

    fn context(&self) -> Context {
        let mut context = Context::default();
        for pair in self
            .context
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match pair {
                "dir=rtl" => context.direction = Direction::Rtl,
                "scheme=dark" => context.color_scheme = ColorScheme::Dark,
                "form=touch" => context.form_factor = FormFactor::Touch,
                "window=inactive" => context.window_active = false,
                other => panic!("case {}: unknown context `{other}`", self.name),
            }
        }
        context
    }

    /// The theme and the computed style of the case's element.
    ///
    /// # Panics
    /// When the theme has diagnostics or the chain does not parse.
    pub fn resolve(&self) -> (Arc<Theme>, Arc<ComputedStyle>) {
        let theme = match (&self.theme, &self.css) {
            (Some(name), None) => {
                let mut registry = ThemeRegistry::new();
                registry.register_input(Arc::new(CssInput::new(vec![root().join("themes")])));
                let loaded = registry
                    .load_named(name)
                    .unwrap_or_else(|e| panic!("case {}: {e}", self.name));
                assert!(
                    loaded.diagnostics.is_empty(),
                    "case {}: {:?}",
                    self.name,
                    loaded.diagnostics
                );
                Arc::clone(&loaded.theme)
            }
            (None, Some(css)) => {
                let compiled = compile_text(&SourceFile::from_text(
                    format!("/cases/{}.css", self.name),
                    css.as_str(),
                ));
                assert!(
                    compiled.diagnostics.is_empty(),
                    "case {}: {:?}",
                    self.name,
                    compiled.diagnostics
                );
                Arc::new(Theme::compile(
                    compiled.into_definition(self.name.clone()),
                    None,
                ))
            }
            _ => panic!("case {}: give exactly one of `theme` and `css`", self.name),
        };
        let chain = union_model::chain::parse_chain(&self.element)
            .unwrap_or_else(|e| panic!("case {}: {e}", self.name));
        let computed = Styler::new(Arc::clone(&theme)).query(&Query::new(chain, self.context()));
        (theme, computed)
    }

    /// The snapshot name at `scale`.
    pub fn snapshot_name(&self, scale: f32) -> String {
        format!("{}@{scale}x", self.name)
    }
}
