//! A [`ControlScene`] painted with egui's painter: each box (outer
//! shadows, background colour and linear gradients, borders, outline),
//! text set in egui's fonts, in the scene's paint order. What egui's
//! shapes cannot express is drawn as close as they allow and reported as a
//! [`Gap`] (property and control), never silently dropped.

use crate::icons::Icons;
use crate::look::{color32, corner_radius, is_elliptical, px, radii, rect, resolve};
use egui::epaint::{Mesh, RectShape, Shadow};
use egui::{Color32, FontId, Painter, Pos2, Stroke, StrokeKind};
use union_model::geometry::Rect;
use union_model::scene::{Content, ControlScene, IconRef};
use union_model::values::{BoxArea, Image, LineStyle, LinearGradient};
use union_model::{ComputedStyle, Palette, Style};

pub use union_model::scene::Gap;

/// The font size of a text part in logical px (the platform's,
/// `Context::DEFAULT_FONT_SIZE`, when unset).
pub fn font_size(style: &Style) -> f32 {
    style
        .text
        .font_size
        .value()
        .and_then(|l| l.px())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(union_model::Context::DEFAULT_FONT_SIZE, |s| s.min(1000.0))
}

/// Paints `scene` with its top-left corner at `origin` (points = logical
/// px); returns what could not be drawn as asked.
pub fn paint_scene(
    painter: &Painter,
    origin: Pos2,
    scene: &ControlScene,
    palette: &Palette,
    icons: &mut Icons,
) -> Vec<Gap> {
    paint_scene_faded(painter, origin, scene, palette, icons, 1.0)
}

/// [`paint_scene`] at `fade` (0–1) times the scene's own opacity: the
/// outgoing look of a transition.
pub fn paint_scene_faded(
    painter: &Painter,
    origin: Pos2,
    scene: &ControlScene,
    palette: &Palette,
    icons: &mut Icons,
    fade: f32,
) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let name = scene.element.type_name().to_owned();
    let group = scene.style.opacity() * fade.clamp(0.0, 1.0);
    if group < 1.0 && parts_overlap(scene) {
        gaps.push(Gap {
            element: name.clone(),
            property: "opacity",
            instead: "applied to each shape: where parts overlap, the lower one shows through",
        });
    }
    let control = Paint {
        computed: &scene.style,
        palette,
        opacity: group,
    };
    control.paint_box(painter, origin, scene.rect(), &name, &mut gaps);
    for part in &scene.parts {
        let element = format!("{name} > {}", part.element);
        let paint = Paint {
            computed: &part.style,
            palette,
            opacity: group * part.style.opacity(),
        };
        match &part.content {
            Content::Box { icon } => {
                paint.paint_box(painter, origin, part.rect, &element, &mut gaps);
                if let Some(icon) = icon
                    && !paint.icon(painter, origin, icon.rect_in(part.rect), &icon.icon, icons)
                {
                    gaps.push(Gap {
                        element,
                        property: "icon-source",
                        instead: "an element of an SVG (`file.svg#id`) is not drawn",
                    });
                }
            }
            Content::Text { text, .. } => {
                let color = color32(part.style.text_color(palette)).gamma_multiply(paint.opacity);
                let at = rect(part.rect, origin);
                painter.text(
                    at.min,
                    egui::Align2::LEFT_TOP,
                    &**text,
                    FontId::proportional(font_size(&part.style.style)),
                    color,
                );
            }
            Content::Icon { icon } => {
                let paint = Paint {
                    computed: &part.style,
                    palette,
                    opacity: group * part.style.opacity(),
                };
                if !paint.icon(painter, origin, part.rect, icon, icons) {
                    gaps.push(Gap {
                        element,
                        property: "icon-source",
                        instead: "an element of an SVG (`file.svg#id`) is not drawn",
                    });
                }
            }
        }
    }
    gaps.sort();
    gaps.dedup();
    gaps
}

/// `top` drawn over `bottom` (premultiplied, source-over).
fn over(top: Color32, bottom: Color32) -> Color32 {
    let keep = 1.0 - f32::from(top.a()) / 255.0;
    let [a, b] = [top.to_array(), bottom.to_array()];
    let c = |i: usize| {
        (f32::from(a[i]) + f32::from(b[i]) * keep)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    Color32::from_rgba_premultiplied(c(0), c(1), c(2), c(3))
}

/// Whether two parts of the scene cover some of the same area.
fn parts_overlap(scene: &ControlScene) -> bool {
    let parts = &scene.parts;
    parts.iter().enumerate().any(|(i, a)| {
        parts[i + 1..].iter().any(|b| {
            let w = a.rect.right().min(b.rect.right()) - a.rect.x.max(b.rect.x);
            let h = a.rect.bottom().min(b.rect.bottom()) - a.rect.y.max(b.rect.y);
            w > 0.0 && h > 0.0
        })
    })
}

/// One element's style and what its colours are resolved with.
struct Paint<'a> {
    computed: &'a ComputedStyle,
    palette: &'a Palette,
    /// Its own opacity times its control's.
    opacity: f32,
}

impl Paint<'_> {
    /// A colour resolved, before opacity.
    fn solid(&self, color: &union_model::values::Color) -> Color32 {
        resolve(self.computed, color, self.palette)
    }

    /// A colour resolved and faded by the opacity.
    fn color(&self, color: &union_model::values::Color) -> Color32 {
        self.solid(color).gamma_multiply(self.opacity)
    }

    /// An icon in `at` (control coordinates), snapped to device pixels as
    /// the reference draws it, recoloured with `icon-color` (else the text
    /// colour) when symbolic or when the style names a colour. `false`
    /// when it cannot be drawn.
    fn icon(
        &self,
        painter: &Painter,
        origin: Pos2,
        at: Rect,
        icon: &IconRef,
        icons: &mut Icons,
    ) -> bool {
        let scale = painter.ctx().pixels_per_point();
        let x = ((origin.x + at.x) * scale).round();
        let y = ((origin.y + at.y) * scale).round();
        let (w, h) = ((at.width * scale).round(), (at.height * scale).round());
        if w < 1.0 || h < 1.0 {
            return true;
        }
        let style = &self.computed.style;
        let named_color = style.icon.color.value();
        let Some(texture) = icons.texture(
            painter.ctx(),
            icon,
            (w as u32, h as u32),
            named_color.is_some(),
        ) else {
            return false;
        };
        let tint = if texture.symbolic {
            let color = named_color
                .cloned()
                .unwrap_or(union_model::values::Color::CurrentColor);
            self.color(&color)
        } else {
            Color32::WHITE.gamma_multiply(self.opacity)
        };
        let rect = egui::Rect::from_min_size(
            egui::pos2(x / scale, y / scale),
            egui::vec2(w / scale, h / scale),
        );
        let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
        painter.image(texture.texture.id(), rect, uv, tint);
        true
    }

    /// One element's box, in CSS painting order.
    fn paint_box(
        &self,
        painter: &Painter,
        origin: Pos2,
        border_box: Rect,
        element: &str,
        gaps: &mut Vec<Gap>,
    ) {
        let style = &self.computed.style;
        let mut gap = |property: &'static str, instead: &'static str| {
            gaps.push(Gap {
                element: element.to_owned(),
                property,
                instead,
            });
        };
        let outer = rect(border_box, origin);
        let radii = radii(style, border_box);
        if is_elliptical(&radii) {
            gap("border-radius", "circular corners (the smaller radius)");
        }
        let corners = corner_radius(&radii);
        // Outer shadows under the box; inset ones are not drawn.
        for shadow in style.shadow.layers.value().iter().flat_map(|l| l.0.iter()) {
            if shadow.inset {
                gap("box-shadow", "inset shadows are not drawn");
                continue;
            }
            let length = |l: union_model::values::Length| l.px().unwrap_or(0.0);
            let to_i8 = |v: f32| v.round().clamp(-128.0, 127.0) as i8;
            let to_u8 = |v: f32| v.round().clamp(0.0, 255.0) as u8;
            let spread = length(shadow.spread);
            if spread < 0.0 {
                gap("box-shadow", "negative spread is drawn as none");
            }
            let shape = Shadow {
                offset: [to_i8(length(shadow.x)), to_i8(length(shadow.y))],
                blur: to_u8(length(shadow.blur)),
                spread: to_u8(spread),
                color: self.color(&shadow.color),
            }
            .as_shape(outer, corners);
            painter.add(shape);
        }
        // Opacity applies to the box as a whole: where a solid background
        // lies under the border, the border is drawn in its colour over
        // the background and the background stops at the border, so that
        // fading each shape gives what fading the whole box gives.
        let clip = style.background.clip.value().copied();
        let solid = style
            .background
            .color
            .value()
            .map(|c| self.solid(c))
            .filter(|c| c.a() > 0);
        let under_border = (self.opacity < 1.0
            && matches!(clip, None | Some(BoxArea::BorderBox))
            && style.background.image.value().is_none())
        .then_some(solid)
        .flatten();
        let clip = if under_border.is_some() {
            BoxArea::PaddingBox
        } else {
            clip.unwrap_or(BoxArea::BorderBox)
        };
        let (fill_box, fill_corners) = self.background_area(border_box, radii, origin, clip);
        if let Some(color) = style.background.color.value() {
            let fill = self.color(color);
            if fill.a() > 0 {
                painter.add(RectShape::filled(fill_box, fill_corners, fill));
            }
        }
        match style.background.image.value() {
            Some(Image::Linear(gradient)) => {
                if fill_corners != egui::CornerRadius::ZERO {
                    gap("background-image", "gradients fill the square box");
                }
                painter.add(gradient_mesh(fill_box, gradient, self));
            }
            Some(_) => gap(
                "background-image",
                "only linear gradients are drawn by the egui painter",
            ),
            None => {}
        }
        if style.border_image.source.value().is_some() {
            gap("border-image-source", "frames and 9-patches are not drawn");
        }
        self.paint_border(painter, outer, corners, under_border, &mut gap);
        self.paint_outline(painter, outer, corners);
    }

    /// The box the background is clipped to (`background-clip`) and its
    /// corners: inside the border for `padding-box`, inside the padding too
    /// for `content-box`.
    fn background_area(
        &self,
        border_box: Rect,
        radii: union_model::geometry::Radii,
        origin: Pos2,
        clip: BoxArea,
    ) -> (egui::Rect, egui::CornerRadius) {
        let style = &self.computed.style;
        let border = &style.border;
        let width = |side: &union_model::LineProps| {
            if matches!(side.style.value(), None | Some(LineStyle::None)) {
                0.0
            } else {
                px(&side.width)
            }
        };
        let mut inset = [
            width(&border.top),
            width(&border.right),
            width(&border.bottom),
            width(&border.left),
        ];
        match clip {
            BoxArea::BorderBox => return (rect(border_box, origin), corner_radius(&radii)),
            BoxArea::PaddingBox => {}
            BoxArea::ContentBox => {
                let padding = &style.layout.padding;
                for (edge, extra) in inset.iter_mut().zip([
                    px(&padding.top),
                    px(&padding.right),
                    px(&padding.bottom),
                    px(&padding.left),
                ]) {
                    *edge += extra;
                }
            }
        }
        let [t, r, b, l] = inset;
        let area = border_box.outset(-t, -r, -b, -l);
        (rect(area, origin), corner_radius(&radii.inner(t, r, b, l)))
    }

    /// Borders: one stroke when the four sides agree, else each side as its
    /// own band (square corners).
    fn paint_border(
        &self,
        painter: &Painter,
        outer: egui::Rect,
        corners: egui::CornerRadius,
        under: Option<Color32>,
        gap: &mut dyn FnMut(&'static str, &'static str),
    ) {
        let border = &self.computed.style.border;
        let sides = [&border.top, &border.right, &border.bottom, &border.left];
        let looks: Vec<(f32, Color32)> = sides
            .iter()
            .map(|side| {
                let drawn = !matches!(side.style.value(), None | Some(LineStyle::None));
                let width = if drawn { px(&side.width) } else { 0.0 };
                let color = side
                    .color
                    .value()
                    .map_or(Color32::TRANSPARENT, |c| self.solid(c));
                let color = under.map_or(color, |under| over(color, under));
                (width, color.gamma_multiply(self.opacity))
            })
            .collect();
        if looks.iter().all(|(w, _)| *w <= 0.0) {
            return;
        }
        if sides
            .iter()
            .any(|s| matches!(s.style.value(), Some(LineStyle::Dashed | LineStyle::Dotted)))
        {
            gap("border-style", "dashed and dotted borders are drawn solid");
        }
        if looks.iter().all(|l| *l == looks[0]) {
            let (width, color) = looks[0];
            painter.add(RectShape::stroke(
                outer,
                corners,
                Stroke::new(width, color),
                StrokeKind::Inside,
            ));
            return;
        }
        if corners != egui::CornerRadius::ZERO {
            gap(
                "border",
                "sides of different widths or colours have square corners",
            );
        }
        let (t, r, b, l) = (looks[0].0, looks[1].0, looks[2].0, looks[3].0);
        let (x0, y0, x1, y1) = (outer.min.x, outer.min.y, outer.max.x, outer.max.y);
        let bands = [
            [(x0, y0), (x1, y0), (x1 - r, y0 + t), (x0 + l, y0 + t)],
            [(x1, y0), (x1, y1), (x1 - r, y1 - b), (x1 - r, y0 + t)],
            [(x1, y1), (x0, y1), (x0 + l, y1 - b), (x1 - r, y1 - b)],
            [(x0, y1), (x0, y0), (x0 + l, y0 + t), (x0 + l, y1 - b)],
        ];
        for (band, (width, color)) in bands.iter().zip(&looks) {
            if *width > 0.0 && color.a() > 0 {
                let points = band.iter().map(|(x, y)| egui::pos2(*x, *y)).collect();
                painter.add(egui::Shape::convex_polygon(points, *color, Stroke::NONE));
            }
        }
    }

    /// The outline, outside the border box beyond its offset (one width
    /// and colour: the top side's).
    fn paint_outline(&self, painter: &Painter, outer: egui::Rect, corners: egui::CornerRadius) {
        let outline = &self.computed.style.outline;
        let side = &outline.top;
        if matches!(side.style.value(), None | Some(LineStyle::None)) {
            return;
        }
        let width = px(&side.width);
        if width <= 0.0 {
            return;
        }
        let offset = outline.offset.value().and_then(|l| l.px()).unwrap_or(0.0);
        let color = side.color.value().map_or(Color32::BLACK, |c| self.color(c));
        let grown = outer.expand(offset);
        let grow = |r: u8| (f32::from(r) + offset).clamp(0.0, 255.0) as u8;
        let corners = egui::CornerRadius {
            nw: grow(corners.nw),
            ne: grow(corners.ne),
            sw: grow(corners.sw),
            se: grow(corners.se),
        };
        painter.add(RectShape::stroke(
            grown,
            corners,
            Stroke::new(width, color),
            StrokeKind::Outside,
        ));
    }
}

/// A linear gradient over `area` as a mesh of bands between its stops.
fn gradient_mesh(area: egui::Rect, gradient: &LinearGradient, paint: &Paint<'_>) -> Mesh {
    // CSS angles: 0deg points up, 90deg right; the gradient line runs
    // through the centre, long enough for the corners to reach its ends.
    let angle = gradient.angle.to_radians();
    let direction = egui::vec2(angle.sin(), -angle.cos());
    let half = gradient.line_length((area.width(), area.height())) / 2.0;
    let stops: Vec<(f32, Color32)> = gradient
        .stops
        .iter()
        .zip(gradient.stop_offsets(2.0 * half))
        .map(|(stop, at)| (at, paint.color(&stop.color)))
        .collect();
    let color_at = |t: f32| {
        let Some(first) = stops.first() else {
            return Color32::TRANSPARENT;
        };
        if t <= first.0 {
            return first.1;
        }
        for pair in stops.windows(2) {
            let ((a, ca), (b, cb)) = (pair[0], pair[1]);
            if t <= b {
                let f = if b > a { (t - a) / (b - a) } else { 1.0 };
                return ca.lerp_to_gamma(cb, f);
            }
        }
        stops.last().map_or(Color32::TRANSPARENT, |s| s.1)
    };
    // A grid fine enough that vertex colours interpolate like the gradient.
    let steps = 16;
    let mut mesh = Mesh::default();
    let centre = area.center();
    for row in 0..=steps {
        for column in 0..=steps {
            let p = egui::pos2(
                area.min.x + area.width() * column as f32 / steps as f32,
                area.min.y + area.height() * row as f32 / steps as f32,
            );
            let t = ((p - centre).dot(direction) + half) / (2.0 * half).max(1e-3);
            mesh.colored_vertex(p, color_at(t));
        }
    }
    let index = |row: u32, column: u32| row * (steps + 1) + column;
    for row in 0..steps {
        for column in 0..steps {
            let (a, b) = (index(row, column), index(row, column + 1));
            let (c, d) = (index(row + 1, column), index(row + 1, column + 1));
            mesh.add_triangle(a, b, d);
            mesh.add_triangle(a, d, c);
        }
    }
    mesh
}
