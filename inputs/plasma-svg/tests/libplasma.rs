//! Fidelity against libplasma itself: every frame `scripts/plasma-reference`
//! drew with KDE's `FrameSvg` (Debian's five desktop themes, scales 1 to 2)
//! is drawn again by Union and compared. Margins, fixed margins, insets,
//! the prefix found and the file chosen must be equal; pixels may differ
//! by antialiasing only (see `TOLERANCE`). The figures per theme are
//! written to `target/plasma-fidelity.txt`; failures write expected | diff
//! | actual under `target/snapshot-diffs/plasma/`.

use serde_json::Value as Json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tiny_skia::Pixmap;
use union_input_plasma::{PlasmaTheme, Variant, frame_report};
use union_test_support::image::{compare, write_diff_image};
use union_test_support::plasma_cache as cache;

/// Per-channel difference a pixel may have before it counts as different:
/// resvg and `QtSvg` antialias edges differently.
const PER_CHANNEL: u8 = 24;
/// How many pixels of a frame may differ by more, as a fraction of its
/// area: only the antialiased outlines of rounded corners may.
const MAX_DIFFERING: f32 = 0.03;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn number(json: &Json, path: &str) -> f32 {
    json.pointer(path)
        .and_then(Json::as_f64)
        .unwrap_or(f64::NAN) as f32
}

#[derive(Default)]
struct Figures {
    frames: usize,
    max_difference: u8,
    worst_share: f32,
    worst: String,
}

/// `theme image prefix` of the frames listed in `known-gaps.txt`.
fn known_gaps() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/known-gaps.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let words: Vec<&str> = l.split_whitespace().take(3).collect();
            let [theme, image, prefix] = words.as_slice() else {
                return None;
            };
            let prefix = if *prefix == "-" { "" } else { prefix };
            Some(format!("{theme} {image} {prefix:?}"))
        })
        .collect()
}

/// One frame libplasma drew: its theme, image, prefix, logical size and
/// scale, and the whole JSON line.
struct Reference {
    json: Json,
    theme: String,
    image: String,
    prefix: String,
    size: (f32, f32),
    scale: f32,
}

/// Every reference frame `scripts/plasma-reference` wrote.
fn references() -> Vec<Reference> {
    let path = cache().join("frames/reference.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: run scripts/plasma-reference first (scripts/test does)",
            path.display()
        )
    });
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let json: Json = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            let text_of = |key: &str| json[key].as_str().unwrap_or_default().to_owned();
            Reference {
                theme: text_of("theme"),
                image: text_of("image"),
                prefix: text_of("prefix"),
                size: (number(&json, "/size/0"), number(&json, "/size/1")),
                scale: number(&json, "/scale"),
                json,
            }
        })
        .collect()
}

/// The themes the references name, opened once each.
#[derive(Default)]
struct Themes(HashMap<String, PlasmaTheme>);

impl Themes {
    fn get(&mut self, name: &str) -> &PlasmaTheme {
        let search = [cache().join("themes/usr/share/plasma/desktoptheme")];
        self.0
            .entry(name.to_owned())
            .or_insert_with(|| PlasmaTheme::open(name, &search).unwrap_or_else(|e| panic!("{e}")))
    }
}

#[test]
fn frames_look_like_libplasma_draws_them() {
    let gaps = known_gaps();
    let mut gap_failures: HashMap<String, usize> = HashMap::new();
    let diffs = root().join("target/snapshot-diffs/plasma");
    let mut themes = Themes::default();
    let mut figures: HashMap<String, Figures> = HashMap::new();
    let mut failures = Vec::new();
    for Reference {
        json: reference,
        theme: theme_name,
        image,
        prefix,
        size,
        scale,
    } in references()
    {
        let text_of = |key: &str| reference[key].as_str().unwrap_or_default().to_owned();
        let frame = format!("{theme_name} {image} {prefix:?}");
        let name = format!("{frame} {}x{}@{scale}", size.0, size.1);
        let failures_before = failures.len();
        let theme = themes.get(&theme_name);
        let (pixmap, report) = frame_report(theme, &image, &prefix, Variant::Opaque, size, scale)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let ours = report.to_json();

        // Metrics: exactly libplasma's.
        for key in ["margins", "fixed_margins"] {
            for side in ["left", "top", "right", "bottom"] {
                let path = format!("/{key}/{side}");
                let (want, got) = (number(&reference, &path), number(&ours, &path));
                if want != got {
                    failures.push(format!(
                        "{name}: {key}.{side} is {got}, libplasma says {want}"
                    ));
                }
            }
        }
        let inset_sides = ["left", "top", "right", "bottom"].map(|s| {
            let want = number(&reference, &format!("/insets/{s}"));
            let got = if ours["insets"].is_null() {
                -1.0
            } else {
                number(&ours, &format!("/insets/{s}"))
            };
            (s, want, got)
        });
        for (side, want, got) in inset_sides {
            if want != got {
                failures.push(format!(
                    "{name}: inset {side} is {got}, libplasma says {want}"
                ));
            }
        }
        if reference["prefix_found"] != ours["prefix_found"] {
            failures.push(format!("{name}: prefix_found differs from libplasma"));
        }
        if reference["file"].as_str() != ours["file"].as_str() {
            failures.push(format!(
                "{name}: uses {}, libplasma uses {}",
                ours["file"], reference["file"]
            ));
        }

        // Pixels.
        let saved = reference["saved"].as_bool().unwrap_or(false);
        let figure = figures.entry(theme_name.clone()).or_default();
        match (saved, pixmap) {
            (false, None) => {}
            (false, Some(_)) => failures.push(format!("{name}: libplasma draws nothing here")),
            (true, None) => failures.push(format!("{name}: drew nothing")),
            (true, Some(actual)) => {
                let path = text_of("out");
                let expected = Pixmap::load_png(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
                if (expected.width(), expected.height()) != (actual.width(), actual.height()) {
                    failures.push(format!(
                        "{name}: {}×{} pixels, libplasma's are {}×{}",
                        actual.width(),
                        actual.height(),
                        expected.width(),
                        expected.height()
                    ));
                    if gaps.contains(&frame) {
                        let known = failures.split_off(failures_before);
                        *gap_failures.entry(frame).or_default() += known.len();
                    }
                    continue;
                }
                let result = compare(&expected, &actual, PER_CHANNEL);
                let area = (expected.width() * expected.height()) as f32;
                let share = result.differing as f32 / area;
                figure.frames += 1;
                figure.max_difference = figure.max_difference.max(result.max_difference);
                if share > figure.worst_share {
                    figure.worst_share = share;
                    figure.worst.clone_from(&name);
                }
                if share > MAX_DIFFERING {
                    let file = name.replace([' ', '/', '"'], "_");
                    write_diff_image(&diffs, &file, &expected, &actual, PER_CHANNEL);
                    failures.push(format!(
                        "{name}: {} pixels ({:.1}%) differ by more than {PER_CHANNEL} (max {})",
                        result.differing,
                        share * 100.0,
                        result.max_difference
                    ));
                }
            }
        }
        if gaps.contains(&frame) {
            let known = failures.split_off(failures_before);
            *gap_failures.entry(frame).or_default() += known.len();
        }
    }
    for gap in &gaps {
        assert!(
            gap_failures.get(gap).copied().unwrap_or(0) > 0,
            "{gap} now matches libplasma: remove it from tests/known-gaps.txt"
        );
    }
    // Every theme, every frame: a missing or cut-short reference run is a
    // failure, not a pass.
    let compared: usize = figures.values().map(|f| f.frames).sum();
    assert_eq!(
        figures.len(),
        6,
        "references for the five Debian themes and union-default-plain, got {:?}",
        figures.keys().collect::<Vec<_>>()
    );
    assert!(
        compared >= 300,
        "only {compared} frames were compared: run scripts/plasma-reference again"
    );
    let mut report = String::from(
        "theme          frames  max diff  worst frame (share of pixels over tolerance)\n",
    );
    let mut names: Vec<&String> = figures.keys().collect();
    names.sort();
    for theme in names {
        let f = &figures[theme];
        report.push_str(&format!(
            "{theme:<14} {:>6}  {:>8}  {} ({:.2}%)\n",
            f.frames,
            f.max_difference,
            f.worst,
            f.worst_share * 100.0
        ));
    }
    report.push_str(&format!(
        "\nknown gaps (tests/known-gaps.txt): {} frames, {} failing comparisons\n",
        gaps.len(),
        gap_failures.values().sum::<usize>()
    ));
    let _ = std::fs::create_dir_all(root().join("target"));
    let _ = std::fs::write(root().join("target/plasma-fidelity.txt"), &report);
    assert!(
        failures.is_empty(),
        "{} of the frames differ from libplasma's:\n{}\n\n{report}",
        failures.len(),
        failures.join("\n")
    );
}

/// The reference program draws with `reference/kdeglobals`; Union draws
/// themes without a `colors` file with `Palette::breeze_light()`. The two
/// must be the same scheme, or colour differences hide in the tolerance.
#[test]
fn the_reference_colour_scheme_is_unions_default_palette() {
    let text = std::fs::read_to_string(root().join("inputs/plasma-svg/reference/kdeglobals"))
        .unwrap_or_else(|e| panic!("reference/kdeglobals: {e}"));
    let (palette, problems) = union_input_plasma::parse_colors(&text, &union_model::Palette::new());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(palette, union_model::Palette::breeze_light());
}

/// A document keeps the pieces it drew, and reuses pieces that are
/// constant along an axis at new lengths. Whatever it drew before, a frame
/// must come out exactly as a fresh document draws it: every reference
/// frame is drawn after the same frame at three other sizes, at the
/// reference's scale and at 1.25 and 1.5, and compared pixel for pixel.
#[test]
fn frames_drawn_after_other_sizes_equal_fresh_drawings() {
    use union_ksvg::{Borders, ColorScheme, FrameInfo, SvgDocument, render_frame};
    let mut themes = Themes::default();
    // By theme and file: a theme's palette recolours the files it borrows
    // from the default theme.
    let mut documents: HashMap<(String, PathBuf), SvgDocument> = HashMap::new();
    let mut compared = 0;
    let mut failures = Vec::new();
    for Reference {
        theme: theme_name,
        image,
        prefix,
        size,
        scale: reference_scale,
        ..
    } in references()
    {
        let theme = themes.get(&theme_name);
        let Some(file) = theme.image(&image, Variant::Opaque) else {
            continue;
        };
        let colors = ColorScheme::new(theme.palette.clone());
        let load = || SvgDocument::load(&file.path, &colors).unwrap_or_else(|e| panic!("{e}"));
        let shared = documents
            .entry((theme_name.clone(), file.path.clone()))
            .or_insert_with(load);
        for scale in [reference_scale, 1.25, 1.5] {
            let info = FrameInfo::new(shared, &prefix, Borders::ALL);
            for other in [
                (size.0 + 23.0, size.1),
                (size.0, size.1 + 11.0),
                (size.0 + 9.0, size.1 + 4.0),
            ] {
                render_frame(shared, &info, other, scale);
            }
            let reused = render_frame(shared, &info, size, scale);
            let fresh_document = load();
            let fresh = render_frame(&fresh_document, &info, size, scale);
            compared += 1;
            let same = match (&reused, &fresh) {
                (Some(a), Some(b)) => a.data() == b.data() && a.width() == b.width(),
                (None, None) => true,
                _ => false,
            };
            if !same {
                let detail = match (&reused, &fresh) {
                    (Some(a), Some(b)) if a.width() == b.width() => {
                        let result = compare(b, a, 0);
                        let first = a
                            .pixels()
                            .iter()
                            .zip(b.pixels())
                            .position(|(x, y)| x != y)
                            .map(|i| (i as u32 % a.width(), i as u32 / a.width()));
                        format!(
                            "{} pixels differ, by up to {}; the first at {first:?}",
                            result.differing, result.max_difference
                        )
                    }
                    _ => "one of them is missing or of another size".to_owned(),
                };
                failures.push(format!(
                    "{theme_name} {image} {prefix:?} {}x{}@{scale}: {detail}",
                    size.0, size.1
                ));
            }
        }
    }
    assert!(compared >= 900, "only {compared} frames were compared");
    assert!(
        failures.is_empty(),
        "{} frames differ from fresh drawings:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
