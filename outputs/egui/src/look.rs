//! Model values as egui values: colours, corner radii, lengths.

use egui::{Color32, CornerRadius};
use union_model::geometry::{Radii, Rect};
use union_model::values::{Color, Length, Rgba};
use union_model::{ComputedStyle, Palette, Slot, Style};

/// A resolved colour as egui's premultiplied `Color32`.
pub fn color32(rgba: Rgba) -> Color32 {
    let [r, g, b, a] = rgba.to_rgba8();
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// A colour of `style` resolved with `palette`.
pub fn resolve(style: &ComputedStyle, color: &Color, palette: &Palette) -> Color32 {
    color32(style.resolve_color(color, palette))
}

/// A length in logical px (0 when unset, relative or negative).
pub fn px(slot: &Slot<Length>) -> f32 {
    slot.value()
        .and_then(|l| l.px())
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
        .max(0.0)
}

/// An egui rectangle from a model one, moved by `origin`.
pub fn rect(r: Rect, origin: egui::Pos2) -> egui::Rect {
    egui::Rect::from_min_size(
        egui::pos2(origin.x + r.x, origin.y + r.y),
        egui::vec2(r.width, r.height),
    )
}

/// The style's corner radii resolved against `border_box` (CSS clamping).
pub fn radii(style: &Style, border_box: Rect) -> Radii {
    Radii::of(style, border_box, 1.0)
}

/// Whether any corner is elliptical (egui's corners are circular).
pub fn is_elliptical(radii: &Radii) -> bool {
    radii.is_elliptical()
}

/// egui's circular, whole-point radii: the smaller of each corner's two.
pub fn corner_radius(radii: &Radii) -> CornerRadius {
    let r = |(x, y): (f32, f32)| x.min(y).round().clamp(0.0, 255.0) as u8;
    let [tl, tr, br, bl] = radii.0;
    CornerRadius {
        nw: r(tl),
        ne: r(tr),
        se: r(br),
        sw: r(bl),
    }
}
