//! union-ksvg on a frame written for the purpose (`tests/theme/frame.svg`):
//! prefixes, every margin hint, insets, stretched and tiled pieces, pieces
//! inside transformed groups, recolouring, and whole-pixel seams at
//! fractional scales.

use std::path::Path;
use union_ksvg::{Borders, ColorScheme, Edges, FrameInfo, SvgDocument, render_frame};
use union_model::Palette;
use union_model::values::{ColorRole, ColorSet, Rgba};

fn frame_svg(palette: Palette) -> SvgDocument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/theme/frame.svg");
    SvgDocument::load(&path, &ColorScheme::new(palette)).unwrap_or_else(|e| panic!("{e}"))
}

fn pixel(pixmap: &tiny_skia::Pixmap, x: u32, y: u32) -> [u8; 4] {
    let p = pixmap
        .pixel(x, y)
        .unwrap_or_else(|| panic!("({x}, {y}) is outside"));
    [p.red(), p.green(), p.blue(), p.alpha()]
}

#[test]
fn margins_come_from_hints_else_from_pieces() {
    let svg = frame_svg(Palette::breeze_light());
    let plain = FrameInfo::new(&svg, "plain", Borders::ALL);
    assert!(plain.prefix_found);
    assert_eq!(plain.prefix, "plain-");
    assert_eq!(
        plain.margins,
        Edges {
            left: 7.0,   // hint-left-margin (invisible, still measured)
            top: 5.0,    // hint-top-margin is 5.9999 tall: truncated, as libplasma does
            right: 6.0,  // no hint: the right piece's width
            bottom: 5.0, // no hint: the bottom piece's height
        }
    );
    assert_eq!(plain.fixed_margins, plain.margins);
    let insets = plain
        .insets
        .unwrap_or_else(|| panic!("plain has an inset hint"));
    assert_eq!((insets.top, insets.left), (2.0, -1.0));
    assert!(plain.stretch_borders && !plain.tile_center);

    // Disabled borders have no margin; fixed margins keep them.
    let no_left = FrameInfo::new(
        &svg,
        "plain",
        Borders {
            left: false,
            ..Borders::ALL
        },
    );
    assert_eq!(no_left.margins.left, 0.0);
    assert_eq!(no_left.fixed_margins.left, 7.0);

    // Pieces inside a scaled group are measured with the group's transform.
    let tiled = FrameInfo::new(&svg, "tiled", Borders::ALL);
    assert_eq!(
        tiled.pieces,
        Edges {
            left: 4.0,
            top: 4.0,
            right: 4.0,
            bottom: 4.0
        }
    );
    assert!(tiled.tile_center && !tiled.stretch_borders);
    assert!(tiled.insets.is_none());

    // A missing prefix: not found, and libplasma would use the bare names.
    let missing = FrameInfo::new(&svg, "pressed", Borders::ALL);
    assert!(!missing.prefix_found);
    assert_eq!(missing.prefix, "");
    assert!(render_frame(&svg, &missing, (40.0, 20.0), 1.0).is_none());
}

#[test]
fn pieces_tile_the_frame_without_gaps_or_overlaps_at_every_scale() {
    let svg = frame_svg(Palette::breeze_light());
    for prefix in ["plain", "tiled"] {
        let info = FrameInfo::new(&svg, prefix, Borders::ALL);
        for scale in [1.0, 1.25, 1.5, 2.0] {
            let pixmap = render_frame(&svg, &info, (37.0, 23.0), scale)
                .unwrap_or_else(|| panic!("{prefix}@{scale} draws"));
            assert_eq!(
                (pixmap.width(), pixmap.height()),
                ((37.0 * scale).round() as u32, (23.0 * scale).round() as u32)
            );
            // Every piece is opaque: a gap shows as a translucent pixel.
            let seams = pixmap.pixels().iter().filter(|p| p.alpha() != 255).count();
            assert_eq!(seams, 0, "{prefix}@{scale}: {seams} pixels are not covered");
            // The corners keep their colours at the frame's corners.
            assert_eq!(pixel(&pixmap, 0, 0)[..3], [255, 0, 0]);
            let (w, h) = (pixmap.width() - 1, pixmap.height() - 1);
            assert_eq!(pixel(&pixmap, w, h)[..3], [128, 0, 0]);
        }
    }
}

#[test]
fn the_centre_is_recoloured_by_the_colour_scheme() {
    let mut palette = Palette::breeze_light();
    palette.set(
        ColorSet::Window,
        ColorRole::ForegroundNormal,
        Rgba::rgb8(10, 200, 30),
    );
    let svg = frame_svg(palette);
    assert!(svg.is_recoloured());
    let info = FrameInfo::new(&svg, "plain", Borders::ALL);
    let pixmap = render_frame(&svg, &info, (40.0, 30.0), 1.0).unwrap_or_else(|| panic!("drawn"));
    // ColorScheme-Text takes the window's text colour, over the file's own
    // `#000000` rule.
    assert_eq!(pixel(&pixmap, 20, 15), [10, 200, 30, 255]);
}

/// A nine-piece frame whose centre is a horizontal gradient (it changes
/// along x) and whose sides are flat.
fn gradient_frame() -> SvgDocument {
    let mut text = String::from(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="30" height="30">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0">
    <stop offset="0" stop-color="#ff0000"/><stop offset="1" stop-color="#0000ff"/>
  </linearGradient></defs>
  <rect id="center" x="10" y="10" width="10" height="10" fill="url(#g)"/>
"##,
    );
    for (id, x, y) in [
        ("topleft", 0, 0),
        ("top", 10, 0),
        ("topright", 20, 0),
        ("left", 0, 10),
        ("right", 20, 10),
        ("bottomleft", 0, 20),
        ("bottom", 10, 20),
        ("bottomright", 20, 20),
    ] {
        text.push_str(&format!(
            "  <rect id=\"{id}\" x=\"{x}\" y=\"{y}\" width=\"10\" height=\"10\" fill=\"#208040\"/>\n"
        ));
    }
    text.push_str("</svg>\n");
    SvgDocument::from_text(
        text,
        Path::new("gradient.svg"),
        &ColorScheme::new(Palette::breeze_light()),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Loads a fresh document.
type Loader = fn() -> SvgDocument;

#[test]
fn frames_at_new_sizes_equal_fresh_drawings_whatever_was_drawn_before() {
    let documents: [(Loader, &str); 3] = [
        (|| frame_svg(Palette::breeze_light()), "plain"),
        (|| frame_svg(Palette::breeze_light()), "tiled"),
        (gradient_frame, ""),
    ];
    for (load, prefix) in documents {
        let shared = load();
        let info = FrameInfo::new(&shared, prefix, Borders::ALL);
        for scale in [1.0, 1.25, 1.5, 2.0] {
            // Wider, then narrower, then taller than before.
            for size in [(60.0, 23.0), (37.0, 23.0), (91.0, 23.0), (37.0, 30.0)] {
                let reused = render_frame(&shared, &info, size, scale)
                    .unwrap_or_else(|| panic!("{prefix:?} draws"));
                let fresh = render_frame(&load(), &info, size, scale)
                    .unwrap_or_else(|| panic!("{prefix:?} draws"));
                assert!(
                    reused.data() == fresh.data(),
                    "{prefix:?} {size:?}@{scale}: drawn after other sizes, it differs"
                );
            }
        }
    }
    // The gradient really changes along x, so a repeated column would show.
    let svg = gradient_frame();
    let info = FrameInfo::new(&svg, "", Borders::ALL);
    let pixmap = render_frame(&svg, &info, (60.0, 30.0), 1.0).unwrap_or_else(|| panic!("drawn"));
    assert_ne!(pixel(&pixmap, 12, 15), pixel(&pixmap, 47, 15));
}
