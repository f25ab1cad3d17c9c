//! Image snapshots: compare a rendered pixmap with a checked-in PNG within
//! an explicit tolerance; on failure write `expected | diff | actual` side by
//! side; bless with `UPDATE_SNAPSHOTS=1`.

use std::path::Path;
use tiny_skia::{IntSize, Pixmap, PremultipliedColorU8};

/// How different two images may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tolerance {
    /// Largest difference allowed in any channel of a pixel (0–255).
    pub per_channel: u8,
    /// How many pixels may exceed `per_channel`.
    pub max_pixels: usize,
}

impl Tolerance {
    /// Pixel-exact.
    pub const EXACT: Tolerance = Tolerance {
        per_channel: 0,
        max_pixels: 0,
    };
}

/// How two images compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Pixels where some channel differs by more than the threshold.
    pub differing: usize,
    /// The largest channel difference anywhere.
    pub max_difference: u8,
}

/// Compares two same-sized pixmaps.
pub fn compare(expected: &Pixmap, actual: &Pixmap, per_channel: u8) -> Comparison {
    let mut differing = 0;
    let mut max_difference = 0;
    for (e, a) in expected
        .data()
        .chunks_exact(4)
        .zip(actual.data().chunks_exact(4))
    {
        let worst = e
            .iter()
            .zip(a)
            .map(|(x, y)| x.abs_diff(*y))
            .max()
            .unwrap_or(0);
        max_difference = max_difference.max(worst);
        if worst > per_channel {
            differing += 1;
        }
    }
    Comparison {
        differing,
        max_difference,
    }
}

/// `expected | diff | actual`, the diff marking differing pixels in red over
/// a faded copy of the expected image.
fn triptych(expected: &Pixmap, actual: &Pixmap, per_channel: u8) -> Option<Pixmap> {
    let (w, h) = (
        expected.width().max(actual.width()),
        expected.height().max(actual.height()),
    );
    let mut out = Pixmap::new(w * 3, h)?;
    let pixel = |p: &Pixmap, x: u32, y: u32| p.pixel(x, y);
    for y in 0..h {
        for x in 0..w {
            let e = pixel(expected, x, y);
            let a = pixel(actual, x, y);
            let differs = match (e, a) {
                (Some(e), Some(a)) => {
                    [
                        e.red().abs_diff(a.red()),
                        e.green().abs_diff(a.green()),
                        e.blue().abs_diff(a.blue()),
                        e.alpha().abs_diff(a.alpha()),
                    ]
                    .into_iter()
                    .max()
                    .unwrap_or(0)
                        > per_channel
                }
                _ => true,
            };
            let faded = e.map_or(0, |e| 64 + e.alpha() / 4);
            let diff = if differs {
                PremultipliedColorU8::from_rgba(255, 0, 0, 255)
            } else {
                PremultipliedColorU8::from_rgba(faded, faded, faded, 255)
            };
            let pixels = out.pixels_mut();
            let row = (y * w * 3) as usize;
            if let Some(e) = e {
                pixels[row + x as usize] = e;
            }
            if let Some(d) = diff {
                pixels[row + (w + x) as usize] = d;
            }
            if let Some(a) = a {
                pixels[row + (2 * w + x) as usize] = a;
            }
        }
    }
    Some(out)
}

/// Writes `<diff_dir>/<name>.png`: expected | diff | actual (differing
/// pixels in red). Returns the path written.
pub fn write_diff_image(
    diff_dir: &Path,
    name: &str,
    expected: &Pixmap,
    actual: &Pixmap,
    per_channel: u8,
) -> std::path::PathBuf {
    let _ = std::fs::create_dir_all(diff_dir);
    let written = diff_dir.join(format!("{name}.png"));
    if let Some(image) = triptych(expected, actual, per_channel) {
        let _ = image.save_png(&written);
    }
    written
}

/// Asserts that `actual` matches the snapshot `<dir>/<name>.png` within
/// `tolerance`. With `UPDATE_SNAPSHOTS=1` the snapshot is (re)written
/// instead. On failure, `<diff_dir>/<name>.png` holds expected | diff |
/// actual.
///
/// # Panics
/// When the images differ beyond the tolerance, when the snapshot is
/// missing, or when files cannot be read or written.
pub fn assert_png_snapshot(
    dir: &Path,
    diff_dir: &Path,
    name: &str,
    actual: &Pixmap,
    tolerance: Tolerance,
) {
    let path = dir.join(format!("{name}.png"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v != "0") {
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if let Err(error) = actual.save_png(&path) {
            panic!("cannot write {}: {error}", path.display());
        }
        return;
    }
    let fail = |message: String, expected: Option<&Pixmap>| -> ! {
        let _ = std::fs::create_dir_all(diff_dir);
        let written = diff_dir.join(format!("{name}.png"));
        let image = match expected {
            Some(expected) => triptych(expected, actual, tolerance.per_channel),
            None => Some(actual.clone()),
        };
        if let Some(image) = image {
            let _ = image.save_png(&written);
        }
        panic!(
            "{name}: {message}\n  see {} (expected | diff | actual); bless with UPDATE_SNAPSHOTS=1",
            written.display()
        );
    };
    let Ok(expected) = Pixmap::load_png(&path) else {
        fail(format!("no snapshot at {}", path.display()), None)
    };
    if IntSize::from_wh(expected.width(), expected.height())
        != IntSize::from_wh(actual.width(), actual.height())
    {
        fail(
            format!(
                "size {}×{} differs from the snapshot's {}×{}",
                actual.width(),
                actual.height(),
                expected.width(),
                expected.height()
            ),
            Some(&expected),
        );
    }
    let comparison = compare(&expected, actual, tolerance.per_channel);
    if comparison.differing > tolerance.max_pixels {
        fail(
            format!(
                "{} pixels differ by more than {} (at most {} allowed; largest difference {})",
                comparison.differing,
                tolerance.per_channel,
                tolerance.max_pixels,
                comparison.max_difference
            ),
            Some(&expected),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(w: u32, h: u32, rgba: [u8; 4]) -> Pixmap {
        let mut p = Pixmap::new(w, h).unwrap_or_else(|| panic!("pixmap"));
        for px in p.data_mut().chunks_exact_mut(4) {
            px.copy_from_slice(&rgba);
        }
        p
    }

    #[test]
    fn compare_counts_pixels_beyond_the_threshold() {
        let a = filled(4, 4, [10, 10, 10, 255]);
        let mut b = a.clone();
        b.data_mut()[0] = 13;
        b.data_mut()[4] = 20;
        assert_eq!(
            compare(&a, &b, 0),
            Comparison {
                differing: 2,
                max_difference: 10
            }
        );
        assert_eq!(
            compare(&a, &b, 3),
            Comparison {
                differing: 1,
                max_difference: 10
            }
        );
        assert_eq!(compare(&a, &a, 0).differing, 0);
    }

    #[test]
    fn mismatches_fail_and_write_a_triptych() {
        let dir = std::env::temp_dir().join(format!("union-snapshot-test-{}", std::process::id()));
        let snapshots = dir.join("snapshots");
        let diffs = dir.join("diffs");
        let _ = std::fs::create_dir_all(&snapshots);
        let expected = filled(3, 2, [0, 0, 255, 255]);
        expected
            .save_png(snapshots.join("case.png"))
            .unwrap_or_else(|e| panic!("{e}"));
        let actual = filled(3, 2, [0, 0, 250, 255]);
        assert_png_snapshot(
            &snapshots,
            &diffs,
            "case",
            &actual,
            Tolerance {
                per_channel: 5,
                max_pixels: 0,
            },
        );
        let result = std::panic::catch_unwind(|| {
            assert_png_snapshot(&snapshots, &diffs, "case", &actual, Tolerance::EXACT);
        });
        assert!(result.is_err(), "an exact comparison must fail");
        let triptych = Pixmap::load_png(diffs.join("case.png")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((triptych.width(), triptych.height()), (9, 2));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
