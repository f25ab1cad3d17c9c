//! A CPU rasteriser of epaint's meshes: what lets the egui output draw
//! headless and deterministically (no GPU, no Mesa), for `union render
//! --backend egui` and the snapshot tests.
//!
//! Triangles are filled at pixel centres (no multisampling: epaint
//! feathers its own edges with one-pixel alpha ramps), vertex colours and
//! texture coordinates are interpolated linearly, textures are sampled
//! bilinearly with clamped edges, and everything is blended source-over in
//! premultiplied gamma space, as egui's own painters do.

use egui::TexturesDelta;
use egui::epaint::{ClippedPrimitive, ImageDelta, Primitive, TextureId};
use egui::{Color32, ColorImage, ImageData};
use std::collections::HashMap;

/// Textures uploaded by egui, by id.
#[derive(Debug, Default)]
pub struct Textures {
    images: HashMap<TextureId, ColorImage>,
}

impl Textures {
    /// Applies a frame's uploads (whole images and partial updates) and
    /// frees, then clears the delta (egui asserts that none is dropped
    /// unapplied).
    pub fn apply(&mut self, mut delta: TexturesDelta) {
        for (id, deltas) in &delta.set {
            for image_delta in deltas {
                self.set(*id, image_delta);
            }
        }
        for id in &delta.free {
            self.images.remove(id);
        }
        delta.clear();
    }

    fn set(&mut self, id: TextureId, delta: &ImageDelta) {
        let ImageData::Color(image) = &delta.image;
        match delta.pos {
            None => {
                self.images.insert(id, (**image).clone());
            }
            Some([x, y]) => {
                let Some(target) = self.images.get_mut(&id) else {
                    return;
                };
                let [tw, th] = target.size;
                let [w, h] = image.size;
                for row in 0..h.min(th.saturating_sub(y)) {
                    for column in 0..w.min(tw.saturating_sub(x)) {
                        target.pixels[(y + row) * tw + x + column] = image.pixels[row * w + column];
                    }
                }
            }
        }
    }

    /// Bilinear sample at normalised `(u, v)`, premultiplied channels 0–255.
    fn sample(&self, id: TextureId, u: f32, v: f32) -> [f32; 4] {
        let Some(image) = self.images.get(&id) else {
            return [255.0; 4];
        };
        let [w, h] = image.size;
        if w == 0 || h == 0 {
            return [0.0; 4];
        }
        let x = (u * w as f32 - 0.5).clamp(0.0, (w - 1) as f32);
        let y = (v * h as f32 - 0.5).clamp(0.0, (h - 1) as f32);
        let (x0, y0) = (x.floor() as usize, y.floor() as usize);
        let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
        let (fx, fy) = (x - x0 as f32, y - y0 as f32);
        let texel = |x: usize, y: usize| image.pixels[y * w + x].to_array().map(f32::from);
        let (a, b, c, d) = (texel(x0, y0), texel(x1, y0), texel(x0, y1), texel(x1, y1));
        std::array::from_fn(|i| {
            let top = a[i] + (b[i] - a[i]) * fx;
            let bottom = c[i] + (d[i] - c[i]) * fx;
            top + (bottom - top) * fy
        })
    }
}

/// A premultiplied RGBA8 canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct Canvas {
    /// Width in device pixels.
    pub width: u32,
    /// Height in device pixels.
    pub height: u32,
    /// Premultiplied RGBA bytes, row by row.
    pub pixels: Vec<u8>,
}

impl Canvas {
    /// A clear canvas.
    pub fn new(width: u32, height: u32) -> Canvas {
        Canvas {
            width,
            height,
            pixels: vec![0; width as usize * height as usize * 4],
        }
    }

    /// Draws tessellated primitives whose positions are in points, at
    /// `pixels_per_point`.
    pub fn draw(
        &mut self,
        primitives: &[ClippedPrimitive],
        textures: &Textures,
        pixels_per_point: f32,
    ) {
        for primitive in primitives {
            let Primitive::Mesh(mesh) = &primitive.primitive else {
                continue;
            };
            let clip = primitive.clip_rect;
            let clip = [
                (clip.min.x * pixels_per_point).round().max(0.0),
                (clip.min.y * pixels_per_point).round().max(0.0),
                (clip.max.x * pixels_per_point)
                    .round()
                    .min(self.width as f32),
                (clip.max.y * pixels_per_point)
                    .round()
                    .min(self.height as f32),
            ];
            for triangle in mesh.indices.chunks_exact(3) {
                let vertex = |i: u32| mesh.vertices.get(i as usize);
                let (Some(a), Some(b), Some(c)) = (
                    vertex(triangle[0]),
                    vertex(triangle[1]),
                    vertex(triangle[2]),
                ) else {
                    continue;
                };
                self.triangle([a, b, c], mesh.texture_id, textures, pixels_per_point, clip);
            }
        }
    }

    fn triangle(
        &mut self,
        vertices: [&egui::epaint::Vertex; 3],
        texture: TextureId,
        textures: &Textures,
        scale: f32,
        clip: [f32; 4],
    ) {
        // Counter-clockwise in these coordinates, so that the edge
        // functions are positive inside.
        let mut vertices = vertices;
        let mut p = vertices.map(|v| (v.pos.x * scale, v.pos.y * scale));
        let mut area =
            (p[1].0 - p[0].0) * (p[2].1 - p[0].1) - (p[2].0 - p[0].0) * (p[1].1 - p[0].1);
        if area < 0.0 {
            vertices.swap(1, 2);
            p.swap(1, 2);
            area = -area;
        }
        if area < 1e-12 {
            return;
        }
        let min_x = p
            .iter()
            .map(|q| q.0)
            .fold(f32::MAX, f32::min)
            .floor()
            .max(clip[0]);
        let max_x = p
            .iter()
            .map(|q| q.0)
            .fold(f32::MIN, f32::max)
            .ceil()
            .min(clip[2]);
        let min_y = p
            .iter()
            .map(|q| q.1)
            .fold(f32::MAX, f32::min)
            .floor()
            .max(clip[1]);
        let max_y = p
            .iter()
            .map(|q| q.1)
            .fold(f32::MIN, f32::max)
            .ceil()
            .min(clip[3]);
        if min_x >= max_x || min_y >= max_y {
            return;
        }
        let colors = vertices.map(|v| v.color.to_array().map(f32::from));
        let edge = |a: (f32, f32), b: (f32, f32), x: f32, y: f32| {
            (b.0 - a.0) * (y - a.1) - (b.1 - a.1) * (x - a.0)
        };
        // A pixel centre exactly on an edge belongs to one of the two
        // triangles sharing it (they run the edge in opposite directions):
        // no pixel is drawn twice, none is missed.
        let owns = |a: (f32, f32), b: (f32, f32)| {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            dy > 0.0 || (dy == 0.0 && dx < 0.0)
        };
        let inside = |w: f32, a: (f32, f32), b: (f32, f32)| w > 0.0 || (w == 0.0 && owns(a, b));
        let width = self.width as usize;
        for y in min_y as usize..max_y as usize {
            let cy = y as f32 + 0.5;
            for x in min_x as usize..max_x as usize {
                let cx = x as f32 + 0.5;
                let e0 = edge(p[1], p[2], cx, cy);
                let e1 = edge(p[2], p[0], cx, cy);
                let e2 = edge(p[0], p[1], cx, cy);
                if !(inside(e0, p[1], p[2]) && inside(e1, p[2], p[0]) && inside(e2, p[0], p[1])) {
                    continue;
                }
                let (w0, w1, w2) = (e0 / area, e1 / area, e2 / area);
                let u = w0 * vertices[0].uv.x + w1 * vertices[1].uv.x + w2 * vertices[2].uv.x;
                let v = w0 * vertices[0].uv.y + w1 * vertices[1].uv.y + w2 * vertices[2].uv.y;
                let texel = textures.sample(texture, u, v);
                let source: [f32; 4] = std::array::from_fn(|i| {
                    let color = w0 * colors[0][i] + w1 * colors[1][i] + w2 * colors[2][i];
                    color * texel[i] / 255.0
                });
                let at = (y * width + x) * 4;
                let keep = 1.0 - source[3] / 255.0;
                for (d, s) in self.pixels[at..at + 4].iter_mut().zip(source) {
                    *d = (s + f32::from(*d) * keep).round().clamp(0.0, 255.0) as u8;
                }
            }
        }
    }

    /// The pixel at `(x, y)` as premultiplied RGBA.
    pub fn pixel(&self, x: u32, y: u32) -> Color32 {
        let at = (y as usize * self.width as usize + x as usize) * 4;
        Color32::from_rgba_premultiplied(
            self.pixels[at],
            self.pixels[at + 1],
            self.pixels[at + 2],
            self.pixels[at + 3],
        )
    }
}
