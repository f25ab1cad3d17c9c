//! Text measured with egui's fonts, so the scene makes room for text as
//! egui will draw it.

use crate::paint::font_size;
use egui::{Color32, Context, FontId};
use union_model::Style;
use union_model::scene::{IconRef, Measure};

/// The egui output's measurer: text by the context's fonts (egui's
/// proportional family at the part's size); every icon takes its room
/// (the painter reports the icons it cannot draw).
#[derive(Debug)]
pub struct EguiMeasure<'a> {
    ctx: &'a Context,
}

impl<'a> EguiMeasure<'a> {
    /// A measurer with `ctx`'s fonts (the context must have run a pass).
    pub fn new(ctx: &'a Context) -> Self {
        EguiMeasure { ctx }
    }
}

impl Measure for EguiMeasure<'_> {
    fn text_size(
        &mut self,
        text: &str,
        style: &Style,
        _max_width: Option<f32>,
        _scale: f32,
    ) -> (f32, f32) {
        let font = FontId::proportional(font_size(style));
        let size = self.ctx.fonts_mut(|fonts| {
            fonts
                .layout_no_wrap(text.to_owned(), font, Color32::BLACK)
                .size()
        });
        (size.x, size.y)
    }

    fn has_icon(&mut self, _icon: &IconRef) -> bool {
        true
    }

    fn fingerprint(&self) -> u64 {
        // egui's built-in fonts: the same for every context.
        0x6567_7569
    }
}
