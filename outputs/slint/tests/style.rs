//! The generated `union` style: it compiles without diagnostics, an
//! unmodified application selects it by name and looks unlike Slint's own
//! style, its looks agree with the scene drawn directly, its widgets react
//! to the pointer, and what it still lacks against Slint's list is known.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use slint::platform::{PointerEventButton, WindowEvent};
use slint::{LogicalPosition, SharedString};
use slint_interpreter::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_model::icons::IconLookup;
use union_model::{Context, Query, Styler};
use union_slint::headless::{self, CompileOptions, Shown};
use union_slint::style::{self, GeneratedStyle};

fn icons() -> union_slint::Icons {
    union_slint::Icons(IconLookup::with_fallback(union_themes::bundled_icon_dirs()))
}

fn styler(theme: &str) -> Styler {
    let loaded = union_themes::load(&union_themes::registry(), theme).unwrap();
    Styler::new(Arc::clone(&loaded.theme))
}

/// The style of `theme` written into a fresh folder under the target dir.
fn written(theme: &str) -> (GeneratedStyle, PathBuf) {
    let styler = styler(theme);
    let palette = styler.theme().palette().clone();
    let generated = style::generate(&styler, &palette, &mut icons()).unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("slint-style-{theme}"));
    generated.write_to(&dir).unwrap();
    (generated, dir)
}

/// Writes `frame` as a PNG under the target dir, to look at.
fn save(frame: &headless::Frame, name: &str) {
    let size = union_slint_test_size(frame);
    let pixmap = tiny_skia::Pixmap::from_vec(frame.premultiplied(), size).unwrap();
    let _ = pixmap.save_png(PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.png")));
}

fn union_slint_test_size(frame: &headless::Frame) -> tiny_skia::IntSize {
    tiny_skia::IntSize::from_wh(frame.width, frame.height).unwrap()
}

fn app_source() -> (String, PathBuf) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/apps/settings.slint");
    (std::fs::read_to_string(&path).unwrap(), path)
}

fn union_options(dir: &Path) -> CompileOptions {
    CompileOptions {
        style: Some(style::STYLE_NAME.to_owned()),
        include_paths: GeneratedStyle::include_paths(dir),
    }
}

fn fluent() -> CompileOptions {
    CompileOptions {
        style: Some("fluent".to_owned()),
        include_paths: Vec::new(),
    }
}

fn draw(source: &str, path: PathBuf, options: &CompileOptions) -> headless::Frame {
    let (definition, diagnostics) = headless::compile(source, path, None, options)
        .unwrap_or_else(|d| panic!("does not compile: {d:#?}"));
    assert!(diagnostics.is_empty(), "diagnostics: {diagnostics:#?}");
    Shown::new(&definition, &[], (360, 300), 1.0)
        .unwrap()
        .frame()
        .unwrap()
}

#[test]
fn an_unmodified_app_takes_the_style_by_name_in_breeze_and_breeze_dark() {
    let (source, path) = app_source();
    let fluent_frame = draw(&source, path.clone(), &fluent());
    save(&fluent_frame, "app-fluent");
    let mut frames = Vec::new();
    for theme in ["breeze", "breeze-dark"] {
        let (_, dir) = written(theme);
        let frame = draw(&source, path.clone(), &union_options(&dir));
        let differing = frame
            .rgba
            .chunks(4)
            .zip(fluent_frame.rgba.chunks(4))
            .filter(|(a, b)| a.iter().zip(*b).any(|(x, y)| x.abs_diff(*y) > 16))
            .count();
        save(&frame, &format!("app-{theme}"));
        assert!(
            differing > 360 * 300 / 20,
            "{theme}: only {differing} pixels differ from fluent"
        );
        frames.push(frame);
    }
    // Breeze Dark's window is dark, Breeze's light: the palette reached the app.
    let luma = |f: &headless::Frame| {
        let p = &f.rgba[(5 * 360 + 5) * 4..][..3];
        u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])
    };
    assert!(luma(&frames[0]) > 600, "breeze's window is light");
    assert!(luma(&frames[1]) < 200, "breeze-dark's window is dark");
}

/// The composed widgets (`ComboBox`, `SpinBox`, `TextEdit`, `StandardListView`)
/// compile with the style, draw, and behave.
#[test]
fn composed_widgets_work_in_an_unmodified_app() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/apps/editor.slint");
    let source = std::fs::read_to_string(&path).unwrap();
    let (_, dir) = written("breeze");
    let (definition, diagnostics) =
        headless::compile(&source, path.clone(), None, &union_options(&dir))
            .unwrap_or_else(|d| panic!("does not compile: {d:#?}"));
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let shown = Shown::new(&definition, &[], (420, 320), 1.0).unwrap();
    let frame = shown.frame().unwrap();
    save(&frame, "editor-breeze");
    let fluent_frame = draw_sized(&source, path, &fluent(), (420, 320));
    save(&fluent_frame, "editor-fluent");
    assert!(frame.rgba != fluent_frame.rgba);
    let click = |x: f32, y: f32| {
        let position = LogicalPosition::new(x, y);
        shown.dispatch(WindowEvent::PointerMoved { position });
        shown.dispatch(WindowEvent::PointerPressed {
            position,
            button: PointerEventButton::Left,
        });
        shown.dispatch(WindowEvent::PointerReleased {
            position,
            button: PointerEventButton::Left,
        });
    };
    let number = |name: &str| match shown.instance.get_property(name).unwrap() {
        Value::Number(n) => n,
        other => panic!("{name} is {other:?}"),
    };
    assert_eq!(number("size"), 12.0);
    assert_eq!(number("file"), -1.0);
    // The spin box's step buttons are at its right end; the upper half steps up.
    let length = |name: &str| number(name) as f32;
    let (sx, sy, sw, sh) = (
        length("size-x"),
        length("size-y"),
        length("size-width"),
        length("size-height"),
    );
    click(sx + sw - 4.0, sy + sh / 4.0);
    assert_eq!(number("size"), 13.0, "the up button steps up");
    click(sx + sw - 4.0, sy + sh * 3.0 / 4.0);
    click(sx + sw - 4.0, sy + sh * 3.0 / 4.0);
    assert_eq!(number("size"), 11.0, "the down button steps down");
    // A click on the list's second row selects it.
    let (lx, ly) = (length("files-x"), length("files-y"));
    click(lx + 20.0, ly + 30.0);
    assert_eq!(number("file"), 1.0, "the second row is selected");
}

fn draw_sized(
    source: &str,
    path: PathBuf,
    options: &CompileOptions,
    size: (u32, u32),
) -> headless::Frame {
    let (definition, _) = headless::compile(source, path, None, options)
        .unwrap_or_else(|d| panic!("does not compile: {d:#?}"));
    Shown::new(&definition, &[], size, 1.0)
        .unwrap()
        .frame()
        .unwrap()
}

#[test]
fn every_generated_file_compiles_without_diagnostics() {
    let (_, dir) = written("breeze");
    let probe = format!(
        "import {{ {} }} from \"std-widgets.slint\";\nexport component Probe inherits Window {{ }}\n",
        style::EXPORTS.join(", ")
    );
    let (_, diagnostics) =
        headless::compile(&probe, dir.join("probe.slint"), None, &union_options(&dir))
            .unwrap_or_else(|d| panic!("does not compile: {d:#?}"));
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn what_the_style_lacks_against_slints_list_is_known() {
    let (_, dir) = written("breeze");
    let mut missing = Vec::new();
    for name in style::SLINT_EXPORTS {
        let probe = format!(
            "import {{ {name} }} from \"std-widgets.slint\";\nexport component Probe inherits Window {{ }}\n"
        );
        // Slint's own list: every name is there in fluent.
        let in_fluent = headless::compile(&probe, PathBuf::from("probe.slint"), None, &fluent());
        assert!(
            in_fluent.is_ok(),
            "{name} is not in Slint's fluent style any more"
        );
        let in_union =
            headless::compile(&probe, dir.join("probe.slint"), None, &union_options(&dir));
        if in_union.is_err() {
            missing.push(*name);
        }
    }
    let expected: Vec<&str> = style::SLINT_EXPORTS
        .iter()
        .copied()
        .filter(|n| !style::EXPORTS.contains(n))
        .collect();
    println!("not yet in the union style: {}", missing.join(", "));
    assert_eq!(missing, expected);
}

#[test]
fn the_generated_source_is_stable() {
    let (generated, _) = written("breeze");
    insta::assert_snapshot!("std-widgets", generated.files["std-widgets.slint"]);
    insta::assert_snapshot!("looks", generated.files["looks.slint"]);
    let gaps: Vec<String> = generated.gaps.iter().map(ToString::to_string).collect();
    insta::assert_snapshot!("gaps", gaps.join("\n"));
}

/// A generated look in a state draws what the scene of that state draws
/// directly: sampling and fitting lose nothing at the base size.
#[test]
fn looks_in_each_state_match_the_scene_drawn_directly() {
    let (_, dir) = written("breeze");
    let styler = styler("breeze");
    let palette = styler.theme().palette().clone();
    let mut drawer =
        union_slint::SceneDrawer::new(IconLookup::with_fallback(union_themes::bundled_icon_dirs()));
    for (look, element, flag, state) in [
        ("ButtonLook", "Button", "hovered", ":hover"),
        ("ButtonLook", "Button", "pressed", ":active"),
        ("CheckBoxLook", "CheckBox", "checked", ":checked"),
        ("SwitchLook", "Switch", "checked", ":checked"),
        ("TextFieldLook", "TextField", "focused", ":focus"),
    ] {
        let query = Query::new(
            union_model::chain::parse_chain(&format!("Window > {element}{state}")).unwrap(),
            Context::default(),
        );
        let mut request = union_model::scene::SceneRequest::new(&query);
        request.text = Some("");
        let scene = union_model::scene::build_scene(&styler, &request, &mut Fixed).unwrap();
        let direct = drawer.draw(&scene, &palette, 1.0, 0.0).unwrap().frame;
        let probe = format!(
            "import {{ {look} }} from \"looks.slint\";\nexport component Probe inherits Window {{\n    background: transparent;\n    {look} {{ width: {}px; height: {}px; text: \"\"; {flag}: true; }}\n}}\n",
            scene.size.0, scene.size.1
        );
        let (definition, _) = headless::compile(
            &probe,
            dir.join("union/probe.slint"),
            None,
            &union_options(&dir),
        )
        .unwrap_or_else(|d| panic!("{look}: {d:#?}"));
        let sampled = Shown::new(&definition, &[], (direct.width, direct.height), 1.0)
            .unwrap()
            .frame()
            .unwrap();
        let differing = direct
            .rgba
            .chunks(4)
            .zip(sampled.rgba.chunks(4))
            .filter(|(a, b)| a.iter().zip(*b).any(|(x, y)| x.abs_diff(*y) > 8))
            .count();
        assert!(
            differing == 0,
            "{element}{state}: {differing} pixels differ between the look and the scene"
        );
    }
}

/// Text measured as the sampler measures it: an empty label.
struct Fixed;

impl union_model::scene::Measure for Fixed {
    fn text_size(&mut self, _: &str, _: &union_model::Style, _: Option<f32>, _: f32) -> (f32, f32) {
        (60.0, 16.0)
    }
    fn has_icon(&mut self, _: &union_model::scene::IconRef) -> bool {
        true
    }
    fn fingerprint(&self) -> u64 {
        1
    }
}

#[test]
fn the_pointer_hovers_and_a_click_toggles() {
    let (source, path) = app_source();
    let (_, dir) = written("breeze");
    let (definition, _) = headless::compile(&source, path, None, &union_options(&dir)).unwrap();
    let shown = Shown::new(&definition, &[], (360, 300), 1.0).unwrap();
    assert_eq!(
        shown.instance.get_property("notify").unwrap(),
        Value::Bool(true)
    );
    let before = shown.frame().unwrap();
    // The Apply button sits at the bottom right.
    shown.dispatch(WindowEvent::PointerMoved {
        position: LogicalPosition::new(240.0, 272.0),
    });
    // Past the theme's transition.
    headless::advance_clock(std::time::Duration::from_secs(1));
    let hovered = shown.frame().unwrap();
    assert!(
        before.rgba != hovered.rgba,
        "hovering the button changes its looks"
    );
    // The check box sits in the group box's first row, at its left.
    let at = LogicalPosition::new(28.0, 63.0);
    shown.dispatch(WindowEvent::PointerPressed {
        position: at,
        button: PointerEventButton::Left,
    });
    shown.dispatch(WindowEvent::PointerReleased {
        position: at,
        button: PointerEventButton::Left,
    });
    assert_eq!(
        shown.instance.get_property("notify").unwrap(),
        Value::Bool(false),
        "a click toggles the check box"
    );
    let _ = SharedString::default();
}

/// The build-time helper writes a style that `slint-build` would be given:
/// its name and include paths compile an unmodified app.
#[test]
fn the_build_time_helper_writes_a_style_an_app_compiles_with() {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("build-helper");
    let style = union_slint::build::write_style_for("breeze-dark", &out).unwrap();
    assert_eq!(style.style, "union");
    assert!(
        style.theme_files.iter().any(|f| f.ends_with("style.css")),
        "the theme's files are listed for rerun-if-changed: {:?}",
        style.theme_files
    );
    let (source, path) = app_source();
    let options = CompileOptions {
        style: Some(style.style),
        include_paths: style.include_paths,
    };
    let (_, diagnostics) = headless::compile(&source, path, None, &options)
        .unwrap_or_else(|d| panic!("does not compile: {d:#?}"));
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

/// A button the application gives an icon makes room for it and draws it.
#[test]
fn a_button_with_an_icon_makes_room_for_it() {
    let (_, dir) = written("breeze");
    let icon = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../themes/icons/search.svg");
    let probe = format!(
        "import {{ Button }} from \"std-widgets.slint\";\nexport component Probe inherits Window {{\n    background: transparent;\n    out property <length> plain: a.preferred-width;\n    out property <length> with-icon: b.preferred-width;\n    HorizontalLayout {{\n        alignment: start;\n        a := Button {{ text: \"Find\"; }}\n        b := Button {{ text: \"Find\"; icon: @image-url(\"{}\"); }}\n    }}\n}}\n",
        icon.display()
    );
    let (definition, diagnostics) =
        headless::compile(&probe, dir.join("probe.slint"), None, &union_options(&dir))
            .unwrap_or_else(|d| panic!("{d:#?}"));
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let shown = Shown::new(&definition, &[], (300, 40), 1.0).unwrap();
    let width = |name: &str| match shown.instance.get_property(name).unwrap() {
        Value::Number(n) => n,
        other => panic!("{other:?}"),
    };
    let (plain, with_icon) = (width("plain"), width("with-icon"));
    assert!(
        with_icon >= plain + 16.0,
        "the icon takes room: {plain} → {with_icon}"
    );
    save(&shown.frame().unwrap(), "button-icon");
}

/// `SLINT_STYLE=union` selects the style when the application sets none
/// (Slint's compiler reads the variable): checked in a child process, so
/// that this process's environment stays as it is.
#[test]
fn the_slint_style_variable_selects_the_union_style() {
    let (_, dir) = written("breeze");
    if std::env::var("SLINT_STYLE").as_deref() == Ok("union") {
        let (source, path) = app_source();
        let options = CompileOptions {
            style: None,
            include_paths: GeneratedStyle::include_paths(&dir),
        };
        let by_variable = draw(&source, path.clone(), &options);
        let by_name = draw(&source, path, &union_options(&dir));
        assert!(
            by_variable.rgba == by_name.rgba,
            "the variable picks the union style"
        );
        return;
    }
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "the_slint_style_variable_selects_the_union_style",
        ])
        .env("SLINT_STYLE", "union")
        .status()
        .unwrap();
    assert!(status.success(), "the child run failed");
}
