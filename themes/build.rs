//! Embeds the bundled themes and fallback icons: every file under
//! `breeze/`, `breeze-dark/` and `icons/` becomes an entry of `FILES`, so a
//! binary finds them without the source tree.

#![allow(
    clippy::print_stdout,
    reason = "cargo reads build-script instructions from stdout"
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const FOLDERS: [&str; 3] = ["breeze", "breeze-dark", "icons"];

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    let mut entries: Vec<PathBuf> = read.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
    println!("cargo::rerun-if-changed={}", dir.display());
}

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let mut files = Vec::new();
    for folder in FOLDERS {
        walk(&manifest.join(folder), &mut files);
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    let mut source = String::from(
        "/// The embedded files: path relative to the bundle's root, and content.\npub(crate) static FILES: &[(&str, &[u8])] = &[\n",
    );
    for file in &files {
        println!("cargo::rerun-if-changed={}", file.display());
        let relative = file
            .strip_prefix(&manifest)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        mix(relative.as_bytes());
        mix(&[0]);
        mix(&bytes);
        let _ = writeln!(
            source,
            "    ({relative:?}, include_bytes!({:?})),",
            file.display().to_string()
        );
    }
    source.push_str("];\n");
    let _ = writeln!(
        source,
        "/// A hash of every embedded path and content: names the unpacked copy.\npub(crate) const BUNDLE_HASH: u64 = {hash:#018x};"
    );
    std::fs::write(out_dir.join("bundle.rs"), source)
        .unwrap_or_else(|e| panic!("cannot write the bundle list: {e}"));
}
