//! Source files: reading them with bounds, and mapping lightningcss
//! locations (0-based lines, UTF-16 columns) to 1-based `file:line:column`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_model::{Diagnostic, SourceLocation};

/// Largest stylesheet file read (a theme is kilobytes; this guards against mistakes).
pub const MAX_FILE_SIZE: u64 = 4 * 1024 * 1024;

/// Deepest `@import` nesting followed.
pub const MAX_IMPORT_DEPTH: usize = 32;

/// One stylesheet file.
#[derive(Debug)]
pub struct SourceFile {
    /// The canonical path.
    pub path: Arc<Path>,
    /// The text.
    pub text: String,
    /// Byte offset where each line starts (for locations in O(log n)).
    line_starts: Vec<usize>,
}

fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::with_capacity(text.len() / 24 + 1);
    starts.push(0);
    // A `char` pattern searches with `memchr`, many bytes at a time.
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    starts
}

/// `dir.join(relative)` as a canonical path, given that `dir` is canonical:
/// when `relative` only names children (no `.`, `..` or root) and none of
/// them is a symbolic link, the join is already canonical and costs one
/// `lstat` per component instead of a `realpath`.
fn canonical_child(dir: &Path, relative: &Path) -> std::io::Result<PathBuf> {
    use std::path::Component;
    let mut joined = dir.to_path_buf();
    for component in relative.components() {
        let Component::Normal(name) = component else {
            return dir.join(relative).canonicalize();
        };
        joined.push(name);
        if std::fs::symlink_metadata(&joined)?.file_type().is_symlink() {
            return dir.join(relative).canonicalize();
        }
    }
    Ok(joined)
}

/// The common `@import` of a file in the same folder, opened in one call:
/// `relative` is a single name and the file is opened without following a
/// symbolic link, so `dir/name` is its canonical path. `None` for anything
/// else, or when opening fails for any reason (a link, a missing file): the
/// general path then canonicalizes and reports the error.
#[cfg(unix)]
fn open_direct_child(dir: &Path, relative: &Path) -> Option<(PathBuf, std::fs::File)> {
    use std::os::unix::fs::OpenOptionsExt;
    use std::path::Component;
    let mut components = relative.components();
    let (Some(Component::Normal(name)), None) = (components.next(), components.next()) else {
        return None;
    };
    let path = dir.join(name);
    // Non-blocking: opening a FIFO must not wait for a writer (it is then
    // refused as not a regular file).
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(&path)
        .ok()?;
    Some((path, file))
}

#[cfg(not(unix))]
fn open_direct_child(_dir: &Path, _relative: &Path) -> Option<(PathBuf, std::fs::File)> {
    None
}

impl SourceFile {
    /// Reads `path`, refusing files over [`MAX_FILE_SIZE`] and non-UTF-8 text.
    pub fn read(path: &Path) -> Result<SourceFile, String> {
        let canonical = path
            .canonicalize()
            .map_err(|e| format!("cannot open: {e}"))?;
        Self::read_canonical(&canonical)
    }

    /// Reads `relative` (an `@import` URL) in the canonical folder `dir`.
    pub fn read_relative(dir: &Path, relative: &Path) -> Result<SourceFile, String> {
        if let Some((path, file)) = open_direct_child(dir, relative) {
            return Self::read_open(&path, file);
        }
        let canonical = canonical_child(dir, relative).map_err(|e| format!("cannot open: {e}"))?;
        Self::read_canonical(&canonical)
    }

    fn read_canonical(canonical: &Path) -> Result<SourceFile, String> {
        let file = union_model::files::open_regular(canonical).map_err(|e| e.to_string())?;
        Self::read_open(canonical, file)
    }

    /// Reads the open `file`, whose canonical path is `canonical`.
    fn read_open(canonical: &Path, file: std::fs::File) -> Result<SourceFile, String> {
        union_model::files::check_regular(&file).map_err(|e| e.to_string())?;
        let size = file
            .metadata()
            .map_err(|e| format!("cannot open: {e}"))?
            .len();
        if size > MAX_FILE_SIZE {
            return Err(format!(
                "the file is {size} bytes; stylesheets may be at most {MAX_FILE_SIZE}"
            ));
        }
        // `take` bounds a file that grows while it is read.
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, MAX_FILE_SIZE + 1),
            &mut bytes,
        )
        .map_err(|e| format!("cannot read: {e}"))?;
        if bytes.len() as u64 > MAX_FILE_SIZE {
            return Err(format!(
                "the file grew past {MAX_FILE_SIZE} bytes while it was read"
            ));
        }
        let text = String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_owned())?;
        Ok(SourceFile {
            path: Arc::from(canonical),
            line_starts: line_starts(&text),
            text,
        })
    }

    /// A file made from text in memory (tests, editors).
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        SourceFile {
            path: Arc::from(path.into().as_path()),
            line_starts: line_starts(&text),
            text,
        }
    }

    /// A location from lightningcss' 0-based line and 1-based UTF-16 column.
    pub fn location(&self, line0: u32, column_utf16: u32) -> SourceLocation {
        let line_text = self.line(line0);
        let mut units = 1;
        let mut chars = 1;
        for c in line_text.chars() {
            if units >= column_utf16 {
                break;
            }
            units += c.len_utf16() as u32;
            chars += 1;
        }
        SourceLocation {
            file: Arc::clone(&self.path),
            line: line0 + 1,
            column: chars,
        }
    }

    /// The text of 0-based line `line0`, without its line break.
    fn line(&self, line0: u32) -> &str {
        let Some(&start) = self.line_starts.get(line0 as usize) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line0 as usize + 1)
            .map_or(self.text.len(), |next| next - 1);
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    /// Byte offset of a 0-based line and 1-based UTF-16 column.
    pub fn offset(&self, line0: u32, column_utf16: u32) -> usize {
        let Some(&start) = self.line_starts.get(line0 as usize) else {
            return self.text.len();
        };
        let line = self.line(line0);
        let mut units = 1;
        for (i, c) in line.char_indices() {
            if units >= column_utf16 {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        start + line.len()
    }

    /// A location from a byte offset into the text.
    pub fn location_of_offset(&self, offset: usize) -> SourceLocation {
        let line_index = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let line_start = self.line_starts.get(line_index).copied().unwrap_or(0);
        let column = self
            .text
            .get(line_start..offset)
            .map_or(0, |s| s.chars().count()) as u32
            + 1;
        SourceLocation {
            file: Arc::clone(&self.path),
            line: line_index as u32 + 1,
            column,
        }
    }

    /// An error diagnostic at the start of the file.
    pub fn error_at_start(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(
            message,
            Some(SourceLocation {
                file: Arc::clone(&self.path),
                line: 1,
                column: 1,
            }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_locations_count_utf16_columns_and_lines() {
        let file = SourceFile::from_text("/t.css", "x\r\né😀 a\nlast");
        assert_eq!(file.offset(1, 1), 3);
        // 'é' is 1 UTF-16 unit, '😀' is 2: column 4 is the space before 'a'.
        assert_eq!(&file.text[file.offset(1, 4)..], " a\nlast");
        let location = file.location(1, 5);
        assert_eq!(
            (location.line, location.column),
            (2, 4),
            "'a' is the 4th character"
        );
        let at_last = file.location_of_offset(file.text.find("last").unwrap());
        assert_eq!((at_last.line, at_last.column), (3, 1));
        assert_eq!(file.offset(9, 1), file.text.len());
    }
}
