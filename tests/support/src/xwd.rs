//! Screenshots of a real X server: `xwd` (Debian's `x11-apps`) dumps a
//! window or the root in the X Window Dump format; this reads the
//! true-colour (`ZPixmap`, 24- or 32-bit) dumps X servers such as Xvfb
//! write into an opaque [`Pixmap`].

use tiny_skia::Pixmap;

/// Why a dump could not be read.
pub type XwdError = String;

fn field(data: &[u8], index: usize) -> Result<u32, XwdError> {
    data.get(index * 4..index * 4 + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(u32::from_be_bytes)
        .ok_or_else(|| "the XWD header is cut short".to_owned())
}

/// The value under `mask`, scaled to 8 bits.
fn channel(pixel: u32, mask: u32) -> u8 {
    if mask == 0 {
        return 0;
    }
    let shift = mask.trailing_zeros();
    let max = mask >> shift;
    let value = (pixel & mask) >> shift;
    ((value * 255 + max / 2) / max) as u8
}

/// Reads an XWD dump.
pub fn read(data: &[u8]) -> Result<Pixmap, XwdError> {
    let header_size = field(data, 0)? as usize;
    let version = field(data, 1)?;
    let format = field(data, 2)?;
    let (width, height) = (field(data, 4)?, field(data, 5)?);
    let byte_order = field(data, 7)?;
    let bits_per_pixel = field(data, 11)?;
    let bytes_per_line = field(data, 12)? as usize;
    let masks = [field(data, 14)?, field(data, 15)?, field(data, 16)?];
    let colors = field(data, 19)? as usize;
    if version != 7 || format != 2 {
        return Err(format!(
            "only XWD version 7 ZPixmap dumps are read (version {version}, format {format})"
        ));
    }
    let bytes = match bits_per_pixel {
        24 => 3,
        32 => 4,
        other => return Err(format!("{other}-bit pixels are not read")),
    };
    let start = header_size + colors * 12;
    let needed = start + bytes_per_line * height as usize;
    if data.len() < needed || bytes_per_line < width as usize * bytes {
        return Err(format!(
            "the dump holds {} bytes; {width}×{height} pixels need {needed}",
            data.len()
        ));
    }
    let mut pixmap = Pixmap::new(width.max(1), height.max(1))
        .ok_or_else(|| format!("a {width}×{height} dump is not an image"))?;
    let out = pixmap.data_mut();
    for y in 0..height as usize {
        let row = &data[start + y * bytes_per_line..];
        for x in 0..width as usize {
            let raw = &row[x * bytes..x * bytes + bytes];
            let pixel = raw.iter().enumerate().fold(0_u32, |acc, (i, b)| {
                // LSBFirst (0): the first byte is the lowest.
                if byte_order == 0 {
                    acc | u32::from(*b) << (8 * i)
                } else {
                    acc << 8 | u32::from(*b)
                }
            });
            let at = (y * width as usize + x) * 4;
            out[at] = channel(pixel, masks[0]);
            out[at + 1] = channel(pixel, masks[1]);
            out[at + 2] = channel(pixel, masks[2]);
            out[at + 3] = 255;
        }
    }
    Ok(pixmap)
}

/// Where `needle` appears in `haystack`: the top-left of the first place
/// where every pixel is within `per_channel` of it. Pixels are compared
/// starting from the needle's most distinctive one, so the search is quick
/// on screenshots of flat backgrounds.
pub fn find(haystack: &Pixmap, needle: &Pixmap, per_channel: u8) -> Option<(u32, u32)> {
    let (hw, hh) = (haystack.width(), haystack.height());
    let (nw, nh) = (needle.width(), needle.height());
    if nw > hw || nh > hh {
        return None;
    }
    let hay = haystack.data();
    let pin = needle.data();
    let close = |a: &[u8], b: &[u8]| (0..3).all(|c| a[c].abs_diff(b[c]) <= per_channel);
    // Check first the pixel that differs most from the needle's top-left
    // (usually the background around a control).
    let corner = &pin[0..4];
    let distance = |p: &[u8]| {
        (0..3)
            .map(|c| u32::from(p[c].abs_diff(corner[c])))
            .sum::<u32>()
    };
    let key = (0..(nw * nh) as usize)
        .max_by_key(|i| distance(&pin[i * 4..i * 4 + 4]))
        .unwrap_or(0);
    let (kx, ky) = (key as u32 % nw, key as u32 / nw);
    let pixel = |x: u32, y: u32| {
        let at = ((y * hw + x) * 4) as usize;
        &hay[at..at + 4]
    };
    for y in 0..=hh - nh {
        for x in 0..=hw - nw {
            if !close(pixel(x + kx, y + ky), &pin[key * 4..key * 4 + 4]) {
                continue;
            }
            let all = (0..nh).all(|ny| {
                (0..nw).all(|nx| {
                    let at = ((ny * nw + nx) * 4) as usize;
                    close(pixel(x + nx, y + ny), &pin[at..at + 4])
                })
            });
            if all {
                return Some((x, y));
            }
        }
    }
    None
}
