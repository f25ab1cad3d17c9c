//! `union`: check, inspect and render Union themes.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line tool reports by printing"
)]

use clap::{Parser, Subcommand};
use std::process::ExitCode;
use union_gallery::{export, inspect, render, themes};
use union_model::chain;
use union_model::scene::SceneRequest;
use union_model::{ColorScheme, Context, Direction, FormFactor, Query, Styler};

/// Check, inspect and render Union themes.
#[derive(Debug, Parser)]
#[command(name = "union", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load themes and print every diagnostic as `file:line:col: level: message`;
    /// exit 1 if any is an error, 2 if a theme cannot be loaded.
    Check {
        /// Theme paths (a .css file or a folder with style.css) or names.
        #[arg(required = true)]
        themes: Vec<String>,
    },
    /// Show what an element looks like, and which rules made it so; with
    /// `--scene`, the control's parts, where each sits and why.
    Inspect(InspectArgs),
    /// List every theme that can be loaded by name: the bundled ones, the
    /// installed CSS themes and Plasma desktop themes, with kind and folder.
    Themes {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Draw an element (a catalogue control with its parts, or any other
    /// element type as its box) into a PNG with the tiny-skia reference renderer.
    Render(render::RenderArgs),
    /// Render every control in every state into one contact sheet (the
    /// headless gallery).
    Export(export::ExportArgs),
    /// Draw one frame of a Plasma theme as libplasma would, and report its
    /// margins, insets, file and fallbacks.
    PlasmaFrame(union_gallery::plasma_frame::PlasmaFrameArgs),
    /// Open the gallery window: every control in every state, live reload,
    /// inspector.
    #[cfg(feature = "window")]
    Gallery(union_gallery::window::GalleryArgs),
}

/// Arguments of `union inspect`.
#[derive(Debug, clap::Args)]
struct InspectArgs {
    /// The theme (a path or a name).
    #[arg(long)]
    theme: String,
    /// Root-first chain: `Window > ToolBar > ToolButton.flat:hover@2/5`.
    #[arg(long)]
    element: String,
    /// Query context: `dir=ltr|rtl,scheme=light|dark,form=desktop|touch,window=active|inactive`.
    #[arg(long, default_value = "")]
    context: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Print the control's scene: every part with its element, rectangle,
    /// content and properties (text measured with the reference fonts).
    #[arg(long)]
    scene: bool,
    /// With `--scene`: border-box size `WxH` in logical px (default: implicit).
    #[arg(long, requires = "scene")]
    size: Option<String>,
    /// With `--scene`: value of range controls, 0 to 1.
    #[arg(long, default_value_t = 0.5, requires = "scene")]
    value: f32,
    /// With `--scene`: the control's text (default: the catalogue's sample).
    #[arg(long, requires = "scene")]
    text: Option<String>,
    /// With `--scene`: device pixels per logical pixel text is measured for.
    #[arg(long, default_value_t = 1.0, requires = "scene")]
    scale: f32,
}

/// Parses `--context`.
pub(crate) fn parse_context(text: &str) -> Result<Context, String> {
    let mut context = Context::default();
    for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| format!("`{pair}`: expected key=value"))?;
        match (key.trim(), value.trim()) {
            ("dir", "ltr") => context.direction = Direction::Ltr,
            ("dir", "rtl") => context.direction = Direction::Rtl,
            ("scheme", "light") => context.color_scheme = ColorScheme::Light,
            ("scheme", "dark") => context.color_scheme = ColorScheme::Dark,
            ("form", "desktop") => context.form_factor = FormFactor::Desktop,
            ("form", "touch") => context.form_factor = FormFactor::Touch,
            ("window", "active") => context.window_active = true,
            ("window", "inactive") => context.window_active = false,
            _ => {
                return Err(format!(
                    "`{pair}`: unknown context (dir=ltr|rtl, scheme=light|dark, form=desktop|touch, window=active|inactive)"
                ));
            }
        }
    }
    Ok(context)
}

/// Exit 1 when a theme has errors, 2 when one cannot be loaded at all (as
/// every other command exits when its theme is missing).
fn check(names: &[String]) -> ExitCode {
    let registry = themes::registry();
    let mut failed = false;
    let mut missing = false;
    for name in names {
        match themes::load(&registry, name) {
            Ok(loaded) => {
                for diagnostic in &loaded.diagnostics {
                    println!("{diagnostic}");
                    failed |= diagnostic.is_error();
                }
                eprintln!(
                    "{name}: {} rules, {} diagnostics",
                    loaded.theme.rules().len(),
                    loaded.diagnostics.len()
                );
            }
            Err(error) => {
                println!("error: {}", themes::explain(&error));
                missing = true;
            }
        }
    }
    if missing {
        ExitCode::from(2)
    } else if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn inspect_command(args: &InspectArgs) -> Result<(), String> {
    let chain = chain::parse_chain(&args.element)?;
    let context = parse_context(&args.context)?;
    let registry = themes::registry();
    let loaded = themes::load(&registry, &args.theme).map_err(|e| themes::explain(&e))?;
    for diagnostic in &loaded.diagnostics {
        eprintln!("{diagnostic}");
    }
    let styler = Styler::new(std::sync::Arc::clone(&loaded.theme));
    if args.scene {
        // A scene is drawn as applications show it: inside a window.
        let query = Query::new(render::in_window(chain), context);
        if !(args.value.is_finite() && (0.0..=1.0).contains(&args.value)) {
            return Err("--value must be from 0 to 1".to_owned());
        }
        if !(args.scale.is_finite() && args.scale > 0.0 && args.scale <= render::MAX_SCALE) {
            return Err(format!(
                "--scale must be above 0 and at most {}",
                render::MAX_SCALE
            ));
        }
        let request = SceneRequest {
            size: args.size.as_deref().map(render::parse_size).transpose()?,
            scale: args.scale,
            text: args.text.as_deref(),
            value: args.value,
            ..SceneRequest::new(&query)
        };
        let mut renderer = render::reference_renderer(false)?;
        let scene = renderer
            .scene(&styler, &request)
            .map_err(|e| e.to_string())?;
        if args.json {
            let report = inspect::scene_json(&loaded.theme, &query, &scene);
            println!(
                "{}",
                serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
            );
        } else {
            print!("{}", inspect::scene_text(&query, &scene));
        }
        return Ok(());
    }
    let query = Query::new(chain, context);
    let result = styler.query(&query);
    if args.json {
        let report = inspect::report_json(&loaded.theme, &query, &result);
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", inspect::report_text(&loaded.theme, &query, &result));
    }
    Ok(())
}

fn list_themes(json: bool) -> Result<(), String> {
    let found = themes::list_all();
    if json {
        let entries: Vec<serde_json::Value> = found
            .iter()
            .map(|t| {
                serde_json::json!({
                    "name": t.load_name(),
                    "kind": t.kind.name(),
                    "bundled": t.is_bundled(),
                    "path": t.path.display().to_string(),
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&entries).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    let width = found.iter().map(|t| t.load_name().len()).max().unwrap_or(0);
    for theme in &found {
        let kind = if theme.is_bundled() {
            "bundled"
        } else {
            theme.kind.name()
        };
        println!(
            "{:width$}  {kind:7}  {}",
            theme.load_name(),
            theme.path.display()
        );
    }
    eprintln!("searched:");
    for dir in themes::searched() {
        eprintln!("  {}", dir.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { themes } => check(&themes),
        Command::Inspect(args) => exit(inspect_command(&args)),
        Command::Themes { json } => exit(list_themes(json)),
        Command::Export(args) => exit(export::run(&args)),
        Command::Render(args) => exit(render::run(&args, parse_context)),
        Command::PlasmaFrame(args) => exit(union_gallery::plasma_frame::run(&args)),
        #[cfg(feature = "window")]
        Command::Gallery(args) => exit(union_gallery::window::run(&args)),
    }
}

/// Success, or the message and exit code 2.
fn exit(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
