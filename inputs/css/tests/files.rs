//! `@import` on real files, and the plugin through the theme registry.

#![allow(clippy::unwrap_used, reason = "test fixtures fail loudly")]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_input_css::{CssInput, compile_path};
use union_model::{ColorScheme, Context, Element, Query, ReloadOutcome, Styler, ThemeRegistry};
use union_test_support::TempFolder;

fn opacity(registry: &ThemeRegistry, name: &str, context: Context) -> String {
    let theme = registry.get(name).unwrap().theme.clone();
    Styler::new(theme)
        .query(&Query::new(vec![Element::new("Button")], context))
        .style
        .to_css_declarations()
}

#[test]
fn imports_are_inlined_in_order_and_relative_to_their_file() {
    let folder = TempFolder::new("imports");
    folder.write(
        "parts/base.css",
        "@import \"deeper.css\";\nbutton { opacity: 0.1; padding-top: 1px }",
    );
    folder.write("parts/deeper.css", "button { padding-left: 2px }");
    let main = folder.write(
        "main.css",
        "@import \"parts/base.css\";\nbutton { opacity: 0.2 }",
    );
    let compiled = compile_path(&main);
    assert!(
        compiled.diagnostics.is_empty(),
        "{:?}",
        compiled.diagnostics
    );
    let files: Vec<&Path> = compiled.files.iter().map(PathBuf::as_path).collect();
    let expected = [
        main.clone(),
        folder.path().join("parts/base.css"),
        folder.path().join("parts/deeper.css"),
    ];
    assert_eq!(
        files,
        expected.iter().map(PathBuf::as_path).collect::<Vec<_>>()
    );
    // The imported rule comes first, so the importing file's later rule wins.
    let mut registry = ThemeRegistry::new();
    registry.register_input(Arc::new(CssInput::default()));
    registry.load_path(&main).unwrap();
    assert_eq!(
        opacity(&registry, "main", Context::default()),
        "opacity: 0.2;\npadding-top: 1px;\npadding-left: 2px;\n"
    );
}

#[test]
fn import_cycles_and_missing_files_are_reported_with_locations() {
    let folder = TempFolder::new("cycle");
    let a = folder.write("a.css", "@import \"b.css\";\nbutton { opacity: 0.5 }");
    folder.write(
        "b.css",
        "@import \"a.css\";\n@import \"missing.css\";\nbutton { padding-top: 1px }",
    );
    let compiled = compile_path(&a);
    let lines: Vec<String> = compiled
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    let b = folder.path().join("b.css");
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert_eq!(
        lines[0],
        format!(
            "{}:1:1: error: import cycle: {} → {} → {}",
            b.display(),
            a.display(),
            b.display(),
            a.display()
        )
    );
    assert!(
        lines[1].starts_with(&format!(
            "{}:2:1: error: cannot import `{}`",
            b.display(),
            folder.path().join("missing.css").display()
        )),
        "{}",
        lines[1]
    );
    // Both files' own rules still load.
    assert_eq!(compiled.rules.len(), 2);
}

#[test]
fn imported_files_are_named_by_canonical_paths_through_links_and_dot_dot() {
    let folder = TempFolder::new("canonical-imports");
    // `sub/../a.css` is `a.css`, and `link.css` is a symbolic link to it:
    // both are the file being compiled, so both are cycles.
    let a = folder.write(
        "a.css",
        "@import \"sub/../a.css\";\n@import \"link.css\";\nbutton { opacity: 0.5 }",
    );
    std::fs::create_dir_all(folder.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(&a, folder.path().join("link.css")).unwrap();
    let compiled = compile_path(&a);
    let cycles = compiled
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("import cycle"))
        .count();
    assert_eq!(cycles, 2, "{:#?}", compiled.diagnostics);
    assert_eq!(compiled.files, vec![a.canonicalize().unwrap()]);
}

#[test]
fn imports_with_media_queries_are_conditional() {
    let folder = TempFolder::new("media-import");
    folder.write("dark.css", "button { opacity: 0.9 }");
    let theme = folder.write(
        "theme/style.css",
        "@import \"../dark.css\" (prefers-color-scheme: dark);\nbutton { padding-top: 1px }",
    );
    let mut registry = ThemeRegistry::new();
    registry.register_input(Arc::new(CssInput::default()));
    let loaded = registry.load_path(theme.parent().unwrap()).unwrap();
    assert_eq!(loaded.theme.name(), "theme");
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(
        opacity(&registry, "theme", Context::default()),
        "padding-top: 1px;\n"
    );
    let dark = Context {
        color_scheme: ColorScheme::Dark,
        ..Context::default()
    };
    assert_eq!(
        opacity(&registry, "theme", dark),
        "opacity: 0.9;\npadding-top: 1px;\n"
    );
}

#[test]
fn the_plugin_locates_themes_and_keeps_the_last_good_one_on_a_broken_edit() {
    let folder = TempFolder::new("plugin");
    let style = folder.write("themes/live/style.css", "button { opacity: 0.5 }");
    let mut registry = ThemeRegistry::new();
    registry.register_input(Arc::new(CssInput::new(vec![folder.path().join("themes")])));
    let loaded = registry.load_named("live").unwrap();
    assert_eq!(loaded.dependencies, vec![style.clone()]);
    assert_eq!(
        opacity(&registry, "live", Context::default()),
        "opacity: 0.5;\n"
    );

    std::fs::write(&style, "button { opacity: nope }").unwrap();
    let ReloadOutcome::KeptPrevious { diagnostics, .. } = registry.reload("live").unwrap() else {
        panic!("a broken edit must keep the previous theme");
    };
    assert_eq!(
        diagnostics[0].to_string(),
        format!(
            "{}:1:10: error: `opacity`: expected a number; the declaration is ignored",
            style.display()
        )
    );
    assert_eq!(
        opacity(&registry, "live", Context::default()),
        "opacity: 0.5;\n"
    );

    std::fs::write(&style, "button { opacity: 0.7 }").unwrap();
    assert!(matches!(
        registry.reload("live").unwrap(),
        ReloadOutcome::Replaced(_)
    ));
    assert_eq!(
        opacity(&registry, "live", Context::default()),
        "opacity: 0.7;\n"
    );
}

#[test]
fn oversized_and_non_utf8_files_are_refused() {
    let folder = TempFolder::new("limits");
    let binary = folder.path().join("binary.css");
    std::fs::write(&binary, [0xff, 0xfe, 0x00]).unwrap();
    let compiled = compile_path(&binary);
    assert_eq!(
        compiled.diagnostics[0].to_string(),
        format!(
            "{}:1:1: error: the file is not UTF-8 text",
            binary.display()
        )
    );
    let missing = folder.path().join("nope.css");
    assert!(
        compile_path(&missing).diagnostics[0]
            .to_string()
            .contains("cannot open")
    );
}

#[test]
fn palette_and_theme_at_rules_define_colours_metadata_and_extends() {
    use union_model::values::{Color, ColorRole, ColorSet, Rgba};
    let folder = TempFolder::new("at-rules");
    folder.write(
        "themes/base/style.css",
        "@theme { display-name: \"Base\"; author: \"A\"; author: \"B\"; }\n\
         @palette button { background-normal: #fcfcfc; foreground-normal: rgb(35 38 41); }\n\
         button { background-color: palette(button, background-normal); padding-top: 6px }",
    );
    let dark = folder.write(
        "themes/dark/style.css",
        "@theme {\n  extends: \"base\";\n  display-name: \"Dark\";\n}\n@palette button { background-normal: #31363b; }",
    );
    let mut registry = ThemeRegistry::new();
    registry.register_input(Arc::new(CssInput::new(vec![folder.path().join("themes")])));
    let loaded = registry.load_path(dark.parent().unwrap()).unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let theme = Arc::clone(&loaded.theme);
    assert_eq!(theme.metadata().display_name.as_deref(), Some("Dark"));
    assert_eq!(theme.extends(), Some("base"));
    assert_eq!(
        registry.get("base").unwrap().theme.metadata().authors,
        vec!["A".to_owned(), "B".to_owned()]
    );
    // The base's rules, the dark palette.
    let result = Styler::new(Arc::clone(&theme)).query(&Query::element(Element::new("Button")));
    assert_eq!(
        result.style.to_css_declarations(),
        "padding-top: 6px;\nbackground-color: palette(button, background-normal);\n"
    );
    let background = result.style.background.color.value().unwrap();
    assert_eq!(
        result.resolve_color(background, theme.palette()),
        Rgba::rgb8(0x31, 0x36, 0x3b)
    );
    assert_eq!(
        theme
            .palette()
            .get(ColorSet::Button, ColorRole::ForegroundNormal),
        Some(Rgba::rgb8(35, 38, 41))
    );
    let _ = Color::CurrentColor;
}

#[test]
fn bad_at_rule_entries_are_located() {
    let folder = TempFolder::new("bad-at-rules");
    let path = folder.write(
        "bad.css",
        "@palette window {\n  background-normal: palette(view, background-normal);\n  sparkle: red;\n  foreground-normal: #123456;\n}\n@theme { colour: \"x\"; }\n@palette nowhere { background-normal: red; }",
    );
    let compiled = compile_path(&path);
    let lines: Vec<String> = compiled
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    let p = path.display();
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert_eq!(
        lines[0],
        format!(
            "{p}:2:3: error: @palette window: palette colours must be literal colours, not `palette(view, background-normal)`; the entry is ignored"
        )
    );
    assert!(
        lines[1].starts_with(&format!(
            "{p}:3:3: error: @palette window: `sparkle` is not a colour role (background-normal,"
        )),
        "{}",
        lines[1]
    );
    assert_eq!(
        lines[2],
        format!(
            "{p}:6:10: error: @theme: unknown key `colour` (display-name, description, version, license, author, extends)"
        )
    );
    assert!(lines[3].starts_with(&format!("{p}:7:")), "{}", lines[3]);
    // The good entry survives.
    assert_eq!(
        compiled.palette.get(
            union_model::values::ColorSet::Window,
            union_model::values::ColorRole::ForegroundNormal
        ),
        Some(union_model::values::Rgba::rgb8(0x12, 0x34, 0x56))
    );
}

#[test]
fn imports_of_fifos_and_devices_are_refused_without_blocking() {
    let folder = TempFolder::new("fifo-import");
    let fifo = folder.path().join("pipe.css");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo (coreutils) makes the FIFO");
    let main = folder.write(
        "main.css",
        "@import \"pipe.css\";\n@import \"/dev/zero\";\nbutton { opacity: 0.5 }",
    );
    // Before the fix, reading the FIFO blocked forever and /dev/zero never
    // ended: the compile must return, with both imports reported.
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(compile_path(&main));
    });
    let compiled = finished
        .recv_timeout(std::time::Duration::from_secs(20))
        .unwrap_or_else(|_| panic!("compiling a theme that imports a FIFO hung"));
    let lines: Vec<String> = compiled
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0].contains(":1:1: error: cannot import"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("not a regular file"), "{}", lines[0]);
    assert!(
        lines[1].contains(":2:1: error: cannot import"),
        "{}",
        lines[1]
    );
    assert_eq!(compiled.rules.len(), 1, "the theme's own rule loads");
}

#[test]
fn a_file_imported_twice_is_compiled_once() {
    // Thirty files, each importing the next twice: without de-duplication
    // that is 2^30 compiles; with it, thirty.
    let folder = TempFolder::new("diamond");
    for i in 0..30 {
        folder.write(
            &format!("f{i}.css"),
            &format!("@import \"f{next}.css\";\n@import \"f{next}.css\";\nbutton.f{i} {{ opacity: 0.5 }}\n", next = i + 1),
        );
    }
    folder.write("f30.css", "button { opacity: 0.25 }\n");
    let (done, finished) = std::sync::mpsc::channel();
    let main = folder.path().join("f0.css");
    std::thread::spawn(move || {
        let _ = done.send(compile_path(&main));
    });
    let compiled = finished
        .recv_timeout(std::time::Duration::from_secs(20))
        .unwrap_or_else(|_| panic!("a diamond of imports took exponential time"));
    assert!(
        compiled.diagnostics.is_empty(),
        "{:?}",
        compiled.diagnostics
    );
    assert_eq!(compiled.rules.len(), 31, "each file's rule once");
}
