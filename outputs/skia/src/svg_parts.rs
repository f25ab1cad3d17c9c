//! Parts of SVG files (`svg-frame()`, `svg-element()`), drawn through
//! `union-ksvg` so they look the way KDE's `FrameSvg` / `Svg` draw them,
//! at any scale (fractional ones at full resolution, seams on whole
//! device pixels). Documents are recoloured with the theme's palette, as
//! `KSvg` recolours Plasma SVGs with the colour scheme.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tiny_skia::{Pixmap, Rect};
use union_ksvg::{Borders, ColorScheme, FrameInfo, SvgDocument, render_frame};
use union_model::Palette;

/// How many rendered parts are kept; the cache is emptied when it grows
/// past this (a gallery page needs a few dozen).
const MAX_RENDERED: usize = 512;

/// Largest element raster, per side (device px).
const MAX_ELEMENT_SIDE: u32 = 4096;

/// What a rendered part is, at which device size and scale.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct RenderKey {
    path: PathBuf,
    name: Arc<str>,
    frame: bool,
    width: u32,
    height: u32,
    scale_bits: u32,
}

/// Loaded documents, frame metrics and rendered parts.
#[derive(Debug, Default)]
pub struct SvgParts {
    /// The palette documents were recoloured with; a different one
    /// empties the caches.
    palette: Option<Palette>,
    documents: HashMap<PathBuf, Option<Arc<SvgDocument>>>,
    frames: HashMap<(PathBuf, Arc<str>), Arc<FrameInfo>>,
    rendered: HashMap<RenderKey, Option<Arc<Pixmap>>>,
}

impl SvgParts {
    fn use_palette(&mut self, palette: &Palette) {
        if self.palette.as_ref() != Some(palette) {
            self.palette = Some(palette.clone());
            self.documents.clear();
            self.frames.clear();
            self.rendered.clear();
        }
    }

    /// The document at `path`, recoloured with `palette`; `None` (and
    /// remembered) when it cannot be read.
    pub fn document(&mut self, path: &Path, palette: &Palette) -> Option<Arc<SvgDocument>> {
        self.use_palette(palette);
        self.documents
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                SvgDocument::load(path, &ColorScheme::new(palette.clone()))
                    .ok()
                    .map(Arc::new)
            })
            .clone()
    }

    /// The frame `prefix` of the document at `path`, every border drawn.
    pub fn frame_info(
        &mut self,
        path: &Path,
        prefix: &Arc<str>,
        palette: &Palette,
    ) -> Option<Arc<FrameInfo>> {
        let document = self.document(path, palette)?;
        let key = (path.to_path_buf(), Arc::clone(prefix));
        Some(Arc::clone(self.frames.entry(key).or_insert_with(|| {
            Arc::new(FrameInfo::new(&document, prefix, Borders::ALL))
        })))
    }

    /// The frame `prefix` of `path` drawn `width` × `height` device pixels
    /// at `scale` device pixels per logical pixel.
    pub fn frame(
        &mut self,
        path: &Path,
        prefix: &Arc<str>,
        palette: &Palette,
        (width, height): (u32, u32),
        scale: f32,
    ) -> Option<Arc<Pixmap>> {
        let key = RenderKey {
            path: path.to_path_buf(),
            name: Arc::clone(prefix),
            frame: true,
            width,
            height,
            scale_bits: scale.to_bits(),
        };
        self.use_palette(palette);
        if let Some(found) = self.rendered.get(&key) {
            return found.clone();
        }
        let document = self.document(path, palette)?;
        let info = self.frame_info(path, prefix, palette)?;
        let logical = (width as f32 / scale, height as f32 / scale);
        let pixmap = render_frame(&document, &info, logical, scale).map(Arc::new);
        self.remember(key, pixmap)
    }

    /// The element `id` of `path` stretched over `width` × `height`
    /// device pixels.
    pub fn element(
        &mut self,
        path: &Path,
        id: &Arc<str>,
        palette: &Palette,
        (width, height): (u32, u32),
    ) -> Option<Arc<Pixmap>> {
        let key = RenderKey {
            path: path.to_path_buf(),
            name: Arc::clone(id),
            frame: false,
            width,
            height,
            scale_bits: 0,
        };
        self.use_palette(palette);
        if let Some(found) = self.rendered.get(&key) {
            return found.clone();
        }
        let document = self.document(path, palette)?;
        let pixmap =
            (width > 0 && height > 0 && width <= MAX_ELEMENT_SIDE && height <= MAX_ELEMENT_SIDE)
                .then(|| {
                    let mut pixmap = Pixmap::new(width, height)?;
                    let target = Rect::from_xywh(0.0, 0.0, width as f32, height as f32)?;
                    document
                        .render_element(id, &mut pixmap, target)
                        .then_some(Arc::new(pixmap))
                })
                .flatten();
        self.remember(key, pixmap)
    }

    fn remember(&mut self, key: RenderKey, pixmap: Option<Arc<Pixmap>>) -> Option<Arc<Pixmap>> {
        if self.rendered.len() >= MAX_RENDERED {
            self.rendered.clear();
        }
        self.rendered.insert(key, pixmap.clone());
        pixmap
    }
}

/// Splits `file.svg#id` / `file.svgz#id` (an element of an SVG named by
/// URL fragment) into the file and the id.
pub fn split_fragment(path: &Path) -> Option<(PathBuf, &str)> {
    let text = path.to_str()?;
    let (file, id) = text.rsplit_once('#')?;
    let is_svg = file.ends_with(".svg") || file.ends_with(".svgz");
    (is_svg && !id.is_empty() && !id.contains('/')).then(|| (PathBuf::from(file), id))
}
