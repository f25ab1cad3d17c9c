//! Icons for the egui output: found with the model's shared lookup
//! ([`union_model::icons`]), rasterised once per device size (SVG through
//! resvg, PNG decoded) into an egui texture. Symbolic icons become white
//! masks that egui tints with the icon colour as it draws them.

use egui::{ColorImage, Context, TextureHandle, TextureOptions};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use union_model::icons::{IconLookup, is_symbolic};
use union_model::scene::IconRef;

/// Largest icon file read, bytes.
const MAX_ICON_FILE: u64 = 4 << 20;
/// Largest icon side rasterised, device px.
const MAX_ICON_SIDE: u32 = 1024;

/// A rasterised icon.
#[derive(Clone)]
pub struct IconTexture {
    /// The texture.
    pub texture: TextureHandle,
    /// Whether it is a mask to tint with the icon colour.
    pub symbolic: bool,
}

impl std::fmt::Debug for IconTexture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IconTexture")
            .field("texture", &self.texture.id())
            .field("symbolic", &self.symbolic)
            .finish()
    }
}

/// Icons found and rasterised, per file and device size.
#[derive(Default)]
pub struct Icons {
    lookup: IconLookup,
    textures: HashMap<(PathBuf, u32, u32, bool), Option<IconTexture>>,
}

impl std::fmt::Debug for Icons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Icons")
            .field("textures", &self.textures.len())
            .finish_non_exhaustive()
    }
}

impl Icons {
    /// Icons found with `lookup`.
    pub fn new(lookup: IconLookup) -> Icons {
        Icons {
            lookup,
            textures: HashMap::new(),
        }
    }

    /// The file an icon is drawn from, if it can be found. Files given as
    /// `file.svg#element` (one element of an SVG) are not drawn.
    pub fn file(&mut self, icon: &IconRef) -> Option<PathBuf> {
        match icon {
            IconRef::File(path) if path.contains('#') => None,
            IconRef::File(path) => Some(PathBuf::from(&**path)).filter(|p| p.is_file()),
            IconRef::Name(name) => self.lookup.find(name),
        }
    }

    /// `icon` as a texture of `width` × `height` device pixels (aspect
    /// kept, centred); a white mask when it is symbolic or `mask` asks.
    pub fn texture(
        &mut self,
        ctx: &Context,
        icon: &IconRef,
        (width, height): (u32, u32),
        mask: bool,
    ) -> Option<IconTexture> {
        let file = self.file(icon)?;
        let (width, height) = (
            width.clamp(1, MAX_ICON_SIDE),
            height.clamp(1, MAX_ICON_SIDE),
        );
        let key = (file, width, height, mask);
        if let Some(known) = self.textures.get(&key) {
            return known.clone();
        }
        let made = rasterise(&key.0, width, height, mask).map(|(image, symbolic)| IconTexture {
            texture: ctx.load_texture(
                format!("union-icon {} {width}x{height}", key.0.display()),
                image,
                TextureOptions::LINEAR,
            ),
            symbolic,
        });
        self.textures.insert(key, made.clone());
        made
    }
}

/// The file drawn into `width` × `height` pixels; symbolic SVGs (and any
/// file when `mask`) as white masks.
fn rasterise(path: &Path, width: u32, height: u32, mask: bool) -> Option<(ColorImage, bool)> {
    let bytes = union_model::files::read_regular(path, MAX_ICON_FILE).ok()?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)?;
    let symbolic = mask || is_symbolic(path);
    if path.extension().is_some_and(|e| e == "svg" || e == "svgz") {
        let tree = usvg::Tree::from_data(&bytes, &usvg::Options::default()).ok()?;
        let (w, h) = (tree.size().width(), tree.size().height());
        let scale = (width as f32 / w).min(height as f32 / h);
        let dx = (width as f32 - w * scale) / 2.0;
        let dy = (height as f32 - h * scale) / 2.0;
        let transform = tiny_skia::Transform::from_scale(scale, scale).post_translate(dx, dy);
        resvg::render(&tree, transform, &mut pixmap.as_mut());
    } else {
        let image = tiny_skia::Pixmap::decode_png(&bytes).ok()?;
        let scale =
            (width as f32 / image.width() as f32).min(height as f32 / image.height() as f32);
        let dx = (width as f32 - image.width() as f32 * scale) / 2.0;
        let dy = (height as f32 - image.height() as f32 * scale) / 2.0;
        pixmap.draw_pixmap(
            0,
            0,
            image.as_ref(),
            &tiny_skia::PixmapPaint {
                quality: tiny_skia::FilterQuality::Bilinear,
                ..tiny_skia::PixmapPaint::default()
            },
            tiny_skia::Transform::from_scale(scale, scale).post_translate(dx, dy),
            None,
        );
    }
    let mut data = pixmap.take();
    if symbolic {
        for pixel in data.chunks_exact_mut(4) {
            let alpha = pixel[3];
            pixel.copy_from_slice(&[alpha, alpha, alpha, alpha]);
        }
    }
    let image = ColorImage::from_rgba_premultiplied([width as usize, height as usize], &data);
    Some((image, symbolic))
}
