//! The compiled-theme cache: a compiled stylesheet stored in a binary file
//! under `$XDG_CACHE_HOME/union/css/`, so a theme loads without parsing.
//!
//! An entry is keyed by the entry file's path and records every file the
//! theme read with its size, modification time and content hash, the
//! model's [`SCHEMA_HASH`] and a hash of this module's own source (so a
//! change to the data model or to the cache format invalidates every entry
//! without anyone bumping a version). An entry is used only if all of them
//! still match; a missing, stale or corrupt entry is ignored and rebuilt.
//! Themes with errors are never stored. Writes go to a temporary file that is
//! renamed into place, so readers never see half an entry.

use crate::compile::Compiled;
use crate::deferred::CssDeferred;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_model::selectors::Selector;
use union_model::values::{ColorRole, ColorSet, Rgba};
use union_model::{
    Condition, Declaration, DeclaredValue, DeferredValue, Diagnostic, Importance, PropertyId, Rule,
    SCHEMA_HASH, SourceLocation, ThemeMetadata, Value,
};

/// What identifies the cache format: this file's source.
const FORMAT_HASH: u64 = fnv(include_str!("cache.rs").as_bytes());

const MAGIC: [u8; 8] = *b"UNIONCSS";

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

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct FileStamp {
    path: PathBuf,
    size: u64,
    modified_ns: u128,
    content: u64,
}

/// A content hash for change detection (not for adversaries): eight bytes
/// per step, so re-checking a theme's files stays far below parsing them.
fn content_hash(bytes: &[u8]) -> u64 {
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

impl FileStamp {
    fn of(path: &Path) -> Option<FileStamp> {
        use std::io::Read;
        let mut file = std::fs::File::open(path).ok()?;
        let metadata = file.metadata().ok()?;
        let modified_ns = metadata
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).ok()?);
        file.read_to_end(&mut bytes).ok()?;
        let content = content_hash(&bytes);
        Some(FileStamp {
            path: path.to_path_buf(),
            size: metadata.len(),
            modified_ns,
            content,
        })
    }
}

/// Text that repeats (custom properties, `var()` values, folders) is stored
/// once in the entry's string table and referred to by index, so loading
/// makes one shared allocation per distinct string.
type StringIndex = u32;

#[derive(Serialize, Deserialize)]
enum CachedValue {
    Value(Value),
    None,
    Inherit,
    /// An index into the entry's deferred values (shared like the compiler shares them).
    Deferred(u32),
}

#[derive(Serialize, Deserialize)]
struct CachedDeferred {
    text: StringIndex,
    shorthand: Option<StringIndex>,
    longhand: u16,
    base_dir: u32,
}

/// A declaration block, stored once however many selectors share it.
/// Properties are stored by index: stable for a given `SCHEMA_HASH`.
#[derive(Serialize, Deserialize)]
struct CachedBlock {
    declarations: Vec<(u16, CachedValue)>,
    custom: Vec<(StringIndex, StringIndex)>,
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

#[derive(Serialize, Deserialize)]
struct Entry {
    magic: [u8; 8],
    format: u64,
    schema: u64,
    entry: PathBuf,
    files: Vec<FileStamp>,
    strings: Vec<String>,
    folders: Vec<PathBuf>,
    deferred: Vec<CachedDeferred>,
    selectors: Vec<Selector>,
    conditions: Vec<Condition>,
    blocks: Vec<CachedBlock>,
    rules: Vec<CachedRule>,
    palette: Vec<(ColorSet, ColorRole, Rgba)>,
    metadata: ThemeMetadata,
    extends: Option<String>,
    diagnostics: Vec<Diagnostic>,
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
        let bytes = std::fs::read(self.file_for(entry)).ok()?;
        let cached: Entry = postcard::from_bytes(&bytes).ok()?;
        let valid = cached.magic == MAGIC
            && cached.format == FORMAT_HASH
            && cached.schema == SCHEMA_HASH
            && cached.entry == entry
            && cached
                .files
                .iter()
                .all(|stamp| FileStamp::of(&stamp.path).as_ref() == Some(stamp));
        if !valid {
            return None;
        }
        let files: Vec<Arc<Path>> = cached
            .files
            .into_iter()
            .map(|f| Arc::from(f.path.as_path()))
            .collect();
        let strings: Vec<Arc<str>> = cached
            .strings
            .iter()
            .map(|s| Arc::from(s.as_str()))
            .collect();
        let folders: Vec<Arc<Path>> = cached
            .folders
            .iter()
            .map(|f| Arc::from(f.as_path()))
            .collect();
        let conditions: Vec<Arc<Condition>> = cached.conditions.into_iter().map(Arc::new).collect();
        let deferred: Vec<Arc<dyn DeferredValue>> = cached
            .deferred
            .iter()
            .map(|d| restore_deferred(d, &strings, &folders))
            .collect::<Option<_>>()?;
        let mut compiled = Compiled {
            files: files.iter().map(|f| f.to_path_buf()).collect(),
            diagnostics: cached.diagnostics,
            metadata: cached.metadata,
            extends: cached.extends,
            ..Compiled::default()
        };
        for (set, role, color) in cached.palette {
            compiled.palette.set(set, role, color);
        }
        let blocks: Vec<Restored> = cached
            .blocks
            .into_iter()
            .map(|block| restore_block(block, &strings, &deferred))
            .collect::<Option<_>>()?;
        compiled.rules.reserve(cached.rules.len());
        for rule in cached.rules {
            let block = blocks.get(rule.block as usize)?;
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
                selector: cached.selectors.get(rule.selector as usize)?.clone(),
                declarations: Arc::clone(&block.0),
                custom: Arc::clone(&block.1),
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
        let Some(files) = compiled
            .files
            .iter()
            .map(|p| FileStamp::of(p))
            .collect::<Option<Vec<_>>>()
        else {
            return;
        };
        // Rules of one selector list share their declarations, nested rules
        // share selectors, and `@media` blocks share conditions: store each once.
        let mut table = Tables::default();
        for (index, file) in compiled.files.iter().enumerate() {
            table
                .files
                .insert(file.as_path(), u32::try_from(index).unwrap_or(u32::MAX));
        }
        let mut rules = Vec::with_capacity(compiled.rules.len());
        for rule in &compiled.rules {
            let Some(block) = table.block(rule) else {
                return;
            };
            let location = match &rule.location {
                Some(at) => {
                    let Some(file) = table.files.get(&*at.file) else {
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
            rules.push(CachedRule {
                selector: table.selector(&rule.selector),
                block,
                condition: rule.condition.as_ref().map(|c| table.condition(c)),
                important: rule.importance == Importance::Important,
                location,
            });
        }
        let cached = Entry {
            magic: MAGIC,
            format: FORMAT_HASH,
            schema: SCHEMA_HASH,
            entry: entry.to_path_buf(),
            files,
            strings: table.strings.list,
            folders: table.folders,
            deferred: table.deferred,
            selectors: table.selectors,
            conditions: table.conditions,
            blocks: table.blocks,
            rules,
            palette: compiled.palette.entries().collect(),
            metadata: compiled.metadata.clone(),
            extends: compiled.extends.clone(),
            diagnostics: compiled.diagnostics.clone(),
        };
        let Ok(bytes) = postcard::to_stdvec(&cached) else {
            return;
        };
        let target = self.file_for(entry);
        let temporary = target.with_extension(format!("tmp{}", std::process::id()));
        let written =
            std::fs::create_dir_all(&self.dir).is_ok() && std::fs::write(&temporary, bytes).is_ok();
        if !written || std::fs::rename(&temporary, &target).is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
    }
}

type Restored = (Arc<[Declaration]>, union_model::CustomProperties);

/// Deduplicating tables built while storing an entry.
#[derive(Default)]
struct Tables<'a> {
    files: std::collections::HashMap<&'a Path, u32>,
    strings: StringTable,
    folders: Vec<PathBuf>,
    deferred: Vec<CachedDeferred>,
    deferred_of: std::collections::HashMap<*const (), u32>,
    selectors: Vec<Selector>,
    selector_of: std::collections::HashMap<*const (), u32>,
    conditions: Vec<Condition>,
    condition_of: std::collections::HashMap<*const Condition, u32>,
    blocks: Vec<CachedBlock>,
    block_of: std::collections::HashMap<*const Declaration, u32>,
}

fn index_of(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

impl Tables<'_> {
    fn selector(&mut self, selector: &Selector) -> u32 {
        let key = selector.identity();
        *self.selector_of.entry(key).or_insert_with(|| {
            self.selectors.push(selector.clone());
            index_of(self.selectors.len() - 1)
        })
    }

    fn condition(&mut self, condition: &Arc<Condition>) -> u32 {
        *self
            .condition_of
            .entry(Arc::as_ptr(condition))
            .or_insert_with(|| {
                self.conditions.push((**condition).clone());
                index_of(self.conditions.len() - 1)
            })
    }

    fn block(&mut self, rule: &Rule) -> Option<u32> {
        let key = rule.declarations.as_ptr();
        if let Some(index) = self.block_of.get(&key) {
            return Some(*index);
        }
        let saved = save_block(rule, self)?;
        self.blocks.push(saved);
        let index = index_of(self.blocks.len() - 1);
        self.block_of.insert(key, index);
        Some(index)
    }
}

#[derive(Default)]
struct StringTable {
    list: Vec<String>,
    index: std::collections::HashMap<String, StringIndex>,
}

impl StringTable {
    fn intern(&mut self, text: &str) -> StringIndex {
        if let Some(index) = self.index.get(text) {
            return *index;
        }
        self.list.push(text.to_owned());
        let index = index_of(self.list.len() - 1);
        self.index.insert(text.to_owned(), index);
        index
    }
}

impl Tables<'_> {
    fn deferred(&mut self, value: &Arc<dyn DeferredValue>) -> Option<u32> {
        let key = Arc::as_ptr(value).cast::<()>();
        if let Some(index) = self.deferred_of.get(&key) {
            return Some(*index);
        }
        let css = value.as_any().downcast_ref::<CssDeferred>()?;
        let base_dir = match self.folders.iter().position(|f| **f == *css.base_dir) {
            Some(index) => index_of(index),
            None => {
                self.folders.push(css.base_dir.to_path_buf());
                index_of(self.folders.len() - 1)
            }
        };
        self.deferred.push(CachedDeferred {
            text: self.strings.intern(&css.text),
            shorthand: css.shorthand.map(|s| self.strings.intern(s)),
            longhand: u16::try_from(css.longhand.index()).ok()?,
            base_dir,
        });
        let index = index_of(self.deferred.len() - 1);
        self.deferred_of.insert(key, index);
        Some(index)
    }
}

fn save_block(rule: &Rule, tables: &mut Tables<'_>) -> Option<CachedBlock> {
    let declarations = rule
        .declarations
        .iter()
        .map(|d| {
            let value = match d.declared() {
                DeclaredValue::Value(value) => CachedValue::Value(value.clone()),
                DeclaredValue::None => CachedValue::None,
                DeclaredValue::Inherit => CachedValue::Inherit,
                DeclaredValue::Deferred(deferred) => {
                    CachedValue::Deferred(tables.deferred(deferred)?)
                }
            };
            Some((u16::try_from(d.property().index()).ok()?, value))
        })
        .collect::<Option<Vec<_>>>()?;
    let custom = rule
        .custom
        .iter()
        .map(|(n, v)| (tables.strings.intern(n), tables.strings.intern(v)))
        .collect();
    Some(CachedBlock {
        declarations,
        custom,
    })
}

fn restore_deferred(
    saved: &CachedDeferred,
    strings: &[Arc<str>],
    folders: &[Arc<Path>],
) -> Option<Arc<dyn DeferredValue>> {
    let shorthand = match saved.shorthand {
        Some(index) => Some(crate::shorthand::static_name(strings.get(index as usize)?)?),
        None => None,
    };
    Some(Arc::new(CssDeferred {
        text: Arc::clone(strings.get(saved.text as usize)?),
        shorthand,
        longhand: *PropertyId::ALL.get(usize::from(saved.longhand))?,
        base_dir: Arc::clone(folders.get(saved.base_dir as usize)?),
        // The cache serves plain CSS themes, which have no extra image functions.
        images: None,
    }))
}

fn restore_block(
    block: CachedBlock,
    strings: &[Arc<str>],
    deferred: &[Arc<dyn DeferredValue>],
) -> Option<Restored> {
    let string = |index: StringIndex| strings.get(index as usize).map(Arc::clone);
    let mut declarations = Vec::with_capacity(block.declarations.len());
    for (index, value) in block.declarations {
        let id = *PropertyId::ALL.get(usize::from(index))?;
        let value = match value {
            CachedValue::Value(value) => DeclaredValue::Value(value),
            CachedValue::None => DeclaredValue::None,
            CachedValue::Inherit => DeclaredValue::Inherit,
            CachedValue::Deferred(index) => {
                DeclaredValue::Deferred(Arc::clone(deferred.get(index as usize)?))
            }
        };
        declarations.push(Declaration::new(id, value).ok()?);
    }
    let custom = block
        .custom
        .into_iter()
        .map(|(n, v)| Some((string(n)?, string(v)?)))
        .collect::<Option<_>>()?;
    Some((declarations.into(), union_model::custom_properties(custom)))
}
