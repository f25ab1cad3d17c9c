//! `union gallery`: the theme author's window (eframe on OpenGL).
//!
//! Every control of the catalogue in every state, grouped in pages, drawn
//! by the tiny-skia reference renderer with the switches the author sets;
//! the theme follows its files (a broken edit keeps the last good theme on
//! show, with its diagnostics listed); clicking a control or one of its
//! sub-elements inspects it. The window holds no styling logic of its own:
//! it shows what [`crate::cells`], [`crate::inspect`] and [`crate::live`]
//! compute, which are tested headless.

mod app;
mod panels;

use crate::cells::Settings;
use union_model::{ColorScheme, Direction};

/// Arguments of `union gallery`.
#[derive(Debug, clap::Args)]
pub struct GalleryArgs {
    /// The theme (a path or a name).
    #[arg(long, default_value = "breeze")]
    pub theme: String,
    /// The page to open (its title, any case: `buttons`, `ranges`, …).
    #[arg(long)]
    pub page: Option<String>,
    /// Device pixels per logical pixel the controls are drawn at.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// The colour scheme the query context asks for.
    #[arg(long, value_parser = ["light", "dark"], default_value = "light")]
    pub scheme: String,
    /// Right-to-left text direction.
    #[arg(long)]
    pub rtl: bool,
    /// The touch form factor.
    #[arg(long)]
    pub touch: bool,
    /// The window's inner size in logical px, `WxH`.
    #[arg(long, default_value = "1280x860")]
    pub window_size: String,
    /// Also show each control drawn by these outputs, beside tiny-skia's
    /// (`--compare egui`, or `--compare egui,slint` in a build with the
    /// `slint` feature).
    #[arg(long, value_delimiter = ',')]
    pub compare: Vec<String>,
}

impl GalleryArgs {
    fn settings(&self) -> Result<Settings, String> {
        if !Settings::SCALES.contains(&self.scale) {
            return Err(format!(
                "--scale must be one of {:?}, not {}",
                Settings::SCALES,
                self.scale
            ));
        }
        Ok(Settings {
            scale: self.scale,
            scheme: if self.scheme == "dark" {
                ColorScheme::Dark
            } else {
                ColorScheme::Light
            },
            direction: if self.rtl {
                Direction::Rtl
            } else {
                Direction::Ltr
            },
            touch: self.touch,
        })
    }
}

/// Opens the window; returns when it is closed.
pub fn run(args: &GalleryArgs) -> Result<(), String> {
    let settings = args.settings()?;
    let (width, height) = crate::render::parse_size(&args.window_size)?;
    let mut state = app::Gallery::open(&args.theme, settings, args.page.as_deref())?;
    for name in &args.compare {
        let index = crate::cells::BACKENDS
            .iter()
            .position(|(backend, available)| *available && backend.eq_ignore_ascii_case(name))
            .ok_or_else(|| format!("--compare: no output called {name:?} in this build"))?;
        state.backends[index] = true;
    }
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_inner_size([width, height])
            .with_title(state.title())
            .with_app_id("union-gallery"),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "union-gallery",
        options,
        Box::new(move |_| Ok(Box::new(state))),
    )
    .map_err(|e| format!("cannot open the gallery window: {e}"))
}
