//! Declaration blocks in a cache entry: every declaration of the entry in
//! one list, each block stored once however many rules share it, `var()`
//! values stored once however many declarations share them. Restoring makes
//! one allocation per block (none for an empty custom-property list) and one
//! per distinct `var()` value.

use super::{Interner, index_of};
use crate::deferred::CssDeferred;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_model::{Declaration, DeclaredValue, DeferredValue, PropertyId, Rule, Value};

/// Text stored once and referred to by index.
type StringIndex = u32;

#[derive(Serialize, Deserialize)]
enum CachedValue {
    Value(Value),
    None,
    Inherit,
    /// An index into the entry's deferred values.
    Deferred(u32),
}

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
    /// Every declaration, block after block: written after the entry's
    /// body as a stream of `(property index, value)` pairs and read from
    /// it straight into the blocks, so no list of them is ever built.
    #[serde(skip)]
    declarations: Vec<(u16, CachedValue)>,
    /// Every custom property (name, value), block after block.
    custom: Vec<(StringIndex, StringIndex)>,
    /// Each block's declaration count and custom property count.
    blocks: Vec<(u32, u32)>,
}

/// A restored block: what a [`Rule`] shares.
pub(super) type Restored = (Arc<[Declaration]>, union_model::CustomProperties);

/// Builds a [`BlockTable`].
#[derive(Default)]
pub(super) struct BlockWriter {
    table: BlockTable<'static>,
    strings: Interner,
    deferred_of: HashMap<*const (), u32>,
    block_of: HashMap<*const Declaration, u32>,
}

impl BlockWriter {
    fn string(&mut self, text: &str) -> StringIndex {
        self.strings.intern(text)
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
        let key = rule.declarations.as_ptr();
        if let Some(index) = self.block_of.get(&key) {
            return Some(*index);
        }
        let mut declarations = Vec::with_capacity(rule.declarations.len());
        for declaration in rule.declarations.iter() {
            let value = match declaration.declared() {
                DeclaredValue::Value(value) => CachedValue::Value(value.clone()),
                DeclaredValue::None => CachedValue::None,
                DeclaredValue::Inherit => CachedValue::Inherit,
                DeclaredValue::Deferred(deferred) => {
                    CachedValue::Deferred(self.deferred(deferred)?)
                }
            };
            declarations.push((u16::try_from(declaration.property().index()).ok()?, value));
        }
        for (name, value) in rule.custom.iter() {
            let pair = (self.string(name), self.string(value));
            self.table.custom.push(pair);
        }
        self.table
            .blocks
            .push((index_of(declarations.len()), index_of(rule.custom.len())));
        self.table.declarations.extend(declarations);
        let index = index_of(self.table.blocks.len() - 1);
        self.block_of.insert(key, index);
        Some(index)
    }

    /// The table and its declaration stream.
    pub(super) fn finish(&mut self) -> Option<(BlockTable<'_>, Vec<u8>)> {
        let mut out = Vec::new();
        for declaration in &self.table.declarations {
            out = postcard::to_extend(declaration, out).ok()?;
        }
        let mut table: BlockTable<'_> = std::mem::take(&mut self.table);
        table.strings = self.strings.list.iter().map(String::as_str).collect();
        Some((table, out))
    }
}

impl BlockTable<'_> {
    /// Every block, in table order, its declarations read from `stream`;
    /// `None` when the table or the stream is inconsistent.
    pub(super) fn restore(self, mut stream: &[u8]) -> Option<Vec<Restored>> {
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
        let mut custom = self.custom.iter();
        let mut scratch: Vec<Declaration> = Vec::new();
        let mut restored = Vec::with_capacity(self.blocks.len());
        for &(count, custom_count) in &self.blocks {
            scratch.clear();
            for _ in 0..count {
                let ((index, value), rest) =
                    postcard::take_from_bytes::<(u16, CachedValue)>(stream).ok()?;
                stream = rest;
                let id = *PropertyId::ALL.get(usize::from(index))?;
                let value = match value {
                    CachedValue::Value(value) => DeclaredValue::Value(value),
                    CachedValue::None => DeclaredValue::None,
                    CachedValue::Inherit => DeclaredValue::Inherit,
                    CachedValue::Deferred(index) => {
                        DeclaredValue::Deferred(Arc::clone(deferred.get(index as usize)?))
                    }
                };
                scratch.push(Declaration::new(id, value).ok()?);
            }
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
            restored.push((scratch.drain(..).collect(), pairs));
        }
        stream.is_empty().then_some(restored)
    }
}
