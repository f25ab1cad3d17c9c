//! The gallery's cells: one control in one state, drawn by a backend with
//! the switches the author set (scale, colour scheme, direction, touch).
//!
//! The window, the headless export and the tests all draw through here, so
//! what the window shows is what `union export` writes.

use crate::pages::{control_row, control_size};
use std::sync::Arc;
use tiny_skia::Pixmap;
use union_model::catalogue::ControlInfo;
use union_model::icons::IconLookup;
use union_model::scene::{ControlScene, SceneRequest};
use union_model::{ColorScheme, Context, Direction, FormFactor, Palette, Query, Styler, chain};
use union_skia::{Rendered, Renderer};

/// Transparent room around each cell's box (logical px) so shadows and
/// outlines show.
pub const CELL_MARGIN: f32 = 4.0;

/// The switches of the gallery.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Device pixels per logical pixel (1, 1.25, 1.5, 2).
    pub scale: f32,
    /// The colour scheme the query context asks for.
    pub scheme: ColorScheme,
    /// Text direction.
    pub direction: Direction,
    /// The touch form factor instead of the desktop one.
    pub touch: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            scale: 1.0,
            scheme: ColorScheme::Light,
            direction: Direction::Ltr,
            touch: false,
        }
    }
}

impl Settings {
    /// The scale factors offered.
    pub const SCALES: [f32; 4] = [1.0, 1.25, 1.5, 2.0];

    /// The query context these switches make.
    pub fn context(&self) -> Context {
        Context {
            direction: self.direction,
            color_scheme: self.scheme,
            form_factor: if self.touch {
                FormFactor::Touch
            } else {
                FormFactor::Desktop
            },
            ..Context::default()
        }
    }
}

/// An output that draws the gallery's cells: it builds a control's
/// [`ControlScene`] with its own measurer (its fonts, its icons) and paints
/// it. Today only tiny-skia, the pixel reference; egui, Slint and `QtQuick`
/// outputs implement this to show their renders beside it.
pub trait Backend {
    /// The name shown in the backend selector.
    fn name(&self) -> &'static str;
    /// The scene of one request, measured by this output.
    fn scene(
        &mut self,
        styler: &Styler,
        request: &SceneRequest<'_>,
    ) -> Result<Arc<ControlScene>, String>;
    /// Paints a scene at `scale` with `margin` logical px around it.
    fn paint(
        &mut self,
        scene: &Arc<ControlScene>,
        palette: &Palette,
        scale: f32,
        margin: f32,
    ) -> Result<Rendered, String>;
}

impl Backend for Renderer {
    fn name(&self) -> &'static str {
        "tiny-skia"
    }

    fn scene(
        &mut self,
        styler: &Styler,
        request: &SceneRequest<'_>,
    ) -> Result<Arc<ControlScene>, String> {
        Renderer::scene(self, styler, request).map_err(|e| e.to_string())
    }

    fn paint(
        &mut self,
        scene: &Arc<ControlScene>,
        palette: &Palette,
        scale: f32,
        margin: f32,
    ) -> Result<Rendered, String> {
        Renderer::paint(self, scene, palette, scale, margin).map_err(|e| e.to_string())
    }
}

impl Backend for union_egui::Headless {
    fn name(&self) -> &'static str {
        "egui"
    }

    fn scene(
        &mut self,
        styler: &Styler,
        request: &SceneRequest<'_>,
    ) -> Result<Arc<ControlScene>, String> {
        union_egui::Headless::scene(self, styler, request).map_err(|e| e.to_string())
    }

    fn paint(
        &mut self,
        scene: &Arc<ControlScene>,
        palette: &Palette,
        scale: f32,
        margin: f32,
    ) -> Result<Rendered, String> {
        let drawn = union_egui::Headless::paint(self, scene, palette, scale, margin);
        let canvas = drawn.canvas;
        let size = tiny_skia::IntSize::from_wh(canvas.width, canvas.height)
            .ok_or_else(|| "egui drew an empty canvas".to_owned())?;
        let pixmap = Pixmap::from_vec(canvas.pixels, size)
            .ok_or_else(|| "egui's canvas has the wrong length".to_owned())?;
        Ok(Rendered {
            pixmap,
            size: scene.size,
            scene: Arc::clone(scene),
        })
    }
}

/// The Slint output: scenes laid out with the reference's text measure
/// (Slint centres its own text in the text part) and drawn by Slint.
#[cfg(feature = "slint")]
#[derive(Debug)]
pub struct SlintBackend {
    drawer: union_slint::SceneDrawer,
    layout: Renderer,
}

#[cfg(feature = "slint")]
impl SlintBackend {
    /// Icons found with `icons`.
    ///
    /// # Errors
    /// When the reference fonts cannot be loaded.
    pub fn new(icons: IconLookup) -> Result<Self, String> {
        let fonts = union_skia::Fonts::deterministic().map_err(|e| e.to_string())?;
        Ok(SlintBackend {
            drawer: union_slint::SceneDrawer::new(icons),
            layout: Renderer::new(
                fonts,
                union_skia::Images::with_fallback(crate::themes::bundled_icon_dirs()),
            ),
        })
    }
}

#[cfg(feature = "slint")]
impl Backend for SlintBackend {
    fn name(&self) -> &'static str {
        "Slint"
    }

    fn scene(
        &mut self,
        styler: &Styler,
        request: &SceneRequest<'_>,
    ) -> Result<Arc<ControlScene>, String> {
        Renderer::scene(&mut self.layout, styler, request).map_err(|e| e.to_string())
    }

    fn paint(
        &mut self,
        scene: &Arc<ControlScene>,
        palette: &Palette,
        scale: f32,
        margin: f32,
    ) -> Result<Rendered, String> {
        let drawn = self.drawer.draw(scene, palette, scale, margin)?;
        let frame = drawn.frame;
        let size = tiny_skia::IntSize::from_wh(frame.width, frame.height)
            .ok_or_else(|| "Slint drew an empty canvas".to_owned())?;
        let pixmap = Pixmap::from_vec(frame.premultiplied(), size)
            .ok_or_else(|| "Slint's canvas has the wrong length".to_owned())?;
        Ok(Rendered {
            pixmap,
            size: scene.size,
            scene: Arc::clone(scene),
        })
    }
}

/// The outputs `union render` and `union export` draw with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum BackendName {
    /// union-skia, the pixel reference.
    Skia,
    /// union-egui, headless (epaint's meshes rasterised on the CPU).
    Egui,
    /// The `QtQuick` Controls style (not in this build yet).
    Qtquick,
    /// The Slint output (builds with the `slint` feature).
    Slint,
}

/// The backend called `name`, other than the tiny-skia reference (`None`
/// for it: the caller's own renderer draws).
///
/// # Errors
/// When this build has no such output.
pub fn backend(name: BackendName, reproducible: bool) -> Result<Option<Box<dyn Backend>>, String> {
    let icons = if reproducible {
        IconLookup::with_fallback(crate::themes::bundled_icon_dirs())
    } else {
        IconLookup::with_system_icons(crate::themes::bundled_icon_dirs())
    };
    match name {
        BackendName::Skia => Ok(None),
        BackendName::Egui => Ok(Some(Box::new(union_egui::Headless::with_icons(icons)))),
        #[cfg(feature = "slint")]
        BackendName::Slint => Ok(Some(Box::new(SlintBackend::new(icons)?))),
        #[cfg(not(feature = "slint"))]
        BackendName::Slint => Err(
            "the Slint output is not in this build (build the CLI with `--features slint`)"
                .to_owned(),
        ),
        BackendName::Qtquick => Err(format!(
            "the {name:?} output is not in this build yet (skia, egui and, with the `slint` feature, Slint are)"
        )),
    }
}

/// Every output the selector lists, and whether this build has it.
pub const BACKENDS: &[(&str, bool)] = &[
    ("tiny-skia", true),
    ("egui", true),
    ("Slint", cfg!(feature = "slint")),
    ("QtQuick", false),
];

/// One control in one state, drawn.
#[derive(Debug)]
pub struct Cell {
    /// The state's column label (`normal`, `hover`, …).
    pub state: String,
    /// The query the cell drew (its chain and context).
    pub query: Query,
    /// The drawing: its pixmap has [`CELL_MARGIN`] around the box.
    pub rendered: Rendered,
}

impl Cell {
    /// The drawn pixels.
    pub fn pixmap(&self) -> &Pixmap {
        &self.rendered.pixmap
    }
}

/// The icon the gallery gives controls that show one, as an application
/// would (a bundled fallback icon, so every machine draws the same).
pub fn sample_icon(control: &str) -> Option<&'static str> {
    matches!(
        control,
        "Button" | "ToolButton" | "TabButton" | "MenuItem" | "ItemDelegate"
    )
    .then_some("search")
}

/// `control` in its normal state and in each of its states.
pub fn render_row(
    control: &ControlInfo,
    theme: &Arc<union_model::Theme>,
    styler: &Styler,
    settings: &Settings,
    backend: &mut dyn Backend,
) -> Result<Vec<Cell>, String> {
    let context = settings.context();
    let mut cells = Vec::new();
    for (state, element) in control_row(control) {
        let query = Query::new(chain::parse_chain(&element)?, context);
        let request = SceneRequest {
            size: control_size(control.name),
            scale: settings.scale,
            icon: sample_icon(control.name),
            ..SceneRequest::new(&query)
        };
        let rendered = backend
            .scene(styler, &request)
            .and_then(|scene| backend.paint(&scene, theme.palette(), settings.scale, CELL_MARGIN))
            .map_err(|e| format!("{element}: {e}"))?;
        cells.push(Cell {
            state,
            query,
            rendered,
        });
    }
    Ok(cells)
}

/// What is under a point of a cell (logical px from the cell pixmap's
/// top-left): the deepest sub-element drawn there, else the control itself
/// when the point is in its box, else nothing. The answer is the query to
/// inspect.
pub fn hit_test(cell: &Cell, x: f32, y: f32) -> Option<Query> {
    let (x, y) = (x - CELL_MARGIN, y - CELL_MARGIN);
    if let Some(part) = cell.rendered.scene.part_at(x, y) {
        let mut chain = cell.query.chain().to_vec();
        chain.push(part.element.clone());
        return Some(Query::new(chain, *cell.query.context()));
    }
    cell.rendered
        .scene
        .rect()
        .contains(x, y)
        .then(|| cell.query.clone())
}
