//! `union plasma-frame`: one frame of a Plasma theme, drawn as libplasma's
//! `FrameSvg` draws it, and its metrics — for theme authors debugging
//! frames.

#![allow(
    clippy::print_stdout,
    reason = "the command prints its report on stdout"
)]

use std::path::PathBuf;
use union_input_plasma::{PlasmaTheme, Variant, frame_report};

/// Arguments of `union plasma-frame`.
#[derive(Debug, clap::Args)]
pub struct PlasmaFrameArgs {
    /// The theme: a name (`breeze-dark`) or a theme folder.
    #[arg(long)]
    pub theme: String,
    /// More folders holding themes, searched before the XDG ones.
    #[arg(long)]
    pub theme_dir: Vec<PathBuf>,
    /// The image, relative to the theme (`widgets/button`).
    #[arg(long)]
    pub image: String,
    /// The frame prefix (`normal`, `pressed`…); empty for none.
    #[arg(long, default_value = "")]
    pub prefix: String,
    /// Frame size in logical px, `WxH`.
    #[arg(long)]
    pub size: String,
    /// Device pixels per logical pixel.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// Which variant of the theme's images to prefer.
    #[arg(long, value_parser = ["normal", "opaque", "translucent"], default_value = "normal")]
    pub variant: String,
    /// The PNG to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Print the frame's prefix, margins, insets, file and fallbacks as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `union plasma-frame`.
pub fn run(args: &PlasmaFrameArgs) -> Result<(), String> {
    if !(args.scale.is_finite() && args.scale > 0.0 && args.scale <= 8.0) {
        return Err("--scale must be above 0 and at most 8".to_owned());
    }
    crate::render::check_png_name(&args.out)?;
    let size = crate::render::parse_size(&args.size)?;
    let mut search = args.theme_dir.clone();
    search.extend(crate::themes::plasma_dirs());
    // `plasma:NAME`, as every other command takes it, or NAME or a folder.
    let name = args.theme.strip_prefix("plasma:").unwrap_or(&args.theme);
    let theme = PlasmaTheme::open(name, &search)?;
    let variant = match args.variant.as_str() {
        "opaque" => Variant::Opaque,
        "translucent" => Variant::Translucent,
        _ => Variant::Normal,
    };
    let (pixmap, report) =
        frame_report(&theme, &args.image, &args.prefix, variant, size, args.scale)?;
    if args.json {
        println!("{}", report.to_json());
    }
    match pixmap {
        Some(pixmap) => pixmap
            .save_png(&args.out)
            .map_err(|e| format!("{}: cannot write: {e}", args.out.display())),
        None if args.json => Ok(()),
        None => Err(format!(
            "{}: no frame {:?} in {}",
            args.image, args.prefix, report.file
        )),
    }
}
