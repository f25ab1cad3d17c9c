//! Nine-piece frames, drawn the way libplasma's `FrameSvg` draws them.
//!
//! A frame is the elements `<prefix>-topleft`, `-top`, `-topright`,
//! `-left`, `-center`, `-right`, `-bottomleft`, `-bottom` and
//! `-bottomright` of one SVG (the prefix is a state or variant such as
//! `normal`, `pressed`, `focus`; frames without one use the bare names).
//! Corners keep their size; sides are tiled along their edge (stretched
//! with `hint-stretch-borders`); the centre is stretched (tiled with
//! `hint-tile-center`). Margins are the `<prefix>-hint-*-margin` elements'
//! sizes, else the sides' sizes. All geometry is in whole device pixels,
//! computed as libplasma does, so pieces never overlap or leave gaps at
//! fractional scales.

use crate::document::SvgDocument;
use crate::piece::Piece;
use crate::stretch::FrameKey;
use tiny_skia::Pixmap;

/// The largest frame side drawn, in device pixels.
pub const MAX_FRAME_SIDE: u32 = 16384;

/// Which borders of a frame are drawn (panels drop the ones at screen
/// edges).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Borders {
    /// The left border.
    pub left: bool,
    /// The top border.
    pub top: bool,
    /// The right border.
    pub right: bool,
    /// The bottom border.
    pub bottom: bool,
}

impl Borders {
    /// Every border.
    pub const ALL: Borders = Borders {
        left: true,
        top: true,
        right: true,
        bottom: true,
    };
}

/// Four values, one per side.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Edges {
    /// Left.
    pub left: f32,
    /// Top.
    pub top: f32,
    /// Right.
    pub right: f32,
    /// Bottom.
    pub bottom: f32,
}

/// What a frame prefix resolves to, and its metrics in logical px.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameInfo {
    /// The prefix asked for (`normal`, or empty).
    pub requested: String,
    /// Whether the SVG has it (`<prefix>-center` exists).
    pub prefix_found: bool,
    /// The element-name prefix used: `normal-`, or empty when the
    /// requested one is missing (libplasma then uses the bare names).
    pub prefix: String,
    /// The borders drawn.
    pub borders: Borders,
    /// Content margins of the drawn borders (0 for disabled ones).
    pub margins: Edges,
    /// Content margins as if every border were drawn.
    pub fixed_margins: Edges,
    /// `<prefix>-hint-*-inset` sizes (-1 for a side without one), if any.
    pub insets: Option<Edges>,
    /// Widths of the left and right pieces and heights of the top and
    /// bottom ones, for the drawn borders.
    pub pieces: Edges,
    /// `hint-tile-center`.
    pub tile_center: bool,
    /// `hint-stretch-borders`.
    pub stretch_borders: bool,
    /// `<prefix>-hint-compose-over-border` with a `mask-<prefix>center`:
    /// the centre fills the whole frame, cut to the mask's shape.
    pub compose_over_border: bool,
    /// `hint-no-border-padding`: margins are all 0.
    pub no_border_padding: bool,
    /// The nine pieces' element ids (in [`PIECES`] order), and whether the
    /// SVG has each.
    ids: [(String, bool); 9],
}

impl FrameInfo {
    /// Resolves `prefix` in `svg` with `borders` drawn.
    pub fn new(svg: &SvgDocument, prefix: &str, borders: Borders) -> FrameInfo {
        let prefix_found = if prefix.is_empty() {
            svg.has_element("center")
        } else {
            svg.has_element(&format!("{prefix}-center"))
        };
        let actual = if !prefix.is_empty() && prefix_found {
            format!("{prefix}-")
        } else {
            String::new()
        };
        Self::with_prefix(svg, prefix, prefix_found, actual, borders)
    }

    fn with_prefix(
        svg: &SvgDocument,
        requested: &str,
        prefix_found: bool,
        p: String,
        borders: Borders,
    ) -> FrameInfo {
        let has = |name: &str| svg.has_element(&format!("{p}{name}"));
        let size = |name: &str| svg.element_size(&format!("{p}{name}"));
        let hint = |name: &str| has(name) || svg.has_element(name);
        let width = |name: &str| size(name).0 as f32;
        let height = |name: &str| size(name).1 as f32;
        // libplasma keeps a hint's size in whole units, truncated (a
        // 5.99998 tall hint is a 5 px margin); pieces' sizes are rounded.
        let hint_size = |name: &str, horizontal: bool| {
            svg.element_extent(&format!("{p}{name}"))
                .map_or(0.0, |(w, h)| {
                    (if horizontal { w } else { h }).trunc() as f32
                })
        };
        let margin = |side: &str, horizontal: bool| {
            let hint = format!("hint-{side}-margin");
            if has(&hint) {
                hint_size(&hint, horizontal)
            } else if horizontal {
                width(side)
            } else {
                height(side)
            }
        };
        let fixed_margins = Edges {
            left: margin("left", true),
            top: margin("top", false),
            right: margin("right", true),
            bottom: margin("bottom", false),
        };
        let on = |enabled: bool, value: f32| if enabled { value } else { 0.0 };
        let no_border_padding = hint("hint-no-border-padding");
        let margins = Edges {
            left: on(borders.left, fixed_margins.left),
            top: on(borders.top, fixed_margins.top),
            right: on(borders.right, fixed_margins.right),
            bottom: on(borders.bottom, fixed_margins.bottom),
        };
        let inset = |side: &str, horizontal: bool| {
            let name = format!("hint-{side}-inset");
            has(&name).then(|| hint_size(&name, horizontal))
        };
        let insets = [
            inset("left", true),
            inset("top", false),
            inset("right", true),
            inset("bottom", false),
        ];
        let insets = insets.iter().any(Option::is_some).then(|| Edges {
            left: insets[0].unwrap_or(-1.0),
            top: insets[1].unwrap_or(-1.0),
            right: insets[2].unwrap_or(-1.0),
            bottom: insets[3].unwrap_or(-1.0),
        });
        let zero = Edges::default();
        FrameInfo {
            requested: requested.to_owned(),
            prefix_found,
            pieces: Edges {
                left: on(borders.left, width("left")),
                top: on(borders.top, height("top")),
                right: on(borders.right, width("right")),
                bottom: on(borders.bottom, height("bottom")),
            },
            margins: if no_border_padding { zero } else { margins },
            fixed_margins: if no_border_padding {
                zero
            } else {
                fixed_margins
            },
            insets,
            borders,
            tile_center: hint("hint-tile-center"),
            stretch_borders: hint("hint-stretch-borders"),
            compose_over_border: has("hint-compose-over-border")
                && svg.has_element(&format!("mask-{p}center")),
            no_border_padding,
            ids: PIECES.map(|piece| {
                let id = format!("{p}{piece}");
                let present = svg.has_element(&id);
                (id, present)
            }),
            prefix: p,
        }
    }
}

/// An integer rectangle in device pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Area {
    x: i32,
    y: i32,
    w: i32,
    h: i32,
}

impl Area {
    fn is_empty(self) -> bool {
        self.w <= 0 || self.h <= 0
    }
}

/// Where each piece goes for a `full` frame around `content` (libplasma's
/// section rectangles: the content's edges split the frame).
fn section(piece: &str, content: Area, full: (i32, i32)) -> Area {
    let (cl, ct) = (content.x, content.y);
    let (cr, cb) = (content.x + content.w, content.y + content.h);
    let (fw, fh) = full;
    let (x, w) = match piece {
        "left" | "topleft" | "bottomleft" => (0, cl),
        "right" | "topright" | "bottomright" => (cr, fw - cr),
        _ => (cl, content.w),
    };
    let (y, h) = match piece {
        "top" | "topleft" | "topright" => (0, ct),
        "bottom" | "bottomleft" | "bottomright" => (cb, fh - cb),
        _ => (ct, content.h),
    };
    Area { x, y, w, h }
}

/// The nine pieces' names.
const PIECES: [&str; 9] = [
    "topleft",
    "top",
    "topright",
    "left",
    "center",
    "right",
    "bottomleft",
    "bottom",
    "bottomright",
];

impl FrameInfo {
    /// The element id of `piece` (one of [`PIECES`]) and whether it exists.
    fn piece(&self, piece: &str) -> (&str, bool) {
        PIECES
            .iter()
            .position(|p| *p == piece)
            .and_then(|i| self.ids.get(i))
            .map_or(("", false), |(id, present)| (id.as_str(), *present))
    }
}

/// Draws the frame at `size` (logical px) and `scale` device pixels per
/// logical pixel, as `FrameSvg::framePixmap` does. `None` when the frame
/// has no pieces (libplasma draws nothing then) or the size is empty or
/// too large.
pub fn render_frame(
    svg: &SvgDocument,
    info: &FrameInfo,
    size: (f32, f32),
    scale: f32,
) -> Option<Pixmap> {
    // A missing prefix falls back to the bare pieces, as libplasma's
    // `setElementPrefix` does; with no pieces at all it draws nothing.
    let any_piece = info.ids.iter().any(|(_, present)| *present);
    if !(any_piece && scale.is_finite() && scale > 0.0) {
        return None;
    }
    // The frame is sized in whole logical pixels, then in device pixels.
    let logical = (size.0.round(), size.1.round());
    let full = (
        (logical.0 * scale).round() as i32,
        (logical.1 * scale).round() as i32,
    );
    if full.0 <= 0
        || full.1 <= 0
        || full.0 as u32 > MAX_FRAME_SIDE
        || full.1 as u32 > MAX_FRAME_SIDE
    {
        return None;
    }
    let content = content_area(info, full, scale);
    let key = FrameKey {
        info,
        height: full.1,
        scale_bits: scale.to_bits(),
    };
    let (left, right) = (content.x, full.0 - content.x - content.w);
    if let Some(widened) = svg.frames().widen(&key, full.0, left, right) {
        return Some(widened);
    }
    let mut record = Record {
        rows_constant: true,
    };
    let pixmap = draw_frame(svg, info, scale, full, content, &mut record)?;
    if record.rows_constant && content.h >= 0 {
        svg.frames().keep(&key, &pixmap, left, right);
    }
    Some(pixmap)
}

/// The content rectangle of a `full`-sized frame: what its borders leave
/// (libplasma truncates the scaled piece sizes to whole pixels).
fn content_area(info: &FrameInfo, full: (i32, i32), scale: f32) -> Area {
    let pieces = info.pieces;
    Area {
        x: if info.borders.left && info.piece("left").1 {
            (pieces.left * scale) as i32
        } else {
            0
        },
        y: if info.borders.top && info.piece("top").1 {
            (pieces.top * scale) as i32
        } else {
            0
        },
        w: (full.0 as f32 - pieces.left * scale - pieces.right * scale) as i32,
        h: (full.1 as f32 - pieces.top * scale - pieces.bottom * scale) as i32,
    }
}

/// Whether every piece drawn between the frame's left and right borders
/// has rows of one colour at any width.
struct Record {
    rows_constant: bool,
}

/// Draws the frame's pieces (see [`render_frame`]).
fn draw_frame(
    svg: &SvgDocument,
    info: &FrameInfo,
    scale: f32,
    full: (i32, i32),
    content: Area,
    record: &mut Record,
) -> Option<Pixmap> {
    let mut pixmap = Pixmap::new(full.0 as u32, full.1 as u32)?;
    let pieces = info.pieces;
    let whole = Area {
        x: 0,
        y: 0,
        w: full.0,
        h: full.1,
    };
    let (center, _) = info.piece("center");
    if !content.is_empty() {
        let area = if info.compose_over_border {
            whole
        } else {
            content
        };
        // The frame is still empty.
        if info.tile_center {
            let (tw, th) = svg.element_size(center);
            tile(
                svg,
                center,
                &mut pixmap,
                area,
                (tw, th),
                Put::Copy,
                Some(record),
            );
        } else {
            draw(svg, center, &mut pixmap, area, Put::Copy, Some(record));
        }
    }
    if info.compose_over_border {
        let mask_info = FrameInfo::with_prefix(
            svg,
            &format!("mask-{}", info.requested),
            true,
            format!("mask-{}", info.prefix),
            info.borders,
        );
        let mask_info = FrameInfo {
            compose_over_border: false,
            ..mask_info
        };
        let mask_content = content_area(&mask_info, full, scale);
        // The mask's middle must be constant along x too, and its sides
        // must start where the frame's do.
        record.rows_constant &= mask_content.x == content.x && mask_content.w == content.w;
        let any_mask_piece = mask_info.ids.iter().any(|(_, present)| *present);
        let mask = if any_mask_piece {
            draw_frame(svg, &mask_info, scale, full, mask_content, record)
        } else {
            None
        };
        if let Some(mask) = mask
            && mask.data().len() == pixmap.data().len()
        {
            pixmap.draw_pixmap(
                0,
                0,
                mask.as_ref(),
                &tiny_skia::PixmapPaint {
                    blend_mode: tiny_skia::BlendMode::DestinationIn,
                    ..tiny_skia::PixmapPaint::default()
                },
                tiny_skia::Transform::identity(),
                None,
            );
        }
    }
    // Sections are disjoint unless the content is squeezed to nothing (then
    // the right and bottom ones overlap the left and top ones, as in
    // libplasma); with compose-over-border the centre lies under them.
    let put = if info.compose_over_border || content.w < 0 || content.h < 0 {
        Put::Over
    } else {
        Put::Copy
    };
    let borders = info.borders;
    let corners = [
        ("topleft", borders.top && borders.left),
        ("topright", borders.top && borders.right),
        ("bottomleft", borders.bottom && borders.left),
        ("bottomright", borders.bottom && borders.right),
    ];
    for (corner, enabled) in corners {
        let (id, present) = info.piece(corner);
        if enabled && present {
            draw(
                svg,
                id,
                &mut pixmap,
                section(corner, content, full),
                put,
                None,
            );
        }
    }
    let left_height = svg.element_size(info.piece("left").0).1 as f32;
    let top_width = svg.element_size(info.piece("top").0).0 as f32;
    let sides = [
        ("left", borders.left, (pieces.left, left_height)),
        ("right", borders.right, (pieces.right, left_height)),
        ("top", borders.top, (top_width, pieces.top)),
        ("bottom", borders.bottom, (top_width, pieces.bottom)),
    ];
    for (side, enabled, (w, h)) in sides {
        let tile_size = ((w * scale).round() as i32, (h * scale).round() as i32);
        let (id, present) = info.piece(side);
        if !enabled || !present || tile_size.0 <= 0 || tile_size.1 <= 0 {
            continue;
        }
        let area = section(side, content, full);
        let middle = matches!(side, "top" | "bottom").then_some(&mut *record);
        if info.stretch_borders {
            draw(svg, id, &mut pixmap, area, put, middle);
        } else {
            tile(svg, id, &mut pixmap, area, tile_size, put, middle);
        }
    }
    Some(pixmap)
}

/// How a piece meets what the frame already holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Put {
    /// The area is still transparent: copying is drawing.
    Copy,
    /// Something may be there: draw over it (source-over).
    Over,
}

/// Draws element `id` stretched over `area`; with a `record`, notes
/// whether it is constant along x at any width.
fn draw(
    svg: &SvgDocument,
    id: &str,
    pixmap: &mut Pixmap,
    area: Area,
    put: Put,
    record: Option<&mut Record>,
) {
    if area.is_empty() {
        return;
    }
    if let Some(piece) = svg.element_piece(id, area.w as u32, area.h as u32) {
        if let Some(record) = record {
            record.rows_constant &=
                matches!(piece, Piece::Rows { .. }) || svg.has_constant_rows(id, area.h as u32);
        }
        place(&piece, pixmap, area, put);
    }
}

/// Puts the top-left `area.w` × `area.h` pixels of `piece` at `area`.
fn place(piece: &Piece, pixmap: &mut Pixmap, area: Area, put: Put) {
    let (w, h) = (area.w as u32, area.h as u32);
    match put {
        Put::Copy => piece.copy_to(pixmap, area.x, area.y, w, h),
        Put::Over => piece.draw_over(pixmap, area.x, area.y, w, h),
    }
}

/// Draws element `id` at `tile` pixels, repeated over `area` from its
/// top-left corner and cut at its right and bottom edges.
/// With a `record`, notes whether the tiles' rows are each one colour.
fn tile(
    svg: &SvgDocument,
    id: &str,
    pixmap: &mut Pixmap,
    area: Area,
    tile: (i32, i32),
    put: Put,
    record: Option<&mut Record>,
) {
    if area.is_empty() || tile.0 <= 0 || tile.1 <= 0 {
        return;
    }
    let Some(piece) = svg.element_piece(id, tile.0 as u32, tile.1 as u32) else {
        return;
    };
    if let Some(record) = record {
        record.rows_constant &= piece.rows_constant();
    }
    let mut y = area.y;
    while y < area.y + area.h {
        let mut x = area.x;
        let h = tile.1.min(area.y + area.h - y);
        while x < area.x + area.w {
            let w = tile.0.min(area.x + area.w - x);
            place(&piece, pixmap, Area { x, y, w, h }, put);
            x += tile.0;
        }
        y += tile.1;
    }
}
