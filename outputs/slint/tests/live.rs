//! The run-time way in: an application compiled with the style of a live
//! theme follows the theme's edits, keeps the last good style on a broken
//! edit, and animates the transitions the theme declares.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use slint::LogicalPosition;
use slint::platform::WindowEvent;
use std::path::{Path, PathBuf};
use std::time::Duration;
use union_slint::headless::{self, Frame, Shown};
use union_slint::live::{LiveApp, Refresh};

fn app() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/apps/settings.slint")
}

/// A copy of the bundled Breeze theme to edit.
fn breeze_copy(name: &str) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../themes/breeze");
    let to = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&to);
    std::fs::create_dir_all(&to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
    to
}

fn draw(live: &LiveApp) -> Frame {
    Shown::new(live.definition(), &[], (360, 300), 1.0)
        .unwrap()
        .frame()
        .unwrap()
}

fn pixel(frame: &Frame, x: u32, y: u32) -> [u8; 4] {
    let at = ((y * frame.width + x) * 4) as usize;
    frame.rgba[at..at + 4].try_into().unwrap()
}

#[test]
fn a_theme_edit_restyles_and_a_broken_edit_keeps_the_last_good_style() {
    let theme = breeze_copy("live-breeze");
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("live-style");
    let mut live = LiveApp::open(
        std::sync::Arc::new(union_themes::registry()),
        theme.to_str().unwrap(),
        &app(),
        None,
        &folder,
    )
    .unwrap();
    let before = draw(&live);
    // The Apply button's face, left of its label.
    let (x, y) = (216, 272);
    assert_ne!(pixel(&before, x, y)[..3], [255, 0, 0]);

    let css = theme.join("style.css");
    let good = std::fs::read_to_string(&css).unwrap();
    std::fs::write(
        &css,
        format!("{good}\nwindow > button {{ background-color: #ff0000; }}\n"),
    )
    .unwrap();
    assert_eq!(live.reload(), Refresh::Restyled);
    let red = draw(&live);
    let [r, g, b, _] = pixel(&red, x, y);
    assert!(
        r > 230 && g < 30 && b < 30,
        "the edit reached the running app: {:?}",
        [r, g, b]
    );
    assert!(
        folder.join("union/std-widgets.slint").is_file(),
        "the style folder is written"
    );

    std::fs::write(
        &css,
        format!(
            "@import \"missing.css\";\n{good}\nwindow > button {{ background-color: #00ff00; }}\n"
        ),
    )
    .unwrap();
    match live.reload() {
        Refresh::Kept(problems) => assert!(
            problems.iter().any(|p| p.contains("style.css:")),
            "the problems say where: {problems:?}"
        ),
        other => panic!("a broken edit was {other:?}"),
    }
    let kept = draw(&live);
    assert_eq!(kept.rgba, red.rgba, "the last good style stays");
    assert_eq!(live.generation(), 1);
}

#[test]
fn a_declared_transition_animates_the_change_of_state() {
    let theme = breeze_copy("live-transition");
    // Breeze's buttons declare `transition: background-color 150ms ease-out`.
    let buttons = std::fs::read_to_string(theme.join("buttons.css")).unwrap();
    assert!(buttons.contains("background-color 150ms"));
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("transition-style");
    let live = LiveApp::open(
        std::sync::Arc::new(union_themes::registry()),
        theme.to_str().unwrap(),
        &app(),
        None,
        &folder,
    )
    .unwrap();
    let shown = Shown::new(live.definition(), &[], (360, 300), 1.0).unwrap();
    let rest = shown.frame().unwrap();
    shown.dispatch(WindowEvent::PointerMoved {
        position: LogicalPosition::new(240.0, 272.0),
    });
    headless::advance_clock(Duration::from_millis(30));
    let early = shown.frame().unwrap();
    headless::advance_clock(Duration::from_millis(500));
    let hovered = shown.frame().unwrap();
    // The pixel hovering changes most (the button's border).
    let distance = |a: [u8; 4], b: [u8; 4]| -> u32 {
        a.iter().zip(b).map(|(x, y)| u32::from(x.abs_diff(y))).sum()
    };
    let (x, y) = (0..300)
        .flat_map(|y| (0..360).map(move |x| (x, y)))
        .max_by_key(|(x, y)| distance(pixel(&rest, *x, *y), pixel(&hovered, *x, *y)))
        .unwrap();
    let (rest, early, hovered) = (
        pixel(&rest, x, y),
        pixel(&early, x, y),
        pixel(&hovered, x, y),
    );
    assert!(
        distance(rest, hovered) > 60,
        "hovering changes the button: {rest:?} → {hovered:?}"
    );
    assert!(
        early != rest && early != hovered,
        "30 ms in, the face is between its two looks: {rest:?} → {early:?} → {hovered:?}"
    );
}

#[test]
fn a_palette_change_restyles_the_running_app_without_recompiling() {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("palette-style");
    let live = LiveApp::open(
        std::sync::Arc::new(union_themes::registry()),
        "breeze",
        &app(),
        None,
        &folder,
    )
    .unwrap();
    let shown = Shown::new(live.definition(), &[], (360, 300), 1.0).unwrap();
    let light = pixel(&shown.frame().unwrap(), 5, 5);
    let dark_theme = union_themes::load(&union_themes::registry(), "breeze-dark").unwrap();
    union_slint::set_palette(&shown.instance, dark_theme.theme.palette()).unwrap();
    let dark = pixel(&shown.frame().unwrap(), 5, 5);
    let luma = |p: [u8; 4]| u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]);
    assert!(
        luma(light) > 600 && luma(dark) < 200,
        "{light:?} → {dark:?}"
    );
    assert_eq!(live.generation(), 0, "nothing was regenerated");
}
