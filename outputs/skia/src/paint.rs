//! Painting one element's box: shadows, background, borders, outline.

use crate::border_image::{self, NinePatch};
use crate::coverage::{self, Onto, RoundedBox};
use crate::dashes;
use crate::geometry::{Radii, Rect, ring, rounded_rect, side_region};
use crate::images::Images;
use crate::shadow;
use std::sync::Arc;
use tiny_skia::{
    Color as SkColor, FillRule, GradientStop, LinearGradient, Mask, Paint, Path, Pixmap,
    PixmapPaint, Point, RadialGradient, Shader, SpreadMode, Transform,
};
use union_model::values::{
    BoxArea, Color, ColorStop, EdgeWidth, EdgeWidths, Image, LengthContext, LengthPercentage,
    LineStyle, NinePatchSlice, RadialExtent, RadialShape, RadialSize, RepeatAxes, RepeatMode, Rgba,
    SliceOffset, SvgPart,
};
use union_model::{ComputedStyle, Palette, Slot};

/// Largest pixmap drawn, in pixels per side.
pub const MAX_SIDE: u32 = 16_384;

/// Where and how large to draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RenderOptions {
    /// The element's border-box size in logical pixels.
    pub size: (f32, f32),
    /// Device pixels per logical pixel.
    pub scale: f32,
    /// Transparent room around the box, in logical pixels, so shadows and
    /// outlines stay visible.
    pub margin: f32,
}

/// Why nothing could be drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum RenderError {
    /// A size or the scale is not a positive finite number.
    InvalidSize,
    /// The pixmap would exceed [`MAX_SIDE`] pixels on a side.
    TooLarge(u32, u32),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::InvalidSize => {
                f.write_str("the size, margin and scale must be positive finite numbers")
            }
            RenderError::TooLarge(w, h) => {
                write!(f, "{w}×{h} pixels is larger than {MAX_SIDE} on a side")
            }
        }
    }
}

impl std::error::Error for RenderError {}

struct Painter<'a> {
    style: &'a ComputedStyle,
    palette: &'a Palette,
    scale: f32,
    pixmap: &'a mut Pixmap,
    images: &'a mut Images,
    shadows: &'a mut shadow::Cache,
}

fn sk(rgba: Rgba) -> SkColor {
    SkColor::from_rgba(
        rgba.r.clamp(0.0, 1.0),
        rgba.g.clamp(0.0, 1.0),
        rgba.b.clamp(0.0, 1.0),
        rgba.a.clamp(0.0, 1.0),
    )
    .unwrap_or(SkColor::TRANSPARENT)
}

/// `color` at `coverage` (0 to 1) as a premultiplied RGBA8 pixel.
pub(crate) fn premultiplied(color: Rgba, coverage: f32) -> [u8; 4] {
    let a = (coverage.clamp(0.0, 1.0) * color.a.clamp(0.0, 1.0)).clamp(0.0, 1.0);
    // `+ 0.5` and truncation round like `f32::round` for these positive
    // values, without a libm call per pixel.
    let channel = |c: f32| (c.clamp(0.0, 1.0) * a * 255.0 + 0.5) as u8;
    [
        channel(color.r),
        channel(color.g),
        channel(color.b),
        (a * 255.0 + 0.5) as u8,
    ]
}

fn px(slot: &Slot<union_model::values::Length>) -> f32 {
    slot.value().and_then(|l| l.px()).unwrap_or(0.0).max(0.0)
}

impl Painter<'_> {
    fn color(&self, color: &Color) -> Rgba {
        self.style.resolve_color(color, self.palette)
    }

    fn mask_of(&self, path: &Path) -> Option<Mask> {
        let mut mask = Mask::new(self.pixmap.width(), self.pixmap.height())?;
        mask.fill_path(path, FillRule::Winding, true, Transform::identity());
        Some(mask)
    }

    fn mask_of_even_odd(&self, path: &Path) -> Option<Mask> {
        let mut mask = Mask::new(self.pixmap.width(), self.pixmap.height())?;
        mask.fill_path(path, FillRule::EvenOdd, true, Transform::identity());
        Some(mask)
    }

    fn fill(&mut self, path: &Path, shader: Shader<'_>, rule: FillRule, mask: Option<&Mask>) {
        let paint = Paint {
            shader,
            anti_alias: true,
            ..Paint::default()
        };
        self.pixmap
            .fill_path(path, &paint, rule, Transform::identity(), mask);
    }

    /// Fills a rounded box, minus `hole` when given (nested in it), with
    /// one colour: by exact-area coverage when it lies within the pixmap,
    /// else as a path that tiny-skia clips.
    fn fill_solid(
        &mut self,
        (rect, radii): (Rect, Radii),
        hole: Option<(Rect, Radii)>,
        color: Rgba,
        onto: Onto,
    ) {
        if let Some(shape) = RoundedBox::within(rect, radii, self.pixmap) {
            let hole = hole.and_then(|(rect, radii)| RoundedBox::new(rect, radii));
            coverage::fill(
                self.pixmap,
                &shape,
                hole.as_ref(),
                premultiplied(color, 1.0),
                onto,
            );
            return;
        }
        let (path, rule) = match hole {
            Some((inner, inner_radii)) => {
                (ring(rect, radii, inner, inner_radii), FillRule::EvenOdd)
            }
            None => (rounded_rect(rect, radii), FillRule::Winding),
        };
        if let Some(path) = path {
            self.fill(&path, Shader::SolidColor(sk(color)), rule, None);
        }
    }

    /// Paints the outer or inset shadows; whether there were any.
    fn shadows(
        &mut self,
        border_box: Rect,
        radii: Radii,
        padding_box: Rect,
        inner_radii: Radii,
        inset: bool,
    ) -> bool {
        let Some(list) = self.style.style.shadow.layers.value() else {
            return false;
        };
        if list.0.iter().all(|s| s.inset != inset) {
            return false;
        }
        let (style, palette) = (self.style, self.palette);
        let shape = shadow::BoxShape {
            border_box,
            radii,
            padding_box,
            inner_radii,
        };
        shadow::paint(
            self.pixmap,
            self.shadows,
            &list.0,
            inset,
            &shape,
            self.scale,
            &|c| style.resolve_color(c, palette),
        );
        true
    }

    fn gradient_stops(&self, stops: &[ColorStop], length: f32) -> Vec<GradientStop> {
        let context = LengthContext {
            font_size: 16.0,
            root_font_size: 16.0,
        };
        let mut positions: Vec<Option<f32>> = stops
            .iter()
            .map(|s| {
                s.position.map(|p| match p {
                    LengthPercentage::Percent(v) => v / 100.0,
                    LengthPercentage::Length(l) => {
                        if length > 0.0 {
                            l.to_px(&context) * self.scale / length
                        } else {
                            0.0
                        }
                    }
                })
            })
            .collect();
        // CSS fix-up: first defaults to 0, last to 1, positions never go back,
        // and unpositioned stops are spread evenly between positioned ones.
        if let Some(first) = positions.first_mut() {
            first.get_or_insert(0.0);
        }
        if let Some(last) = positions.last_mut() {
            last.get_or_insert(1.0);
        }
        let mut highest = f32::MIN;
        for p in positions.iter_mut().flatten() {
            highest = highest.max(*p);
            *p = highest;
        }
        let mut i = 0;
        while i < positions.len() {
            if positions[i].is_none() {
                let start = i - 1;
                let mut end = i;
                while positions[end].is_none() {
                    end += 1;
                }
                let (a, b) = (
                    positions[start].unwrap_or(0.0),
                    positions[end].unwrap_or(1.0),
                );
                for (k, slot) in positions.iter_mut().enumerate().take(end).skip(i) {
                    *slot = Some(a + (b - a) * (k - start) as f32 / (end - start) as f32);
                }
                i = end;
            }
            i += 1;
        }
        stops
            .iter()
            .zip(positions)
            .map(|(stop, p)| {
                GradientStop::new(
                    p.unwrap_or(0.0).clamp(0.0, 1.0),
                    sk(self.color(&stop.color)),
                )
            })
            .collect()
    }

    fn image_shader(&self, image: &Image, area: Rect) -> Option<Shader<'static>> {
        let mode = |repeating: bool| {
            if repeating {
                SpreadMode::Repeat
            } else {
                SpreadMode::Pad
            }
        };
        match image {
            Image::Url(_) | Image::SvgFrame(_) | Image::SvgElement(_) => None,
            Image::Linear(g) => {
                let angle = g.angle.to_radians();
                let (sin, cos) = angle.sin_cos();
                let length = (area.width * sin).abs() + (area.height * cos).abs();
                let (cx, cy) = (area.x + area.width / 2.0, area.y + area.height / 2.0);
                let (dx, dy) = (sin * length / 2.0, -cos * length / 2.0);
                LinearGradient::new(
                    Point::from_xy(cx - dx, cy - dy),
                    Point::from_xy(cx + dx, cy + dy),
                    self.gradient_stops(&g.stops, length),
                    mode(g.repeating),
                    Transform::identity(),
                )
            }
            Image::Radial(g) => {
                let context = LengthContext {
                    font_size: 16.0,
                    root_font_size: 16.0,
                };
                let lp = |v: LengthPercentage, reference: f32| match v {
                    LengthPercentage::Percent(p) => p / 100.0 * reference,
                    LengthPercentage::Length(l) => l.to_px(&context) * self.scale,
                };
                let cx = area.x + lp(g.center.0, area.width);
                let cy = area.y + lp(g.center.1, area.height);
                let (near_x, far_x) = (
                    (cx - area.x).min(area.x + area.width - cx),
                    (cx - area.x).max(area.x + area.width - cx),
                );
                let (near_y, far_y) = (
                    (cy - area.y).min(area.y + area.height - cy),
                    (cy - area.y).max(area.y + area.height - cy),
                );
                let circle = g.shape == RadialShape::Circle;
                let (rx, ry) = match g.size {
                    RadialSize::Radii(x, y) => (
                        lp(x, area.width),
                        if circle {
                            lp(x, area.width)
                        } else {
                            lp(y, area.height)
                        },
                    ),
                    RadialSize::Extent(extent) => {
                        let (sx, sy) = match extent {
                            RadialExtent::ClosestSide | RadialExtent::ClosestCorner => {
                                (near_x, near_y)
                            }
                            RadialExtent::FarthestSide | RadialExtent::FarthestCorner => {
                                (far_x, far_y)
                            }
                        };
                        let corner = matches!(
                            extent,
                            RadialExtent::ClosestCorner | RadialExtent::FarthestCorner
                        );
                        match (circle, corner) {
                            (true, true) => {
                                let r = sx.hypot(sy);
                                (r, r)
                            }
                            (true, false) => {
                                let r = if matches!(extent, RadialExtent::ClosestSide) {
                                    sx.min(sy)
                                } else {
                                    sx.max(sy)
                                };
                                (r, r)
                            }
                            (false, true) => {
                                (sx * std::f32::consts::SQRT_2, sy * std::f32::consts::SQRT_2)
                            }
                            (false, false) => (sx, sy),
                        }
                    }
                };
                if rx <= 0.0 || ry <= 0.0 {
                    return None;
                }
                let transform = Transform::from_translate(cx, cy)
                    .pre_scale(1.0, ry / rx)
                    .pre_translate(-cx, -cy);
                let center = Point::from_xy(cx, cy);
                RadialGradient::new(
                    center,
                    0.0,
                    center,
                    rx,
                    self.gradient_stops(&g.stops, rx),
                    mode(g.repeating),
                    transform,
                )
            }
        }
    }

    /// An image file stretched over `area` (the padding box), clipped to
    /// `clip`; recoloured when `background-image-color` is set.
    fn background_file(&mut self, url: &union_model::values::Url, area: Rect, clip: &Path) {
        let tint = self
            .style
            .style
            .background
            .image_color
            .value()
            .map(|c| self.style.resolve_color(c, self.palette));
        let Some(Rect {
            x,
            y,
            width: w,
            height: h,
        }) = area.pixel_aligned()
        else {
            return;
        };
        let Some(mask) = self.mask_of(clip) else {
            return;
        };
        let path = std::path::Path::new(&*url.0);
        let Some(raster) = self.images.sized(path, w as u32, h as u32, tint) else {
            return;
        };
        self.pixmap.draw_pixmap(
            x as i32,
            y as i32,
            raster.as_ref(),
            &PixmapPaint::default(),
            Transform::identity(),
            Some(&mask),
        );
    }

    /// Draws `pixmap` with its top-left corner at device pixel (`x`, `y`),
    /// clipped to `clip` when given.
    fn blit(&mut self, pixmap: &Pixmap, x: f32, y: f32, clip: Option<&Path>) {
        let mask = match clip {
            Some(clip) => match self.mask_of(clip) {
                Some(mask) => Some(mask),
                None => return,
            },
            None => None,
        };
        self.pixmap.draw_pixmap(
            x as i32,
            y as i32,
            pixmap.as_ref(),
            &PixmapPaint::default(),
            Transform::identity(),
            mask.as_ref(),
        );
    }

    /// An `svg-element()` stretched over `area` (snapped to device
    /// pixels), clipped to `clip`.
    fn background_element(&mut self, part: &SvgPart, area: Rect, clip: &Path) {
        let Some(Rect {
            x,
            y,
            width: w,
            height: h,
        }) = area.pixel_aligned()
        else {
            return;
        };
        let path = std::path::Path::new(&*part.source.0);
        let raster =
            self.images
                .svg_parts
                .element(path, &part.name, self.palette, (w as u32, h as u32));
        if let Some(raster) = raster {
            self.blit(&raster, x, y, Some(clip));
        }
    }

    /// An `svg-frame()` over the border box grown by `border-image-outset`,
    /// snapped to device pixels; returns whether it drew.
    fn svg_frame(&mut self, part: &SvgPart, border_box: Rect) -> bool {
        let outset = self
            .style
            .style
            .border_image
            .outset
            .value()
            .map_or([0.0; 4], |o| {
                o.0.map(|edge| match edge {
                    EdgeWidth::Length(LengthPercentage::Length(l)) => {
                        l.px().unwrap_or(0.0) * self.scale
                    }
                    _ => 0.0,
                })
            });
        let area = border_box.outset(outset[0], outset[1], outset[2], outset[3]);
        self.frame_at(part, area)
    }

    /// An `svg-frame()` over `area`, snapped to device pixels; returns
    /// whether it drew.
    fn frame_at(&mut self, part: &SvgPart, area: Rect) -> bool {
        let Some(Rect {
            x,
            y,
            width: w,
            height: h,
        }) = area.pixel_aligned()
        else {
            return false;
        };
        let path = std::path::Path::new(&*part.source.0);
        let frame = self.images.svg_parts.frame(
            path,
            &part.name,
            self.palette,
            (w as u32, h as u32),
            self.scale,
        );
        match frame {
            Some(frame) => {
                self.blit(&frame, x, y, None);
                true
            }
            None => false,
        }
    }

    /// Draws the 9-patch `border-image`, if it has a file that loads;
    /// returns whether it did.
    fn border_image(&mut self, border_box: Rect, border: [f32; 4]) -> bool {
        let props = &self.style.style.border_image;
        let url = match props.source.value() {
            Some(Image::Url(url)) => url,
            Some(Image::SvgFrame(part)) => {
                let part = part.clone();
                return self.svg_frame(&part, border_box);
            }
            _ => return false,
        };
        let Some(image) = self.images.file(std::path::Path::new(&*url.0)) else {
            return false;
        };
        let natural = image.natural();
        let repeat = props
            .repeat
            .value()
            .copied()
            .unwrap_or(RepeatAxes::both(RepeatMode::Stretch));
        let nine = NinePatch {
            natural,
            slice: props.slice.value().copied().unwrap_or(NinePatchSlice {
                offsets: [SliceOffset::Percent(100.0); 4],
                fill: false,
            }),
            widths: props
                .width
                .value()
                .copied()
                .unwrap_or(EdgeWidths([EdgeWidth::Number(1.0); 4])),
            outset: props
                .outset
                .value()
                .copied()
                .unwrap_or(EdgeWidths([EdgeWidth::Number(0.0); 4])),
            repeat,
            center_repeat: props.center_repeat.value().copied().unwrap_or(repeat),
            border,
            scale: self.scale,
        };
        border_image::draw(self.pixmap, &image, &nine.pieces(border_box));
        true
    }

    /// Fills the band between `outer` and `inner` side by side: solid
    /// sides as the band's trapezoids (diagonal corner joins), dashed and
    /// dotted sides as their fitted pattern clipped to the same trapezoid.
    fn lines(
        &mut self,
        outer: Rect,
        outer_radii: Radii,
        inner: Rect,
        inner_radii: Radii,
        sides: &Sides,
    ) {
        let first = sides.colors[0];
        let patterned = sides
            .styles
            .iter()
            .any(|s| matches!(s, LineStyle::Dashed | LineStyle::Dotted));
        if !patterned && let Some(color) = sides.one_color(&outer_radii) {
            if let Some(color) = color {
                self.fill_solid(
                    (outer, outer_radii),
                    Some((inner, inner_radii)),
                    color,
                    Onto::Paint,
                );
            }
            return;
        }
        let Some(path) = ring(outer, outer_radii, inner, inner_radii) else {
            return;
        };
        if patterned
            && sides.colors.iter().all(|c| *c == first)
            && sides.styles.iter().all(|s| *s == sides.styles[0])
        {
            // One colour and style all round: the sides' patterns are one
            // shape, so corner dashes and dots join without a diagonal seam.
            let mut builder = tiny_skia::PathBuilder::new();
            for side in 0..4 {
                match dashes::side_pattern(sides.styles[side], outer, inner, side) {
                    Some(pattern) => builder.push_path(&pattern),
                    None => {
                        if let Some(region) = side_region(outer, inner, side) {
                            builder.push_path(&region);
                        }
                    }
                }
            }
            if let (Some(shape), Some(band), Some(color)) =
                (builder.finish(), self.mask_of_even_odd(&path), first)
            {
                self.fill(
                    &shape,
                    Shader::SolidColor(sk(color)),
                    FillRule::Winding,
                    Some(&band),
                );
            }
            return;
        }
        for side in 0..4 {
            let Some(color) = sides.colors[side] else {
                continue;
            };
            let Some(mut region) = side_region(outer, inner, side).and_then(|r| self.mask_of(&r))
            else {
                continue;
            };
            let shader = Shader::SolidColor(sk(color));
            match dashes::side_pattern(sides.styles[side], outer, inner, side) {
                Some(pattern) => {
                    region.intersect_path(&path, FillRule::EvenOdd, true, Transform::identity());
                    self.fill(&pattern, shader, FillRule::Winding, Some(&region));
                }
                None => self.fill(&path, shader, FillRule::EvenOdd, Some(&region)),
            }
        }
    }
}

/// A line group's sides, top, right, bottom, left: widths in device px,
/// colours (none where nothing is drawn) and styles.
struct Sides {
    widths: [f32; 4],
    colors: [Option<Rgba>; 4],
    styles: [LineStyle; 4],
}

impl Sides {
    /// The one colour the whole ring between the outer and inner boxes is
    /// drawn in, when there is one: `Some(None)` when nothing draws. The
    /// ring is the union of the drawing sides' trapezoids when every other
    /// side is zero wide and its corners square (a rounded corner would
    /// carry the ring around past the diagonal join).
    fn one_color(&self, radii: &Radii) -> Option<Option<Rgba>> {
        let mut drawn = self.colors.iter().flatten();
        let Some(first) = drawn.next() else {
            return Some(None);
        };
        if !drawn.all(|c| c == first) {
            return None;
        }
        let square = |corner: usize| radii.0[corner % 4] == (0.0, 0.0);
        let blank_sides_vanish = (0..4).all(|side| {
            self.colors[side].is_some()
                || (self.widths[side] <= 0.0 && square(side) && square(side + 1))
        });
        blank_sides_vanish.then_some(Some(*first))
    }
}

/// The sides of a line group; a side draws only with a style other than
/// `none` and a colour that is not fully transparent, as in CSS.
fn line_sides(painter: &Painter<'_>, sides: [&union_model::LineProps; 4]) -> Sides {
    let mut out = Sides {
        widths: [0.0; 4],
        colors: [None; 4],
        styles: [LineStyle::None; 4],
    };
    // Sides mostly share one colour: it is resolved once.
    let mut last: Option<(&Color, Rgba)> = None;
    for (i, side) in sides.iter().enumerate() {
        let style = side.style.value().copied().unwrap_or(LineStyle::None);
        out.styles[i] = style;
        if style == LineStyle::None {
            continue;
        }
        out.widths[i] = px(&side.width) * painter.scale;
        if out.widths[i] <= 0.0 {
            continue;
        }
        let color = side.color.value().unwrap_or(&Color::CurrentColor);
        let color = match last {
            Some((known, rgba)) if known == color => rgba,
            _ => {
                let rgba = painter.color(color);
                last = Some((color, rgba));
                rgba
            }
        };
        // A clear colour leaves every pixel as it was.
        out.colors[i] = (color.a > 0.0).then_some(color);
    }
    out
}

/// Draws the element box of `computed` (see the crate docs for what is drawn).
pub fn render_box(
    computed: &ComputedStyle,
    palette: &Palette,
    options: &RenderOptions,
) -> Result<Pixmap, RenderError> {
    let RenderOptions {
        size: (w, h),
        scale,
        margin,
    } = *options;
    let valid = |v: f32| v.is_finite() && v >= 0.0;
    if !(valid(w) && valid(h) && valid(margin) && scale.is_finite() && scale > 0.0) {
        return Err(RenderError::InvalidSize);
    }
    let width = ((w + 2.0 * margin) * scale).ceil();
    let height = ((h + 2.0 * margin) * scale).ceil();
    if width > MAX_SIDE as f32 || height > MAX_SIDE as f32 {
        return Err(RenderError::TooLarge(width as u32, height as u32));
    }
    let mut pixmap = Pixmap::new((width as u32).max(1), (height as u32).max(1))
        .ok_or(RenderError::InvalidSize)?;
    let border_box = Rect {
        x: margin * scale,
        y: margin * scale,
        width: w * scale,
        height: h * scale,
    };
    paint_element(
        Canvas {
            pixmap: &mut pixmap,
            clear: true,
        },
        computed,
        palette,
        border_box,
        scale,
        &mut Images::default(),
        &mut shadow::Cache::default(),
    );
    fade(&mut pixmap, computed.opacity());
    Ok(pixmap)
}

/// Where an element is painted.
pub(crate) struct Canvas<'a> {
    pub pixmap: &'a mut Pixmap,
    /// Nothing has been painted on `pixmap` yet, so a first fill can store
    /// its pixels rather than blend them.
    pub clear: bool,
}

/// Multiplies every pixel by `opacity` (premultiplied, so all channels).
pub(crate) fn fade(pixmap: &mut Pixmap, opacity: f32) {
    if opacity < 1.0 {
        let k = (opacity.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
        crate::blit::fade(pixmap.data_mut(), k);
    }
}

/// Paints one element's box (everything but its opacity, which applies to
/// the element together with its parts) with its border box at
/// `border_box` in device pixels.
pub(crate) fn paint_element(
    Canvas { pixmap, clear }: Canvas<'_>,
    computed: &ComputedStyle,
    palette: &Palette,
    border_box: Rect,
    scale: f32,
    images: &mut Images,
    shadows: &mut shadow::Cache,
) {
    let mut painter = Painter {
        style: computed,
        palette,
        scale,
        pixmap,
        images,
        shadows,
    };
    let style = &computed.style;
    if style.display.visibility.value() == Some(&union_model::values::Visibility::Hidden) {
        return;
    }
    let radii = Radii::of(style, border_box, scale);
    let border = &style.border;
    let border_sides = line_sides(
        &painter,
        [&border.top, &border.right, &border.bottom, &border.left],
    );
    let bw = border_sides.widths;
    let padding_box = border_box.outset(-bw[0], -bw[1], -bw[2], -bw[3]);
    let inner_radii = radii.inner(bw[0], bw[1], bw[2], bw[3]);

    let shadowed = painter.shadows(border_box, radii, padding_box, inner_radii, false);

    let padding = &style.layout.padding;
    let s = scale;
    let (clip_box, clip_radii) = match style.background.clip.value() {
        Some(BoxArea::PaddingBox) => (padding_box, inner_radii),
        Some(BoxArea::ContentBox) => {
            let (t, r, b, l) = (
                px(&padding.top) * s,
                px(&padding.right) * s,
                px(&padding.bottom) * s,
                px(&padding.left) * s,
            );
            (
                padding_box.outset(-t, -r, -b, -l),
                inner_radii.inner(t, r, b, l),
            )
        }
        _ => (border_box, radii),
    };
    if let Some(color) = style.background.color.value() {
        let rgba = painter.color(color);
        // The background is the first paint inside the border box; outer
        // shadows reach into its edge pixels.
        let onto = if clear && !shadowed {
            Onto::Clear
        } else {
            Onto::Paint
        };
        painter.fill_solid((clip_box, clip_radii), None, rgba, onto);
    }
    let image = style.background.image.value();
    if let Some(clip) = image.and_then(|_| rounded_rect(clip_box, clip_radii)) {
        match image {
            Some(Image::Url(url)) => {
                match crate::svg_parts::split_fragment(std::path::Path::new(&*url.0)) {
                    Some((file, id)) => {
                        let part = SvgPart {
                            source: union_model::values::Url(Arc::from(
                                file.to_string_lossy().as_ref(),
                            )),
                            name: Arc::from(id),
                        };
                        painter.background_element(&part, padding_box, &clip);
                    }
                    None => painter.background_file(url, padding_box, &clip),
                }
            }
            Some(Image::SvgElement(part)) => painter.background_element(part, padding_box, &clip),
            Some(Image::SvgFrame(part)) => {
                painter.frame_at(part, padding_box);
            }
            Some(image) => {
                if let Some(shader) = painter.image_shader(image, padding_box) {
                    painter.fill(&clip, shader, FillRule::Winding, None);
                }
            }
            None => {}
        }
    }

    painter.shadows(border_box, radii, padding_box, inner_radii, true);

    // A border image that draws replaces the border lines (CSS).
    if !painter.border_image(border_box, bw) {
        painter.lines(border_box, radii, padding_box, inner_radii, &border_sides);
    }

    let outline = &style.outline;
    let outline_sides = line_sides(
        &painter,
        [&outline.top, &outline.right, &outline.bottom, &outline.left],
    );
    let ow = outline_sides.widths;
    if ow.iter().any(|w| *w > 0.0) {
        // A negative offset draws the outline inside the border edge (CSS).
        let offset = outline
            .offset
            .value()
            .and_then(|l| l.px())
            .filter(|v| v.is_finite())
            .unwrap_or(0.0)
            * scale;
        let inner = border_box.outset(offset, offset, offset, offset);
        let inner_r = radii.outer(offset);
        let outer = inner.outset(ow[0], ow[1], ow[2], ow[3]);
        let outer_r = inner_r.outer(ow[0].max(ow[1]).max(ow[2]).max(ow[3]));
        painter.lines(outer, outer_r, inner, inner_r, &outline_sides);
    }
}
