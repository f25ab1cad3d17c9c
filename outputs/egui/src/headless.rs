//! Drawing scenes without a window: a context run for one pass, its
//! shapes tessellated by epaint and rasterised on the CPU ([`Canvas`]).

use crate::icons::Icons;
use crate::measure::EguiMeasure;
use crate::paint::{Gap, paint_scene};
use crate::raster::{Canvas, Textures};
use egui::{Context, LayerId, RawInput};
use std::sync::Arc;
use union_model::Palette;
use union_model::Styler;
use union_model::icons::IconLookup;
use union_model::scene::{ControlScene, SceneError, SceneRequest, Scenes};

/// A headless egui: builds scenes measured with its fonts and paints them
/// into canvases.
#[derive(Debug)]
pub struct Headless {
    ctx: Context,
    textures: Textures,
    scenes: Scenes,
    icons: Icons,
}

impl Default for Headless {
    fn default() -> Self {
        Headless::new()
    }
}

/// A scene painted headless.
#[derive(Debug)]
pub struct Drawn {
    /// The pixels.
    pub canvas: Canvas,
    /// What the theme asked for that egui drew otherwise.
    pub gaps: Vec<Gap>,
}

impl Headless {
    /// A context with egui's default fonts, run once so that they load;
    /// no icon folders (see [`Headless::with_icons`]).
    pub fn new() -> Headless {
        Headless::with_icons(IconLookup::default())
    }

    /// A headless egui finding icons with `lookup`.
    pub fn with_icons(lookup: IconLookup) -> Headless {
        let ctx = Context::default();
        let mut textures = Textures::default();
        let output = ctx.run_ui(RawInput::default(), |_| {});
        textures.apply(output.textures_delta);
        Headless {
            ctx,
            textures,
            scenes: Scenes::default(),
            icons: Icons::new(lookup),
        }
    }

    /// Sets text in the font file at `path` (first in egui's proportional
    /// family): scenes measured afterwards use it. `false` when it cannot
    /// be read.
    pub fn use_font_file(&mut self, path: &std::path::Path) -> bool {
        if !crate::fonts::use_font_file(&self.ctx, path) {
            return false;
        }
        // The new fonts load on the next pass.
        let output = self.ctx.run_ui(RawInput::default(), |_| {});
        self.textures.apply(output.textures_delta);
        self.scenes.forget();
        true
    }

    /// The context (its fonts measure text).
    pub fn context(&self) -> &Context {
        &self.ctx
    }

    /// The scene of `request`, measured with egui's fonts.
    ///
    /// # Errors
    /// When the request has no element or an invalid size.
    pub fn scene(
        &mut self,
        styler: &Styler,
        request: &SceneRequest<'_>,
    ) -> Result<Arc<ControlScene>, SceneError> {
        let mut measure = EguiMeasure::new(&self.ctx, &mut self.icons);
        self.scenes.build(styler, request, &mut measure)
    }

    /// Paints `scene` at `scale` device pixels per logical pixel with
    /// `margin` logical px of room around it.
    pub fn paint(
        &mut self,
        scene: &ControlScene,
        palette: &Palette,
        scale: f32,
        margin: f32,
    ) -> Drawn {
        let width = ((scene.size.0 + 2.0 * margin) * scale).ceil().max(1.0) as u32;
        let height = ((scene.size.1 + 2.0 * margin) * scale).ceil().max(1.0) as u32;
        self.ctx.set_pixels_per_point(scale);
        let screen = egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(width as f32 / scale, height as f32 / scale),
        );
        let input = RawInput {
            screen_rect: Some(screen),
            ..RawInput::default()
        };
        let mut gaps = Vec::new();
        let icons = &mut self.icons;
        let output = self.ctx.run_ui(input, |ui| {
            let painter = ui.ctx().layer_painter(LayerId::background());
            gaps = paint_scene(&painter, egui::pos2(margin, margin), scene, palette, icons);
        });
        self.textures.apply(output.textures_delta);
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let mut canvas = Canvas::new(width, height);
        canvas.draw(&primitives, &self.textures, output.pixels_per_point);
        Drawn { canvas, gaps }
    }
}
