//! Both ways into a Union theme from an egui app, side by side, following
//! the theme's files as you edit them:
//!
//! ```sh
//! cargo run -p union-egui --example themed -- [THEME]   # default: breeze
//! ```
//!
//! Left: stock egui widgets under [`union_egui::apply`] (one line).
//! Right: Union widgets ([`union_egui::Widgets`]), each a control scene
//! painted at full fidelity. Below: what `apply` could not express, and
//! the theme's problems when an edit is broken (the last good theme stays).

#![allow(
    clippy::print_stderr,
    missing_docs,
    reason = "an example reports a start-up failure"
)]

use std::sync::Arc;
use union_model::icons::IconLookup;
use union_themes::live::{LiveTheme, Status, Watcher};

struct Example {
    live: LiveTheme,
    watcher: Option<Watcher>,
    widgets: union_egui::Widgets,
    context: union_model::Context,
    capabilities: union_egui::Capabilities,
    checked: bool,
    on: bool,
    value: f32,
    text: String,
    tab: usize,
}

impl Example {
    fn restyle(&mut self, ctx: &egui::Context) {
        let theme = Arc::clone(self.live.theme());
        self.capabilities = union_egui::apply(ctx, &theme, &self.context);
        self.widgets.set_theme(theme);
    }
}

impl eframe::App for Example {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if let Some(watcher) = &mut self.watcher
            && watcher.poll(&mut self.live)
        {
            self.restyle(ctx);
        }
        // A theme that did not change costs nothing here.
        self.capabilities = union_egui::apply(ctx, self.live.theme(), &self.context);
        ctx.request_repaint_after(std::time::Duration::from_millis(250));
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| self.page(ui));
    }
}

impl Example {
    fn page(&mut self, ui: &mut egui::Ui) {
        ui.columns(2, |columns| {
            let stock = &mut columns[0];
            stock.heading("egui widgets under apply()");
            let _ = stock.button("Button");
            stock.checkbox(&mut self.checked, "Check box");
            stock.add(egui::Slider::new(&mut self.value, 0.0..=1.0));
            stock.text_edit_singleline(&mut self.text);
            stock.add(egui::ProgressBar::new(self.value));
            let union = &mut columns[1];
            union.heading("Union widgets");
            let widgets = &self.widgets;
            let _ = widgets.button(union, "Button");
            widgets.check_box(union, &mut self.checked, "Check box");
            widgets.switch(union, &mut self.on, "Switch");
            widgets.slider(union, &mut self.value, 200.0);
            widgets.progress_bar(union, self.value, 200.0);
            union.horizontal(|row| {
                for (i, name) in ["One", "Two", "Three"].iter().enumerate() {
                    if widgets.tab_button(row, self.tab == i, name).clicked() {
                        self.tab = i;
                    }
                }
            });
        });
        ui.separator();
        if let Status::Broken(problems) = self.live.status() {
            ui.colored_label(
                ui.visuals().error_fg_color,
                "The last edit is broken; showing the last good theme:",
            );
            for problem in problems {
                ui.monospace(problem.to_string());
            }
        }
        ui.collapsing("What egui's Style cannot express", |ui| {
            for gap in &self.capabilities.gaps {
                ui.label(gap.to_string());
            }
            for gap in self.widgets.gaps() {
                ui.label(format!("(widgets) {gap}"));
            }
        });
    }
}

fn main() -> eframe::Result {
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| union_themes::DEFAULT_THEME.to_owned());
    let registry = Arc::new(union_themes::registry());
    let live = match LiveTheme::open(registry, &name) {
        Ok(live) => live,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(2);
        }
    };
    let watcher = Watcher::start(&live).ok();
    let context = union_model::Context::default();
    let widgets = union_egui::Widgets::new(
        Arc::clone(live.theme()),
        context,
        IconLookup::with_system_icons(union_themes::bundled_icon_dirs()),
    );
    let example = Example {
        live,
        watcher,
        widgets,
        context,
        capabilities: union_egui::Capabilities::default(),
        checked: true,
        on: false,
        value: 0.4,
        text: "Text".to_owned(),
        tab: 0,
    };
    eframe::run_native(
        "Union for egui",
        eframe::NativeOptions::default(),
        Box::new(|_| Ok(Box::new(example))),
    )
}
