//! One frame of a 60-control page (20 buttons, 20 check boxes, 10 sliders,
//! 10 progress bars), layout and tessellation included: Union widgets
//! against the same page of stock egui widgets under `apply`, in the same
//! run; and the per-frame cost of calling `apply` with an unchanged theme.
//! Ratios are printed after criterion's report.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    missing_docs,
    reason = "benchmark harness"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;
use union_model::Context;
use union_model::icons::IconLookup;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1200.0, 900.0),
        )),
        time: Some(0.0),
        ..egui::RawInput::default()
    }
}

struct Page {
    checked: Vec<bool>,
    values: Vec<f32>,
}

fn stock_page(ui: &mut egui::Ui, page: &mut Page) {
    ui.horizontal_wrapped(|ui| {
        for i in 0..20 {
            let _ = ui.button(format!("Button {i}"));
        }
        for (i, checked) in page.checked.iter_mut().enumerate() {
            ui.checkbox(checked, format!("Option {i}"));
        }
        for value in &mut page.values {
            ui.add(egui::Slider::new(value, 0.0..=1.0).show_value(false));
        }
        for value in &page.values {
            ui.add(egui::ProgressBar::new(*value).desired_width(200.0));
        }
    });
}

fn union_page(ui: &mut egui::Ui, page: &mut Page, widgets: &union_egui::Widgets) {
    ui.horizontal_wrapped(|ui| {
        for i in 0..20 {
            let _ = widgets.button(ui, &format!("Button {i}"));
        }
        for (i, checked) in page.checked.iter_mut().enumerate() {
            widgets.check_box(ui, checked, &format!("Option {i}"));
        }
        for value in &mut page.values {
            widgets.slider(ui, value, 200.0);
        }
        for value in &page.values {
            widgets.progress_bar(ui, *value, 200.0);
        }
    });
}

fn frame(ctx: &egui::Context, ui_fn: &mut dyn FnMut(&mut egui::Ui)) -> usize {
    let mut output = ctx.run_ui(input(), |ui| {
        egui::CentralPanel::default().show(ui, |ui| ui_fn(ui));
    });
    output.textures_delta.clear();
    ctx.tessellate(std::mem::take(&mut output.shapes), 1.0)
        .len()
}

fn benches(c: &mut Criterion) {
    let registry = union_themes::registry_with_cache(None);
    let theme = Arc::clone(&union_themes::load(&registry, "breeze").unwrap().theme);
    let context = Context::default();
    let widgets = union_egui::Widgets::new(
        Arc::clone(&theme),
        context,
        IconLookup::with_fallback(union_themes::bundled_icon_dirs()),
    );
    let stock_ctx = egui::Context::default();
    union_egui::apply(&stock_ctx, &theme, &context);
    let union_ctx = egui::Context::default();
    let mut page = Page {
        checked: (0..20).map(|i| i % 2 == 0).collect(),
        values: (0..10).map(|i| i as f32 / 10.0).collect(),
    };
    // Warm both up (fonts, glyphs, scenes).
    for _ in 0..3 {
        frame(&stock_ctx, &mut |ui| stock_page(ui, &mut page));
        frame(&union_ctx, &mut |ui| union_page(ui, &mut page, &widgets));
    }
    let mut group = c.benchmark_group("egui-page");
    group.bench_function("stock-widgets-under-apply", |b| {
        b.iter(|| black_box(frame(&stock_ctx, &mut |ui| stock_page(ui, &mut page))));
    });
    group.bench_function("union-widgets", |b| {
        b.iter(|| {
            black_box(frame(&union_ctx, &mut |ui| {
                union_page(ui, &mut page, &widgets);
            }))
        });
    });
    group.bench_function("apply-unchanged", |b| {
        b.iter(|| black_box(union_egui::apply(&stock_ctx, &theme, &context)));
    });
    group.finish();

    let time = |f: &mut dyn FnMut()| {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let start = Instant::now();
            for _ in 0..20 {
                f();
            }
            best = best.min(start.elapsed().as_secs_f64() * 1e6 / 20.0);
        }
        best
    };
    let stock = time(&mut || {
        black_box(frame(&stock_ctx, &mut |ui| stock_page(ui, &mut page)));
    });
    let union = time(&mut || {
        black_box(frame(&union_ctx, &mut |ui| {
            union_page(ui, &mut page, &widgets);
        }));
    });
    let apply = time(&mut || {
        black_box(union_egui::apply(&stock_ctx, &theme, &context));
    });
    println!(
        "\negui page of 60 controls (best of 5 x 20): stock widgets under apply {stock:.1} µs; Union widgets {union:.1} µs = {:.2}x (target <= 2.0x); apply with the theme unchanged {apply:.2} µs = {:.3} % of a stock frame",
        union / stock,
        apply / stock * 100.0
    );
}

criterion_group!(page, benches);
criterion_main!(page);
