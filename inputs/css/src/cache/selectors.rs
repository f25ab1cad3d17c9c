//! Selectors in a cache entry: every simple selector of the entry in one
//! list, names stored once and referred to by index, nested selector lists
//! (`:not()`, `:is()`, `:where()`) referring to selectors stored before them.
//! Restoring makes one [`Name`] per distinct name and one allocation per
//! selector (two for a selector with more than
//! [`INLINE_PARTS`](union_model::selectors::INLINE_PARTS) simple selectors);
//! names are read in place from the entry's bytes.

use super::{Interner, index_of};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use union_model::selectors::{
    AttributeOperation, AttributeOperator, AttributeSelector, Combinator, Direction, Name,
    NthIndex, Selector, SelectorList, Simple, State,
};

/// A [`Simple`] with names and nested selectors as indices.
#[derive(Serialize, Deserialize, Clone, Copy)]
enum CachedSimple {
    Universal,
    Type(u32),
    Id(u32),
    Hint(u32),
    State(State),
    Attribute {
        name: u32,
        operation: Option<(AttributeOperator, u32, bool)>,
    },
    FirstChild,
    LastChild,
    OnlyChild,
    NthChild(NthIndex),
    NthLastChild(NthIndex),
    Root,
    Dir(Direction),
    /// A range of [`SelectorTable::lists`].
    Not(u32, u32),
    Is(u32, u32),
    Where(u32, u32),
}

/// The selectors of an entry.
#[derive(Serialize, Deserialize, Default)]
pub(super) struct SelectorTable<'a> {
    /// Names and attribute values.
    #[serde(borrow)]
    names: Vec<&'a str>,
    /// The selector lists of `:not()`, `:is()` and `:where()`, one after
    /// another, as indices of selectors stored before the one using them.
    lists: Vec<u32>,
    /// Every simple selector, selector after selector.
    simples: Vec<CachedSimple>,
    /// Each selector's compound count.
    compounds: Vec<u32>,
    /// Where each compound ends, counted from its selector's first simple.
    ends: Vec<u32>,
    /// The combinators, selector after selector.
    combinators: Vec<Combinator>,
}

/// Builds a [`SelectorTable`], storing a shared selector once.
#[derive(Default)]
pub(super) struct SelectorWriter {
    table: SelectorTable<'static>,
    names: Interner,
    selector_of: HashMap<*const (), u32>,
}

impl SelectorWriter {
    fn name(&mut self, text: &str) -> u32 {
        self.names.intern(text)
    }

    /// Stores a nested list: its range in [`SelectorTable::lists`].
    fn list(&mut self, list: &[Selector]) -> (u32, u32) {
        let indices: Vec<u32> = list.iter().map(|s| self.add(s)).collect();
        let start = index_of(self.table.lists.len());
        self.table.lists.extend(&indices);
        (start, index_of(indices.len()))
    }

    /// The selector's index (nested selectors are added first).
    pub(super) fn add(&mut self, selector: &Selector) -> u32 {
        if let Some(index) = self.selector_of.get(&selector.identity()) {
            return *index;
        }
        let mut simples = Vec::new();
        for simple in selector.compounds().flatten() {
            simples.push(self.simple(simple));
        }
        let mut end = 0;
        for compound in selector.compounds() {
            end += compound.len();
            self.table.ends.push(index_of(end));
        }
        self.table.simples.extend(simples);
        self.table
            .combinators
            .extend_from_slice(selector.combinators());
        self.table
            .compounds
            .push(index_of(selector.compound_count()));
        let index = index_of(self.table.compounds.len() - 1);
        self.selector_of.insert(selector.identity(), index);
        index
    }

    fn simple(&mut self, simple: &Simple) -> CachedSimple {
        match simple {
            Simple::Universal => CachedSimple::Universal,
            Simple::Type(name) => CachedSimple::Type(self.name(name.as_str())),
            Simple::Id(name) => CachedSimple::Id(self.name(name.as_str())),
            Simple::Hint(name) => CachedSimple::Hint(self.name(name.as_str())),
            Simple::State(state) => CachedSimple::State(*state),
            Simple::Attribute(attribute) => CachedSimple::Attribute {
                name: self.name(attribute.name.as_str()),
                operation: attribute.operation.as_ref().map(|op| {
                    (
                        op.operator,
                        self.name(op.value.as_str()),
                        op.case_insensitive,
                    )
                }),
            },
            Simple::FirstChild => CachedSimple::FirstChild,
            Simple::LastChild => CachedSimple::LastChild,
            Simple::OnlyChild => CachedSimple::OnlyChild,
            Simple::NthChild(nth) => CachedSimple::NthChild(*nth),
            Simple::NthLastChild(nth) => CachedSimple::NthLastChild(*nth),
            Simple::Root => CachedSimple::Root,
            Simple::Dir(direction) => CachedSimple::Dir(*direction),
            Simple::Not(list) => {
                let (start, len) = self.list(list);
                CachedSimple::Not(start, len)
            }
            Simple::Is(list) => {
                let (start, len) = self.list(list);
                CachedSimple::Is(start, len)
            }
            Simple::Where(list) => {
                let (start, len) = self.list(list);
                CachedSimple::Where(start, len)
            }
        }
    }

    /// The table, its names borrowed from the writer.
    pub(super) fn finish(&mut self) -> SelectorTable<'_> {
        let mut table: SelectorTable<'_> = std::mem::take(&mut self.table);
        table.names = self.names.list.iter().map(String::as_str).collect();
        table
    }
}

impl SelectorTable<'_> {
    /// Every selector, in table order; `None` when the table is inconsistent.
    pub(super) fn restore(self) -> Option<Vec<Selector>> {
        let names: Vec<Name> = self.names.iter().map(|n| Name::new(n)).collect();
        let mut selectors: Vec<Selector> = Vec::with_capacity(self.compounds.len());
        let mut simples = self.simples.into_iter();
        let mut ends = self.ends.iter();
        let mut combinators = self.combinators.as_slice();
        let mut bounds: Vec<usize> = Vec::new();
        for &count in &self.compounds {
            let count = count as usize;
            bounds.clear();
            for _ in 0..count {
                bounds.push(*ends.next()? as usize);
            }
            let joins = combinators.get(..count.checked_sub(1)?)?;
            combinators = &combinators[joins.len()..];
            let total = bounds.last().copied().unwrap_or(0);
            if total > simples.len() {
                return None;
            }
            // Simple selectors go straight into the selector's own storage;
            // one that cannot be read leaves a placeholder and fails the
            // restore.
            let mut failed = false;
            let restored = Restorer {
                names: &names,
                values: &self.names,
                lists: &self.lists,
                selectors: &selectors,
            };
            let parts = (0..total).map(|_| {
                simples
                    .next()
                    .and_then(|simple| restored.simple(simple))
                    .unwrap_or_else(|| {
                        failed = true;
                        Simple::Universal
                    })
            });
            let selector = Selector::from_flat(parts, &bounds, joins);
            if failed {
                return None;
            }
            selectors.push(selector);
        }
        Some(selectors)
    }
}

/// What restoring one simple selector reads: the table's names and lists,
/// and the selectors restored before it.
struct Restorer<'t> {
    names: &'t [Name],
    /// Attribute values, as stored.
    values: &'t [&'t str],
    lists: &'t [u32],
    selectors: &'t [Selector],
}

impl Restorer<'_> {
    fn name(&self, index: u32) -> Option<Name> {
        self.names.get(index as usize).cloned()
    }

    fn list(&self, start: u32, len: u32) -> Option<SelectorList> {
        let range = start as usize..(start as usize).checked_add(len as usize)?;
        self.lists
            .get(range)?
            .iter()
            .map(|&i| self.selectors.get(i as usize).cloned())
            .collect()
    }

    fn simple(&self, simple: CachedSimple) -> Option<Simple> {
        Some(match simple {
            CachedSimple::Universal => Simple::Universal,
            CachedSimple::Type(n) => Simple::Type(self.name(n)?),
            CachedSimple::Id(n) => Simple::Id(self.name(n)?),
            CachedSimple::Hint(n) => Simple::Hint(self.name(n)?),
            CachedSimple::State(state) => Simple::State(state),
            CachedSimple::Attribute { name, operation } => Simple::Attribute(AttributeSelector {
                name: self.name(name)?,
                operation: match operation {
                    Some((operator, value, case_insensitive)) => {
                        Some(Box::new(AttributeOperation::new(
                            operator,
                            self.values.get(value as usize)?,
                            case_insensitive,
                        )))
                    }
                    None => None,
                },
            }),
            CachedSimple::FirstChild => Simple::FirstChild,
            CachedSimple::LastChild => Simple::LastChild,
            CachedSimple::OnlyChild => Simple::OnlyChild,
            CachedSimple::NthChild(nth) => Simple::NthChild(nth),
            CachedSimple::NthLastChild(nth) => Simple::NthLastChild(nth),
            CachedSimple::Root => Simple::Root,
            CachedSimple::Dir(direction) => Simple::Dir(direction),
            CachedSimple::Not(start, len) => Simple::Not(self.list(start, len)?),
            CachedSimple::Is(start, len) => Simple::Is(self.list(start, len)?),
            CachedSimple::Where(start, len) => Simple::Where(self.list(start, len)?),
        })
    }
}
