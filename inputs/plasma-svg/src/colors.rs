//! KDE colour schemes (a Plasma theme's `colors` file, the format of
//! `kdeglobals` and `*.colors`): `[Colors:<Set>]` groups of `Role=r,g,b`.

use union_model::Palette;
use union_model::values::{ColorRole, ColorSet, Rgba};

/// A problem in a colour scheme file, with its line (from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct ColorsProblem {
    /// The line.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

fn set_named(group: &str) -> Option<ColorSet> {
    Some(match group {
        "Window" => ColorSet::Window,
        "View" => ColorSet::View,
        "Button" => ColorSet::Button,
        "Selection" => ColorSet::Selection,
        "Tooltip" => ColorSet::Tooltip,
        "Complementary" => ColorSet::Complementary,
        "Header" => ColorSet::Header,
        _ => return None,
    })
}

fn role_named(key: &str) -> Option<ColorRole> {
    Some(match key {
        "BackgroundNormal" => ColorRole::BackgroundNormal,
        "BackgroundAlternate" => ColorRole::BackgroundAlternate,
        "ForegroundNormal" => ColorRole::ForegroundNormal,
        "ForegroundInactive" => ColorRole::ForegroundInactive,
        "ForegroundActive" => ColorRole::ForegroundActive,
        "ForegroundLink" => ColorRole::ForegroundLink,
        "ForegroundVisited" => ColorRole::ForegroundVisited,
        "ForegroundNegative" => ColorRole::ForegroundNegative,
        "ForegroundNeutral" => ColorRole::ForegroundNeutral,
        "ForegroundPositive" => ColorRole::ForegroundPositive,
        "DecorationFocus" => ColorRole::DecorationFocus,
        "DecorationHover" => ColorRole::DecorationHover,
        _ => return None,
    })
}

/// `r,g,b` or `r,g,b,a` (0–255 each), or `#rrggbb`.
fn parse_color(text: &str) -> Option<Rgba> {
    let text = text.trim();
    if let Some(hex) = text.strip_prefix('#') {
        let value = u32::from_str_radix(hex, 16).ok()?;
        return (hex.len() == 6)
            .then(|| Rgba::rgb8((value >> 16) as u8, (value >> 8) as u8, value as u8));
    }
    let parts: Vec<u8> = text
        .split(',')
        .map(|p| p.trim().parse::<u8>())
        .collect::<Result<_, _>>()
        .ok()?;
    match parts.as_slice() {
        [r, g, b] => Some(Rgba::rgb8(*r, *g, *b)),
        [r, g, b, a] => {
            let [r, g, b, _] = Rgba::rgb8(*r, *g, *b).to_rgba8();
            Some(Rgba::new(
                f32::from(r) / 255.0,
                f32::from(g) / 255.0,
                f32::from(b) / 255.0,
                f32::from(*a) / 255.0,
            ))
        }
        _ => None,
    }
}

/// Reads a colour scheme over `base` (KDE fills missing roles from its
/// default scheme, Breeze Light). Unknown groups and keys are other
/// settings of the file and ignored; unreadable colours are problems.
pub fn parse_colors(text: &str, base: &Palette) -> (Palette, Vec<ColorsProblem>) {
    let mut palette = base.clone();
    let mut problems = Vec::new();
    let mut set = None;
    for (index, line) in text.lines().enumerate() {
        let line_number = index as u32 + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(group) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            set = group.strip_prefix("Colors:").and_then(set_named);
            continue;
        }
        let (Some(set), Some((key, value))) = (set, line.split_once('=')) else {
            continue;
        };
        let Some(role) = role_named(key.trim()) else {
            continue;
        };
        match parse_color(value) {
            Some(color) => palette.set(set, role, color),
            None => problems.push(ColorsProblem {
                line: line_number,
                message: format!("`{}` is not a colour (r,g,b)", value.trim()),
            }),
        }
    }
    (palette, problems)
}
