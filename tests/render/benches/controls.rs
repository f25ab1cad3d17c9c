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

/// Inputs of the kernel comparisons: a target like a control's cell, a
/// layer with a clear margin (a shadow or a faded part), a small icon.
struct KernelInputs {
    target: Pixmap,
    layer: Pixmap,
    icon: Pixmap,
}

fn kernel_inputs() -> KernelInputs {
    let mut paint = Paint::default();
    paint.set_color_rgba8(30, 120, 200, 180);
    paint.anti_alias = true;
    let mut target = Pixmap::new(128, 48).unwrap();
    target.fill(tiny_skia::Color::from_rgba8(250, 250, 250, 255));
    let mut layer = Pixmap::new(128, 48).unwrap();
    let inner = Rect::from_xywh(8.0, 8.0, 112.0, 32.0).unwrap();
    layer.fill_path(
        &rounded(inner, 4.0),
        &paint,
        FillRule::Winding,
        Transform::identity(),
        None,
    );
    let mut icon = Pixmap::new(16, 16).unwrap();
    icon.fill_path(
        &rounded(Rect::from_xywh(1.0, 1.0, 14.0, 14.0).unwrap(), 7.0),
        &paint,
        FillRule::Winding,
        Transform::identity(),
        None,
    );
    KernelInputs {
        target,
        layer,
        icon,
    }
}

/// Each hand-written kernel against the tiny-skia call it replaces, on the
/// same input: (name, tiny-skia µs, kernel µs).
fn kernel_lines(c: &mut Criterion) -> Vec<(&'static str, f64, f64)> {
    use union_skia::kernels;
    use union_skia::tiny_skia::{BlendMode, PixmapPaint};
    let inputs = kernel_inputs();
    let draw = |target: &mut Pixmap, source: &Pixmap, x: i32, y: i32, opacity: f32| {
        let paint = PixmapPaint {
            opacity,
            blend_mode: BlendMode::SourceOver,
            ..PixmapPaint::default()
        };
        target.draw_pixmap(x, y, source.as_ref(), &paint, Transform::identity(), None);
    };
    let mut fill = Paint::default();
    fill.set_color_rgba8(61, 174, 233, 255);
    fill.anti_alias = true;
    let rect = union_model::geometry::Rect::new(4.5, 4.5, 119.0, 39.0);
    let radii = union_model::geometry::Radii([(3.0, 3.0); 4]);
    let hole = union_model::geometry::Rect::new(5.5, 5.5, 117.0, 37.0);
    let hole_radii = union_model::geometry::Radii([(2.0, 2.0); 4]);
    let sk_rect = Rect::from_xywh(4.5, 4.5, 119.0, 39.0).unwrap();
    let ring = {
        let mut builder = PathBuilder::new();
        builder.push_path(&rounded(sk_rect, 3.0));
        builder.push_path(&rounded(
            Rect::from_xywh(5.5, 5.5, 117.0, 37.0).unwrap(),
            2.0,
        ));
        builder.finish().unwrap()
    };
    let mut group = c.benchmark_group("kernels");
    let mut lines = Vec::new();
    let mut compare = |name: &'static str,
                       tiny: &mut dyn FnMut(&mut Pixmap),
                       ours: &mut dyn FnMut(&mut Pixmap)| {
        let mut target = inputs.target.clone();
        group.bench_function(format!("{name}/tiny-skia"), |b| {
            b.iter(|| tiny(black_box(&mut target)));
        });
        group.bench_function(format!("{name}/union-skia"), |b| {
            b.iter(|| ours(black_box(&mut target)));
        });
        let time = |f: &mut dyn FnMut(&mut Pixmap)| {
            let mut target = inputs.target.clone();
            let mut best = f64::MAX;
            for _ in 0..5 {
                let start = Instant::now();
                for _ in 0..200 {
                    f(&mut target);
                }
                best = best.min(start.elapsed().as_secs_f64() * 1e6 / 200.0);
            }
            best
        };
        lines.push((name, time(tiny), time(ours)));
    };
    compare(
        "place-layer",
        &mut |t| draw(t, &inputs.layer, 0, 0, 1.0),
        &mut |t| kernels::place(t, 0, 0, inputs.layer.as_ref()),
    );
    compare(
        "place-icon",
        &mut |t| draw(t, &inputs.icon, 8, 16, 1.0),
        &mut |t| kernels::place(t, 8, 16, inputs.icon.as_ref()),
    );
    compare(
        "place-layer-faded",
        &mut |t| draw(t, &inputs.layer, 0, 0, 0.5),
        &mut |t| kernels::place_faded(t, 0, 0, inputs.layer.as_ref(), 128),
    );
    compare(
        "fill-rounded-rect",
        &mut |t| {
            t.fill_path(
                &rounded(sk_rect, 3.0),
                &fill,
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        },
        &mut |t| kernels::fill_rounded(t, rect, radii, None, [61, 174, 233, 255]),
    );
    compare(
        "fill-rounded-ring",
        &mut |t| {
            t.fill_path(&ring, &fill, FillRule::EvenOdd, Transform::identity(), None);
        },
        &mut |t| {
            kernels::fill_rounded(
                t,
                rect,
                radii,
                Some((hole, hole_radii)),
                [61, 174, 233, 255],
            );
        },
    );
    compare(
        "fade",
        &mut |t| {
            let mut faded = Pixmap::new(t.width(), t.height()).unwrap();
            draw(&mut faded, &inputs.layer, 0, 0, 0.5);
            *t = faded;
        },
        &mut |t| {
            t.data_mut().copy_from_slice(inputs.layer.data());
            kernels::fade(t, 128);
        },
    );
    group.finish();
    lines
}

fn kernels(c: &mut Criterion) {
    let lines = kernel_lines(c);
    println!(
        "\nkernels: each hand-written kernel against the tiny-skia call it replaces (best of 5 x 200)"
    );
    for (name, tiny, ours) in lines {
        let buys = (1.0 - ours / tiny) * 100.0;
        let verdict = if buys >= 10.0 {
            "keep"
        } else {
            "under 10 %: back to tiny-skia"
        };
        println!(
            "  {name:18} tiny-skia {tiny:>7.2} µs; union-skia {ours:>7.2} µs = {:.2}x, buys {buys:>5.1} % ({verdict})",
            ours / tiny
        );
    }
}

criterion_group!(render, benches, kernels);
criterion_main!(render);
