//! Declaration blocks in a cache entry: each block stored once however many
//! rules share it, each distinct value and `var()` value stored once however
//! many declarations share them.
//!
//! Restoring checks the blocks (a checksum over their bytes, every index
//! and count in range) but decodes none of them: each block is decoded the
//! first time a rule that uses it is read, which is when the rule first
//! matches an element ([`union_model::Declarations::decoded_later`]). The
//! distinct values and `var()` values are decoded once, with the first
//! block.

use super::{Interner, content_hash, index_of};
use crate::deferred::CssDeferred;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use union_model::{
    BlockDecoder, Declaration, Declarations, DeclaredValue, DeferredValue, LaterBlocks, PropertyId,
    Rule, Value,
};

/// Text stored once and referred to by index.
type StringIndex = u32;

/// The declaration stream opens with the entry's distinct values
/// ([`BlockTable::values`] of them): a theme repeats few values many times
/// (Breeze: 83 distinct values in its 431 declarations of a value), so each
/// is decoded once and cloned where it is used. Then come the
/// declarations, block after block, each a key, `property index << 2 |
/// kind`, followed by the index of its value for [`VALUE`] or of its
/// deferred value for [`DEFERRED`].
const VALUE: u32 = 0;
/// `none`.
const NONE: u32 = 1;
/// `inherit`.
const INHERIT: u32 = 2;
/// A `var()` value: an index into the entry's deferred values.
const DEFERRED: u32 = 3;

#[derive(Serialize, Deserialize)]
struct CachedDeferred {
    text: StringIndex,
    shorthand: Option<StringIndex>,
    base_dir: u32,
}

/// The blocks of an entry. Properties are stored by index: stable for a
/// given `SCHEMA_HASH`.
#[derive(Serialize, Deserialize, Default)]
pub(super) struct BlockTable<'a> {
    /// Read in place from the entry's bytes.
    #[serde(borrow)]
    strings: Vec<&'a str>,
    folders: Vec<PathBuf>,
    deferred: Vec<CachedDeferred>,
    /// Every custom property (name, value), block after block.
    custom: Vec<(StringIndex, StringIndex)>,
    /// Each block's declaration count, custom property count, and where
    /// its declarations start (bytes after the values).
    blocks: Vec<(u32, u32, u32)>,
    /// How many distinct values open the declaration stream.
    values: u32,
    /// How many bytes they take.
    values_bytes: u32,
    /// [`content_hash`] of the stream (values and declarations): blocks are
    /// decoded after the entry is accepted, so their bytes are checked now.
    checksum: u64,
}

/// A restored block: what a [`Rule`] shares.
pub(super) type Restored = (Declarations, union_model::CustomProperties);

/// Builds a [`BlockTable`].
#[derive(Default)]
pub(super) struct BlockWriter {
    table: BlockTable<'static>,
    strings: Interner,
    deferred_of: HashMap<*const (), u32>,
    block_of: HashMap<(*const Declaration, u32, u32), u32>,
    /// Each distinct value's index, by its encoding.
    value_of: HashMap<Vec<u8>, u32>,
    /// The distinct values, encoded one after another.
    values: Vec<u8>,
    /// Every declaration, block after block: written after the values and
    /// read from there straight into the restored list, so no list of them
    /// is ever built.
    stream: Vec<u8>,
}

impl BlockWriter {
    fn string(&mut self, text: &str) -> StringIndex {
        self.strings.intern(text)
    }

    fn value(&mut self, value: &Value) -> Option<u32> {
        let encoded = postcard::to_stdvec(value).ok()?;
        if let Some(index) = self.value_of.get(&encoded) {
            return Some(*index);
        }
        let index = self.table.values;
        self.table.values = index.checked_add(1)?;
        self.values.extend_from_slice(&encoded);
        self.value_of.insert(encoded, index);
        Some(index)
    }

    fn deferred(&mut self, value: &Arc<dyn DeferredValue>) -> Option<u32> {
        let key = Arc::as_ptr(value).cast::<()>();
        if let Some(index) = self.deferred_of.get(&key) {
            return Some(*index);
        }
        let css = value.as_any().downcast_ref::<CssDeferred>()?;
        let base_dir = match self.table.folders.iter().position(|f| **f == *css.base_dir) {
            Some(index) => index_of(index),
            None => {
                self.table.folders.push(css.base_dir.to_path_buf());
                index_of(self.table.folders.len() - 1)
            }
        };
        let saved = CachedDeferred {
            text: self.string(&css.text),
            shorthand: css.shorthand.map(|s| self.string(s)),
            base_dir,
        };
        self.table.deferred.push(saved);
        let index = index_of(self.table.deferred.len() - 1);
        self.deferred_of.insert(key, index);
        Some(index)
    }

    /// The index of `rule`'s block; `None` when it holds a value this
    /// cache cannot store (a deferred value of another input).
    pub(super) fn add(&mut self, rule: &Rule) -> Option<u32> {
        let key = rule.declarations.identity();
        if let Some(index) = self.block_of.get(&key) {
            return Some(*index);
        }
        let offset = index_of(self.stream.len());
        for declaration in rule.declarations.iter() {
            let index = u32::try_from(declaration.property().index()).ok()?;
            let key = |kind: u32| index.checked_mul(4).map(|shifted| shifted | kind);
            let stream = std::mem::take(&mut self.stream);
            self.stream = match declaration.declared() {
                DeclaredValue::Value(value) => {
                    let value = self.value(value)?;
                    postcard::to_extend(&(key(VALUE)?, value), stream)
                }
                DeclaredValue::None => postcard::to_extend(&key(NONE)?, stream),
                DeclaredValue::Inherit => postcard::to_extend(&key(INHERIT)?, stream),
                DeclaredValue::Deferred(deferred) => {
                    let deferred = self.deferred(deferred)?;
                    postcard::to_extend(&(key(DEFERRED)?, deferred), stream)
                }
            }
            .ok()?;
        }
        for (name, value) in rule.custom.iter() {
            let pair = (self.string(name), self.string(value));
            self.table.custom.push(pair);
        }
        self.table.blocks.push((
            index_of(rule.declarations.len()),
            index_of(rule.custom.len()),
            offset,
        ));
        let index = index_of(self.table.blocks.len() - 1);
        self.block_of.insert(key, index);
        Some(index)
    }

    /// The table and its declaration stream.
    pub(super) fn finish(&mut self) -> Option<(BlockTable<'_>, Vec<u8>)> {
        let mut out = std::mem::take(&mut self.values);
        let values_bytes = u32::try_from(out.len()).ok()?;
        out.append(&mut self.stream);
        let mut table: BlockTable<'_> = std::mem::take(&mut self.table);
        table.values_bytes = values_bytes;
        table.checksum = content_hash(&out);
        table.strings = self.strings.list.iter().map(String::as_str).collect();
        Some((table, out))
    }
}

impl BlockTable<'_> {
    /// Every block, in table order, to be decoded from `stream` when first
    /// read; `None` when the table or the stream is inconsistent.
    pub(super) fn restore(self, stream: &[u8]) -> Option<Vec<Restored>> {
        if content_hash(stream) != self.checksum {
            return None;
        }
        let values_bytes = self.values_bytes as usize;
        let declarations = stream.len().checked_sub(values_bytes)?;
        // Each encoded value and declaration takes at least one byte.
        if self.values as usize > values_bytes {
            return None;
        }
        for &(count, _, offset) in &self.blocks {
            let end = (offset as usize).checked_add(count as usize)?;
            if end > declarations {
                return None;
            }
        }
        for saved in &self.deferred {
            self.strings.get(saved.text as usize)?;
            self.folders.get(saved.base_dir as usize)?;
            if let Some(index) = saved.shorthand {
                crate::shorthand::static_name(self.strings.get(index as usize)?)?;
            }
        }
        // Custom properties are read now: the cascade reads every matched
        // rule's, and they are few.
        let mut strings: Vec<Option<Arc<str>>> = vec![None; self.strings.len()];
        let mut string = |index: StringIndex| -> Option<Arc<str>> {
            let text = *self.strings.get(index as usize)?;
            let slot = strings.get_mut(index as usize)?;
            Some(Arc::clone(slot.get_or_insert_with(|| Arc::from(text))))
        };
        let mut custom = self.custom.iter();
        let mut pairs_of = Vec::with_capacity(self.blocks.len());
        for &(_, custom_count, _) in &self.blocks {
            pairs_of.push(if custom_count == 0 {
                union_model::no_custom_properties()
            } else {
                let mut pairs = Vec::new();
                for _ in 0..custom_count {
                    let &(name, value) = custom.next()?;
                    pairs.push((string(name)?, string(value)?));
                }
                pairs.into()
            });
        }
        let decoder = StoredBlocks {
            stream: stream.into(),
            values_bytes,
            values_count: self.values,
            blocks: self
                .blocks
                .iter()
                .map(|&(count, _, at)| (count, at))
                .collect(),
            texts: Texts::of(&self.strings),
            folders: self
                .folders
                .iter()
                .map(|f| Arc::from(f.as_path()))
                .collect(),
            saved: self.deferred,
            values: OnceLock::new(),
            deferred: OnceLock::new(),
        };
        let later = LaterBlocks::new(Box::new(decoder), self.blocks.len());
        (0..self.blocks.len())
            .zip(pairs_of)
            .map(|(index, pairs)| {
                Some((Declarations::decoded_later(&later, index_of(index))?, pairs))
            })
            .collect()
    }
}

/// The entry's strings, kept in one allocation.
struct Texts {
    joined: Box<str>,
    ends: Box<[usize]>,
}

impl Texts {
    fn of(strings: &[&str]) -> Texts {
        let mut joined = String::with_capacity(strings.iter().map(|s| s.len()).sum());
        let ends = strings
            .iter()
            .map(|text| {
                joined.push_str(text);
                joined.len()
            })
            .collect();
        Texts {
            joined: joined.into(),
            ends,
        }
    }

    fn get(&self, index: StringIndex) -> Option<&str> {
        let index = index as usize;
        let start = match index.checked_sub(1) {
            Some(before) => *self.ends.get(before)?,
            None => 0,
        };
        self.joined.get(start..*self.ends.get(index)?)
    }
}

/// An entry's declaration blocks, checked and kept encoded until read.
struct StoredBlocks {
    /// The distinct values, then the declarations.
    stream: Box<[u8]>,
    values_bytes: usize,
    values_count: u32,
    /// Each block's declaration count and offset after the values.
    blocks: Box<[(u32, u32)]>,
    texts: Texts,
    folders: Box<[Arc<Path>]>,
    saved: Vec<CachedDeferred>,
    /// Decoded with the first block.
    values: OnceLock<Option<Vec<Value>>>,
    deferred: OnceLock<Option<Vec<Arc<dyn DeferredValue>>>>,
}

impl StoredBlocks {
    fn values(&self) -> Option<Vec<Value>> {
        let mut reader = postcard::Deserializer::from_bytes(self.stream.get(..self.values_bytes)?);
        (0..self.values_count)
            .map(|_| Value::deserialize(&mut reader).ok())
            .collect()
    }

    fn deferred(&self) -> Option<Vec<Arc<dyn DeferredValue>>> {
        self.saved
            .iter()
            .map(|saved| -> Option<Arc<dyn DeferredValue>> {
                let shorthand = match saved.shorthand {
                    Some(index) => Some(crate::shorthand::static_name(self.texts.get(index)?)?),
                    None => None,
                };
                Some(Arc::new(CssDeferred {
                    text: Arc::from(self.texts.get(saved.text)?),
                    shorthand,
                    base_dir: Arc::clone(self.folders.get(saved.base_dir as usize)?),
                    // The cache serves plain CSS themes, which have no extra image functions.
                    images: None,
                }))
            })
            .collect()
    }

    fn block(&self, index: u32) -> Option<Arc<[Declaration]>> {
        let &(count, offset) = self.blocks.get(index as usize)?;
        let values = self.values.get_or_init(|| self.values()).as_ref()?;
        let deferred = self.deferred.get_or_init(|| self.deferred()).as_ref()?;
        let at = self.values_bytes.checked_add(offset as usize)?;
        let mut reader = postcard::Deserializer::from_bytes(self.stream.get(at..)?);
        let mut next = || -> Option<Declaration> {
            let key = u32::deserialize(&mut reader).ok()?;
            let id = *PropertyId::ALL.get((key >> 2) as usize)?;
            let value = match key & 3 {
                VALUE => {
                    let index = u32::deserialize(&mut reader).ok()?;
                    DeclaredValue::Value(values.get(index as usize)?.clone())
                }
                NONE => DeclaredValue::None,
                INHERIT => DeclaredValue::Inherit,
                _ => {
                    let index = u32::deserialize(&mut reader).ok()?;
                    DeclaredValue::Deferred(Arc::clone(deferred.get(index as usize)?))
                }
            };
            Declaration::new(id, value).ok()
        };
        // Built in place (an exact-size iterator); a declaration that
        // cannot be read leaves a placeholder and fails the block.
        let placeholder = Declaration::none(*PropertyId::ALL.first()?);
        let mut failed = false;
        let list: Arc<[Declaration]> = (0..count)
            .map(|_| {
                next().unwrap_or_else(|| {
                    failed = true;
                    placeholder.clone()
                })
            })
            .collect();
        (!failed).then_some(list)
    }
}

impl BlockDecoder for StoredBlocks {
    fn decode(&self, index: u32) -> Arc<[Declaration]> {
        // The stream passed its checksum, so this fails only if the writer
        // and this reader disagree (the format hash rules that out).
        self.block(index).unwrap_or_else(|| Arc::new([]))
    }
}
