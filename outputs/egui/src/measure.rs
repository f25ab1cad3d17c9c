//! Text measured with egui's fonts, so the scene makes room for text as
//! egui will draw it.

use crate::icons::Icons;
use crate::paint::font_size;
use egui::{Color32, Context, FontId};
use union_model::Style;
use union_model::scene::{IconRef, Measure};

/// The egui output's measurer: text by the context's fonts (egui's
/// proportional family at the part's size), icons by the shared lookup.
#[derive(Debug)]
pub struct EguiMeasure<'a> {
    ctx: &'a Context,
    icons: &'a mut Icons,
}

impl<'a> EguiMeasure<'a> {
    /// A measurer with `ctx`'s fonts (the context must have run a pass)
    /// and `icons`' lookup.
    pub fn new(ctx: &'a Context, icons: &'a mut Icons) -> Self {
        EguiMeasure { ctx, icons }
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

    fn has_icon(&mut self, icon: &IconRef) -> bool {
        self.icons.file(icon).is_some()
    }

    fn fingerprint(&self) -> u64 {
        // egui's built-in fonts: the same for every context.
        0x6567_7569
    }
}
