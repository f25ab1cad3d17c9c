//! Premultiplied RGBA8 blending on byte rows, rounded to nearest: what
//! union-skia uses to put finished layers, shadows and icons in place
//! without a raster pipeline per blit (and builds its own coloured blits
//! from). The controls benchmark times each kernel against tiny-skia's own
//! call (`kernels/…` lines). Placing a layer works on four
//! pixels at a time in 16-bit vector lanes and passes over clear pixels.
//! Each function agrees with tiny-skia's blend mode of the same name to
//! within one level per channel (tested).

use tiny_skia::{Pixmap, PixmapRef};

/// `source` drawn over `target` (premultiplied RGBA bytes, same length):
/// source-over, rounded to nearest: the reference the vector kernels are
/// tested against.
#[cfg(test)]
pub(crate) fn over_bytes(target: &mut [u8], source: &[u8]) {
    for (d, s) in target.chunks_exact_mut(4).zip(source.chunks_exact(4)) {
        match (s[3], d[3]) {
            (0, _) => {}
            (255, _) | (_, 0) => d.copy_from_slice(s),
            (alpha, _) => {
                let keep = 255 - u32::from(alpha);
                for (dc, sc) in d.iter_mut().zip(s) {
                    *dc = (u32::from(*sc) + div255(u32::from(*dc) * keep)) as u8;
                }
            }
        }
    }
}

/// `x / 255` rounded to nearest, for `x` ≤ 255 · 255.
#[cfg(test)]
pub(crate) fn div255(x: u32) -> u32 {
    (x + 128 + ((x + 128) >> 8)) >> 8
}

/// `value × by / 255` rounded to nearest, as [`div255`], in 16-bit
/// arithmetic (`value × by + 128` stays below 65536), which vectorises
/// twice as wide over a row of bytes.
#[inline]
pub(crate) fn scale(value: u8, by: u8) -> u8 {
    let x = u16::from(value) * u16::from(by) + 128;
    ((x + (x >> 8)) >> 8) as u8
}

/// `source` drawn over `target` with its top-left corner at (`left`,
/// `top`), source-over, clipped to both.
pub(crate) fn over_at(target: &mut Pixmap, left: i32, top: i32, source: PixmapRef<'_>) {
    over_at_faded(target, left, top, source, 255);
}

/// `source` (premultiplied RGBA) at `opacity` / 255 drawn over `target`
/// with its top-left corner at (`left`, `top`), source-over, clipped to
/// both: a finished layer, shadow or icon put in place. Clear parts of the
/// source (most of a shadow or a part's layer) cost one test per four
/// pixels.
pub(crate) fn over_at_faded(
    target: &mut Pixmap,
    left: i32,
    top: i32,
    source: PixmapRef<'_>,
    opacity: u8,
) {
    let (tw, th) = (target.width() as i32, target.height() as i32);
    let (sw, sh) = (source.width() as i32, source.height() as i32);
    let (x0, x1) = (left.max(0), (left + sw).min(tw));
    let (y0, y1) = (top.max(0), (top + sh).min(th));
    if x0 >= x1 || y0 >= y1 || opacity == 0 {
        return;
    }
    let span = ((x1 - x0) * 4) as usize;
    let data = target.data_mut();
    for y in y0..y1 {
        // In usize (every term is non-negative here): large pixmaps
        // overflow i32 offsets.
        let t = (y as usize * tw as usize + x0 as usize) * 4;
        let s = ((y - top) as usize * sw as usize + (x0 - left) as usize) * 4;
        over_row(&mut data[t..t + span], &source.data()[s..s + span], opacity);
    }
}

/// One row of [`over_at_faded`]: `source` at `opacity` / 255 drawn over
/// `row` (premultiplied RGBA bytes, same length), source-over.
pub(crate) fn over_row(row: &mut [u8], source: &[u8], opacity: u8) {
    let (chunks, rest) = row.as_chunks_mut::<STEP>();
    let (sources, rest_sources) = source.as_chunks::<STEP>();
    let pairs = chunks.iter_mut().zip(sources);
    if opacity == 255 {
        for (chunk, source) in pairs {
            if *source != [0; STEP] {
                *chunk = over_pixels(chunk, source);
            }
        }
    } else {
        for (chunk, source) in pairs {
            if *source != [0; STEP] {
                let faded = source.map(|c| scale(c, opacity));
                *chunk = over_pixels(chunk, &faded);
            }
        }
    }
    let rest_sources = rest_sources.as_chunks::<4>().0;
    for (pixel, source) in rest.as_chunks_mut::<4>().0.iter_mut().zip(rest_sources) {
        if *source != [0; 4] {
            over_pixel(pixel, source.map(|c| scale(c, opacity)));
        }
    }
}

/// Four pixels of `source` over four of `chunk`. Not inlined: as a loop
/// body of its own it compiles to one pass of 16-bit vector lanes, where
/// inlined the loop around it is vectorised across steps into far slower
/// shuffles.
#[inline(never)]
fn over_pixels(chunk: &[u8; STEP], source: &[u8; STEP]) -> [u8; STEP] {
    // Each pixel's own alpha, inverted, over its four channels (indexing
    // compiles to shuffles here, where `spread_alphas` would not).
    let keep: [u8; STEP] = std::array::from_fn(|i| 255 - source[i | 3]);
    let mut out = [0u8; STEP];
    for i in 0..STEP {
        out[i] = source[i].saturating_add(scale(chunk[i], keep[i]));
    }
    out
}

/// Bytes in a step of four pixels, what the vector loops work on.
pub(crate) const STEP: usize = 16;

/// Each of four bytes four times: one per channel of four pixels (a
/// coverage or alpha per pixel, spread over its channels).
#[inline]
pub(crate) fn spread_alphas(bytes: [u8; 4]) -> [u8; STEP] {
    let each = |b: u8| u128::from(u32::from(b) * 0x0101_0101);
    (each(bytes[0]) | each(bytes[1]) << 32 | each(bytes[2]) << 64 | each(bytes[3]) << 96)
        .to_le_bytes()
}

/// One pixel of `source` drawn over `pixel` (source-over, as
/// [`over_bytes`]).
#[inline]
pub(crate) fn over_pixel(pixel: &mut [u8; 4], source: [u8; 4]) {
    let keep = 255 - source[3];
    for (d, s) in pixel.iter_mut().zip(source) {
        *d = s.saturating_add(scale(*d, keep));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiny_skia::Transform;

    /// Premultiplied test colours: opaque, translucent and clear.
    fn samples() -> Vec<[u8; 4]> {
        let mut colors = Vec::new();
        for alpha in [0u8, 1, 64, 128, 200, 254, 255] {
            for base in [0u8, 90, 255] {
                let c = (u16::from(base) * u16::from(alpha) / 255) as u8;
                colors.push([c, alpha / 2, c / 3, alpha]);
            }
        }
        colors
    }

    fn pixmap_of(colors: &[[u8; 4]]) -> Pixmap {
        let mut pixmap = Pixmap::new(colors.len() as u32, 1).unwrap_or_else(|| panic!("pixmap"));
        pixmap.data_mut().copy_from_slice(&colors.concat());
        pixmap
    }

    /// Every pair of sample colours blended by us and by tiny-skia agrees to
    /// within one level per channel.
    fn agrees_with_tiny_skia(ours: fn(&mut [u8], &[u8]), mode: tiny_skia::BlendMode) {
        let colors = samples();
        for source in &colors {
            let targets = colors.clone();
            let sources = vec![*source; targets.len()];
            let mut expected = pixmap_of(&targets);
            expected.draw_pixmap(
                0,
                0,
                pixmap_of(&sources).as_ref(),
                &tiny_skia::PixmapPaint {
                    blend_mode: mode,
                    ..tiny_skia::PixmapPaint::default()
                },
                Transform::identity(),
                None,
            );
            let mut actual = targets.concat();
            ours(&mut actual, &sources.concat());
            for (i, (a, e)) in actual.iter().zip(expected.data()).enumerate() {
                assert!(
                    a.abs_diff(*e) <= 1,
                    "{mode:?}: source {source:?} over {:?}: channel {} is {a}, tiny-skia says {e}",
                    targets[i / 4],
                    i % 4
                );
            }
        }
    }

    #[test]
    fn source_over_matches_tiny_skia() {
        agrees_with_tiny_skia(over_bytes, tiny_skia::BlendMode::SourceOver);
    }

    #[test]
    fn placed_layers_are_clipped_and_blended_like_draw_pixmap() {
        let colors = samples();
        let source = pixmap_of(&colors);
        for (left, top) in [(0, 0), (-3, 0), (5, 0), (0, 1), (30, 0)] {
            let mut ours = Pixmap::new(24, 2).unwrap_or_else(|| panic!("pixmap"));
            ours.fill(tiny_skia::Color::from_rgba8(20, 40, 60, 200));
            let mut theirs = ours.clone();
            over_at(&mut ours, left, top, source.as_ref());
            theirs.draw_pixmap(
                left,
                top,
                source.as_ref(),
                &tiny_skia::PixmapPaint::default(),
                Transform::identity(),
                None,
            );
            for (a, e) in ours.data().iter().zip(theirs.data()) {
                assert!(a.abs_diff(*e) <= 1, "at ({left}, {top}): {a} against {e}");
            }
        }
    }

    #[test]
    fn faded_layers_blend_like_fading_first() {
        let colors = samples();
        let source = pixmap_of(&colors);
        for opacity in [0u8, 1, 128, 255] {
            for (left, top) in [(0, 0), (-2, 0), (5, 0), (30, 0)] {
                let mut ours = Pixmap::new(24, 2).unwrap_or_else(|| panic!("pixmap"));
                ours.fill(tiny_skia::Color::from_rgba8(20, 40, 60, 200));
                let mut expected = ours.clone();
                let mut faded = source.clone();
                for byte in faded.data_mut() {
                    *byte = scale(*byte, opacity);
                }
                // The reference: every pixel blended on its own.
                let (x0, x1) = (left.max(0), (left + faded.width() as i32).min(24));
                for x in x0..x1 {
                    let t = (x * 4) as usize;
                    let s = ((x - left) * 4) as usize;
                    over_bytes(&mut expected.data_mut()[t..t + 4], &faded.data()[s..s + 4]);
                }
                over_at_faded(&mut ours, left, top, source.as_ref(), opacity);
                assert_eq!(ours, expected, "at ({left}, {top}), opacity {opacity}");
            }
        }
    }

    #[test]
    fn scaling_in_16_bits_equals_dividing_in_32() {
        for value in 0..=255u8 {
            for by in 0..=255u8 {
                let wide = div255(u32::from(value) * u32::from(by));
                assert_eq!(u32::from(scale(value, by)), wide, "{value} × {by}");
            }
        }
    }
}
