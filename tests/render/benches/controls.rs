//! Drawing a sheet of 60 controls (states spread over the whole catalogue,
//! bundled Breeze) with union-skia at 1× and 2×, against the floor: filling
//! the same pixmaps with one plain `fill_rect` each. Ratios are printed
//! after criterion's report. `union-skia` redraws the sheet as a frame
//! after the first does (each control's layout kept); `union-skia-relayout`
//! styles and lays every control out again first, as a first frame does.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs,
    reason = "benchmark harness"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;
use union_gallery::pages::control_matrix;
use union_model::{Context, Query, Styler};
use union_render_tests::{bundled_theme, root};
use union_skia::tiny_skia::{FillRule, Paint, Path, PathBuilder, Pixmap, Rect, Transform};
use union_skia::{Fonts, Images, Renderer, Scene};

/// Controls on the sheet.
const SHEET: usize = 60;

struct Sheet {
    styler: Styler,
    palette: union_model::Palette,
    queries: Vec<(Query, Option<(f32, f32)>)>,
}

fn sheet() -> Sheet {
    let theme = bundled_theme("breeze");
    let cases = control_matrix(&["breeze"]);
    let step = cases.len() as f32 / SHEET as f32;
    let queries = (0..SHEET)
        .map(|i| &cases[(i as f32 * step) as usize])
        .map(|case| {
            let chain = union_model::chain::parse_chain(&case.element).unwrap();
            (Query::new(chain, Context::default()), case.size)
        })
        .collect();
    Sheet {
        palette: theme.palette().clone(),
        styler: Styler::new(Arc::clone(&theme)),
        queries,
    }
}

fn render_all(renderer: &mut Renderer, sheet: &Sheet, scale: f32) -> Vec<(u32, u32)> {
    sheet
        .queries
        .iter()
        .map(|(query, size)| {
            let scene = Scene {
                size: *size,
                scale,
                margin: 4.0,
                ..Scene::new(query)
            };
            let rendered = renderer
                .render(&sheet.styler, &sheet.palette, &scene)
                .unwrap();
            (rendered.pixmap.width(), rendered.pixmap.height())
        })
        .collect()
}

/// The floor: the same pixmaps, allocated and filled with one rectangle.
fn fill_all(sizes: &[(u32, u32)]) -> usize {
    let mut paint = Paint::default();
    paint.set_color_rgba8(61, 174, 233, 255);
    sizes
        .iter()
        .map(|&(w, h)| {
            let mut pixmap = Pixmap::new(w, h).unwrap();
            let rect = Rect::from_xywh(0.0, 0.0, w as f32, h as f32).unwrap();
            pixmap.fill_rect(rect, &paint, Transform::identity(), None);
            pixmap.data()[0] as usize
        })
        .sum()
}

/// A second reference: one antialiased rounded rectangle per pixmap, the
/// cheapest shape a control draws (what tiny-skia's path filling costs).
fn rounded_all(sizes: &[(u32, u32)]) -> usize {
    let mut paint = Paint::default();
    paint.set_color_rgba8(61, 174, 233, 255);
    paint.anti_alias = true;
    sizes
        .iter()
        .map(|&(w, h)| {
            let mut pixmap = Pixmap::new(w, h).unwrap();
            let rect = Rect::from_xywh(0.5, 0.5, w as f32 - 1.0, h as f32 - 1.0).unwrap();
            let path = rounded(rect, 3.0);
            pixmap.fill_path(
                &path,
                &paint,
                FillRule::Winding,
                Transform::identity(),
                None,
            );
            pixmap.data()[0] as usize
        })
        .sum()
}

fn rounded(rect: Rect, r: f32) -> Path {
    let mut builder = PathBuilder::new();
    let (l, t, rr, b) = (rect.left(), rect.top(), rect.right(), rect.bottom());
    builder.move_to(l + r, t);
    builder.line_to(rr - r, t);
    builder.quad_to(rr, t, rr, t + r);
    builder.line_to(rr, b - r);
    builder.quad_to(rr, b, rr - r, b);
    builder.line_to(l + r, b);
    builder.quad_to(l, b, l, b - r);
    builder.line_to(l, t + r);
    builder.quad_to(l, t, l + r, t);
    builder.close();
    builder.finish().unwrap()
}

fn benches(c: &mut Criterion) {
    let sheet = sheet();
    let fonts = Fonts::deterministic().expect("fonts-dejavu-core is installed");
    let mut renderer = Renderer::new(
        fonts,
        Images::with_fallback(vec![root().join("themes/icons")]),
    );
    let mut group = c.benchmark_group("controls-sheet");
    let mut summary = Vec::new();
    for scale in [1.0_f32, 2.0] {
        let sizes = render_all(&mut renderer, &sheet, scale);
        group.bench_function(format!("fill-rect-floor@{scale}x"), |b| {
            b.iter(|| black_box(fill_all(&sizes)));
        });
        group.bench_function(format!("union-skia@{scale}x"), |b| {
            b.iter(|| black_box(render_all(&mut renderer, &sheet, scale)));
        });
        // Every control styled and laid out again, as on a first frame.
        group.bench_function(format!("union-skia-relayout@{scale}x"), |b| {
            b.iter(|| {
                renderer.forget_layouts();
                black_box(render_all(&mut renderer, &sheet, scale))
            });
        });
        let time = |f: &mut dyn FnMut()| {
            let mut best = f64::MAX;
            for _ in 0..5 {
                let start = Instant::now();
                for _ in 0..10 {
                    f();
                }
                best = best.min(start.elapsed().as_secs_f64() * 1e6 / 10.0);
            }
            best
        };
        let floor = time(&mut || {
            black_box(fill_all(&sizes));
        });
        let render = time(&mut || {
            black_box(render_all(&mut renderer, &sheet, scale));
        });
        let rounded = time(&mut || {
            black_box(rounded_all(&sizes));
        });
        let relayout = time(&mut || {
            renderer.forget_layouts();
            black_box(render_all(&mut renderer, &sheet, scale));
        });
        let pixels: u64 = sizes.iter().map(|&(w, h)| u64::from(w * h)).sum();
        summary.push((scale, pixels, floor, rounded, render, relayout));
    }
    group.finish();
    println!("\ncontrols sheet summary: {SHEET} Breeze controls");
    for (scale, pixels, floor, rounded, render, relayout) in summary {
        println!(
            "  {scale}x: {pixels} px; fill_rect floor {floor:>7.1} µs; one rounded rect each {rounded:>7.1} µs ({:.2}x the floor); union-skia {render:>7.1} µs = {:.2}x the floor (target <= 3.0x), {:.2}x one rounded rect; laid out again {relayout:>7.1} µs = {:.2}x the floor",
            rounded / floor,
            render / floor,
            render / rounded,
            relayout / floor
        );
    }
}

criterion_group!(render, benches);
criterion_main!(render);
