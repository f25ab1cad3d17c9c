//! One Plasma SVG file: its named elements, recoloured by a colour scheme.
//!
//! Plasma looks elements up by id, whether or not they draw anything (the
//! `hint-*` elements are usually invisible rectangles whose size is the
//! hint), and Qt measures an element with its invisible parts. usvg drops
//! what does not render, so the ids come from the XML itself, and
//! geometry from a second parse in which every element is forced visible.

use crate::colors::ColorScheme;
use crate::piece::{ElementPieces, Piece};
use crate::stretch::FrameCache;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};
use tiny_skia::{Pixmap, PixmapPaint, Rect, Transform};

/// The largest SVG file read, compressed or not.
pub const MAX_SVG_FILE: u64 = 8 << 20;
/// The largest an `.svgz` may inflate to.
pub const MAX_INFLATED: u64 = 32 << 20;

/// Why an SVG could not be used.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for SvgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for SvgError {}

/// A parsed, recoloured Plasma SVG.
pub struct SvgDocument {
    path: PathBuf,
    text: String,
    tree: usvg::Tree,
    ids: HashSet<String>,
    /// Sizes of `<rect>` elements computed in f64 from the XML, as Qt does
    /// (usvg's f32 turns a 5.99998 tall hint 942 units down the page into
    /// 6, where libplasma sees 5).
    rect_sizes: HashMap<String, (f64, f64)>,
    /// Every element forced visible, for the geometry of invisible ones.
    geometry: OnceLock<Option<usvg::Tree>>,
    recoloured: bool,
    /// Elements already drawn at whole-pixel sizes (frame pieces are drawn
    /// at the same sizes for many frame sizes).
    pieces: Mutex<Pieces>,
    /// Frames that can be drawn at new widths by repeating a column.
    frames: Mutex<FrameCache>,
    /// Element bounds already looked up (`None`: no such element).
    rects: Mutex<HashMap<String, Option<Rect>>>,
}

/// Element pieces by id, and how many entries they hold in all.
#[derive(Default)]
struct Pieces {
    by_id: HashMap<String, ElementPieces>,
    entries: usize,
}

/// How many piece entries a document keeps; it forgets them all when it
/// would keep more.
const MAX_PIECES: usize = 256;

impl fmt::Debug for SvgDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SvgDocument")
            .field("path", &self.path)
            .field("elements", &self.ids.len())
            .field("recoloured", &self.recoloured)
            .finish_non_exhaustive()
    }
}

/// Reads `path`, inflating `.svgz` (gzip) data, within the size limits.
pub fn read_svg_text(path: &Path) -> Result<String, SvgError> {
    let error = |message: String| SvgError {
        path: path.to_path_buf(),
        message,
    };
    // Regular files only (a FIFO or device never ends), at most the limit
    // whatever the metadata says.
    let bytes = union_model::files::read_regular(path, MAX_SVG_FILE).map_err(|e| match e {
        union_model::files::ReadError::TooLarge(_) => {
            error(format!("more than {MAX_SVG_FILE} bytes"))
        }
        other => error(other.to_string()),
    })?;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut inflated = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .take(MAX_INFLATED + 1)
            .read_to_end(&mut inflated)
            .map_err(|e| error(format!("cannot inflate: {e}")))?;
        if inflated.len() as u64 > MAX_INFLATED {
            return Err(error(format!("inflates to more than {MAX_INFLATED} bytes")));
        }
        inflated
    } else {
        bytes
    };
    String::from_utf8(bytes).map_err(|e| error(format!("not UTF-8: {e}")))
}

fn parse_xml(text: &str) -> Result<usvg::roxmltree::Document<'_>, String> {
    usvg::roxmltree::Document::parse_with_options(
        text,
        usvg::roxmltree::ParsingOptions {
            allow_dtd: true,
            ..usvg::roxmltree::ParsingOptions::default()
        },
    )
    .map_err(|e| e.to_string())
}

impl SvgDocument {
    /// Loads `path`, recoloured with `colors` when the file asks for it (it
    /// has a `<style id="current-color-scheme">`, as `KSvg` requires).
    pub fn load(path: &Path, colors: &ColorScheme) -> Result<SvgDocument, SvgError> {
        let text = read_svg_text(path)?;
        Self::from_text(text, path, colors)
    }

    /// Parses SVG `text` (that came from `path`).
    pub fn from_text(
        text: String,
        path: &Path,
        colors: &ColorScheme,
    ) -> Result<SvgDocument, SvgError> {
        let error = |message: String| SvgError {
            path: path.to_path_buf(),
            message,
        };
        let xml = parse_xml(&text).map_err(error)?;
        let ids: HashSet<String> = xml
            .descendants()
            .filter_map(|n| n.attribute("id"))
            .map(str::to_owned)
            .collect();
        let rect_sizes = xml
            .descendants()
            .filter(|n| n.tag_name().name() == "rect")
            .filter_map(|n| Some((n.attribute("id")?.to_owned(), precise_rect_size(n)?)))
            .collect();
        let recoloured = xml.descendants().any(|n| {
            n.tag_name().name() == "style" && n.attribute("id") == Some("current-color-scheme")
        });
        let options = usvg::Options {
            resources_dir: path.parent().map(Path::to_path_buf),
            // usvg applies its own sheet before the file's: only
            // `!important` rules win, as KSvg's replaced sheet does.
            style_sheet: recoloured.then(|| colors.style_sheet()),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_xmltree(&xml, &options).map_err(|e| error(e.to_string()))?;
        drop(xml);
        Ok(SvgDocument {
            path: path.to_path_buf(),
            text,
            tree,
            ids,
            rect_sizes,
            geometry: OnceLock::new(),
            recoloured,
            pieces: Mutex::new(Pieces::default()),
            frames: Mutex::new(FrameCache::default()),
            rects: Mutex::new(HashMap::new()),
        })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file asked to be recoloured.
    pub fn is_recoloured(&self) -> bool {
        self.recoloured
    }

    /// Whether an element has this id (Plasma's `hasElement`).
    pub fn has_element(&self, id: &str) -> bool {
        !id.is_empty() && self.ids.contains(id)
    }

    /// The document's size.
    pub fn size(&self) -> (f32, f32) {
        (self.tree.size().width(), self.tree.size().height())
    }

    /// The element's bounds in document coordinates, with every ancestor's
    /// transform and its stroke (what Qt's `boundsOnElement` answers). Like
    /// Qt, invisible parts count: the bounds come from the parse in which
    /// everything is visible.
    pub fn element_rect(&self, id: &str) -> Option<Rect> {
        if !self.has_element(id) {
            return None;
        }
        let lock = || self.rects.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = lock().get(id) {
            return *known;
        }
        let bounds = |tree: &usvg::Tree| {
            find(tree.root(), id, 1.0)
                .map(|(node, _)| node.abs_stroke_bounding_box())
                .and_then(|r| Rect::from_xywh(r.x(), r.y(), r.width(), r.height()))
        };
        let rect = self
            .geometry()
            .and_then(bounds)
            .or_else(|| bounds(&self.tree));
        // Ids come from the file, so this holds at most one entry per element.
        lock().insert(id.to_owned(), rect);
        rect
    }

    /// Plasma's `elementSize`: the rect's size rounded to whole units.
    pub fn element_size(&self, id: &str) -> (i32, i32) {
        self.element_rect(id).map_or((0, 0), |r| {
            (r.width().round() as i32, r.height().round() as i32)
        })
    }

    /// The element's width and height in f64 where the XML gives them
    /// exactly (rectangles), else from [`Self::element_rect`].
    pub fn element_extent(&self, id: &str) -> Option<(f64, f64)> {
        if !self.has_element(id) {
            return None;
        }
        self.rect_sizes.get(id).copied().or_else(|| {
            self.element_rect(id)
                .map(|r| (f64::from(r.width()), f64::from(r.height())))
        })
    }

    fn geometry(&self) -> Option<&usvg::Tree> {
        self.geometry
            .get_or_init(|| {
                let xml = parse_xml(&self.text).ok()?;
                let options = usvg::Options {
                    style_sheet: Some(
                        "* { display: inline !important; visibility: visible !important; \
                         opacity: 1 !important; fill: #000 !important; }"
                            .to_owned(),
                    ),
                    ..usvg::Options::default()
                };
                usvg::Tree::from_xmltree(&xml, &options).ok()
            })
            .as_ref()
    }

    /// Element `id` drawn stretched over `width` × `height` pixels;
    /// remembered, so a frame's corners and tiles are drawn once per size
    /// and pieces that do not change along an axis once per other side
    /// (see [`Piece`]). `None` when it draws nothing.
    pub fn element_piece(&self, id: &str, width: u32, height: u32) -> Option<Piece> {
        let lock = || self.pieces.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = lock().by_id.get(id).and_then(|e| e.get(width, height)) {
            return known;
        }
        let drawn = Pixmap::new(width, height).and_then(|mut pixmap| {
            let whole = Rect::from_xywh(0.0, 0.0, width as f32, height as f32)?;
            self.render_element(id, &mut pixmap, whole)
                .then_some(pixmap)
        });
        let mut pieces = lock();
        if pieces.entries >= MAX_PIECES {
            *pieces = Pieces::default();
        }
        let element = pieces.by_id.entry(id.to_owned()).or_default();
        let before = element.len();
        let piece = element.insert(width, height, drawn);
        let added = element.len() - before;
        pieces.entries += added;
        piece
    }

    /// Whether element `id` is known to draw rows of one colour at
    /// `height` whatever the width.
    pub(crate) fn has_constant_rows(&self, id: &str, height: u32) -> bool {
        let pieces = self.pieces.lock().unwrap_or_else(PoisonError::into_inner);
        pieces
            .by_id
            .get(id)
            .is_some_and(|e| e.has_constant_rows(height))
    }

    /// The document's stretchable frames.
    pub(crate) fn frames(&self) -> std::sync::MutexGuard<'_, FrameCache> {
        self.frames.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Draws element `id` stretched over `target` (device pixels) of
    /// `pixmap`, with all of its ancestors' transforms and opacity — not
    /// just its own, which is all `resvg::render_node` applies. Returns
    /// whether anything was drawn.
    pub fn render_element(&self, id: &str, pixmap: &mut Pixmap, target: Rect) -> bool {
        let Some((node, opacity)) = find(self.tree.root(), id, 1.0) else {
            return false;
        };
        let Some(bounds) = self.element_rect(id) else {
            return false;
        };
        if bounds.width() <= 0.0 || bounds.height() <= 0.0 {
            return false;
        }
        // Document coordinates → target.
        let place = Transform::from_row(
            target.width() / bounds.width(),
            0.0,
            0.0,
            target.height() / bounds.height(),
            target.x() - bounds.x() * target.width() / bounds.width(),
            target.y() - bounds.y() * target.height() / bounds.height(),
        );
        // What the node's parent puts it in: its absolute transform
        // without its own (a group's own transform is applied again by
        // the renderer).
        let parent = match node {
            usvg::Node::Group(group) => group
                .transform()
                .invert()
                .map_or(node.abs_transform(), |own| {
                    node.abs_transform().pre_concat(own)
                }),
            _ => node.abs_transform(),
        };
        let Some(layer) = node.abs_layer_bounding_box() else {
            return false;
        };
        // `render_node` shifts by the layer's corner: undo it.
        let transform = place.pre_concat(parent).pre_translate(layer.x(), layer.y());
        if opacity >= 1.0 {
            resvg::render_node(node, transform, &mut pixmap.as_mut()).is_some()
        } else {
            let Some(mut layer) = Pixmap::new(pixmap.width(), pixmap.height()) else {
                return false;
            };
            let drawn = resvg::render_node(node, transform, &mut layer.as_mut()).is_some();
            pixmap.draw_pixmap(
                0,
                0,
                layer.as_ref(),
                &PixmapPaint {
                    opacity,
                    ..PixmapPaint::default()
                },
                Transform::identity(),
                None,
            );
            drawn
        }
    }
}

/// The node called `id` under `group`, and the product of its ancestors'
/// opacities (Qt applies the ancestors' styles when it draws one element).
/// When several elements share the id, the last one in document order is
/// the one, as in Qt, whose id table keeps the last element registered
/// (Breeze's `dialogs/background` names both a layer and a piece `left`).
fn find<'a>(group: &'a usvg::Group, id: &str, opacity: f32) -> Option<(&'a usvg::Node, f32)> {
    for child in group.children().iter().rev() {
        if let usvg::Node::Group(inner) = child
            && let Some(found) = find(inner, id, opacity * inner.opacity().get())
        {
            return Some(found);
        }
        if child.id() == id {
            return Some((child, opacity));
        }
    }
    None
}

/// A `<rect>`'s bounding size in f64 after its own and its ancestors'
/// transforms.
fn precise_rect_size(node: usvg::roxmltree::Node<'_, '_>) -> Option<(f64, f64)> {
    let number = |name: &str| -> Option<f64> {
        let text = node.attribute(name).unwrap_or("0").trim();
        text.trim_end_matches("px").parse().ok()
    };
    let (x, y, w, h) = (
        number("x")?,
        number("y")?,
        number("width")?,
        number("height")?,
    );
    let mut matrix = svgtypes::Transform::default();
    // Innermost first: each ancestor's transform applies after.
    for element in node.ancestors().filter(|n| n.is_element()) {
        if let Some(text) = element.attribute("transform") {
            let own: svgtypes::Transform = text.parse().ok()?;
            matrix = multiply(&own, &matrix);
        }
    }
    let corners = [(x, y), (x + w, y), (x, y + h), (x + w, y + h)].map(|(px, py)| {
        (
            matrix.a * px + matrix.c * py + matrix.e,
            matrix.b * px + matrix.d * py + matrix.f,
        )
    });
    let (mut left, mut top, mut right, mut bottom) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (cx, cy) in corners {
        left = left.min(cx);
        right = right.max(cx);
        top = top.min(cy);
        bottom = bottom.max(cy);
    }
    Some((right - left, bottom - top))
}

/// `outer · inner`: inner applies first.
fn multiply(outer: &svgtypes::Transform, inner: &svgtypes::Transform) -> svgtypes::Transform {
    svgtypes::Transform::new(
        outer.a * inner.a + outer.c * inner.b,
        outer.b * inner.a + outer.d * inner.b,
        outer.a * inner.c + outer.c * inner.d,
        outer.b * inner.c + outer.d * inner.d,
        outer.a * inner.e + outer.c * inner.f + outer.e,
        outer.b * inner.e + outer.d * inner.f + outer.f,
    )
}
