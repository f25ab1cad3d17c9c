//! Diagnostics: what went wrong (or looks wrong) in a theme, and where.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A place in a source file; line and column are 1-based.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct SourceLocation {
    /// The file.
    pub file: Arc<Path>,
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1 (in characters).
    pub column: u32,
}

impl SourceLocation {
    /// A location in `file`.
    pub fn new(file: impl Into<PathBuf>, line: u32, column: u32) -> Self {
        Self {
            file: Arc::from(file.into().as_path()),
            line,
            column,
        }
    }
}

impl fmt::Display for SourceLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// How bad a diagnostic is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Information, such as a fallback that was taken.
    Note,
    /// Something was ignored or looks wrong; the theme still loads.
    Warning,
    /// Something could not be loaded; the theme is incomplete.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem found while loading a theme.
///
/// Displays as `file:line:col: level: message` (or `level: message` when
/// there is no location), the format compilers use, so editors can jump to it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, in a sentence.
    pub message: String,
    /// Where, when known.
    pub location: Option<SourceLocation>,
}

impl Diagnostic {
    /// Orders `diagnostics` as a reader meets them: by file (in the order
    /// the files first appear), then line and column; those without a
    /// place last, in the order they came.
    pub fn sort_in_source_order(diagnostics: &mut [Diagnostic]) {
        let mut files: Vec<Arc<Path>> = Vec::new();
        for at in diagnostics.iter().filter_map(|d| d.location.as_ref()) {
            if !files.contains(&at.file) {
                files.push(Arc::clone(&at.file));
            }
        }
        diagnostics.sort_by_key(|d| match &d.location {
            Some(at) => (
                files
                    .iter()
                    .position(|f| *f == at.file)
                    .unwrap_or(usize::MAX),
                at.line,
                at.column,
            ),
            None => (usize::MAX, u32::MAX, u32::MAX),
        });
    }

    /// An error.
    pub fn error(message: impl Into<String>, location: Option<SourceLocation>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            location,
        }
    }

    /// A warning.
    pub fn warning(message: impl Into<String>, location: Option<SourceLocation>) -> Self {
        Self {
            severity: Severity::Warning,
            message: message.into(),
            location,
        }
    }

    /// A note.
    pub fn note(message: impl Into<String>, location: Option<SourceLocation>) -> Self {
        Self {
            severity: Severity::Note,
            message: message.into(),
            location,
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        write!(f, "{}: {}", self.severity, self.message)
    }
}
