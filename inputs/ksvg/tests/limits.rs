//! Bad input: a small `.svgz` that inflates past the bound is refused with
//! the file named, never inflated into memory.

use std::io::Write;
use union_ksvg::{MAX_INFLATED, read_svg_text};
use union_test_support::TempFolder;

#[test]
fn a_gzip_bomb_is_refused() {
    let folder = TempFolder::new("ksvg-gzip-bomb");
    let path = folder.path().join("bomb.svgz");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..=(MAX_INFLATED >> 20) {
        encoder.write_all(&zeros).unwrap_or_else(|e| panic!("{e}"));
    }
    let bytes = encoder.finish().unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes.len() < 1 << 20, "the bomb itself is small");
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let error = read_svg_text(&path)
        .err()
        .unwrap_or_else(|| panic!("the bomb was inflated"));
    assert_eq!(error.path, path);
    assert!(error.message.contains("inflates to more than"), "{error}");
}
