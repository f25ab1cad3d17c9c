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
}

impl SourceFile {
    /// Reads `path`, refusing files over [`MAX_FILE_SIZE`] and non-UTF-8 text.
    pub fn read(path: &Path) -> Result<SourceFile, String> {
        let canonical = path
            .canonicalize()
            .map_err(|e| format!("cannot open: {e}"))?;
        let size = std::fs::metadata(&canonical)
            .map_err(|e| format!("cannot open: {e}"))?
            .len();
        if size > MAX_FILE_SIZE {
            return Err(format!(
                "the file is {size} bytes; stylesheets may be at most {MAX_FILE_SIZE}"
            ));
        }
        let bytes = std::fs::read(&canonical).map_err(|e| format!("cannot read: {e}"))?;
        let text = String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_owned())?;
        Ok(SourceFile {
            path: Arc::from(canonical.as_path()),
            text,
        })
    }

    /// A file made from text in memory (tests, editors).
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            path: Arc::from(path.into().as_path()),
            text: text.into(),
        }
    }

    /// A location from lightningcss' 0-based line and 1-based UTF-16 column.
    pub fn location(&self, line0: u32, column_utf16: u32) -> SourceLocation {
        let line_text = self.text.lines().nth(line0 as usize).unwrap_or("");
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

    /// A location from a byte offset into the text.
    pub fn location_of_offset(&self, offset: usize) -> SourceLocation {
        let before = self.text.get(..offset).unwrap_or(&self.text);
        let line = before.matches('\n').count() as u32 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) as u32 + 1;
        SourceLocation {
            file: Arc::clone(&self.path),
            line,
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
