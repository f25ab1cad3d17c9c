//! Runs the `union` binary as a user would.

#![allow(clippy::unwrap_used, reason = "test fixtures fail loudly")]

use std::process::{Command, Output};
use union_test_support::TempFolder;

fn union(args: &[&str], folder: &TempFolder) -> Output {
    Command::new(env!("CARGO_BIN_EXE_union"))
        .args(args)
        .env("XDG_DATA_HOME", folder.path().join("data"))
        .env("XDG_DATA_DIRS", folder.path().join("none"))
        .env("XDG_CACHE_HOME", folder.path().join("cache"))
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const THEME: &str = "@palette button { background-normal: #fcfcfc; }\n\
button { background-color: palette(button, background-normal); padding: 6px 8px; }\n\
button:hover { border: 1px solid #3daee9; border-radius: 3px 3px 10% 2px / 3px 3px 10% 4px; }\n\
.flat:hover { background-color: none; }\n";

#[test]
fn check_passes_a_clean_theme_and_fails_a_broken_one() {
    let folder = TempFolder::new("check");
    let good = folder.write("good/style.css", THEME);
    let output = union(
        &["check", good.parent().unwrap().to_str().unwrap()],
        &folder,
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(stdout(&output), "");

    let bad = folder.write(
        "bad.css",
        "button {\n  colour: red;\n}\nlabel:hovr { opacity: 1 }\n",
    );
    let output = union(&["check", bad.to_str().unwrap()], &folder);
    assert_eq!(output.status.code(), Some(1));
    let b = bad.display();
    assert_eq!(
        stdout(&output),
        format!(
            "{b}:2:3: error: `colour`: unknown property `colour` (see docs/properties.md); the declaration is ignored\n\
             {b}:4:1: error: unknown pseudo-class `:hovr`; the rule is ignored\n"
        )
    );
}

#[test]
fn check_reports_diagnostics_in_source_order() {
    // The compiler finds the bad declaration, the unknown pseudo-class and
    // the reserved one in separate passes; the report reads top to bottom.
    let folder = TempFolder::new("order");
    let theme = folder.write(
        "order.css",
        "button {\n  color: notacolor;\n}\nscrollbar:horizontal { opacity: 0.5 }\nbutton:frobnicate { color: red }\n",
    );
    let output = union(&["check", theme.to_str().unwrap()], &folder);
    assert_eq!(output.status.code(), Some(1));
    let places: Vec<String> = stdout(&output)
        .lines()
        .map(|line| line.split(": ").next().unwrap_or("").to_owned())
        .collect();
    let t = theme.display();
    assert_eq!(
        places,
        vec![format!("{t}:2:3"), format!("{t}:4:11"), format!("{t}:5:1")]
    );
}

#[test]
fn check_finds_named_themes_in_xdg_data_dirs_and_reports_missing_ones() {
    let folder = TempFolder::new("named");
    folder.write("data/union/themes/mine/style.css", THEME);
    assert!(union(&["check", "mine"], &folder).status.success());
    let output = union(&["check", "absent-theme"], &folder);
    assert_eq!(
        output.status.code(),
        Some(2),
        "as every command exits for a missing theme"
    );
    let text = stdout(&output);
    assert!(
        text.starts_with("error: no theme named `absent-theme` was found; looked in:\n"),
        "{text}"
    );
    assert!(
        text.contains(
            &folder
                .path()
                .join("data/union/themes")
                .display()
                .to_string()
        ),
        "it says where it looked: {text}"
    );
    let plasma = union(&["check", "plasma:absent"], &folder);
    assert_eq!(plasma.status.code(), Some(2));
    assert!(
        stdout(&plasma).contains("apt-get install plasma-framework"),
        "{}",
        stdout(&plasma)
    );
    let render = union(
        &[
            "render",
            "--theme",
            "absent-theme",
            "--element",
            "Button",
            "--out",
            "/dev/null",
        ],
        &folder,
    );
    assert_eq!(render.status.code(), Some(2));
}

#[test]
fn inspect_json_reports_rules_and_resolved_properties() {
    let folder = TempFolder::new("inspect");
    let theme = folder.write("t/style.css", THEME);
    let dir = theme.parent().unwrap().to_str().unwrap().to_owned();
    let output = union(
        &[
            "inspect",
            "--theme",
            &dir,
            "--element",
            "Window > Button.flat:hover@1/2",
            "--json",
        ],
        &folder,
    );
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["element"], "Window > Button.flat:hover");
    let selectors: Vec<&str> = report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["selector"].as_str().unwrap())
        .collect();
    assert_eq!(selectors, vec![".flat:hover", "button:hover", "button"]);
    assert_eq!(
        report["rules"][0]["specificity"],
        serde_json::json!([0, 2, 0])
    );
    assert_eq!(
        report["rules"][0]["source"],
        format!("{}:4:1", theme.display())
    );
    let properties = &report["properties"];
    assert_eq!(properties["padding-top"], 6.0);
    assert_eq!(properties["padding-left"], 8.0);
    assert_eq!(properties["border-left-color"], "#3daee9ff");
    assert_eq!(properties["background-color"], "none");
    // A circular radius in px is a length; elliptical or relative ones are text.
    assert_eq!(properties["border-top-left-radius"], 3.0);
    assert_eq!(properties["border-bottom-right-radius"], "10%");
    assert_eq!(properties["border-bottom-left-radius"], "2px 4px");
}

#[test]
fn inspect_applies_the_context_and_rejects_bad_input() {
    let folder = TempFolder::new("context");
    let theme = folder.write(
        "t.css",
        "@palette window { foreground-normal: #000000; }\nbutton:dir(rtl) { padding-left: 3px }\n@media (prefers-color-scheme: dark) { button { opacity: 0.5 } }",
    );
    let path = theme.to_str().unwrap();
    let output = union(
        &[
            "inspect",
            "--theme",
            path,
            "--element",
            "Button",
            "--context",
            "dir=rtl,scheme=dark",
            "--json",
        ],
        &folder,
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["properties"]["padding-left"], 3.0);
    assert_eq!(report["properties"]["opacity"], 0.5);

    let text = union(
        &["inspect", "--theme", path, "--element", "Button"],
        &folder,
    );
    assert!(
        stdout(&text).contains("matched rules, winning first:\n  (none)"),
        "{}",
        stdout(&text)
    );

    let bad = union(
        &["inspect", "--theme", path, "--element", "Button:hovr"],
        &folder,
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown state `:hovr`"));
    let bad = union(
        &[
            "inspect",
            "--theme",
            path,
            "--element",
            "Button",
            "--context",
            "scheme=purple",
        ],
        &folder,
    );
    assert_eq!(bad.status.code(), Some(2));
}

fn pixel(pixmap: &tiny_skia::Pixmap, x: u32, y: u32) -> [u8; 4] {
    let p = pixmap.pixel(x, y).unwrap();
    [p.red(), p.green(), p.blue(), p.alpha()]
}

#[test]
fn render_writes_the_box_at_its_margin_and_scale() {
    let folder = TempFolder::new("render");
    let theme = folder.write(
        "t/style.css",
        "widget { background-color: #ff0000; }\nbutton { background-color: #0000ff; min-width: 50px; min-height: 20px; }\n",
    );
    let out = folder.path().join("widget.png");
    let args = [
        "render",
        "--theme",
        theme.to_str().unwrap(),
        "--element",
        "Window > Widget",
        "--size",
        "10x6",
        "--scale",
        "2",
        "--margin",
        "3",
        "--out",
        out.to_str().unwrap(),
    ];
    let output = union(&args, &folder);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let png = tiny_skia::Pixmap::load_png(&out).unwrap();
    // (W + 2M)·S × (H + 2M)·S, the box at M·S, transparent around it.
    assert_eq!((png.width(), png.height()), (32, 24));
    assert_eq!(pixel(&png, 6, 6), [255, 0, 0, 255]);
    assert_eq!(pixel(&png, 25, 17), [255, 0, 0, 255]);
    assert_eq!(pixel(&png, 5, 6)[3], 0);
    assert_eq!(pixel(&png, 26, 17)[3], 0);

    // A catalogue control without --size takes its implicit size.
    let button = folder.path().join("button.png");
    let args = [
        "render",
        "--theme",
        theme.to_str().unwrap(),
        "--element",
        "Button",
        "--text",
        "",
        "--margin",
        "0",
        "--out",
        button.to_str().unwrap(),
    ];
    let output = union(&args, &folder);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let png = tiny_skia::Pixmap::load_png(&button).unwrap();
    assert_eq!((png.width(), png.height()), (50, 20));
    assert_eq!(pixel(&png, 25, 10), [0, 0, 255, 255]);
}

#[test]
fn render_rejects_bad_arguments_with_a_message() {
    let folder = TempFolder::new("render-bad");
    let out = folder.path().join("x.png");
    for (args, message) in [
        (vec!["--size", "12"], "expected WxH"),
        (vec!["--size", "1e9x2"], "from 0 to 10000"),
        (vec!["--scale", "0"], "--scale"),
        (vec!["--element", "Button >"], "expected a name"),
    ] {
        let mut all = vec![
            "render",
            "--theme",
            "breeze",
            "--out",
            out.to_str().unwrap(),
        ];
        if !args.contains(&"--element") {
            all.extend(["--element", "Button"]);
        }
        all.extend(args);
        let output = union(&all, &folder);
        assert_eq!(output.status.code(), Some(2), "{all:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("error:") && stderr.contains(message),
            "{all:?}: {stderr}"
        );
        assert!(!out.exists());
    }
}

#[test]
fn themes_lists_bundled_installed_and_plasma_themes_with_where_they_are() {
    let folder = TempFolder::new("themes");
    folder.write("data/union/themes/mine/style.css", THEME);
    folder.write(
        "data/plasma/desktoptheme/shiny/metadata.json",
        r#"{"KPlugin": {"Id": "shiny", "Name": "Shiny"}}"#,
    );
    let output = union(&["themes"], &folder);
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    let lines: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    let row = |name: &str| {
        lines
            .iter()
            .find(|l| l.first() == Some(&name))
            .unwrap_or_else(|| panic!("{name} is listed:\n{text}"))
            .clone()
    };
    assert_eq!(row("breeze")[1], "bundled");
    assert_eq!(row("breeze-dark")[1], "bundled");
    // The bundled themes come out of the binary, not the source tree.
    assert!(row("breeze")[2].starts_with(folder.path().join("cache").to_str().unwrap()));
    assert_eq!(row("mine")[1], "css");
    assert_eq!(row("plasma:shiny")[1], "plasma");
    let searched = String::from_utf8_lossy(&output.stderr);
    assert!(
        searched.contains(
            &folder
                .path()
                .join("data/union/themes")
                .display()
                .to_string()
        ),
        "{searched}"
    );

    let json = union(&["themes", "--json"], &folder);
    let entries: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let mine = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "mine")
        .unwrap();
    assert_eq!(mine["kind"], "css");
    assert_eq!(mine["bundled"], false);
}

#[test]
fn inspect_scene_prints_every_part_with_its_place_and_properties() {
    let folder = TempFolder::new("scene");
    let output = union(
        &[
            "inspect",
            "--theme",
            "breeze",
            "--element",
            "Window > Slider[orientation=horizontal]",
            "--scene",
            "--size",
            "120x24",
            "--value",
            "0.25",
            "--json",
        ],
        &folder,
    );
    assert!(output.status.success(), "{output:?}");
    let scene: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(scene["size"], serde_json::json!([120.0, 24.0]));
    let parts = scene["parts"].as_array().unwrap();
    let names: Vec<&str> = parts
        .iter()
        .map(|p| p["element"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Groove", "Fill", "Handle"]);
    let rect = |i: usize, key: &str| parts[i]["rect"][key].as_f64().unwrap();
    // The fill lies in the groove and ends at the handle's centre.
    assert_eq!(rect(1, "y"), rect(0, "y"));
    assert_eq!(rect(1, "height"), rect(0, "height"));
    let centre = rect(2, "x") + rect(2, "width") / 2.0;
    assert!((rect(1, "x") + rect(1, "width") - centre).abs() < 1e-3);
    assert!(
        parts[2]["properties"]["background-color"]
            .as_str()
            .unwrap()
            .starts_with('#'),
        "colours resolved: {}",
        parts[2]["properties"]
    );

    let text = union(
        &[
            "inspect",
            "--theme",
            "breeze",
            "--element",
            "Window > CheckBox",
            "--scene",
            "--text",
            "Hello",
        ],
        &folder,
    );
    assert!(text.status.success(), "{text:?}");
    let report = stdout(&text);
    assert!(report.contains("Indicator at "), "{report}");
    assert!(report.contains("text \"Hello\""), "{report}");

    let bad = union(
        &[
            "inspect",
            "--theme",
            "breeze",
            "--element",
            "Window > Slider",
            "--scene",
            "--value",
            "2",
        ],
        &folder,
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--value must be from 0 to 1"));
}

#[test]
fn render_draws_through_the_backend_it_is_given() {
    let folder = TempFolder::new("backends");
    let theme = folder.write(
        "t/style.css",
        "button { background-color: #0000ff; min-width: 40px; min-height: 20px; }\n",
    );
    let mut drawn = Vec::new();
    let mut backends = vec!["skia", "egui"];
    if cfg!(feature = "slint") {
        backends.push("slint");
    }
    for backend in backends {
        let out = folder.path().join(format!("{backend}.png"));
        let output = union(
            &[
                "render",
                "--theme",
                theme.to_str().unwrap(),
                "--element",
                "Button",
                "--text",
                "",
                "--margin",
                "2",
                "--backend",
                backend,
                "--out",
                out.to_str().unwrap(),
            ],
            &folder,
        );
        assert!(output.status.success(), "{backend}: {output:?}");
        drawn.push(tiny_skia::Pixmap::load_png(&out).unwrap());
    }
    // Every output draws the same scene: the same size, the box where it is.
    for pixmap in &drawn[1..] {
        assert_eq!(
            (drawn[0].width(), drawn[0].height()),
            (pixmap.width(), pixmap.height())
        );
    }
    for pixmap in &drawn {
        assert_eq!(pixel(pixmap, 10, 10), [0, 0, 255, 255]);
        assert_eq!(pixel(pixmap, 0, 0), [0, 0, 0, 0]);
    }
    // An output this build does not have is refused, with its name.
    let output = union(
        &[
            "render",
            "--theme",
            theme.to_str().unwrap(),
            "--element",
            "Button",
            "--backend",
            "qtquick",
            "--out",
            "/dev/null",
        ],
        &folder,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not in this build"));
}

#[test]
fn a_bare_chain_is_drawn_inside_a_window_as_applications_show_it() {
    // Breeze defines its colours on `window`: `Button:hover` alone must
    // look as it does in an application, not unstyled.
    let folder = TempFolder::new("bare");
    let mut drawn = Vec::new();
    for element in ["Button:hover", "Window > Button:hover"] {
        let out = folder.path().join(format!("{}.png", drawn.len()));
        let output = union(
            &[
                "render",
                "--theme",
                "breeze",
                "--element",
                element,
                "--reproducible",
                "--out",
                out.to_str().unwrap(),
            ],
            &folder,
        );
        assert!(output.status.success(), "{element}: {output:?}");
        drawn.push(std::fs::read(&out).unwrap());
    }
    assert_eq!(drawn[0], drawn[1], "the same pixels");
}

#[test]
fn an_output_name_promising_another_format_is_refused() {
    let folder = TempFolder::new("jpeg");
    let out = folder.path().join("sheet.jpg");
    for args in [
        vec!["export", "--out", out.to_str().unwrap()],
        vec![
            "render",
            "--theme",
            "breeze",
            "--element",
            "Button",
            "--out",
            out.to_str().unwrap(),
        ],
    ] {
        let output = union(&args, &folder);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("only PNG is written"),
            "{output:?}"
        );
        assert!(!out.exists(), "nothing written under a JPEG name");
    }
}
