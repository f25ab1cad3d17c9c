//! Declaration blocks in a cache entry: each block stored once however many
//! rules share it, each distinct value and `var()` value stored once however
//! many declarations share them. Restoring decodes each distinct value once,
//! puts every declaration of the entry in one list (each block a range of
//! it) holding clones of those values, and makes one allocation per distinct
//! `var()` value.

use super::{Interner, index_of};
use crate::deferred::CssDeferred;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_model::{
    Declaration, Declarations, DeclaredValue, DeferredValue, PropertyId, Rule, Value,
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
    /// Each block's declaration count and custom property count.
    blocks: Vec<(u32, u32)>,
    /// How many distinct values open the declaration stream.
    values: u32,
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
        ));
        let index = index_of(self.table.blocks.len() - 1);
        self.block_of.insert(key, index);
        Some(index)
    }

    /// The table and its declaration stream.
    pub(super) fn finish(&mut self) -> Option<(BlockTable<'_>, Vec<u8>)> {
        let mut out = std::mem::take(&mut self.values);
        out.append(&mut self.stream);
        let mut table: BlockTable<'_> = std::mem::take(&mut self.table);
        table.strings = self.strings.list.iter().map(String::as_str).collect();
        Some((table, out))
    }
}

impl BlockTable<'_> {
    /// Every block, in table order, its declarations read from `stream`;
    /// `None` when the table or the stream is inconsistent.
    pub(super) fn restore(self, stream: &[u8]) -> Option<Vec<Restored>> {
        let strings: Vec<Arc<str>> = self.strings.iter().map(|&s| Arc::from(s)).collect();
        let string = |index: StringIndex| strings.get(index as usize).map(Arc::clone);
        let folders: Vec<Arc<Path>> = self
            .folders
            .iter()
            .map(|f| Arc::from(f.as_path()))
            .collect();
        let deferred: Vec<Arc<dyn DeferredValue>> = self
            .deferred
            .iter()
            .map(|saved| -> Option<Arc<dyn DeferredValue>> {
                let shorthand = match saved.shorthand {
                    Some(index) => Some(crate::shorthand::static_name(
                        self.strings.get(index as usize)?,
                    )?),
                    None => None,
                };
                Some(Arc::new(CssDeferred {
                    text: string(saved.text)?,
                    shorthand,
                    base_dir: Arc::clone(folders.get(saved.base_dir as usize)?),
                    // The cache serves plain CSS themes, which have no extra image functions.
                    images: None,
                }))
            })
            .collect::<Option<_>>()?;
        // Every declaration goes into one list, built in place; a
        // declaration that cannot be read leaves a placeholder and fails the
        // restore. Each encoded value and declaration takes at least one
        // byte, which bounds both lists by the stream's length before they
        // are allocated.
        let total = self
            .blocks
            .iter()
            .try_fold(0usize, |sum, &(count, _)| sum.checked_add(count as usize))?;
        if total.checked_add(self.values as usize)? > stream.len() {
            return None;
        }
        let mut reader = postcard::Deserializer::from_bytes(stream);
        let values: Vec<Value> = (0..self.values)
            .map(|_| Value::deserialize(&mut reader).ok())
            .collect::<Option<_>>()?;
        let placeholder = Declaration::none(*PropertyId::ALL.first()?);
        let mut failed = false;
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
        let list: Arc<[Declaration]> = (0..total)
            .map(|_| {
                next().unwrap_or_else(|| {
                    failed = true;
                    placeholder.clone()
                })
            })
            .collect();
        if failed {
            return None;
        }
        let mut custom = self.custom.iter();
        let mut restored = Vec::with_capacity(self.blocks.len());
        let mut start = 0;
        for &(count, custom_count) in &self.blocks {
            let end = start + count as usize;
            let pairs = if custom_count == 0 {
                union_model::no_custom_properties()
            } else {
                let mut pairs = Vec::new();
                for _ in 0..custom_count {
                    let &(name, value) = custom.next()?;
                    pairs.push((string(name)?, string(value)?));
                }
                pairs.into()
            };
            restored.push((Declarations::range(&list, start..end)?, pairs));
            start = end;
        }
        reader.finalize().ok()?.is_empty().then_some(restored)
    }
}
