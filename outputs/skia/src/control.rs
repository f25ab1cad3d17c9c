//! Whole controls: union-skia paints a [`ControlScene`] — the control's box,
//! then each part's box, text or icon where the scene placed it. Which
//! parts exist, their sizes and their places are the model's answer
//! ([`union_model::scene`]); this module only measures text and finds icons
//! for it ([`Measure`]) and draws.

use crate::geometry::Rect;
use crate::images::Images;
use crate::paint::{Canvas, RenderError, fade, paint_element};
use crate::text::{Fonts, TextStyle};
use rustc_hash::FxHasher;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;
use tiny_skia::Pixmap;
use union_model::scene::{
    Content, ControlScene, IconRef, Measure, SceneError, ScenePart, SceneRequest, Scenes,
};
use union_model::{ComputedStyle, Palette, Query, Style, Styler};

/// What to draw: a control (the last element of the query's chain) as an
/// application sets it, the device scale and the room around it.
#[derive(Clone, Debug)]
pub struct Scene<'a> {
    /// The element and its context.
    pub query: &'a Query,
    /// Border-box size in logical px; `None` for the control's implicit size.
    pub size: Option<(f32, f32)>,
    /// Device pixels per logical pixel.
    pub scale: f32,
    /// Transparent room around the box (logical px) for shadows and outlines.
    pub margin: f32,
    /// The control's text; `None` draws the catalogue's sample label.
    pub text: Option<&'a str>,
    /// Value of range controls, 0 to 1.
    pub value: f32,
    /// The control's icon, a freedesktop icon name, as an application sets
    /// one; used when the style names none.
    pub icon: Option<&'a str>,
}

impl<'a> Scene<'a> {
    /// A scene at scale 1, implicit size, margin 0, sample text, value 0.5,
    /// no icon.
    pub fn new(query: &'a Query) -> Self {
        Scene {
            query,
            size: None,
            scale: 1.0,
            margin: 0.0,
            text: None,
            value: 0.5,
            icon: None,
        }
    }

    /// The model's request for this scene.
    pub fn request(&self) -> SceneRequest<'a> {
        SceneRequest {
            size: self.size,
            scale: self.scale,
            text: self.text,
            value: self.value,
            icon: self.icon,
            ..SceneRequest::new(self.query)
        }
    }
}

/// A drawn control.
#[derive(Debug)]
pub struct Rendered {
    /// `(W + 2·margin)·scale × (H + 2·margin)·scale` device pixels.
    pub pixmap: Pixmap,
    /// The border-box size drawn, logical px.
    pub size: (f32, f32),
    /// The scene drawn: its parts and where they are (for hit testing and
    /// for outputs that place native widgets where we drew).
    pub scene: Arc<ControlScene>,
}

/// Draws controls: holds the fonts, the image cache and the scenes built
/// before.
#[derive(Debug)]
pub struct Renderer {
    /// The fonts text is drawn with.
    pub fonts: Fonts,
    /// Image and icon lookup.
    pub images: Images,
    shadows: crate::shadow::Cache,
    scenes: Scenes,
}

/// union-skia's measurer: text by its fonts (parley), icons by its image
/// lookup.
#[derive(Debug)]
pub struct SkiaMeasure<'a> {
    fonts: &'a mut Fonts,
    images: &'a mut Images,
}

impl Measure for SkiaMeasure<'_> {
    fn text_size(
        &mut self,
        text: &str,
        style: &Style,
        max_width: Option<f32>,
        scale: f32,
    ) -> (f32, f32) {
        self.fonts
            .layout(text, &TextStyle::of(style), max_width, scale)
            .size()
    }

    fn has_icon(&mut self, icon: &IconRef) -> bool {
        icon_file(self.images, icon).is_some()
    }

    fn fingerprint(&self) -> u64 {
        let mut hasher = FxHasher::default();
        (self.fonts.instance(), self.images.instance()).hash(&mut hasher);
        hasher.finish()
    }
}

/// The file of an icon: a file as named (a missing one draws nothing), a
/// name as the image lookup finds it.
fn icon_file(images: &mut Images, icon: &IconRef) -> Option<PathBuf> {
    match icon {
        IconRef::File(path) => Some(PathBuf::from(&**path)),
        IconRef::Name(name) => images.find_icon(name),
    }
}

impl From<SceneError> for RenderError {
    fn from(error: SceneError) -> Self {
        match error {
            SceneError::EmptyChain | SceneError::InvalidSize(_) => RenderError::InvalidSize,
        }
    }
}

impl Renderer {
    /// A renderer drawing text with `fonts` and icons found by `images`.
    pub fn new(fonts: Fonts, images: Images) -> Self {
        Renderer {
            fonts,
            images,
            shadows: crate::shadow::Cache::default(),
            scenes: Scenes::default(),
        }
    }

    /// Forgets the scenes built before: each control is measured and placed
    /// again at its next draw (a first frame's cost; other caches, of
    /// glyphs, shapes and shadows, stay).
    pub fn forget_layouts(&mut self) {
        self.scenes.forget();
    }

    /// The measurer scenes drawn by this renderer are built with.
    pub fn measure(&mut self) -> SkiaMeasure<'_> {
        SkiaMeasure {
            fonts: &mut self.fonts,
            images: &mut self.images,
        }
    }

    /// The scene of `request`, measured with this renderer's fonts and
    /// icons (kept from before when nothing it depends on changed).
    pub fn scene(
        &mut self,
        styler: &Styler,
        request: &SceneRequest<'_>,
    ) -> Result<Arc<ControlScene>, SceneError> {
        let mut measure = SkiaMeasure {
            fonts: &mut self.fonts,
            images: &mut self.images,
        };
        self.scenes.build(styler, request, &mut measure)
    }

    /// Builds the scene's control and paints it.
    pub fn render(
        &mut self,
        styler: &Styler,
        palette: &Palette,
        scene: &Scene<'_>,
    ) -> Result<Rendered, RenderError> {
        if !(scene.margin.is_finite() && scene.margin >= 0.0) {
            return Err(RenderError::InvalidSize);
        }
        let built = self.scene(styler, &scene.request())?;
        self.paint(&built, palette, scene.scale, scene.margin)
    }

    /// Paints a control scene at `scale` device pixels per logical pixel,
    /// with `margin` logical px of transparent room around it.
    pub fn paint(
        &mut self,
        scene: &Arc<ControlScene>,
        palette: &Palette,
        scale: f32,
        margin: f32,
    ) -> Result<Rendered, RenderError> {
        if !(scale.is_finite() && scale > 0.0 && margin.is_finite() && margin >= 0.0) {
            return Err(RenderError::InvalidSize);
        }
        let size = scene.size;
        let width = ((size.0 + 2.0 * margin) * scale).ceil();
        let height = ((size.1 + 2.0 * margin) * scale).ceil();
        if width > crate::MAX_SIDE as f32 || height > crate::MAX_SIDE as f32 {
            return Err(RenderError::TooLarge(width as u32, height as u32));
        }
        let mut pixmap = Pixmap::new((width as u32).max(1), (height as u32).max(1))
            .ok_or(RenderError::InvalidSize)?;
        paint_element(
            Canvas {
                pixmap: &mut pixmap,
                clear: true,
            },
            &scene.style,
            palette,
            snap(scene.rect(), margin, scale),
            scale,
            &mut self.images,
            &mut self.shadows,
        );
        for part in &scene.parts {
            self.paint_part(
                &mut pixmap,
                part,
                palette,
                snap(part.rect, margin, scale),
                scale,
            );
        }
        fade(&mut pixmap, scene.style.opacity());
        Ok(Rendered {
            pixmap,
            size,
            scene: Arc::clone(scene),
        })
    }

    fn paint_part(
        &mut self,
        pixmap: &mut Pixmap,
        part: &ScenePart,
        palette: &Palette,
        rect: Rect,
        scale: f32,
    ) {
        let alpha = part.style.opacity();
        if alpha <= 0.0 {
            return;
        }
        let layered = alpha < 1.0;
        let mut layer = if layered {
            Pixmap::new(pixmap.width(), pixmap.height())
        } else {
            None
        };
        let clear = layer.is_some();
        let target = layer.as_mut().unwrap_or(pixmap);
        match &part.content {
            Content::Box { icon } => {
                paint_element(
                    Canvas {
                        pixmap: target,
                        clear,
                    },
                    &part.style,
                    palette,
                    rect,
                    scale,
                    &mut self.images,
                    &mut self.shadows,
                );
                if let Some(icon) = icon
                    && let Some(file) = icon_file(&mut self.images, &icon.icon)
                {
                    let w = icon.size.0 * scale;
                    let h = icon.size.1 * scale;
                    let at = Rect {
                        x: (rect.x + (rect.width - w) / 2.0).round(),
                        y: (rect.y + (rect.height - h) / 2.0).round(),
                        width: w.round(),
                        height: h.round(),
                    };
                    self.draw_icon(target, &file, &part.style, palette, at);
                }
            }
            Content::Text { text, max_width } => {
                let laid =
                    self.fonts
                        .layout(text, &TextStyle::of(&part.style.style), *max_width, scale);
                let color = part.style.text_color(palette);
                self.fonts.draw(target, &laid, rect.x, rect.y, color);
            }
            Content::Icon { icon } => {
                if let Some(file) = icon_file(&mut self.images, icon) {
                    self.draw_icon(target, &file, &part.style, palette, rect);
                }
            }
        }
        if let Some(layer) = layer {
            let opacity = (alpha.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
            crate::blend::over_at_faded(pixmap, 0, 0, layer.as_ref(), opacity);
        }
    }

    fn draw_icon(
        &mut self,
        pixmap: &mut Pixmap,
        file: &std::path::Path,
        style: &ComputedStyle,
        palette: &Palette,
        at: Rect,
    ) {
        let tint =
            (style.style.icon.color.value().is_some() || self.images.symbolic(file)).then(|| {
                let color = style
                    .style
                    .icon
                    .color
                    .value()
                    .cloned()
                    .unwrap_or(union_model::values::Color::CurrentColor);
                style.resolve_color(&color, palette)
            });
        let (w, h) = (at.width.max(1.0) as u32, at.height.max(1.0) as u32);
        if let Some((svg, id)) = crate::svg_parts::split_fragment(file) {
            // `file.svgz#id`: one element of an SVG, recoloured by the palette.
            let id: Arc<str> = Arc::from(id);
            if let Some(raster) = self.images.svg_parts.element(&svg, &id, palette, (w, h)) {
                crate::blend::over_at(pixmap, at.x as i32, at.y as i32, raster.as_ref().as_ref());
            }
            return;
        }
        if let Some(raster) = self.images.raster(file, w, h, tint) {
            crate::blend::over_at(pixmap, at.x as i32, at.y as i32, raster.as_ref());
        }
    }
}

/// A logical rectangle in device pixels, edges rounded to whole pixels (as
/// browsers snap boxes), offset by the margin.
fn snap(r: Rect, margin: f32, scale: f32) -> Rect {
    let x0 = ((r.x + margin) * scale).round();
    let y0 = ((r.y + margin) * scale).round();
    let x1 = ((r.x + r.width + margin) * scale).round();
    let y1 = ((r.y + r.height + margin) * scale).round();
    Rect {
        x: x0,
        y: y0,
        width: (x1 - x0).max(0.0),
        height: (y1 - y0).max(0.0),
    }
}
