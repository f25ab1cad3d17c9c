//! Drawing one scene through Slint's software renderer, and changing the
//! palette of a running application.

use crate::headless::{self, CompileOptions, Frame, Shown};
use crate::{Gap, Icons, base_source, expr, look, sample};
use std::path::PathBuf;
use union_model::Palette;
use union_model::icons::IconLookup;
use union_model::scene::ControlScene;
use union_model::values::{ColorRole, ColorSet};

/// Sets every colour of `palette` in the `UnionPalette` global of a running
/// application compiled by [`crate::live::LiveApp`] (which exports the global): a
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
