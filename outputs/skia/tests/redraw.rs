//! Drawing a control again: a renderer keeps each control's layout, so a
//! redraw must look exactly like the first draw, and anything the layout
//! depends on (the theme, the scene, the fonts, the images) must be drawn
//! afresh when it changes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test fixtures fail loudly"
)]

use std::path::PathBuf;
use std::sync::Arc;
use union_input_css::{SourceFile, compile_text};
use union_model::{Context, Element, Query, Styler, Theme};
use union_skia::{Fonts, Images, Rendered, Renderer, Scene};

fn theme(css: &str) -> Arc<Theme> {
    let compiled = compile_text(&SourceFile::from_text("/virtual/redraw.css", css));
    assert!(
        compiled.diagnostics.is_empty(),
        "{:?}",
        compiled.diagnostics
    );
    Arc::new(Theme::compile(compiled.into_definition("redraw"), None))
}

const BUTTON: &str = "button { padding: 4px; background-color: red; color: black }";

fn button() -> Query {
    Query::new(vec![Element::new("Button")], Context::default())
}

fn renderer() -> Renderer {
    Renderer::new(
        Fonts::deterministic().expect("fonts-dejavu-core is installed"),
        Images::with_fallback(Vec::new()),
    )
}

fn draw(renderer: &mut Renderer, styler: &Styler, scene: &Scene<'_>) -> Rendered {
    renderer
        .render(styler, styler.theme().palette(), scene)
        .unwrap()
}

/// Each part drawn: its element and rectangle.
fn placed(rendered: &Rendered) -> Vec<(String, union_model::geometry::Rect)> {
    rendered
        .scene
        .parts
        .iter()
        .map(|p| (p.element.to_string(), p.rect))
        .collect()
}

/// A folder of its own under the temporary folder, empty.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("union-skia-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_control_drawn_again_has_the_same_pixels_and_parts() {
    let styler = Styler::new(theme(BUTTON));
    let mut renderer = renderer();
    let query = button();
    let scene = Scene {
        scale: 1.5,
        margin: 2.0,
        ..Scene::new(&query)
    };
    let first = draw(&mut renderer, &styler, &scene);
    let again = draw(&mut renderer, &styler, &scene);
    assert_eq!(first.pixmap.data(), again.pixmap.data());
    assert_eq!(first.size, again.size);
    assert_eq!(placed(&first), placed(&again));
    renderer.forget_layouts();
    let fresh = draw(&mut renderer, &styler, &scene);
    assert_eq!(first.pixmap.data(), fresh.pixmap.data(), "laid out anew");
    assert_eq!(placed(&first), placed(&fresh));
    assert!(
        placed(&first).iter().any(|(element, _)| element == "Text"),
        "a button draws its label: {:?}",
        placed(&first)
    );
}

#[test]
fn a_new_theme_is_laid_out_again() {
    let styler = Styler::new(theme(BUTTON));
    let mut renderer = renderer();
    let query = button();
    let scene = Scene::new(&query);
    let before = draw(&mut renderer, &styler, &scene);
    styler.set_theme(theme(
        "button { padding: 20px; background-color: blue; color: black }",
    ));
    let after = draw(&mut renderer, &styler, &scene);
    assert_eq!(
        (after.size.0 - before.size.0, after.size.1 - before.size.1),
        (32.0, 32.0),
        "16 px more padding on each side"
    );
    let centre = |r: &Rendered| {
        let p = r.pixmap.pixel(1, 1).unwrap();
        (p.red(), p.blue())
    };
    assert_eq!((centre(&before), centre(&after)), ((255, 0), (0, 255)));
}

#[test]
fn other_scenes_are_laid_out_again() {
    let styler = Styler::new(theme(BUTTON));
    let mut renderer = renderer();
    let query = button();
    let short = draw(
        &mut renderer,
        &styler,
        &Scene {
            text: Some("Go"),
            ..Scene::new(&query)
        },
    );
    let long = draw(
        &mut renderer,
        &styler,
        &Scene {
            text: Some("Go somewhere far away"),
            ..Scene::new(&query)
        },
    );
    assert!(long.size.0 > short.size.0 + 50.0, "{long:?} vs {short:?}");
    let sized = draw(
        &mut renderer,
        &styler,
        &Scene {
            text: Some("Go"),
            size: Some((120.0, 30.0)),
            ..Scene::new(&query)
        },
    );
    assert_eq!(sized.size, (120.0, 30.0));
    let doubled = draw(
        &mut renderer,
        &styler,
        &Scene {
            text: Some("Go"),
            scale: 2.0,
            ..Scene::new(&query)
        },
    );
    // The label is laid out at the new scale: its ink is twice as wide.
    let (one, two) = (ink_width(&short), ink_width(&doubled));
    assert!(
        one > 5 && (two as f32 / one as f32 - 2.0).abs() < 0.2,
        "{one} then {two}"
    );
}

/// How many columns hold dark (text) pixels over the red background.
fn ink_width(rendered: &Rendered) -> u32 {
    let pixmap = &rendered.pixmap;
    let columns = (0..pixmap.width()).filter(|&x| {
        (0..pixmap.height()).any(|y| {
            pixmap
                .pixel(x, y)
                .is_some_and(|p| p.red() < 128 && p.alpha() == 255)
        })
    });
    let columns: Vec<u32> = columns.collect();
    match (columns.first(), columns.last()) {
        (Some(first), Some(last)) => last - first + 1,
        _ => 0,
    }
}

#[test]
fn other_fonts_measure_text_again() {
    let styler = Styler::new(theme(BUTTON));
    let mut renderer = renderer();
    let query = button();
    let scene = Scene {
        text: Some("Measured with these fonts"),
        ..Scene::new(&query)
    };
    let regular = draw(&mut renderer, &styler, &scene);
    // The same family in bold only: every label is wider.
    let bold = scratch_dir("bold-fonts");
    std::fs::copy(
        std::path::Path::new(union_skia::DEFAULT_FONT_DIR).join("DejaVuSans-Bold.ttf"),
        bold.join("DejaVuSans-Bold.ttf"),
    )
    .unwrap();
    renderer.fonts = Fonts::from_dir(&bold).unwrap();
    let wider = draw(&mut renderer, &styler, &scene);
    assert!(
        wider.size.0 > regular.size.0,
        "{:?} vs {:?}",
        wider.size,
        regular.size
    );
    let _ = std::fs::remove_dir_all(bold);
}

#[test]
fn other_images_find_icons_again() {
    let styler = Styler::new(theme(BUTTON));
    let mut renderer = renderer();
    let query = button();
    let scene = Scene {
        icon: Some("union-test-star"),
        ..Scene::new(&query)
    };
    let has_icon = |r: &Rendered| {
        r.scene
            .parts
            .iter()
            .any(|p| p.element.type_name() == "Icon")
    };
    let without = draw(&mut renderer, &styler, &scene);
    assert!(!has_icon(&without), "no folder has the icon yet");
    let icons = scratch_dir("icons");
    std::fs::write(
        icons.join("union-test-star.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16" fill="blue"/></svg>"#,
    )
    .unwrap();
    renderer.images = Images::with_fallback(vec![icons.clone()]);
    let with = draw(&mut renderer, &styler, &scene);
    assert!(
        has_icon(&with),
        "the new images find it: {:?}",
        placed(&with)
    );
    let _ = std::fs::remove_dir_all(icons);
}
