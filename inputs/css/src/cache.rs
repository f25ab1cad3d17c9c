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
    Condition, Declaration, DeclaredValue, Diagnostic, Importance, PropertyId, Rule, SCHEMA_HASH,
    SourceLocation, ThemeMetadata, Value,
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

impl FileStamp {
    fn of(path: &Path) -> Option<FileStamp> {
        let metadata = std::fs::metadata(path).ok()?;
        let modified_ns = metadata
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        let content = fnv(&std::fs::read(path).ok()?);
        Some(FileStamp {
            path: path.to_path_buf(),
            size: metadata.len(),
            modified_ns,
            content,
        })
    }
}

#[derive(Serialize, Deserialize)]
enum CachedValue {
    Value(Value),
    None,
    Inherit,
    Deferred {
        text: String,
        shorthand: Option<String>,
        base_dir: PathBuf,
    },
}

/// A declaration block, stored once however many selectors share it.
/// Properties are stored by index: stable for a given `SCHEMA_HASH`.
#[derive(Serialize, Deserialize)]
struct CachedBlock {
    declarations: Vec<(u16, CachedValue)>,
    custom: Vec<(String, String)>,
}

#[derive(Serialize, Deserialize)]
struct CachedRule {
    selector: Selector,
    block: u32,
    condition: Option<Condition>,
    important: bool,
    location: Option<SourceLocation>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    magic: [u8; 8],
    format: u64,
    schema: u64,
    entry: PathBuf,
    files: Vec<FileStamp>,
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
        let mut compiled = Compiled {
            files: cached.files.into_iter().map(|f| f.path).collect(),
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
            .map(restore_block)
            .collect::<Option<_>>()?;
        for rule in cached.rules {
            let block = blocks.get(rule.block as usize)?;
            compiled.rules.push(Rule {
                selector: rule.selector,
                declarations: Arc::clone(&block.0),
                custom: Arc::clone(&block.1),
                condition: rule.condition.map(Arc::new),
                importance: if rule.important {
                    Importance::Important
                } else {
                    Importance::Normal
                },
                location: rule.location,
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
        // Rules of one selector list share their declarations: store each block once.
        let mut blocks = Vec::new();
        let mut block_of: std::collections::HashMap<*const Declaration, u32> =
            std::collections::HashMap::new();
        let mut rules = Vec::with_capacity(compiled.rules.len());
        for rule in &compiled.rules {
            let key = rule.declarations.as_ptr();
            let block = match block_of.get(&key) {
                Some(index) => *index,
                None => {
                    let Some(saved) = save_block(rule) else {
                        return;
                    };
                    blocks.push(saved);
                    let index = u32::try_from(blocks.len() - 1).unwrap_or(u32::MAX);
                    block_of.insert(key, index);
                    index
                }
            };
            rules.push(CachedRule {
                selector: rule.selector.clone(),
                block,
                condition: rule.condition.as_deref().cloned(),
                important: rule.importance == Importance::Important,
                location: rule.location.clone(),
            });
        }
        let cached = Entry {
            magic: MAGIC,
            format: FORMAT_HASH,
            schema: SCHEMA_HASH,
            entry: entry.to_path_buf(),
            files,
            blocks,
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

type Restored = (Arc<[Declaration]>, Arc<[(Arc<str>, Arc<str>)]>);

fn save_block(rule: &Rule) -> Option<CachedBlock> {
    let declarations = rule
        .declarations
        .iter()
        .map(|d| {
            let value = match d.declared() {
                DeclaredValue::Value(value) => CachedValue::Value(value.clone()),
                DeclaredValue::None => CachedValue::None,
                DeclaredValue::Inherit => CachedValue::Inherit,
                DeclaredValue::Deferred(deferred) => {
                    let css = deferred.as_any().downcast_ref::<CssDeferred>()?;
                    CachedValue::Deferred {
                        text: css.text.to_string(),
                        shorthand: css.shorthand.as_ref().map(ToString::to_string),
                        base_dir: css.base_dir.to_path_buf(),
                    }
                }
            };
            Some((u16::try_from(d.property().index()).ok()?, value))
        })
        .collect::<Option<Vec<_>>>()?;
    let custom = rule
        .custom
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    Some(CachedBlock {
        declarations,
        custom,
    })
}

fn restore_block(block: CachedBlock) -> Option<Restored> {
    let mut declarations = Vec::with_capacity(block.declarations.len());
    for (index, value) in block.declarations {
        let id = *PropertyId::ALL.get(usize::from(index))?;
        let value = match value {
            CachedValue::Value(value) => DeclaredValue::Value(value),
            CachedValue::None => DeclaredValue::None,
            CachedValue::Inherit => DeclaredValue::Inherit,
            CachedValue::Deferred {
                text,
                shorthand,
                base_dir,
            } => DeclaredValue::Deferred(Arc::new(CssDeferred {
                text: Arc::from(text.as_str()),
                shorthand: shorthand.map(|s| Arc::from(s.as_str())),
                longhand: id,
                base_dir: Arc::from(base_dir.as_path()),
            })),
        };
        declarations.push(Declaration::new(id, value).ok()?);
    }
    let custom = block
        .custom
        .into_iter()
        .map(|(n, v)| (Arc::from(n.as_str()), Arc::from(v.as_str())))
        .collect();
    Some((declarations.into(), custom))
}
