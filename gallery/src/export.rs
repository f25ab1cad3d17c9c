//! `union export`: every gallery page rendered headless into one contact
//! sheet — a labelled row per control, a column per state.

#![allow(
    clippy::print_stderr,
    reason = "the command reports progress and diagnostics on stderr"
)]

use crate::cells::{Backend, BackendName, Settings, backend, render_row};
use crate::render::bundled_icon_dirs;
use crate::themes;
use std::path::PathBuf;
use tiny_skia::{Pixmap, PixmapPaint, Transform};
use union_model::values::{ColorRole, ColorSet};
use union_model::{ColorScheme, Styler, catalogue};
use union_skia::{Fonts, Images, Renderer, TextStyle};

/// Arguments of `union export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The theme (a path or a name).
    #[arg(long, default_value = "breeze")]
    pub theme: String,
    /// The contact sheet to write (PNG).
    #[arg(long)]
    pub out: PathBuf,
    /// Device pixels per logical pixel.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// The colour scheme the query context asks for.
    #[arg(long, value_parser = ["light", "dark"], default_value = "light")]
    pub scheme: String,
    /// Use only the bundled icons, never the machine's icon themes, so the
    /// sheet is the same on every machine.
    #[arg(long)]
    pub reproducible: bool,
    /// The output that draws the cells (labels are drawn by tiny-skia).
    #[arg(long, value_enum, default_value_t = BackendName::Skia)]
    pub backend: BackendName,
}

/// Room between cells and around the sheet, logical px.
const GAP: f32 = 12.0;

/// Runs `union export`.
pub fn run(args: &ExportArgs) -> Result<(), String> {
    crate::render::check_png_name(&args.out)?;
    let scale = args.scale;
    if !(scale.is_finite() && scale > 0.0 && scale <= 4.0) {
        return Err("--scale must be above 0 and at most 4".to_owned());
    }
    let registry = themes::registry();
    let loaded = themes::load(&registry, &args.theme).map_err(|e| themes::explain(&e))?;
    for diagnostic in &loaded.diagnostics {
        eprintln!("{diagnostic}");
    }
    let settings = Settings {
        scale,
        scheme: if args.scheme == "dark" {
            ColorScheme::Dark
        } else {
            ColorScheme::Light
        },
        ..Settings::default()
    };
    let images = if args.reproducible {
        Images::with_fallback(bundled_icon_dirs())
    } else {
        Images::with_system_icons(bundled_icon_dirs())
    };
    let mut renderer = Renderer::new(Fonts::deterministic()?, images);
    let mut other = backend(args.backend, args.reproducible)?;
    let started = std::time::Instant::now();
    let sheet = contact_sheet(
        &loaded.theme,
        &settings,
        &mut renderer,
        other.as_deref_mut().map(|b| b as &mut dyn Backend),
        &mut |index, name| {
            // Quiet unless slow: progress once drawing takes a while.
            if started.elapsed() > std::time::Duration::from_secs(2) {
                eprintln!("[{}/{}] {name}", index + 1, catalogue::CONTROLS.len());
            }
        },
    )?;
    sheet
        .save_png(&args.out)
        .map_err(|e| format!("{}: cannot write: {e}", args.out.display()))?;
    eprintln!(
        "{}: {} controls, {}×{} pixels",
        args.out.display(),
        catalogue::CONTROLS.len(),
        sheet.width(),
        sheet.height()
    );
    Ok(())
}

/// Every control of the catalogue in every state, drawn by `cells` (else
/// by `renderer`) into one sheet: a labelled row per control, a column per
/// state, on the theme's window background, labels drawn by `renderer`.
/// `progress` hears of each control as it is drawn.
pub fn contact_sheet(
    theme: &std::sync::Arc<union_model::Theme>,
    settings: &Settings,
    renderer: &mut Renderer,
    mut cells: Option<&mut dyn Backend>,
    progress: &mut dyn FnMut(usize, &str),
) -> Result<Pixmap, String> {
    let scale = settings.scale;
    let palette = theme.palette();
    let styler = Styler::new(std::sync::Arc::clone(theme));
    let label_style = TextStyle {
        weight: 700.0,
        ..TextStyle::of(&union_model::Style::default())
    };
    let note_style = TextStyle::of(&union_model::Style::default());

    // Render every cell first: the grid's column widths depend on all of them.
    let mut rows = Vec::new();
    for (index, control) in catalogue::CONTROLS.iter().enumerate() {
        progress(index, control.name);
        let backend: &mut dyn Backend = match cells.as_deref_mut() {
            Some(backend) => backend,
            None => renderer,
        };
        let cells = render_row(control, theme, &styler, settings, backend)?
            .into_iter()
            .map(|cell| (cell.state, cell.rendered.pixmap))
            .collect::<Vec<_>>();
        rows.push((control.name, cells));
    }
    let label_width = 120.0 * scale;
    let columns = rows.iter().map(|(_, c)| c.len()).max().unwrap_or(1);
    let cell_width = rows
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|(_, p)| p.width() as f32))
        .fold(0.0_f32, f32::max)
        .max(90.0 * scale);
    let gap = GAP * scale;
    let caption = 16.0 * scale;
    let heights: Vec<f32> = rows
        .iter()
        .map(|(_, cells)| {
            cells
                .iter()
                .map(|(_, p)| p.height() as f32)
                .fold(0.0, f32::max)
                + caption
                + gap
        })
        .collect();
    let width = gap + label_width + columns as f32 * (cell_width + gap);
    let height = gap + heights.iter().sum::<f32>();
    let mut sheet = Pixmap::new(width.ceil() as u32, height.ceil() as u32)
        .ok_or_else(|| format!("a {width}×{height} sheet is too large"))?;
    let background = palette.role(ColorSet::Window, ColorRole::BackgroundNormal);
    let foreground = palette.role(ColorSet::Window, ColorRole::ForegroundNormal);
    let faint = foreground.mix(background, 0.4);
    let [r, g, b, a] = background.to_rgba8();
    sheet.fill(tiny_skia::Color::from_rgba8(r, g, b, a));
    let mut y = gap;
    for ((name, cells), row_height) in rows.iter().zip(&heights) {
        let label = renderer.fonts.layout(name, &label_style, None, scale);
        renderer
            .fonts
            .draw(&mut sheet, &label, gap, y + caption, foreground);
        for (column, (state, pixmap)) in cells.iter().enumerate() {
            let x = gap + label_width + column as f32 * (cell_width + gap);
            let note = renderer.fonts.layout(state, &note_style, None, scale);
            renderer.fonts.draw(&mut sheet, &note, x, y, faint);
            sheet.draw_pixmap(
                x as i32,
                (y + caption) as i32,
                pixmap.as_ref(),
                &PixmapPaint::default(),
                Transform::identity(),
                None,
            );
        }
        y += row_height;
    }
    Ok(sheet)
}
