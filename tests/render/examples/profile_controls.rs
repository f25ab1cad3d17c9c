//! Times each control of the benchmark sheet on its own, slowest first: a
//! developer tool for finding what makes `benches/controls.rs` slow.

#![allow(clippy::unwrap_used, clippy::print_stdout, reason = "a developer tool")]

use std::sync::Arc;
use std::time::Instant;
use union_gallery::pages::control_matrix;
use union_model::{Context, Query, Styler};
use union_render_tests::{bundled_theme, root};
use union_skia::{Fonts, Images, Renderer, Scene};

fn main() {
    let theme = bundled_theme("breeze");
    let styler = Styler::new(Arc::clone(&theme));
    let mut renderer = Renderer::new(
        Fonts::deterministic().unwrap(),
        Images::with_fallback(vec![root().join("themes/icons")]),
    );
    let scale: f32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let mut times = Vec::new();
    for case in control_matrix(&["breeze"]) {
        let chain = union_model::chain::parse_chain(&case.element).unwrap();
        let query = Query::new(chain, Context::default());
        let scene = Scene {
            size: case.size,
            scale,
            margin: 4.0,
            ..Scene::new(&query)
        };
        let mut pixels = 0;
        let mut best = f64::MAX;
        for _ in 0..5 {
            let start = Instant::now();
            for _ in 0..20 {
                let r = renderer.render(&styler, theme.palette(), &scene).unwrap();
                pixels = r.pixmap.width() * r.pixmap.height();
            }
            best = best.min(start.elapsed().as_secs_f64() * 1e6 / 20.0);
        }
        times.push((best, pixels, case.name));
    }
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = times.iter().map(|t| t.0).sum();
    println!("total {total:.0} µs for {} controls", times.len());
    for (t, pixels, name) in times.iter().take(25) {
        println!(
            "{t:>8.1} µs {pixels:>7} px {:>6.1} ns/px  {name}",
            t * 1000.0 / f64::from(*pixels)
        );
    }
}
