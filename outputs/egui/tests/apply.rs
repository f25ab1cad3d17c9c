//! One-line adoption: `apply` maps a Union theme onto egui's `Style`, and a
//! real client — egui's own widget gallery from `egui_demo_lib`,
//! unmodified — takes the theme.

#![allow(clippy::unwrap_used, reason = "test fixtures fail loudly")]

use egui_demo_lib::View as _;
use std::path::Path;
use std::sync::Arc;
use union_egui::raster::{Canvas, Textures};
use union_model::{Context, Element, Query, State, Styler, Theme};
use union_skia_free::{background, theme};
use union_test_support::image::{Tolerance, assert_png_snapshot};

/// Helpers that need no union-skia: the bundled themes and colours.
mod union_skia_free {
    use super::*;

    pub fn theme(name: &str) -> Arc<Theme> {
        let registry = union_themes::registry_with_cache(None);
        let loaded = union_themes::load(&registry, name).unwrap();
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        Arc::clone(&loaded.theme)
    }

    /// The resolved background of `element` inside `Window`.
    pub fn background(theme: &Arc<Theme>, element: Element) -> egui::Color32 {
        let styler = Styler::new(Arc::clone(theme));
        let query = Query::new(vec![Element::new("Window"), element], Context::default());
        let style = styler.query(&query);
        let color = style.style.background.color.value().unwrap();
        let [r, g, b, a] = style.resolve_color(color, theme.palette()).to_rgba8();
        egui::Color32::from_rgba_unmultiplied(r, g, b, a)
    }
}

#[test]
fn apply_maps_the_theme_onto_egui_visuals() {
    let breeze = theme("breeze");
    let ctx = egui::Context::default();
    let capabilities = union_egui::apply(&ctx, &breeze, &Context::default());
    let style = ctx.global_style();
    let widgets = &style.visuals.widgets;
    assert_eq!(
        widgets.inactive.bg_fill,
        background(&breeze, Element::new("Button"))
    );
    assert_eq!(
        widgets.hovered.bg_fill,
        background(&breeze, Element::new("Button").with_state(State::Hovered))
    );
    assert_eq!(
        style.visuals.panel_fill,
        background(&breeze, Element::new("Window"))
    );
    assert_eq!(
        style.visuals.extreme_bg_color,
        background(&breeze, Element::new("TextField"))
    );
    assert!(!style.visuals.dark_mode);
    assert!(
        widgets.inactive.corner_radius.nw > 0,
        "Breeze rounds its buttons"
    );
    // What Style cannot say is reported, per element and property.
    assert!(
        capabilities
            .gaps
            .iter()
            .any(|g| g.element.starts_with("Button") && g.property == "outline"),
        "focus rings are a gap: {:?}",
        capabilities.gaps
    );

    // The dark theme and context: dark visuals, dark panels.
    let dark = theme("breeze-dark");
    let context = Context {
        color_scheme: union_model::ColorScheme::Dark,
        ..Context::default()
    };
    union_egui::apply(&ctx, &dark, &context);
    let style = ctx.global_style();
    assert!(style.visuals.dark_mode);
    assert_eq!(
        style.visuals.panel_fill,
        background(&dark, Element::new("Window"))
    );
    assert!(
        style.visuals.panel_fill.r() < 100,
        "{:?}",
        style.visuals.panel_fill
    );
}

#[test]
fn applying_the_same_theme_again_costs_nothing_and_a_palette_change_restyles() {
    let breeze = theme("breeze");
    let ctx = egui::Context::default();
    union_egui::apply(&ctx, &breeze, &Context::default());
    // Tamper with the style: an unchanged theme is not applied again.
    ctx.all_styles_mut(|s| s.visuals.panel_fill = egui::Color32::RED);
    union_egui::apply(&ctx, &breeze, &Context::default());
    assert_eq!(ctx.global_style().visuals.panel_fill, egui::Color32::RED);
    // The dark palette on the same rules: applied.
    let dark = theme("breeze-dark");
    let repainted = Arc::new(breeze.with_palette(dark.palette().clone()));
    union_egui::apply(&ctx, &repainted, &Context::default());
    assert_eq!(
        ctx.global_style().visuals.panel_fill,
        background(&repainted, Element::new("Window"))
    );
}

/// egui's widget gallery drawn for two frames (the second settles the
/// layout) at a fixed time, rasterised on the CPU.
fn widget_gallery(setup: impl FnOnce(&egui::Context)) -> tiny_skia::Pixmap {
    let ctx = egui::Context::default();
    setup(&ctx);
    let mut gallery = egui_demo_lib::WidgetGallery::default();
    let mut textures = Textures::default();
    let size = egui::vec2(420.0, 560.0);
    let mut primitives = Vec::new();
    for _ in 0..2 {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            time: Some(0.0),
            ..egui::RawInput::default()
        };
        let output = ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| gallery.ui(ui));
        });
        textures.apply(output.textures_delta);
        primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    }
    let mut canvas = Canvas::new(size.x as u32, size.y as u32);
    canvas.draw(&primitives, &textures, 1.0);
    let int = tiny_skia::IntSize::from_wh(canvas.width, canvas.height).unwrap();
    tiny_skia::Pixmap::from_vec(canvas.pixels, int).unwrap()
}

#[test]
fn egui_s_own_widget_gallery_takes_the_theme() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let diffs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/snapshot-diffs/egui");
    let stock = widget_gallery(|_| {});
    for (name, scheme) in [
        ("breeze", union_model::ColorScheme::Light),
        ("breeze-dark", union_model::ColorScheme::Dark),
    ] {
        let theme = theme(name);
        let context = Context {
            color_scheme: scheme,
            ..Context::default()
        };
        // egui's own font, whatever fonts the machine has: reproducible.
        let themed = widget_gallery(|ctx| {
            union_egui::apply_with_fonts(ctx, &theme, &context, &[]);
        });
        // The panel behind the widgets is the theme's window.
        let panel = background(&theme, Element::new("Window"));
        let corner = themed.pixel(2, 2).unwrap();
        assert_eq!(
            (corner.red(), corner.green(), corner.blue()),
            (panel.r(), panel.g(), panel.b()),
            "{name}: the panel"
        );
        let differing = union_test_support::image::compare(&stock, &themed, 8).differing;
        assert!(
            differing > 10_000,
            "{name}: only {differing} pixels differ from stock egui"
        );
        // The CPU rasteriser is deterministic: the snapshot holds exactly.
        assert_png_snapshot(
            &dir,
            &diffs,
            &format!("widget-gallery-{name}"),
            &themed,
            Tolerance {
                per_channel: 1,
                max_pixels: 0,
            },
        );
    }
}
