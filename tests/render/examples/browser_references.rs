//! Draws the reference images of `cases/browser.toml` with headless
//! Chromium into `snapshots/chromium/`. Run through
//! `scripts/browser-references`, which installs Debian's `chromium` first.

#![allow(clippy::print_stderr, reason = "a developer tool")]

use std::path::Path;
use union_render_tests::{browser_cases, draw_with_chromium};

fn main() -> Result<(), String> {
    let browser = std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".to_owned());
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots/chromium");
    let pages = std::env::temp_dir().join(format!("union-browser-pages-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&pages).map_err(|e| e.to_string())?;
    for case in browser_cases() {
        let out = out_dir.join(case.file_name());
        draw_with_chromium(&browser, &case, &pages, &out)?;
        eprintln!("{}", out.display());
    }
    let _ = std::fs::remove_dir_all(&pages);
    Ok(())
}
