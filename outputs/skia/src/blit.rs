//! One premultiplied colour drawn source-over onto rows of premultiplied
//! RGBA bytes: as an opaque run, as a run at one coverage, or through a
//! per-pixel coverage mask. Shapes, shadows and glyphs all end here.
//!
//! Results are those of `crate::blend::over_bytes` with the colour
//! scaled by each pixel's coverage first (rounded to nearest, tested), so
//! every path draws identical pixels; the loops work on four pixels at a
//! time so that they compile to vector code.

use crate::blend::{STEP, over_pixel, scale, spread_alphas};

/// Pixels handled per step of the vector loops.
const LANES: usize = 4;

/// `color` (premultiplied RGBA) scaled by a coverage of `alpha` / 255.
pub(crate) fn scaled(color: [u8; 4], alpha: u8) -> [u8; 4] {
    color.map(|c| scale(c, alpha))
}

/// Every pixel of `row` (RGBA bytes) replaced by `color`.
pub(crate) fn opaque(row: &mut [u8], color: [u8; 4]) {
    row.as_chunks_mut::<4>().0.fill(color);
}

/// `color` stored in each pixel of `row` (RGBA bytes, known clear) at the
/// coverage in `alphas`: what [`masked`] draws onto clear pixels.
pub(crate) fn covered(row: &mut [u8], color: [u8; 4], alphas: &[u8]) {
    for (pixel, &alpha) in row.as_chunks_mut::<4>().0.iter_mut().zip(alphas) {
        *pixel = scaled(color, alpha);
    }
}

/// `color` at a coverage of `alpha` drawn over every pixel of `row`
/// (RGBA bytes).
pub(crate) fn run(row: &mut [u8], color: [u8; 4], alpha: u8) {
    let source = scaled(color, alpha);
    if source == [0; 4] {
        return;
    }
    let pattern = repeated(source);
    let keep = 255 - source[3];
    let (chunks, rest) = row.as_chunks_mut::<STEP>();
    for chunk in chunks {
        *chunk = over_run(chunk, &pattern, keep);
    }
    run_pixels(rest, source);
}

/// `source` (a colour already scaled by its coverage) drawn over every
/// pixel of `row` one by one: the tail of [`run`], and whole rows too
/// short for a vector step.
#[inline]
pub(crate) fn run_pixels(row: &mut [u8], source: [u8; 4]) {
    for pixel in row.as_chunks_mut::<4>().0 {
        over_pixel(pixel, source);
    }
}

/// `color` drawn over `row` (RGBA bytes) with each pixel's coverage taken
/// from `alphas` (one byte per pixel, as many as the row has pixels).
pub(crate) fn masked(row: &mut [u8], color: [u8; 4], alphas: &[u8]) {
    let (chunks, rest) = row.as_chunks_mut::<STEP>();
    let (masks, rest_alphas) = alphas.as_chunks::<LANES>();
    let colors = repeated(color);
    let color_alpha = color[3];
    for (chunk, mask) in chunks.iter_mut().zip(masks) {
        if *mask == [0; LANES] {
            continue;
        }
        let spread = spread_alphas(*mask);
        let mut out = [0u8; STEP];
        if color_alpha == 255 {
            // An opaque colour at coverage c leaves 255 - c of what is
            // under it (`scale(255, c)` is c).
            for i in 0..STEP {
                let keep = 255 - spread[i];
                out[i] = scale(colors[i], spread[i]).saturating_add(scale(chunk[i], keep));
            }
        } else {
            for i in 0..STEP {
                let keep = 255 - scale(color_alpha, spread[i]);
                out[i] = scale(colors[i], spread[i]).saturating_add(scale(chunk[i], keep));
            }
        }
        *chunk = out;
    }
    masked_pixels(rest, color, rest_alphas);
}

/// [`masked`] one pixel at a time: its tail, and whole rows too short for
/// a vector step.
#[inline]
pub(crate) fn masked_pixels(row: &mut [u8], color: [u8; 4], alphas: &[u8]) {
    for (pixel, &alpha) in row.as_chunks_mut::<4>().0.iter_mut().zip(alphas) {
        if alpha > 0 {
            over_pixel(pixel, scaled(color, alpha));
        }
    }
}

/// Every byte of `pixels` scaled by `opacity` / 255 (premultiplied, so
/// every channel): an element's opacity. Clear blocks of 16 pixels (the
/// margins, the room around a slider's groove) are skipped; within a block
/// a plain loop over the bytes vectorises best (testing single pixels did
/// not pay).
pub(crate) fn fade(pixels: &mut [u8], opacity: u8) {
    let (blocks, rest) = pixels.as_chunks_mut::<FADE_BLOCK>();
    for block in blocks {
        if !is_clear(block) {
            fade_block(block, opacity);
        }
    }
    for byte in rest {
        *byte = scale(*byte, opacity);
    }
}

/// Bytes `fade` tests for clear at once: 16 pixels.
const FADE_BLOCK: usize = 64;

/// Whether every byte of `block` is zero, tested sixteen at a time (a
/// comparison with a zero array would call `memcmp`).
#[inline]
fn is_clear(block: &[u8; FADE_BLOCK]) -> bool {
    let words = block.as_chunks::<16>().0;
    words.iter().fold(0, |any, w| any | u128::from_ne_bytes(*w)) == 0
}

fn fade_block(block: &mut [u8; FADE_BLOCK], opacity: u8) {
    for byte in block {
        *byte = scale(*byte, opacity);
    }
}

/// `pattern` drawn over four pixels that keep `keep` / 255 of themselves.
/// Not inlined: as a loop body of its own it compiles to one pass of
/// 16-bit vector lanes, where inlined the loop around it is vectorised
/// across steps into far slower shuffles.
#[inline(never)]
fn over_run(chunk: &[u8; STEP], pattern: &[u8; STEP], keep: u8) -> [u8; STEP] {
    let mut out = [0u8; STEP];
    for i in 0..STEP {
        out[i] = pattern[i].saturating_add(scale(chunk[i], keep));
    }
    out
}

/// Four pixels of `pixel`.
fn repeated(pixel: [u8; 4]) -> [u8; STEP] {
    let one = u128::from(u32::from_ne_bytes(pixel));
    (one | one << 32 | one << 64 | one << 96).to_ne_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blend::over_bytes;

    /// Premultiplied colours and backgrounds, opaque to clear.
    fn colors() -> Vec<[u8; 4]> {
        let mut out = Vec::new();
        for alpha in [0u8, 1, 77, 128, 254, 255] {
            for base in [0u8, 60, 255] {
                let c = scale(base, alpha);
                out.push([c, scale(200, alpha), alpha / 3, alpha]);
            }
        }
        out
    }

    /// What each pixel must become: the colour scaled by its coverage,
    /// drawn over by the reference blend.
    fn reference(row: &[u8], color: [u8; 4], alphas: &[u8]) -> Vec<u8> {
        let mut out = row.to_vec();
        for (pixel, alpha) in out.chunks_exact_mut(4).zip(alphas) {
            over_bytes(pixel, &scaled(color, *alpha));
        }
        out
    }

    #[test]
    fn runs_and_masks_blend_like_the_reference_over_every_colour() {
        let backgrounds = colors();
        // 27 pixels: several vector steps and a remainder.
        let row: Vec<u8> = (0..27)
            .flat_map(|i| backgrounds[i % backgrounds.len()])
            .collect();
        let alphas: Vec<u8> = (0..27u8).map(|i| i.wrapping_mul(37)).collect();
        for color in colors() {
            let mut ours = row.clone();
            masked(&mut ours, color, &alphas);
            assert_eq!(ours, reference(&row, color, &alphas), "mask of {color:?}");
            let clear = vec![0; row.len()];
            let mut stored = clear.clone();
            covered(&mut stored, color, &alphas);
            assert_eq!(
                stored,
                reference(&clear, color, &alphas),
                "{color:?} onto clear"
            );
            for alpha in [0u8, 1, 128, 255] {
                let mut ours = row.clone();
                run(&mut ours, color, alpha);
                assert_eq!(
                    ours,
                    reference(&row, color, &[alpha; 27]),
                    "run of {color:?} at {alpha}"
                );
            }
        }
    }

    #[test]
    fn fading_scales_every_byte() {
        // Colours, a clear stretch longer than a skipped block, colours
        // again, and an uneven clear remainder.
        let mut pixels: Vec<u8> = colors().concat();
        pixels.extend([0; 4 * 37]);
        pixels.extend(colors().concat());
        pixels.extend([0; 4 * 5]);
        for opacity in [0u8, 1, 128, 255] {
            let mut ours = pixels.clone();
            fade(&mut ours, opacity);
            let expected: Vec<u8> = pixels.iter().map(|b| scale(*b, opacity)).collect();
            assert_eq!(ours, expected, "opacity {opacity}");
        }
    }

    #[test]
    fn an_all_clear_mask_step_leaves_pixels_alone() {
        let row = vec![9u8; 4 * 9];
        let mut ours = row.clone();
        masked(&mut ours, [255, 0, 0, 255], &[0; 9]);
        assert_eq!(ours, row);
    }
}
