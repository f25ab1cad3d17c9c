//! Union's Slint output.
//!
//! **What it does.** It turns the model's control scene into Slint source:
//! - [`SceneDrawer`] draws one scene (one control in one state at one
//!   size) through Slint's software renderer, for `union render --backend
//!   slint` and the comparison with the tiny-skia reference;
//! - [`style`] generates a Slint widget style folder named `union` from a
//!   theme: `std-widgets.slint`, `style-base.slint` and the looks of each
//!   control, sampled from the scene over its states, sizes, text sizes
//!   and values, so an application that imports `std-widgets.slint` and
//!   never heard of Union looks like the theme when compiled with the
//!   style `union`.
//!
//! Both write each control as one component whose parts are Slint
//! `Rectangle`, `Text` and `Image` elements ([`look`]): one emitter, so
//! the rendered scene and the generated style cannot drift apart.
//!
//! Palette colours stay symbolic: they are properties of the generated
//! `UnionPalette` global, and colours derived from them (`mix`, `lighter`,
//! `darker`, `alpha`) are computed at run time by `UnionColor` exactly as
//! the model computes them, so a palette change needs no regeneration.
//!
//! **What it does not do.** Slint cannot express everything a theme may
//! ask for; what it cannot is reported as a [`Gap`] with the property and
//! the control, never silently dropped: per-side borders with rounded
//! corners (sides are drawn as square bands), elliptical radii (the smaller
//! radius), shadow spread, inset and extra shadows, repeating and radial
//! gradients, image backgrounds and Plasma frames (no nine-patch stand-in
//! is drawn yet), dashed and dotted borders (solid). Slint's software
//! renderer draws no drop shadows at all (slint-ui/slint#4177); the
//! generated style still declares them for the GPU renderers.
//!
//! **Licence.** This crate is `MIT OR Apache-2.0`. It links Slint
//! (`slint`, `slint-interpreter`), which is licensed `GPL-3.0-only OR
//! LicenseRef-Slint-Royalty-free-2.0 OR LicenseRef-Slint-Software-3.0`:
//! an application that uses this crate, or the style it generates, is
//! bound by one of Slint's licences. The CLI has this output only when
//! built with the `slint` feature.

pub mod expr;
pub mod headless;
pub mod live;
pub mod look;
pub mod sample;
pub mod style;

pub use look::Gap;

use headless::{CompileOptions, Frame, Shown};
use look::IconFiles;
use std::path::PathBuf;
use union_model::Palette;
use union_model::icons::IconLookup;
use union_model::scene::{ControlScene, IconRef};
use union_model::values::{ColorRole, ColorSet};

/// The Slint source of the palette global: one `in-out` colour per
/// (set, role), initially `palette`'s.
pub fn palette_global(palette: &Palette) -> String {
    let mut out = String::from("export global UnionPalette {\n");
    for set in ColorSet::ALL {
        for role in ColorRole::ALL {
            out.push_str(&format!(
                "    in-out property <color> {}: {};\n",
                expr::palette_property(*set, *role),
                expr::rgba(palette.role(*set, *role))
            ));
        }
    }
    out.push_str("}\n");
    out
}

/// Sets every colour of `palette` in the `UnionPalette` global of a running
/// application compiled by [`live::LiveApp`] (which exports the global): a
/// palette change restyles without regenerating or recompiling.
///
/// # Errors
/// When the application does not export `UnionPalette`.
pub fn set_palette(
    instance: &slint_interpreter::ComponentInstance,
    palette: &Palette,
) -> Result<(), String> {
    for set in ColorSet::ALL {
        for role in ColorRole::ALL {
            let [r, g, b, a] = palette.role(*set, *role).to_rgba8();
            let color = slint::Color::from_argb_u8(a, r, g, b);
            instance
                .set_global_property(
                    "UnionPalette",
                    &expr::palette_property(*set, *role),
                    slint_interpreter::Value::Brush(slint::Brush::SolidColor(color)),
                )
                .map_err(|e| format!("cannot set the palette: {e}"))?;
        }
    }
    Ok(())
}

/// The shared base every generated file imports: the colour functions and
/// the palette.
pub fn base_source(palette: &Palette) -> String {
    format!("{}\n{}", expr::COLOR_FUNCTIONS, palette_global(palette))
}

/// Icons found with a freedesktop lookup (names) or as files (paths).
#[derive(Debug)]
pub struct Icons(pub IconLookup);

impl IconFiles for Icons {
    fn file(&mut self, icon: &IconRef) -> Option<(PathBuf, bool)> {
        let path = match icon {
            IconRef::Name(name) => self.0.find(name)?,
            IconRef::File(path) => {
                let path = PathBuf::from(&**path);
                (path.is_file()).then_some(path)?
            }
        };
        let symbolic = union_model::icons::is_symbolic(&path);
        Some((path, symbolic))
    }
}

/// Draws control scenes through Slint's software renderer.
#[derive(Debug)]
pub struct SceneDrawer {
    icons: Icons,
}

/// One scene drawn by Slint: its pixels and what Slint drew differently.
#[derive(Debug)]
pub struct Drawn {
    /// The pixels.
    pub frame: Frame,
    /// What could not be drawn as asked.
    pub gaps: Vec<Gap>,
    /// The Slint source drawn.
    pub source: String,
}

impl SceneDrawer {
    /// A drawer finding icons with `icons`.
    pub fn new(icons: IconLookup) -> Self {
        SceneDrawer {
            icons: Icons(icons),
        }
    }

    /// The Slint source of `scene` placed `margin` logical px inside a
    /// transparent window: the component `SceneCanvas`.
    pub fn source(
        &mut self,
        scene: &ControlScene,
        palette: &Palette,
        margin: f32,
    ) -> (String, Vec<Gap>) {
        let look = sample::scene_look(scene, "SceneLook");
        let (component, gaps) = look::emit(&look, &mut self.icons);
        let (w, h) = scene.size;
        let source = format!(
            "{}\n{component}\nexport component SceneCanvas inherits Window {{\n    background: transparent;\n    width: {};\n    height: {};\n    SceneLook {{ x: {}; y: {}; width: {}; height: {}; }}\n}}\n",
            base_source(palette),
            expr::px(w + 2.0 * margin),
            expr::px(h + 2.0 * margin),
            expr::px(margin),
            expr::px(margin),
            expr::px(w),
            expr::px(h),
        );
        (source, gaps)
    }

    /// Draws `scene` at `scale` with `margin` logical px around it:
    /// `(W + 2·margin)·scale × (H + 2·margin)·scale` device pixels, like
    /// the reference.
    ///
    /// # Errors
    /// When the generated source does not compile (a bug: the message has
    /// the diagnostics) or Slint cannot draw.
    pub fn draw(
        &mut self,
        scene: &ControlScene,
        palette: &Palette,
        scale: f32,
        margin: f32,
    ) -> Result<Drawn, String> {
        let (source, gaps) = self.source(scene, palette, margin);
        let (definition, _) = headless::compile(
            &source,
            PathBuf::from("union-scene.slint"),
            Some("SceneCanvas"),
            &CompileOptions::default(),
        )
        .map_err(|d| {
            let text: Vec<String> = d.into_iter().map(|d| d.text).collect();
            format!(
                "the Slint source of the scene does not compile:\n{}",
                text.join("\n")
            )
        })?;
        let width = ((scene.size.0 + 2.0 * margin) * scale).ceil().max(1.0) as u32;
        let height = ((scene.size.1 + 2.0 * margin) * scale).ceil().max(1.0) as u32;
        let shown = Shown::new(&definition, &[], (width, height), scale)?;
        let frame = shown.frame()?;
        Ok(Drawn {
            frame,
            gaps,
            source,
        })
    }
}
