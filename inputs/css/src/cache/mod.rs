//! The compiled-theme cache: a compiled stylesheet stored in a binary file
//! under `$XDG_CACHE_HOME/union/css/`, so a theme loads without parsing.
//!
//! An entry is keyed by the entry file's path and records every file the
//! theme read with its size, modification time and content hash, the
//! model's [`SCHEMA_HASH`] and a hash of this module's own source (so a
//! change to the data model or to the cache format invalidates every entry
//! without anyone bumping a version). An entry is used only if all of them
//! still match; a missing, stale or corrupt entry is ignored and rebuilt.
//! Themes with errors are never stored, nor are compilations of text a file
//! no longer holds (a file edited after the compiler read it: its content
//! hash differs from [`Compiled::file_hashes`]). Writes go to a temporary
//! file that is renamed into place, so readers never see half an entry.
//!
//! An entry is a header (the key) followed by the body, so a stale entry is
//! rejected before its rules are read. The body stores selectors and
//! declaration blocks as flat tables ([`selectors`], [`blocks`]): loading
//! makes few allocations, which is most of what a warm start costs, and
//! leaves each declaration block encoded (checked) until its rule is first
//! read.

mod blocks;
mod selectors;

use crate::compile::Compiled;
use blocks::{BlockTable, BlockWriter};
use selectors::{SelectorTable, SelectorWriter};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_model::values::{ColorRole, ColorSet, Rgba};
use union_model::{
    Condition, Diagnostic, Importance, Rule, SCHEMA_HASH, SourceLocation, ThemeMetadata,
};

/// What identifies the cache format: the source of this module.
const FORMAT_HASH: u64 = fnv(include_str!("mod.rs").as_bytes())
    ^ fnv(include_str!("selectors.rs").as_bytes()).rotate_left(21)
    ^ fnv(include_str!("blocks.rs").as_bytes()).rotate_left(42);

const MAGIC: [u8; 8] = *b"UNIONCSS";

/// A table index (tables never approach `u32::MAX` entries: files are bounded).
fn index_of(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// Text stored once in an entry and referred to by index.
#[derive(Default)]
struct Interner {
    list: Vec<String>,
    index: std::collections::HashMap<String, u32>,
}

impl Interner {
    fn intern(&mut self, text: &str) -> u32 {
        if let Some(index) = self.index.get(text) {
            return *index;
        }
        let index = index_of(self.list.len());
        self.list.push(text.to_owned());
        self.index.insert(text.to_owned(), index);
        index
    }
}

const fn fnv(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// What a theme file looked like when its entry was written.
///
/// Like Git's index, the check trusts the file system's own change record
/// and reads the file only when that record cannot be trusted: a file whose
/// size, modification and status-change times and inode all match, and
/// whose times are well before the moment it was stamped, is unchanged (any
/// write moves the status-change time, which no tool can set back). A file
/// touched around the time it was stamped ("racily clean": time stamps are
/// coarser than writes) or whose status changed is re-read and compared by
/// content hash, so an edit is never missed and a `touch` or `chmod` alone
/// does not discard the entry.
#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct FileStamp {
    path: PathBuf,
    size: u64,
    modified_ns: u128,
    status: Status,
    content: u64,
}

/// The file system's record of a file (ctime, inode and device on Unix).
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy, Default)]
struct Status {
    changed_ns: i128,
    inode: u64,
    device: u64,
}

/// How close to the stamping time a file time must be to need a content
/// check: generous next to file-system time granularity (1 ns – 2 s).
const RACY_WINDOW_NS: i128 = 3_000_000_000;

/// A content hash for change detection (not for adversaries): eight bytes
/// per step, so re-checking a theme's files stays far below parsing them.
pub(crate) fn content_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut hash = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    for &byte in chunks.remainder() {
        hash = (hash.rotate_left(5) ^ u64::from(byte)).wrapping_mul(K);
    }
    hash
}

fn modified_ns(metadata: &std::fs::Metadata) -> Option<u128> {
    Some(
        metadata
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos(),
    )
}

#[cfg(unix)]
fn status(metadata: &std::fs::Metadata) -> Status {
    use std::os::unix::fs::MetadataExt;
    Status {
        changed_ns: i128::from(metadata.ctime()) * 1_000_000_000
            + i128::from(metadata.ctime_nsec()),
        inode: metadata.ino(),
        device: metadata.dev(),
    }
}

/// Without a status record every check reads the file.
#[cfg(not(unix))]
fn status(_: &std::fs::Metadata) -> Status {
    Status::default()
}

fn now_ns() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX))
}

/// Largest cache entry read, bytes.
const MAX_ENTRY_BYTES: u64 = 64 << 20;

impl FileStamp {
    /// Stamps a file: its record and its content hash.
    fn of(path: &Path) -> Option<FileStamp> {
        let file = union_model::files::open_regular(path).ok()?;
        let metadata = file.metadata().ok()?;
        let bytes = union_model::files::read_limited(file, crate::source::MAX_FILE_SIZE).ok()?;
        Some(FileStamp {
            path: path.to_path_buf(),
            size: metadata.len(),
            modified_ns: modified_ns(&metadata)?,
            status: status(&metadata),
            content: content_hash(&bytes),
        })
    }

    /// Whether the file is still the one stamped at `stamped_ns`.
    fn unchanged(&self, stamped_ns: i128) -> bool {
        let Ok(metadata) = std::fs::metadata(&self.path) else {
            return false;
        };
        if metadata.len() != self.size {
            return false;
        }
        let status_now = status(&metadata);
        let settled = |ns: i128| ns < stamped_ns - RACY_WINDOW_NS;
        let trusted = cfg!(unix)
            && status_now == self.status
            && modified_ns(&metadata) == Some(self.modified_ns)
            && settled(i128::try_from(self.modified_ns).unwrap_or(i128::MAX))
            && settled(self.status.changed_ns);
        trusted
            || union_model::files::read_regular(&self.path, crate::source::MAX_FILE_SIZE).is_ok_and(
                |bytes| bytes.len() as u64 == self.size && content_hash(&bytes) == self.content,
            )
    }
}

/// A rule's location: an index into the entry's files, line and column.
#[derive(Serialize, Deserialize)]
struct CachedLocation {
    file: u32,
    line: u32,
    column: u32,
}

#[derive(Serialize, Deserialize)]
struct CachedRule {
    selector: u32,
    block: u32,
    condition: Option<u32>,
    important: bool,
    location: Option<CachedLocation>,
}

/// What an entry is keyed by: read and checked before the body.
#[derive(Serialize, Deserialize)]
struct Header {
    magic: [u8; 8],
    format: u64,
    schema: u64,
    entry: PathBuf,
    /// When the files were stamped (ns since the Unix epoch).
    stamped_ns: i128,
    files: Vec<FileStamp>,
}

/// The compiled theme (followed in the entry by its declaration stream,
/// see [`blocks`]).
#[derive(Serialize, Deserialize)]
struct Body<'a> {
    #[serde(borrow)]
    selectors: SelectorTable<'a>,
    #[serde(borrow)]
    blocks: BlockTable<'a>,
    conditions: Vec<Condition>,
    rules: Vec<CachedRule>,
    palette: Vec<(ColorSet, ColorRole, Rgba)>,
    metadata: ThemeMetadata,
    extends: Option<String>,
    diagnostics: Vec<Diagnostic>,
}

/// Restored items handed to the rules that use them: a clone for each use
/// but the last, which takes the item (so a selector or block used once is
/// moved, not shared and released).
struct Uses<T> {
    items: Vec<Option<T>>,
    uses: Vec<u32>,
}

impl<T: Clone> Uses<T> {
    fn new(items: Vec<T>, used: impl Iterator<Item = u32>) -> Self {
        let mut uses = vec![0u32; items.len()];
        for index in used {
            if let Some(count) = uses.get_mut(index as usize) {
                *count = count.saturating_add(1);
            }
        }
        Uses {
            items: items.into_iter().map(Some).collect(),
            uses,
        }
    }

    /// Item `index` for one use; `None` when there is no such item.
    fn take(&mut self, index: u32) -> Option<T> {
        let uses = self.uses.get_mut(index as usize)?;
        *uses = uses.saturating_sub(1);
        let item = self.items.get_mut(index as usize)?;
        if *uses == 0 {
            item.take()
        } else {
            item.clone()
        }
    }
}

/// A folder of compiled-theme cache entries.
#[derive(Clone, Debug)]
pub struct ThemeCache {
    dir: PathBuf,
}

impl ThemeCache {
    /// A cache in `dir` (created when the first entry is stored).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// `$XDG_CACHE_HOME/union/css`, or `~/.cache/union/css`.
    pub fn default_location() -> Option<Self> {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache")))?;
        Some(Self::new(base.join("union/css")))
    }

    fn file_for(&self, entry: &Path) -> PathBuf {
        self.dir.join(format!(
            "{:016x}.bin",
            fnv(entry.as_os_str().as_encoded_bytes())
        ))
    }

    /// The cached compilation of the stylesheet at `entry`, if one is still valid.
    pub fn load(&self, entry: &Path) -> Option<Compiled> {
        // Regular files only (a FIFO would hang the load), within a bound.
        let bytes =
            union_model::files::read_regular(&self.file_for(entry), MAX_ENTRY_BYTES).ok()?;
        let (header, body) = postcard::take_from_bytes::<Header>(&bytes).ok()?;
        let valid = header.magic == MAGIC
            && header.format == FORMAT_HASH
            && header.schema == SCHEMA_HASH
            && header.entry == entry
            && header
                .files
                .iter()
                .all(|stamp| stamp.unchanged(header.stamped_ns));
        if !valid {
            return None;
        }
        let (body, declarations) = postcard::take_from_bytes::<Body<'_>>(body).ok()?;
        let files: Vec<Arc<Path>> = header
            .files
            .iter()
            .map(|f| Arc::from(f.path.as_path()))
            .collect();
        let conditions: Vec<Arc<Condition>> = body.conditions.into_iter().map(Arc::new).collect();
        let mut selectors = Uses::new(
            body.selectors.restore()?,
            body.rules.iter().map(|rule| rule.selector),
        );
        let mut blocks = Uses::new(
            body.blocks.restore(declarations)?,
            body.rules.iter().map(|rule| rule.block),
        );
        let mut compiled = Compiled {
            file_hashes: header.files.iter().map(|f| f.content).collect(),
            files: header.files.into_iter().map(|f| f.path).collect(),
            diagnostics: body.diagnostics,
            metadata: body.metadata,
            extends: body.extends,
            ..Compiled::default()
        };
        for (set, role, color) in body.palette {
            compiled.palette.set(set, role, color);
        }
        compiled.rules.reserve(body.rules.len());
        for rule in body.rules {
            let (declarations, custom) = blocks.take(rule.block)?;
            let location = match rule.location {
                Some(at) => Some(SourceLocation {
                    file: Arc::clone(files.get(at.file as usize)?),
                    line: at.line,
                    column: at.column,
                }),
                None => None,
            };
            let condition = match rule.condition {
                Some(index) => Some(Arc::clone(conditions.get(index as usize)?)),
                None => None,
            };
            compiled.rules.push(Rule {
                selector: selectors.take(rule.selector)?,
                declarations,
                custom,
                condition,
                importance: if rule.important {
                    Importance::Important
                } else {
                    Importance::Normal
                },
                location,
            });
        }
        Some(compiled)
    }

    /// Stores a compilation (not when it has errors). Failures to write are
    /// ignored: the cache is an optimisation, never a requirement.
    pub fn store(&self, entry: &Path, compiled: &Compiled) {
        if compiled.diagnostics.iter().any(Diagnostic::is_error) {
            return;
        }
        // Taken before the files are read: a write after this moment is
        // within the racy window, so it is caught by content.
        let stamped_ns = now_ns();
        let Some(files) = compiled
            .files
            .iter()
            .map(|p| FileStamp::of(p))
            .collect::<Option<Vec<_>>>()
        else {
            return;
        };
        // A file edited since the compiler read it would be recorded with
        // its new text beside rules made from the old one.
        let compiled_text = files.len() == compiled.file_hashes.len()
            && files
                .iter()
                .zip(&compiled.file_hashes)
                .all(|(stamp, hash)| stamp.content == *hash);
        if !compiled_text {
            return;
        }
        // Rules of one selector list share their declarations, nested rules
        // share selectors, and `@media` blocks share conditions: store each once.
        let file_index: std::collections::HashMap<&Path, u32> = compiled
            .files
            .iter()
            .enumerate()
            .map(|(index, file)| (file.as_path(), u32::try_from(index).unwrap_or(u32::MAX)))
            .collect();
        let mut selectors = SelectorWriter::default();
        let mut blocks = BlockWriter::default();
        let mut conditions: Vec<Condition> = Vec::new();
        let mut condition_of: std::collections::HashMap<*const Condition, u32> =
            std::collections::HashMap::new();
        let mut rules = Vec::with_capacity(compiled.rules.len());
        for rule in &compiled.rules {
            let Some(block) = blocks.add(rule) else {
                return;
            };
            let location = match &rule.location {
                Some(at) => {
                    let Some(file) = file_index.get(&*at.file) else {
                        return;
                    };
                    Some(CachedLocation {
                        file: *file,
                        line: at.line,
                        column: at.column,
                    })
                }
                None => None,
            };
            let condition = rule.condition.as_ref().map(|condition| {
                *condition_of
                    .entry(Arc::as_ptr(condition))
                    .or_insert_with(|| {
                        conditions.push((**condition).clone());
                        u32::try_from(conditions.len() - 1).unwrap_or(u32::MAX)
                    })
            });
            rules.push(CachedRule {
                selector: selectors.add(&rule.selector),
                block,
                condition,
                important: rule.importance == Importance::Important,
                location,
            });
        }
        let Some((block_table, declarations)) = blocks.finish() else {
            return;
        };
        let header = Header {
            magic: MAGIC,
            format: FORMAT_HASH,
            schema: SCHEMA_HASH,
            entry: entry.to_path_buf(),
            stamped_ns,
            files,
        };
        let body = Body {
            selectors: selectors.finish(),
            blocks: block_table,
            conditions,
            rules,
            palette: compiled.palette.entries().collect(),
            metadata: compiled.metadata.clone(),
            extends: compiled.extends.clone(),
            diagnostics: compiled.diagnostics.clone(),
        };
        let Ok(header) = postcard::to_stdvec(&header) else {
            return;
        };
        let Ok(mut bytes) = postcard::to_extend(&body, header) else {
            return;
        };
        bytes.extend_from_slice(&declarations);
        let target = self.file_for(entry);
        let temporary = target.with_extension(format!("tmp{}", std::process::id()));
        let written =
            std::fs::create_dir_all(&self.dir).is_ok() && std::fs::write(&temporary, bytes).is_ok();
        if !written || std::fs::rename(&temporary, &target).is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
    }
}
