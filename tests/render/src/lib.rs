//! Snapshot cases: one file format that every output renders.
//!
//! A case file (`cases/*.toml`) lists cases; each names a theme (a bundled
//! theme folder or inline CSS), an element chain in `union_model::chain`
//! notation, the query context, the border-box size, the scales, the margin
//! and the tolerance. Each output renders every case at every scale and
//! compares it with `snapshots/<output>/<case>@<scale>x.png`.

#![forbid(unsafe_code)]

pub mod agreement;

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

/// A bundled theme, loaded once per call.
///
/// # Panics
/// When the theme does not load or has diagnostics.
pub fn bundled_theme(name: &str) -> Arc<Theme> {
    let mut registry = ThemeRegistry::new();
    registry.register_input(Arc::new(CssInput::new(vec![root().join("themes")])));
    let loaded = registry
        .load_named(name)
        .unwrap_or_else(|e| panic!("theme {name}: {e}"));
    assert!(
        loaded.diagnostics.is_empty(),
        "theme {name}: {:?}",
        loaded.diagnostics
    );
    Arc::clone(&loaded.theme)
}

/// A box case whose expected image a browser drew (`cases/browser.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrowserCase {
    /// File name stem of the reference.
    pub name: String,
    /// CSS declarations, the same for the browser's `<div>` and Union's element.
    pub style: String,
    /// Declarations for the browser only: where Union's defaults differ from
    /// CSS initial values (Union stretches background images, CSS tiles them
    /// at their natural size) or Union has its own property (a background
    /// image recoloured with `background-image-color` is a CSS mask).
    #[serde(default)]
    pub browser: String,
    /// Declarations for Union only (see `browser`).
    #[serde(default)]
    pub union: String,
    /// Border-box size in logical (CSS) pixels.
    pub size: [f32; 2],
    /// Device pixels per CSS pixel.
    #[serde(default = "one")]
    pub scale: f32,
    /// Transparent room around the box.
    #[serde(default = "browser_margin")]
    pub margin: f32,
}

fn one() -> f32 {
    1.0
}

fn browser_margin() -> f32 {
    12.0
}

#[derive(Debug, Deserialize)]
struct BrowserCaseFile {
    case: Vec<BrowserCase>,
}

impl BrowserCase {
    /// The reference image's file name.
    pub fn file_name(&self) -> String {
        format!("{}@{}x.png", self.name, self.scale)
    }

    /// The page the browser draws: the box at (margin, margin) on a
    /// transparent page of the box's size plus the margins. Relative URLs
    /// resolve against `cases/`, as they do for [`Self::union_css`].
    pub fn html(&self) -> String {
        format!(
            "<!DOCTYPE html>\n<html><head><base href=\"file://{base}/\">\n\
             <style>html, body {{ margin: 0; background: transparent; }}\n\
             div {{ position: absolute; left: {m}px; top: {m}px; box-sizing: border-box; width: {w}px; height: {h}px; }}</style></head>\n\
             <body><div style=\"{style}\"></div></body></html>\n",
            m = self.margin,
            w = self.size[0],
            h = self.size[1],
            base = cases_dir().display(),
            style = format!("{} {}", self.style, self.browser).replace('"', "&quot;"),
        )
    }

    /// The same declarations as a Union stylesheet for element type `Widget`.
    pub fn union_css(&self) -> String {
        format!("widget {{ {} {} }}", self.style, self.union)
    }

    /// Where [`Self::union_css`] lives: in `cases/`, so that relative URLs
    /// resolve like the browser's.
    pub fn union_css_path(&self) -> PathBuf {
        cases_dir().join(format!("browser-{}.css", self.name))
    }
}

/// The folder of the case files (and their images).
pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

/// Reads `cases/browser.toml`.
///
/// # Panics
/// When the file is missing or malformed.
pub fn browser_cases() -> Vec<BrowserCase> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases/browser.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let parsed: BrowserCaseFile =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parsed.case
}

/// Draws `case` with the headless Chromium at `browser` into `out` (PNG),
/// writing its page into `pages`.
pub fn draw_with_chromium(
    browser: &str,
    case: &BrowserCase,
    pages: &Path,
    out: &Path,
) -> Result<(), String> {
    let page = pages.join(format!("{}.html", case.name));
    std::fs::write(&page, case.html()).map_err(|e| format!("{}: {e}", page.display()))?;
    let width = case.size[0] + 2.0 * case.margin;
    let height = case.size[1] + 2.0 * case.margin;
    let output = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            // CSS masks load in CORS mode; a file page may read its images.
            "--allow-file-access-from-files",
            "--force-color-profile=srgb",
            "--default-background-color=00000000",
            &format!("--force-device-scale-factor={}", case.scale),
            &format!("--window-size={width},{height}"),
            &format!("--screenshot={}", out.display()),
        ])
        .arg(format!("file://{}", page.display()))
        .output()
        .map_err(|e| format!("{browser}: {e}"))?;
    if output.status.success() && out.exists() {
        Ok(())
    } else {
        Err(format!(
            "{}: {browser} failed: {}",
            case.name,
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}
