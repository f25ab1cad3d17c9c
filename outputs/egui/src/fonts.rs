//! The theme's font in egui: a family the theme names (`font-family`),
//! found among the machine's font files, becomes the first font of egui's
//! proportional family, so text is set and measured as the theme asks.
//!
//! Files are found by name, as font packages name them: the family without
//! spaces, optionally followed by `-Regular` (`Noto Sans` →
//! `NotoSans-Regular.ttf`, `DejaVu Sans` → `DejaVuSans.ttf`), under
//! `fonts/` of `$XDG_DATA_HOME` and each of `$XDG_DATA_DIRS`, and
//! `~/.fonts`. Generic families (`sans-serif`) keep egui's own font.

use egui::{Context, FontData, FontDefinitions, FontFamily};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Largest font file read, bytes.
const MAX_FONT_FILE: u64 = 32 << 20;

/// Folders font files are looked for in.
pub fn font_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".fonts"));
    }
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")));
    dirs.extend(data_home.map(|d| d.join("fonts")));
    let system =
        std::env::var_os("XDG_DATA_DIRS").unwrap_or_else(|| "/usr/local/share:/usr/share".into());
    dirs.extend(std::env::split_paths(&system).map(|d| d.join("fonts")));
    dirs
}

/// The regular face of `family` in `dirs` (searched three levels down).
pub fn find_family(family: &str, dirs: &[PathBuf]) -> Option<PathBuf> {
    let stem: String = family
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if stem.is_empty()
        || matches!(
            stem.as_str(),
            "sans-serif" | "serif" | "monospace" | "system-ui"
        )
    {
        return None;
    }
    let wanted = [stem.clone(), format!("{stem}-regular")];
    dirs.iter().find_map(|dir| search(dir, &wanted, 3))
}

fn search(dir: &Path, wanted: &[String], depth: u32) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    let found = entries.iter().find(|path| {
        let is_font = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("ttf") || e.eq_ignore_ascii_case("otf"));
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_ascii_lowercase);
        is_font && stem.is_some_and(|s| wanted.contains(&s))
    });
    if let Some(found) = found {
        return Some(found.clone());
    }
    if depth == 0 {
        return None;
    }
    entries
        .iter()
        .filter(|p| p.is_dir())
        .find_map(|p| search(p, wanted, depth - 1))
}

/// Puts the font file at `path` first in egui's proportional family
/// (egui's own fonts stay as fallbacks). `false` when it cannot be read.
pub fn use_font_file(ctx: &Context, path: &Path) -> bool {
    let readable = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() <= MAX_FONT_FILE);
    let Some(bytes) = readable.then(|| std::fs::read(path).ok()).flatten() else {
        return false;
    };
    let name = format!("union:{}", path.display());
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert(name.clone(), Arc::new(FontData::from_owned(bytes)));
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .insert(0, name);
    ctx.set_fonts(fonts);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_are_found_by_their_file_names() {
        let root = std::env::temp_dir().join(format!("union-egui-fonts-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let dir = root.join("truetype/noto");
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        for name in [
            "NotoSans-Regular.ttf",
            "NotoSans-Bold.ttf",
            "DejaVuSans.ttf",
            "Other.txt",
        ] {
            std::fs::write(dir.join(name), b"").unwrap_or_else(|e| panic!("{e}"));
        }
        let dirs = vec![root.clone()];
        // (family, file found)
        let cases = [
            ("Noto Sans", Some("NotoSans-Regular.ttf")),
            ("noto sans", Some("NotoSans-Regular.ttf")),
            ("DejaVu Sans", Some("DejaVuSans.ttf")),
            ("Other", None),
            ("sans-serif", None),
            ("", None),
        ];
        for (family, expected) in cases {
            let found = find_family(family, &dirs);
            let name = found
                .as_ref()
                .and_then(|p| p.file_name())
                .and_then(|n| n.to_str());
            assert_eq!(name, expected, "{family:?}");
        }
        let _ = std::fs::remove_dir_all(&root);
    }
}
