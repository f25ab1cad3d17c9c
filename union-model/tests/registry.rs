//! The theme registry: plugin registration, `extends`, cycles, and reload
//! that keeps the last good theme when an edit is broken.

#![allow(clippy::unwrap_used, reason = "test fixtures fail loudly")]

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_model::selectors::Selector;
use union_model::values::{ColorRole, ColorSet, Rgba};
use union_model::{
    Diagnostic, Element, InputPlugin, LoadError, LoadOutput, Palette, PropertyId as P, Query,
    ReloadOutcome, SourceLocation, Styler, ThemeDefinition, ThemeRegistry,
};

/// A toy input for `.theme` files: `name N`, `extends N`, `padding PX`
/// (a `Button` rule), `window-bg R G B` (palette), `error MESSAGE`.
/// Themes are located by name in one folder.
#[derive(Debug)]
struct ToyInput {
    folder: PathBuf,
}

impl InputPlugin for ToyInput {
    fn name(&self) -> &str {
        "toy"
    }

    fn accepts(&self, path: &Path) -> bool {
        path.extension().is_some_and(|e| e == "theme")
    }

    fn locate(&self, name: &str) -> Option<PathBuf> {
        let path = self.folder.join(format!("{name}.theme"));
        path.exists().then_some(path)
    }

    fn load(&self, path: &Path) -> LoadOutput {
        let Ok(text) = std::fs::read_to_string(path) else {
            return LoadOutput {
                diagnostics: vec![Diagnostic::error("cannot read the file", None)],
                ..LoadOutput::default()
            };
        };
        let mut definition = ThemeDefinition::default();
        let mut diagnostics = Vec::new();
        for (line_index, line) in text.lines().enumerate() {
            let location = Some(SourceLocation::new(path, line_index as u32 + 1, 1));
            let (key, value) = line.split_once(' ').unwrap_or((line, ""));
            match key {
                "name" => definition.name = value.to_owned(),
                "extends" => definition.extends = Some(value.to_owned()),
                "padding" => match value.parse::<f32>() {
                    Ok(v) => definition.rules.push(rule(
                        Selector::new(ty("Button")),
                        vec![decl(P::PaddingLeft, px(v))],
                    )),
                    Err(_) => diagnostics.push(Diagnostic::error(
                        format!("`{value}` is not a number"),
                        location,
                    )),
                },
                "window-bg" => {
                    let c: Vec<u8> = value.split(' ').filter_map(|v| v.parse().ok()).collect();
                    if let [r, g, b] = c[..] {
                        definition.palette.set(
                            ColorSet::Window,
                            ColorRole::BackgroundNormal,
                            Rgba::rgb8(r, g, b),
                        );
                    }
                }
                "error" => diagnostics.push(Diagnostic::error(value, location)),
                _ => diagnostics.push(Diagnostic::warning(
                    format!("unknown key `{key}`"),
                    location,
                )),
            }
        }
        LoadOutput {
            definition: Some(definition),
            diagnostics,
            dependencies: vec![path.to_owned()],
        }
    }
}

struct Folder(PathBuf);

impl Folder {
    fn new(test: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("union-registry-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Folder(path)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(format!("{name}.theme"));
        std::fs::write(&path, text).unwrap();
        path
    }

    fn registry(&self) -> ThemeRegistry {
        let mut registry = ThemeRegistry::new();
        registry.register_input(Arc::new(ToyInput {
            folder: self.0.clone(),
        }));
        registry
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn padding_of(theme: Arc<union_model::Theme>) -> Option<f32> {
    let styler = Styler::new(theme);
    let result = styler.query(&Query::element(Element::new("Button")));
    result
        .style
        .layout
        .padding
        .left
        .value()
        .and_then(|l| l.px())
}

#[test]
fn a_theme_extending_another_puts_base_rules_first() {
    let folder = Folder::new("extends");
    folder.write("base", "name base\npadding 4\nwindow-bg 1 2 3");
    let child = folder.write("child", "name child\nextends base\npadding 8");
    let registry = folder.registry();
    let loaded = registry.load_path(&child).unwrap();
    assert_eq!(
        padding_of(Arc::clone(&loaded.theme)),
        Some(8.0),
        "the extending theme's rule comes later and wins"
    );
    assert_eq!(loaded.theme.rules().len(), 2);
    assert_eq!(
        loaded
            .theme
            .palette()
            .get(ColorSet::Window, ColorRole::BackgroundNormal),
        Some(Rgba::rgb8(1, 2, 3))
    );
    assert_eq!(
        registry.names(),
        vec!["base".to_owned(), "child".to_owned()]
    );
    assert_eq!(
        loaded.dependencies.len(),
        2,
        "the base's files are dependencies too"
    );
    assert_eq!(loaded.theme.extends(), Some("base"));
}

#[test]
fn extends_cycles_are_reported() {
    let folder = Folder::new("cycle");
    folder.write("a", "name a\nextends b");
    folder.write("b", "name b\nextends c");
    folder.write("c", "name c\nextends a");
    let error = folder.registry().load_named("a").unwrap_err();
    assert_eq!(
        error,
        LoadError::ExtendsCycle(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(
        error.to_string(),
        "themes extend each other in a cycle: a → b → c → a"
    );
}

#[test]
fn extends_depth_is_bounded() {
    let folder = Folder::new("depth");
    for i in 0..40 {
        folder.write(&format!("t{i}"), &format!("name t{i}\nextends t{}", i + 1));
    }
    folder.write("t40", "name t40");
    let error = folder.registry().load_named("t0").unwrap_err();
    assert!(
        matches!(error, LoadError::ExtendsTooDeep(ref chain) if chain.len() == union_model::MAX_EXTENDS_DEPTH)
    );
}

#[test]
fn missing_themes_and_unknown_files_are_errors() {
    let folder = Folder::new("missing");
    let registry = folder.registry();
    assert_eq!(
        registry.load_named("nope").unwrap_err(),
        LoadError::NotFound("nope".into())
    );
    let css = folder.0.join("x.css");
    assert_eq!(
        registry.load_path(&css).unwrap_err(),
        LoadError::NoPlugin(css)
    );
    let child = folder.write("orphan", "name orphan\nextends gone");
    assert_eq!(
        registry.load_path(&child).unwrap_err(),
        LoadError::NotFound("gone".into())
    );
}

#[test]
fn diagnostics_keep_their_locations() {
    let folder = Folder::new("diagnostics");
    let path = folder.write("diag", "name diag\npadding x\nbogus");
    let loaded = folder.registry().load_path(&path).unwrap();
    let lines: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        vec![
            format!("{}:2:1: error: `x` is not a number", path.display()),
            format!("{}:3:1: warning: unknown key `bogus`", path.display()),
        ]
    );
}

#[test]
fn a_broken_edit_keeps_the_last_good_theme() {
    let folder = Folder::new("reload");
    let path = folder.write("live", "name live\npadding 4");
    let registry = folder.registry();
    let first = registry.load_path(&path).unwrap();
    assert_eq!(padding_of(Arc::clone(&first.theme)), Some(4.0));

    folder.write("live", "name live\npadding 6");
    let ReloadOutcome::Replaced(second) = registry.reload("live").unwrap() else {
        panic!("a good edit replaces")
    };
    assert_eq!(padding_of(Arc::clone(&second.theme)), Some(6.0));
    assert_ne!(second.theme.generation(), first.theme.generation());

    folder.write("live", "name live\npadding 9\nerror the edit is broken");
    match registry.reload("live").unwrap() {
        ReloadOutcome::KeptPrevious {
            current,
            diagnostics,
        } => {
            assert_eq!(current.theme.generation(), second.theme.generation());
            assert_eq!(diagnostics.len(), 1);
            assert!(
                diagnostics[0]
                    .to_string()
                    .ends_with(":3:1: error: the edit is broken")
            );
        }
        ReloadOutcome::Replaced(_) => panic!("a broken edit must not replace the theme"),
    }
    let still = registry.get("live").unwrap();
    assert_eq!(padding_of(Arc::clone(&still.theme)), Some(6.0));

    std::fs::remove_file(&path).unwrap();
    assert!(matches!(
        registry.reload("live").unwrap(),
        ReloadOutcome::KeptPrevious { .. }
    ));
}

#[test]
fn themes_can_be_added_in_code() {
    let registry = ThemeRegistry::new();
    let mut palette = Palette::new();
    palette.set(ColorSet::View, ColorRole::BackgroundNormal, Rgba::WHITE);
    let added = registry
        .add(ThemeDefinition {
            name: "coded".into(),
            palette,
            ..ThemeDefinition::default()
        })
        .unwrap();
    assert!(added.source.is_none());
    assert!(Arc::ptr_eq(
        &registry.get("coded").unwrap().theme,
        &added.theme
    ));
    assert_eq!(registry.inputs().count(), 0);
}
