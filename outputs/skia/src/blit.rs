//! One premultiplied colour drawn source-over onto rows of premultiplied
//! RGBA bytes: as an opaque run, as a run at one coverage, or through a
//! per-pixel coverage mask. Shapes, shadows and glyphs all end here.
//!
//! Results are those of `union_ksvg::blend::over_bytes` with the colour
//! scaled by each pixel's coverage first (rounded to nearest, tested), so
//! every path draws identical pixels; the loops work on four pixels at a
//! time so that they compile to vector code.

use tiny_skia::PremultipliedColorU8;
use union_ksvg::blend::scale;

/// Pixels handled per step of the vector loops.
const LANES: usize = 4;

/// `color` (premultiplied RGBA) scaled by a coverage of `alpha` / 255.
pub(crate) fn scaled(color: [u8; 4], alpha: u8) -> [u8; 4] {
    color.map(|c| scale(c, alpha))
}

/// Every pixel of `row` replaced by the opaque `color`.
pub(crate) fn opaque(row: &mut [PremultipliedColorU8], color: PremultipliedColorU8) {
    row.fill(color);
}

/// `color` at a coverage of `alpha` drawn over every pixel of `row`
/// (RGBA bytes).
pub(crate) fn run(row: &mut [u8], color: [u8; 4], alpha: u8) {
    let source = scaled(color, alpha);
    if source == [0; 4] {
        return;
    }
    let keep = 255 - source[3];
    let pattern: [u8; 4 * LANES] = std::array::from_fn(|i| source[i % 4]);
    let mut chunks = row.chunks_exact_mut(4 * LANES);
    for chunk in &mut chunks {
        for (d, s) in chunk.iter_mut().zip(pattern) {
            // s + d × keep ≤ 255: both are premultiplied by complementary
            // alphas.
            *d = s.saturating_add(scale(*d, keep));
        }
    }
    for (d, s) in chunks.into_remainder().iter_mut().zip(pattern) {
        *d = s.saturating_add(scale(*d, keep));
    }
}

/// `color` drawn over `row` (RGBA bytes) with each pixel's coverage taken
/// from `alphas` (one byte per pixel, as many as the row has pixels).
pub(crate) fn masked(row: &mut [u8], color: [u8; 4], alphas: &[u8]) {
    let mut pixels = row.chunks_exact_mut(4 * LANES);
    let mut coverage = alphas.chunks_exact(LANES);
    for (chunk, mask) in (&mut pixels).zip(&mut coverage) {
        if mask.iter().all(|a| *a == 0) {
            continue;
        }
        let mut source = [0u8; 4 * LANES];
        for (i, s) in source.iter_mut().enumerate() {
            *s = scale(color[i % 4], mask[i / 4]);
        }
        for (i, d) in chunk.iter_mut().enumerate() {
            let keep = 255 - source[i / 4 * 4 + 3];
            *d = source[i].saturating_add(scale(*d, keep));
        }
    }
    let rest = pixels.into_remainder().chunks_exact_mut(4);
    for (pixel, &alpha) in rest.zip(coverage.remainder()) {
        if alpha > 0 {
            let source = scaled(color, alpha);
            let keep = 255 - source[3];
            for (d, s) in pixel.iter_mut().zip(source) {
                *d = s.saturating_add(scale(*d, keep));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use union_ksvg::blend::over_bytes;

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
    fn an_all_clear_mask_step_leaves_pixels_alone() {
        let row = vec![9u8; 4 * 9];
        let mut ours = row.clone();
        masked(&mut ours, [255, 0, 0, 255], &[0; 9]);
        assert_eq!(ours, row);
    }
}
