//! Gaussian blur of an alpha mask, approximated by three box blurs per axis
//! (the approximation browsers and Skia use for shadows); σ = blur radius / 2.

/// Box widths whose three passes approximate a gaussian of `sigma`.
fn box_sizes(sigma: f32) -> [usize; 3] {
    let n = 3.0;
    let ideal = (12.0 * sigma * sigma / n + 1.0).sqrt();
    let mut lower = ideal.floor() as i64;
    if lower % 2 == 0 {
        lower -= 1;
    }
    let lower = lower.max(1) as f32;
    let upper = lower + 2.0;
    let m = ((12.0 * sigma * sigma - n * lower * lower - 4.0 * n * lower - 3.0 * n)
        / (-4.0 * lower - 4.0))
        .round();
    let size = |i: f32| {
        if i < m {
            lower as usize
        } else {
            upper as usize
        }
    };
    [size(0.0), size(1.0), size(2.0)]
}

/// One box blur pass along rows (`horizontal`) or columns, radius `r`;
/// pixels outside the mask count as zero.
fn pass(src: &[f32], dst: &mut [f32], width: usize, height: usize, r: usize, horizontal: bool) {
    let (lines, length) = if horizontal {
        (height, width)
    } else {
        (width, height)
    };
    let index = |line: usize, i: usize| {
        if horizontal {
            line * width + i
        } else {
            i * width + line
        }
    };
    let scale = 1.0 / (2 * r + 1) as f32;
    for line in 0..lines {
        let mut sum = 0.0;
        for i in 0..r.min(length) {
            sum += src[index(line, i)];
        }
        for i in 0..length {
            if i + r < length {
                sum += src[index(line, i + r)];
            }
            dst[index(line, i)] = sum * scale;
            if i >= r {
                sum -= src[index(line, i - r)];
            }
        }
    }
}

/// How far (pixels) the blur for `sigma` spreads a pixel: the sum of the
/// three boxes' radii.
pub fn reach(sigma: f32) -> usize {
    if sigma <= 0.0 {
        return 0;
    }
    box_sizes(sigma).iter().map(|size| (size - 1) / 2).sum()
}

/// Blurs `alpha` (row-major, `width` × `height`, values 0..=1) in place.
pub fn gaussian(alpha: &mut [f32], width: usize, height: usize, sigma: f32) {
    if sigma <= 0.0 || width == 0 || height == 0 {
        return;
    }
    let mut scratch = vec![0.0; alpha.len()];
    for size in box_sizes(sigma) {
        let r = (size - 1) / 2;
        pass(alpha, &mut scratch, width, height, r, true);
        pass(&scratch, alpha, width, height, r, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blur_keeps_mass_and_spreads_symmetrically() {
        let (w, h) = (41, 41);
        let mut alpha = vec![0.0; w * h];
        alpha[20 * w + 20] = 1.0;
        gaussian(&mut alpha, w, h, 3.0);
        let total: f32 = alpha.iter().sum();
        assert!((total - 1.0).abs() < 1e-3, "mass {total}");
        assert!((alpha[20 * w + 17] - alpha[20 * w + 23]).abs() < 1e-6);
        assert!(alpha[20 * w + 20] > alpha[20 * w + 23] && alpha[20 * w + 23] > alpha[20 * w + 26]);
        // The spread matches the gaussian: variance ≈ σ² along an axis.
        let variance: f32 = (0..w)
            .map(|x| {
                let column: f32 = (0..h).map(|y| alpha[y * w + x]).sum();
                column * (x as f32 - 20.0).powi(2)
            })
            .sum();
        // Odd box widths give variances that are sums of (w² − 1) / 12: for
        // σ = 3 the boxes are 5, 5 and 7, a variance of 8 for σ² = 9.
        assert!((variance - 8.0).abs() < 0.05, "variance {variance}");
    }

    #[test]
    fn zero_sigma_is_a_no_op() {
        let mut alpha = vec![0.0, 1.0, 0.0];
        gaussian(&mut alpha, 3, 1, 0.0);
        assert_eq!(alpha, vec![0.0, 1.0, 0.0]);
    }
}
