//! The CPU rasteriser against what epaint's shapes mean: coverage of
//! filled rectangles and strokes, no pixel drawn twice along shared edges,
//! colours and text from the font atlas.

#![allow(clippy::unwrap_used, reason = "test fixtures fail loudly")]

use egui::epaint::RectShape;
use egui::{Color32, CornerRadius, Stroke, StrokeKind};
use union_egui::raster::{Canvas, Textures};

/// Draws `shapes` (points = pixels) on a `w` × `h` canvas.
fn draw(w: u32, h: u32, shapes: &[egui::Shape]) -> Canvas {
    let ctx = egui::Context::default();
    let mut textures = Textures::default();
    let output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let painter = ui.ctx().layer_painter(egui::LayerId::background());
        for shape in shapes {
            painter.add(shape.clone());
        }
    });
    textures.apply(output.textures_delta);
    let primitives = ctx.tessellate(output.shapes, 1.0);
    let mut canvas = Canvas::new(w, h);
    canvas.draw(&primitives, &textures, 1.0);
    canvas
}

#[test]
fn a_filled_rectangle_covers_its_pixels_once() {
    let color = Color32::from_rgba_unmultiplied(60, 175, 233, 102);
    let rect = egui::Rect::from_min_max(egui::pos2(2.0, 2.0), egui::pos2(12.0, 8.0));
    let canvas = draw(
        16,
        10,
        &[RectShape::filled(rect, CornerRadius::ZERO, color).into()],
    );
    // Inside, on the edges and in the corners: the colour, never more.
    for (x, y) in [(6, 5), (2, 2), (11, 7), (2, 5), (11, 2)] {
        assert_eq!(canvas.pixel(x, y), color, "({x}, {y})");
    }
    for (x, y) in [(1, 5), (12, 5), (6, 1), (6, 8)] {
        assert_eq!(canvas.pixel(x, y).a(), 0, "({x}, {y}) is outside");
    }
}

#[test]
fn a_one_pixel_stroke_inside_covers_the_edge_pixels_at_its_alpha() {
    let color = Color32::from_rgba_unmultiplied(120, 120, 120, 128);
    let rect = egui::Rect::from_min_max(egui::pos2(2.0, 2.0), egui::pos2(12.0, 8.0));
    let canvas = draw(
        16,
        10,
        &[RectShape::stroke(
            rect,
            CornerRadius::ZERO,
            Stroke::new(1.0, color),
            StrokeKind::Inside,
        )
        .into()],
    );
    let edge = canvas.pixel(6, 2);
    assert!(edge.a().abs_diff(128) <= 2, "{edge:?}");
    assert_eq!(canvas.pixel(6, 5).a(), 0, "the inside is empty");
}
