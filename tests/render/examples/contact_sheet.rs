//! Lays PNG snapshots out on one sheet, for people reviewing them:
//! `cargo run -p union-render-tests --example contact_sheet -- OUT.png COLUMNS FILE...`

#![allow(clippy::print_stderr, reason = "a developer tool")]

use tiny_skia::{Color, Pixmap, PixmapPaint, Transform};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out, columns, files @ ..] = args.as_slice() else {
        return Err("usage: contact_sheet OUT.png COLUMNS FILE...".to_owned());
    };
    let columns: usize = columns.parse().map_err(|_| "COLUMNS is a number")?;
    let images: Vec<Pixmap> = files
        .iter()
        .map(|f| Pixmap::load_png(f).map_err(|e| format!("{f}: {e}")))
        .collect::<Result<_, _>>()?;
    let cell_w = images.iter().map(Pixmap::width).max().unwrap_or(1) + 8;
    let rows: Vec<&[Pixmap]> = images.chunks(columns.max(1)).collect();
    let heights: Vec<u32> = rows
        .iter()
        .map(|r| r.iter().map(Pixmap::height).max().unwrap_or(1) + 8)
        .collect();
    let mut sheet = Pixmap::new(
        cell_w * columns.max(1) as u32,
        heights.iter().sum::<u32>().max(1),
    )
    .ok_or("sheet too large")?;
    sheet.fill(Color::from_rgba8(200, 200, 200, 255));
    let mut y = 0;
    for (row, height) in rows.iter().zip(&heights) {
        for (i, image) in row.iter().enumerate() {
            let x = i as u32 * cell_w + 4;
            sheet.draw_pixmap(
                x as i32,
                y as i32 + 4,
                image.as_ref(),
                &PixmapPaint::default(),
                Transform::identity(),
                None,
            );
        }
        y += height;
    }
    sheet.save_png(out).map_err(|e| e.to_string())?;
    eprintln!("{out}: {} images", images.len());
    Ok(())
}
