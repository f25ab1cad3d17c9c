//! The gallery window's state and its frame-by-frame drawing.

use crate::cells::{Backend, Cell, Settings, hit_test, render_row};
use crate::inspect::{Inspection, inspect};
use crate::live::{LiveTheme, Status, Watcher};
use crate::pages::{Page, pages};
use crate::render::bundled_icon_dirs;
use crate::themes::{self, ThemeEntry};
use eframe::egui::{self, Color32, Rect, Sense, TextureHandle, TextureOptions};
use eframe::emath::GuiRounding as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use union_model::values::{ColorRole, ColorSet};
use union_model::{Styler, ThemeRegistry, catalogue};
use union_skia::{Fonts, Images, Renderer};

/// How often the window looks for finished background reloads.
const POLL: Duration = Duration::from_millis(200);

/// A drawn cell and its texture.
struct CellView {
    cell: Cell,
    texture: TextureHandle,
}

/// A control's row on the page on show.
struct RowView {
    control: &'static str,
    /// The output that drew the row ("tiny-skia", "egui").
    backend: &'static str,
    cells: Result<Vec<CellView>, String>,
}

/// What the page on show was drawn from: when any of it changes, the page
/// is drawn again.
#[derive(Clone, PartialEq)]
struct DrawnFrom {
    reloads: u64,
    theme: usize,
    settings: Settings,
    page: usize,
    backends: Vec<bool>,
}

/// The gallery window.
pub(super) struct Gallery {
    registry: Arc<ThemeRegistry>,
    pub(super) live: LiveTheme,
    watcher: Result<Watcher, String>,
    styler: Styler,
    renderer: Renderer,
    /// The egui output, drawing headless beside the reference.
    egui: union_egui::Headless,
    /// The Slint output, drawing headless beside the reference (`None`
    /// when it could not start: the row says so).
    #[cfg(feature = "slint")]
    slint: Option<crate::cells::SlintBackend>,
    pub(super) settings: Settings,
    pages: Vec<Page>,
    page: usize,
    rows: Vec<RowView>,
    drawn_from: Option<DrawnFrom>,
    /// Bumped when another theme is opened.
    theme_serial: usize,
    pub(super) inspection: Option<Inspection>,
    /// The element the inspector shows.
    inspected_query: Option<union_model::Query>,
    /// (row, column) of the inspected cell.
    inspected: Option<(usize, usize)>,
    pub(super) selected_diagnostic: Option<usize>,
    pub(super) themes: Vec<ThemeEntry>,
    pub(super) open_path: String,
    pub(super) message: Option<String>,
    /// Which outputs of [`crate::cells::BACKENDS`] are shown.
    pub(super) backends: Vec<bool>,
}

impl Gallery {
    /// Loads `theme` and prepares the window's state (no window yet).
    pub(super) fn open(
        theme: &str,
        settings: Settings,
        page: Option<&str>,
    ) -> Result<Self, String> {
        let registry = Arc::new(themes::registry());
        let live = LiveTheme::open(Arc::clone(&registry), theme).map_err(|e| e.to_string())?;
        let watcher = Watcher::start(&live);
        let styler = Styler::new(Arc::clone(live.theme()));
        let renderer = Renderer::new(
            Fonts::deterministic()?,
            Images::with_system_icons(bundled_icon_dirs()),
        );
        let pages = pages();
        let page = match page {
            Some(wanted) => pages
                .iter()
                .position(|p| p.title.eq_ignore_ascii_case(wanted))
                .ok_or_else(|| {
                    let titles: Vec<&str> = pages.iter().map(|p| p.title).collect();
                    format!("no page called {wanted:?}; the pages are {titles:?}")
                })?,
            None => 0,
        };
        Ok(Gallery {
            registry,
            live,
            watcher,
            styler,
            renderer,
            egui: union_egui::Headless::with_icons(
                union_model::icons::IconLookup::with_system_icons(bundled_icon_dirs()),
            ),
            #[cfg(feature = "slint")]
            slint: crate::cells::SlintBackend::new(
                union_model::icons::IconLookup::with_system_icons(bundled_icon_dirs()),
            )
            .ok(),
            settings,
            pages,
            page,
            rows: Vec::new(),
            drawn_from: None,
            theme_serial: 0,
            inspection: None,
            inspected_query: None,
            inspected: None,
            selected_diagnostic: None,
            themes: themes::list(&themes::search_dirs(), &themes::plasma_dirs()),
            open_path: String::new(),
            message: None,
            // The reference on show; other outputs at a click.
            backends: crate::cells::BACKENDS
                .iter()
                .map(|(name, _)| *name == "tiny-skia")
                .collect(),
        })
    }

    /// The window title: the theme and whether its files loaded.
    pub(super) fn title(&self) -> String {
        let broken = match self.live.status() {
            Status::Current => "",
            Status::Broken(_) => " — last edit broken",
        };
        format!("Union gallery — {}{broken}", self.live.theme().name())
    }

    /// Opens another theme; on failure the current one stays.
    pub(super) fn switch_theme(&mut self, theme: &str) {
        match LiveTheme::open(Arc::clone(&self.registry), theme) {
            Ok(live) => {
                self.watcher = Watcher::start(&live);
                self.live = live;
                self.theme_serial += 1;
                self.inspection = None;
                self.inspected_query = None;
                self.inspected = None;
                self.selected_diagnostic = None;
                self.message = None;
            }
            Err(error) => self.message = Some(format!("{theme}: {error}")),
        }
    }

    /// Draws the page on show again if anything it depends on changed.
    fn refresh(&mut self, ctx: &egui::Context) {
        let now = DrawnFrom {
            reloads: self.live.reloads(),
            theme: self.theme_serial,
            settings: self.settings,
            page: self.page,
            backends: self.backends.clone(),
        };
        if self.drawn_from.as_ref() == Some(&now) {
            return;
        }
        self.styler.set_theme(Arc::clone(self.live.theme()));
        let theme = Arc::clone(self.live.theme());
        let mut rows = Vec::new();
        let controls = self.pages.get(self.page).map_or(&[][..], |p| &p.controls);
        for (index, name) in controls.iter().enumerate() {
            let Some(control) = catalogue::control(name) else {
                continue;
            };
            // A row per output shown: each draws the same scenes.
            let shown: Vec<&'static str> = crate::cells::BACKENDS
                .iter()
                .zip(&self.backends)
                .filter(|((_, available), on)| *available && **on)
                .map(|((name, _), _)| *name)
                .collect();
            for output in shown {
                let backend: &mut dyn Backend = match output {
                    "egui" => &mut self.egui,
                    #[cfg(feature = "slint")]
                    "Slint" => match &mut self.slint {
                        Some(slint) => slint,
                        None => &mut self.renderer,
                    },
                    _ => &mut self.renderer,
                };
                let cells = render_row(control, &theme, &self.styler, &self.settings, backend).map(
                    |cells| {
                        cells
                            .into_iter()
                            .enumerate()
                            .map(|(column, cell)| {
                                let pixmap = cell.pixmap();
                                let image = egui::ColorImage::from_rgba_premultiplied(
                                    [pixmap.width() as usize, pixmap.height() as usize],
                                    pixmap.data(),
                                );
                                let texture = ctx.load_texture(
                                    format!("cell-{output}-{index}-{column}"),
                                    image,
                                    TextureOptions::NEAREST,
                                );
                                CellView { cell, texture }
                            })
                            .collect()
                    },
                );
                rows.push(RowView {
                    control: name,
                    backend: output,
                    cells,
                });
            }
        }
        self.rows = rows;
        // The inspector follows the theme and the switches.
        if let Some(query) = &self.inspected_query {
            let query = union_model::Query::new(query.chain().to_vec(), self.settings.context());
            self.inspection = Some(inspect(&self.styler, &query));
        }
        self.drawn_from = Some(now);
    }

    /// The theme's window background and text colours: the page is drawn on
    /// them, as the controls would be in an application.
    fn page_colors(&self) -> (Color32, Color32) {
        let palette = self.live.theme().palette();
        let color = |role| {
            let [r, g, b, a] = palette.role(ColorSet::Window, role).to_rgba8();
            Color32::from_rgba_unmultiplied(r, g, b, a)
        };
        (
            color(ColorRole::BackgroundNormal),
            color(ColorRole::ForegroundNormal),
        )
    }

    fn page_tabs(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for (index, page) in self.pages.iter().enumerate() {
                if ui
                    .selectable_label(self.page == index, page.title)
                    .clicked()
                {
                    self.page = index;
                    self.inspected = None;
                }
            }
        });
    }

    /// The page: a row per control, a column per state.
    fn page(&mut self, ui: &mut egui::Ui) {
        let (_, foreground) = self.page_colors();
        let faint = foreground.gamma_multiply(0.6);
        let ppp = ui.ctx().pixels_per_point();
        let scale = self.settings.scale;
        let mut clicked = None;
        egui::ScrollArea::both().show(ui, |ui| {
            egui::Grid::new("gallery-page")
                .spacing([16.0, 14.0])
                .show(ui, |ui| {
                    for (row_index, row) in self.rows.iter().enumerate() {
                        let label = if row.backend == "tiny-skia" {
                            row.control.to_owned()
                        } else {
                            format!("{} · {}", row.control, row.backend)
                        };
                        ui.label(egui::RichText::new(label).strong().color(foreground));
                        match &row.cells {
                            Err(error) => {
                                ui.colored_label(Color32::RED, error);
                            }
                            Ok(cells) => {
                                for (column, view) in cells.iter().enumerate() {
                                    ui.vertical(|ui| {
                                        ui.label(
                                            egui::RichText::new(&view.cell.state)
                                                .small()
                                                .color(faint),
                                        );
                                        let pixmap = view.cell.pixmap();
                                        let size = egui::vec2(
                                            pixmap.width() as f32 / ppp,
                                            pixmap.height() as f32 / ppp,
                                        );
                                        let (rect, response) =
                                            ui.allocate_exact_size(size, Sense::click());
                                        // Whole device pixels: one texel per pixel.
                                        let rect = Rect::from_min_size(
                                            rect.min.round_to_pixels(ppp),
                                            size,
                                        );
                                        ui.painter().image(
                                            view.texture.id(),
                                            rect,
                                            Rect::from_min_max(
                                                egui::pos2(0.0, 0.0),
                                                egui::pos2(1.0, 1.0),
                                            ),
                                            Color32::WHITE,
                                        );
                                        if self.inspected == Some((row_index, column)) {
                                            ui.painter().rect_stroke(
                                                rect.expand(2.0),
                                                2.0,
                                                egui::Stroke::new(1.5, Color32::from_rgb(61, 174, 233)),
                                                egui::StrokeKind::Outside,
                                            );
                                        }
                                        if response.clicked()
                                            && let Some(pos) = response.interact_pointer_pos()
                                        {
                                            // Logical px of the cell's drawing.
                                            let local = (pos - rect.min) * ppp / scale;
                                            clicked = Some((row_index, column, local));
                                        }
                                        response.on_hover_text(
                                            "click to inspect the control or the part under the pointer",
                                        );
                                    });
                                }
                            }
                        }
                        ui.end_row();
                    }
                });
        });
        if let Some((row, column, local)) = clicked
            && let Some(Ok(cells)) = self.rows.get(row).map(|r| &r.cells)
            && let Some(view) = cells.get(column)
            && let Some(query) = hit_test(&view.cell, local.x, local.y)
        {
            self.inspection = Some(inspect(&self.styler, &query));
            self.inspected_query = Some(query);
            self.inspected = Some((row, column));
        }
    }
}

impl eframe::App for Gallery {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let before = self.title();
        if let Ok(watcher) = &mut self.watcher {
            // A landed reload bumps `reloads`: `refresh` draws it.
            watcher.poll(&mut self.live);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.first() {
            self.switch_theme(&path.to_string_lossy());
        }
        if self.title() != before {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.title()));
        }
        self.refresh(ctx);
        // The window's own chrome follows the theme's lightness.
        let (background, _) = self.page_colors();
        let [r, g, b, _] = background.to_array();
        let light = u32::from(r) + u32::from(g) + u32::from(b) > 3 * 128;
        ctx.set_theme(if light {
            egui::Theme::Light
        } else {
            egui::Theme::Dark
        });
        ctx.request_repaint_after(POLL);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("gallery-toolbar").show(ui, |ui| {
            super::panels::toolbar(self, ui);
            self.page_tabs(ui);
        });
        if !self.live.diagnostics().is_empty() || self.message.is_some() {
            egui::Panel::bottom("gallery-diagnostics")
                .resizable(true)
                .default_size(140.0)
                .show(ui, |ui| super::panels::diagnostics(self, ui));
        }
        if self.inspection.is_some() {
            let most = (ui.available_width() * 0.6).max(240.0);
            egui::Panel::right("gallery-inspector")
                .resizable(true)
                .default_size(420.0)
                .size_range(240.0..=most)
                .show(ui, |ui| super::panels::inspector(self, ui));
        }
        let (background, _) = self.page_colors();
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(background).inner_margin(12.0))
            .show(ui, |ui| self.page(ui));
    }
}
