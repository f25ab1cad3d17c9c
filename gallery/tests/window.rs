//! The real window: `union gallery` on an Xvfb X server (Mesa's software
//! OpenGL), screenshot with `xwd`. The test command installs both
//! (`xvfb`, `x11-apps`, Mesa).
//!
//! The window must show the same pixels `union export` draws: each cell of
//! the Buttons page, drawn by the library over the theme's window
//! background, is searched for in the screenshot. Then the theme is edited
//! on disk: a good edit shows up by itself, and a broken edit keeps the
//! last good theme on show and lists its errors.

#![cfg(feature = "window")]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tiny_skia::{Color, Pixmap, PixmapPaint, Transform};
use union_gallery::cells::{Backend, Settings, render_row};
use union_gallery::themes::registry_with_cache;
use union_model::values::{ColorRole, ColorSet};
use union_model::{Styler, Theme, catalogue};
use union_skia::{Fonts, Images, Renderer};
use union_test_support::{TempFolder, xwd};

/// OpenGL through Mesa may round a channel differently from tiny-skia.
const PER_CHANNEL: u8 = 3;
/// The first frame of a debug build under software GL can take a while.
const PATIENCE: Duration = Duration::from_secs(90);

/// A process killed when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts Xvfb on a free display at 96 dpi (winit scales by the server's
/// dpi: at 96 one logical px is one pixel).
fn start_xvfb() -> (Running, String) {
    let child = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", "1280x900x24"])
        .args(["-dpi", "96", "-nolisten", "tcp", "-noreset"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start Xvfb ({e}): install xvfb (scripts/test does)"));
    let mut running = Running(child);
    let mut line = String::new();
    if let Some(out) = running.0.stdout.take() {
        let _ = BufReader::new(out).read_line(&mut line);
    }
    let number = line.trim();
    assert!(
        !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()),
        "Xvfb did not say which display it took: {line:?}"
    );
    (running, format!(":{number}"))
}

fn screenshot(display: &str) -> Pixmap {
    let output = Command::new("xwd")
        .args(["-root", "-silent", "-display", display])
        .output()
        .unwrap_or_else(|e| panic!("cannot run xwd ({e}): install x11-apps (scripts/test does)"));
    assert!(output.status.success(), "xwd failed: {:?}", output.status);
    xwd::read(&output.stdout).unwrap_or_else(|e| panic!("{e}"))
}

fn keep(shot: &Pixmap, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/window-test");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{name}.png"));
    let _ = shot.save_png(&path);
    path
}

/// The cells of `controls` in `theme`, each over the theme's window
/// background as the window shows them.
fn expected_cells(theme: &Arc<Theme>, controls: &[&str]) -> Vec<(String, Pixmap)> {
    let styler = Styler::new(Arc::clone(theme));
    let mut renderer = Renderer::new(
        Fonts::deterministic().unwrap_or_else(|e| panic!("{e} (install fonts-dejavu-core)")),
        Images::with_fallback(union_gallery::render::bundled_icon_dirs()),
    );
    let [r, g, b, a] = theme
        .palette()
        .role(ColorSet::Window, ColorRole::BackgroundNormal)
        .to_rgba8();
    let mut cells = Vec::new();
    for name in controls {
        let control = catalogue::control(name).unwrap_or_else(|| panic!("{name}"));
        let backend: &mut dyn Backend = &mut renderer;
        let row = render_row(control, theme, &styler, &Settings::default(), backend)
            .unwrap_or_else(|e| panic!("{e}"));
        for cell in row {
            let drawn = cell.pixmap();
            let mut over = Pixmap::new(drawn.width(), drawn.height())
                .unwrap_or_else(|| panic!("{name}: empty cell"));
            over.fill(Color::from_rgba8(r, g, b, a));
            over.draw_pixmap(
                0,
                0,
                drawn.as_ref(),
                &PixmapPaint::default(),
                Transform::identity(),
                None,
            );
            cells.push((format!("{name} {}", cell.state), over));
        }
    }
    cells
}

fn load(path: &Path) -> Arc<Theme> {
    let loaded = registry_with_cache(None)
        .load_path(path)
        .unwrap_or_else(|e| panic!("{e}"));
    Arc::clone(&loaded.theme)
}

/// Screenshots until `done` holds for one, or gives up with the last one
/// kept for a human to look at.
fn wait_for(display: &str, what: &str, done: impl Fn(&Pixmap) -> bool) -> Pixmap {
    let start = Instant::now();
    loop {
        let shot = screenshot(display);
        if done(&shot) {
            return shot;
        }
        if start.elapsed() > PATIENCE {
            let path = keep(&shot, "timed-out");
            panic!(
                "{what}: not seen within {PATIENCE:?}; last screenshot {}",
                path.display()
            );
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

fn missing<'a>(shot: &Pixmap, cells: &'a [(String, Pixmap)]) -> Vec<&'a str> {
    cells
        .iter()
        .filter(|(_, cell)| xwd::find(shot, cell, PER_CHANNEL).is_none())
        .map(|(name, _)| name.as_str())
        .collect()
}

/// Pixels in the error red the window lists a broken edit's problems in.
fn red_pixels(shot: &Pixmap) -> usize {
    shot.data()
        .chunks_exact(4)
        .filter(|p| p[0].abs_diff(218) <= 8 && p[1].abs_diff(68) <= 8 && p[2].abs_diff(83) <= 8)
        .count()
}

#[test]
fn the_window_shows_the_rendered_page_and_follows_edits() {
    let folder = TempFolder::new("gallery-window");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../themes/breeze");
    for entry in std::fs::read_dir(&bundled).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        folder.write(&format!("theme/{name}"), &text);
    }
    let style = folder.path().join("theme/style.css");
    let buttons = folder.path().join("theme/buttons.css");
    let original = std::fs::read_to_string(&buttons).unwrap_or_else(|e| panic!("{e}"));

    let (_xvfb, display) = start_xvfb();
    let _gallery = Running(
        Command::new(env!("CARGO_BIN_EXE_union"))
            .args(["gallery", "--page", "buttons", "--theme"])
            .arg(&style)
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_CACHE_HOME", folder.path().join("cache"))
            .env("XDG_RUNTIME_DIR", folder.path())
            .env("UNION_NO_CACHE", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start union gallery: {e}")),
    );

    // 1. The Buttons page shows exactly what the renderer draws.
    let controls = ["Button", "ToolButton"];
    let first = expected_cells(&load(&style), &controls);
    let shot = wait_for(&display, "the Buttons page", |shot| {
        missing(shot, &first).is_empty()
    });
    keep(&shot, "1-loaded");
    let red_before = red_pixels(&shot);

    // 2. A good edit is drawn without a restart.
    let green = format!("{original}\nWindow > Button {{ background-color: #20c020; }}\n");
    std::fs::write(&buttons, green).unwrap_or_else(|e| panic!("{e}"));
    let edited = expected_cells(&load(&style), &["Button"]);
    assert!(
        !missing(&shot, &edited).is_empty(),
        "the edit changes how a button looks"
    );
    let shot = wait_for(&display, "the edited button", |shot| {
        missing(shot, &edited).is_empty()
    });
    keep(&shot, "2-edited");

    // 3. A broken edit: the last good theme stays, the errors are listed.
    let broken = format!(
        "{original}\nWindow > Button {{ background-color: #2020c0; }}\nButton {{ no-such-property: 1px; }}\n"
    );
    std::fs::write(&buttons, broken).unwrap_or_else(|e| panic!("{e}"));
    let shot = wait_for(&display, "the broken edit's errors", |shot| {
        red_pixels(shot) > red_before + 40
    });
    let path = keep(&shot, "3-broken-edit");
    assert_eq!(
        missing(&shot, &edited),
        Vec::<&str>::new(),
        "the last good theme is still on show ({})",
        path.display()
    );
}
