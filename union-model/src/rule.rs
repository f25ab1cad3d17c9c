//! Rules: a selector, an optional context condition, and declarations; and
//! [`RuleSet`], the compiled, indexed, priority-sorted form.

use crate::diagnostic::SourceLocation;
use crate::element::{ColorScheme, Context, Element, FormFactor};
use crate::selectors::{Direction, IndexKey, Selector};
use crate::slot::Slot;
use crate::style::{PropertyId, Value};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// A value that can only be known when an element's style is computed:
/// its text uses `var()`. The cascade substitutes the element's custom
/// properties into [`DeferredValue::text`] and asks the input to parse the
/// result. When substitution or parsing fails, the declaration is *invalid
/// at computed-value time* (as in CSS): the leaf inherits if it is an
/// inherited property and is unset otherwise.
pub trait DeferredValue: Send + Sync + fmt::Debug {
    /// The declared text, with its `var()` references.
    fn text(&self) -> &str;
    /// Parses the substituted text into the value of `property`, the leaf
    /// the declaration sets (`Slot::None` for `none`). One deferred value
    /// can serve every longhand of a shorthand: the declaration says which.
    fn parse(&self, property: PropertyId, substituted: &str) -> Result<Slot<Value>, String>;
    /// The value as `Any`, so its input can recognise its own values (to
    /// cache them, for instance).
    fn as_any(&self) -> &dyn std::any::Any;
}

/// What a declaration sets a leaf to.
#[derive(Clone, Debug)]
pub enum DeclaredValue {
    /// A value of the property's type.
    Value(Value),
    /// `none`: decided, nothing drawn.
    None,
    /// `inherit`: the parent element's value.
    Inherit,
    /// A value using `var()`, parsed when the style is computed.
    Deferred(Arc<dyn DeferredValue>),
}

impl PartialEq for DeclaredValue {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (DeclaredValue::Value(a), DeclaredValue::Value(b)) => a == b,
            (DeclaredValue::None, DeclaredValue::None)
            | (DeclaredValue::Inherit, DeclaredValue::Inherit) => true,
            (DeclaredValue::Deferred(a), DeclaredValue::Deferred(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// One `property: value` pair, type-checked when made.
#[derive(Clone, Debug, PartialEq)]
pub struct Declaration {
    property: PropertyId,
    value: DeclaredValue,
}

/// A value whose type is not the property's.
#[derive(Clone, Debug, PartialEq)]
pub struct DeclarationError {
    /// The property.
    pub property: PropertyId,
    /// The type that was given.
    pub given: &'static str,
}

impl fmt::Display for DeclarationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` takes a {} value, not a {}",
            self.property.css_name(),
            self.property.info().value_type,
            self.given
        )
    }
}

impl std::error::Error for DeclarationError {}

impl Declaration {
    /// A declaration; fails when `value` has the wrong type for `property`.
    pub fn new(property: PropertyId, value: DeclaredValue) -> Result<Self, DeclarationError> {
        if let DeclaredValue::Value(v) = &value
            && !property.accepts(v)
        {
            return Err(DeclarationError {
                property,
                given: v.type_name(),
            });
        }
        Ok(Self { property, value })
    }

    /// `property: <value>`.
    pub fn value(property: PropertyId, value: Value) -> Result<Self, DeclarationError> {
        Self::new(property, DeclaredValue::Value(value))
    }

    /// `property: none`.
    pub fn none(property: PropertyId) -> Self {
        Self {
            property,
            value: DeclaredValue::None,
        }
    }

    /// `property: inherit`.
    pub fn inherit(property: PropertyId) -> Self {
        Self {
            property,
            value: DeclaredValue::Inherit,
        }
    }

    /// The property.
    pub fn property(&self) -> PropertyId {
        self.property
    }

    /// The declared value.
    pub fn declared(&self) -> &DeclaredValue {
        &self.value
    }
}

/// A condition on the query [`Context`] (what `@media` compiles to).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Condition {
    /// The colour scheme is this one.
    ColorScheme(ColorScheme),
    /// The form factor is this one.
    FormFactor(FormFactor),
    /// The window is (or is not) active.
    WindowActive(bool),
    /// The text direction is this one.
    Direction(Direction),
    /// The inner condition is false.
    Not(Box<Condition>),
    /// All inner conditions are true.
    All(Vec<Condition>),
    /// Any inner condition is true.
    Any(Vec<Condition>),
}

impl Condition {
    /// Whether the condition holds in `context`.
    pub fn evaluate(&self, context: &Context) -> bool {
        match self {
            Condition::ColorScheme(scheme) => context.color_scheme == *scheme,
            Condition::FormFactor(form) => context.form_factor == *form,
            Condition::WindowActive(active) => context.window_active == *active,
            Condition::Direction(direction) => context.direction == *direction,
            Condition::Not(inner) => !inner.evaluate(context),
            Condition::All(all) => all.iter().all(|c| c.evaluate(context)),
            Condition::Any(any) => any.iter().any(|c| c.evaluate(context)),
        }
    }
}

/// Normal or `!important`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Importance {
    /// Normal declarations.
    #[default]
    Normal,
    /// `!important` declarations: beat every normal one regardless of specificity.
    Important,
}

/// A rule's custom property declarations: (`--name`, value text) pairs,
/// shared by the rules of one block. Most rules declare none: the empty
/// list is no allocation, and copying it touches no reference count.
/// Dereferences to the pairs.
#[derive(Clone, Default, PartialEq)]
pub struct CustomProperties(Option<Arc<[CustomProperty]>>);

/// One custom property declaration: (`--name`, value text).
pub type CustomProperty = (Arc<str>, Arc<str>);

impl std::ops::Deref for CustomProperties {
    type Target = [CustomProperty];

    fn deref(&self) -> &Self::Target {
        self.0.as_deref().unwrap_or(&[])
    }
}

impl From<Vec<CustomProperty>> for CustomProperties {
    fn from(list: Vec<CustomProperty>) -> Self {
        custom_properties(list)
    }
}

impl fmt::Debug for CustomProperties {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// No custom properties.
pub fn no_custom_properties() -> CustomProperties {
    CustomProperties(None)
}

/// The custom properties `list` holds (no allocation when there are none).
pub fn custom_properties(list: Vec<CustomProperty>) -> CustomProperties {
    if list.is_empty() {
        no_custom_properties()
    } else {
        CustomProperties(Some(list.into()))
    }
}

/// A rule's declarations: a range of a list that several blocks may share,
/// or a block of a stylesheet restored from storage that is decoded the
/// first time it is read.
///
/// A compiler usually gives each block its own list ([`From<Vec<Declaration>>`]);
/// a loader that restores a whole stylesheet at once can put every block in
/// one list and hand out ranges ([`Declarations::range`]), one allocation in
/// all, or leave each block encoded until a rule that uses it first matches
/// ([`Declarations::decoded_later`], as browsers parse declaration blocks
/// lazily): a theme's rules for controls an application never shows then
/// cost nothing. Dereferences to the declarations.
#[derive(Clone)]
pub struct Declarations {
    source: Source,
    start: u32,
    end: u32,
}

#[derive(Clone)]
enum Source {
    List(Arc<[Declaration]>),
    /// Block `.1` of a set decoded on first read.
    Later(Arc<LaterBlocks>, u32),
}

/// Decodes the declaration blocks of a restored stylesheet, one block at a
/// time. The loader checks its data before handing it over (a checksum),
/// so decoding does not fail on stored data; a block that cannot be decoded
/// anyway has no declarations.
pub trait BlockDecoder: Send + Sync {
    /// The declarations of block `index`.
    fn decode(&self, index: u32) -> Arc<[Declaration]>;
}

/// Blocks decoded on first read, each once (see [`Declarations::decoded_later`]).
pub struct LaterBlocks {
    decoder: Box<dyn BlockDecoder>,
    blocks: Box<[std::sync::OnceLock<Arc<[Declaration]>>]>,
}

impl fmt::Debug for LaterBlocks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let decoded = self.blocks.iter().filter(|b| b.get().is_some()).count();
        f.debug_struct("LaterBlocks")
            .field("blocks", &self.blocks.len())
            .field("decoded", &decoded)
            .finish()
    }
}

impl LaterBlocks {
    /// `count` blocks that `decoder` decodes.
    pub fn new(decoder: Box<dyn BlockDecoder>, count: usize) -> Arc<Self> {
        Arc::new(LaterBlocks {
            decoder,
            blocks: (0..count).map(|_| std::sync::OnceLock::new()).collect(),
        })
    }

    fn block(&self, index: u32) -> &[Declaration] {
        match self.blocks.get(index as usize) {
            Some(cell) => cell.get_or_init(|| self.decoder.decode(index)),
            None => &[],
        }
    }
}

impl Declarations {
    /// The declarations `list[range]`; `None` when the range is out of bounds.
    pub fn range(list: &Arc<[Declaration]>, range: std::ops::Range<usize>) -> Option<Self> {
        list.get(range.clone())?;
        Some(Self {
            source: Source::List(Arc::clone(list)),
            start: u32::try_from(range.start).ok()?,
            end: u32::try_from(range.end).ok()?,
        })
    }

    /// Block `index` of `blocks`, decoded the first time it is read;
    /// `None` when there is no such block.
    pub fn decoded_later(blocks: &Arc<LaterBlocks>, index: u32) -> Option<Self> {
        blocks.blocks.get(index as usize)?;
        Some(Self {
            source: Source::Later(Arc::clone(blocks), index),
            start: 0,
            end: u32::MAX,
        })
    }

    /// Identifies these declarations and their clones (not equal blocks made
    /// separately): lets a serializer store a shared block once.
    pub fn identity(&self) -> (*const Declaration, u32, u32) {
        match &self.source {
            Source::List(list) => (list.as_ptr(), self.start, self.end),
            Source::Later(blocks, index) => (Arc::as_ptr(blocks).cast(), *index, u32::MAX),
        }
    }
}

impl std::ops::Deref for Declarations {
    type Target = [Declaration];

    fn deref(&self) -> &[Declaration] {
        match &self.source {
            Source::List(list) => list
                .get(self.start as usize..self.end as usize)
                .unwrap_or(&[]),
            Source::Later(blocks, index) => blocks.block(*index),
        }
    }
}

impl From<Arc<[Declaration]>> for Declarations {
    fn from(list: Arc<[Declaration]>) -> Self {
        let end = u32::try_from(list.len()).unwrap_or(u32::MAX);
        Self {
            source: Source::List(list),
            start: 0,
            end,
        }
    }
}

impl From<Vec<Declaration>> for Declarations {
    fn from(list: Vec<Declaration>) -> Self {
        Arc::<[Declaration]>::from(list).into()
    }
}

impl fmt::Debug for Declarations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for Declarations {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

/// A style rule: when `selector` matches (and `condition` holds), the
/// declarations apply. A CSS rule with a selector list becomes one [`Rule`]
/// per selector sharing the declarations; its `!important` declarations
/// become a second rule with [`Importance::Important`].
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// The selector.
    pub selector: Selector,
    /// The declarations; a later declaration of the same property wins.
    pub declarations: Declarations,
    /// Custom property declarations (`--name`, value text), in source order.
    pub custom: CustomProperties,
    /// A context condition (`@media`), if any.
    pub condition: Option<Arc<Condition>>,
    /// Normal or important.
    pub importance: Importance,
    /// Where the rule was written.
    pub location: Option<SourceLocation>,
}

impl Rule {
    /// A normal, unconditional rule.
    pub fn new(selector: Selector, declarations: Vec<Declaration>) -> Self {
        Self {
            selector,
            declarations: declarations.into(),
            custom: no_custom_properties(),
            condition: None,
            importance: Importance::Normal,
            location: None,
        }
    }
}

/// Hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 << 8) | u64::from(*byte);
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

pub(crate) type IdentityBuild = BuildHasherDefault<IdentityHasher>;

/// Rule indices grouped by a key hash; each key's indices are one ascending
/// range of a shared list (three allocations per index, however many keys).
#[derive(Clone, Debug, Default)]
struct Buckets {
    ranges: HashMap<u64, (u32, u32), IdentityBuild>,
    indices: Vec<u32>,
}

impl Buckets {
    /// Groups `(key, rule index)` pairs.
    fn new(mut entries: Vec<(u64, u32)>) -> Self {
        entries.sort_unstable();
        let mut buckets = Buckets {
            ranges: HashMap::with_capacity_and_hasher(entries.len(), IdentityBuild::default()),
            indices: Vec::with_capacity(entries.len()),
        };
        for (key, index) in entries {
            let at = u32::try_from(buckets.indices.len()).unwrap_or(u32::MAX);
            buckets.ranges.entry(key).or_insert((at, at)).1 = at + 1;
            buckets.indices.push(index);
        }
        buckets
    }

    fn get(&self, key: u64) -> &[u32] {
        self.ranges
            .get(&key)
            .and_then(|&(start, end)| self.indices.get(start as usize..end as usize))
            .unwrap_or(&[])
    }
}

/// Rules sorted by priority and indexed by their subject's id / hint / type.
///
/// Each rule sits in exactly one bucket (id if its subject compound has one,
/// else its first hint, else its type, else the universal bucket), so the
/// candidates for an element — its id's bucket, each hint's bucket, its
/// type's bucket and the universal bucket — never contain a rule twice.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    /// The rules in source order, where they were given: ordering them
    /// moves none of them.
    rules: Vec<Rule>,
    /// Priority order (importance, specificity, source order): `order[i]`
    /// is the source index of the rule with priority index `i`.
    order: Vec<u32>,
    by_id: Buckets,
    by_hint: Buckets,
    by_type: Buckets,
    universal: Vec<u32>,
}

impl RuleSet {
    /// Compiles rules given in source order (for an extended theme: base rules first).
    pub fn new(rules: Vec<Rule>) -> Self {
        // Priorities are unique (they end with the source order), so an
        // unstable sort gives the one order, without a merge buffer.
        let mut keys: Vec<u64> = rules
            .iter()
            .enumerate()
            .map(|(order, rule)| {
                let order = u32::try_from(order).unwrap_or(u32::MAX);
                let importance = u64::from(rule.importance == Importance::Important) << 62;
                let specificity = u64::from(rule.selector.specificity().packed()) << 32;
                importance | specificity | u64::from(order)
            })
            .collect();
        keys.sort_unstable();
        // The low 32 bits of a key are its rule's source index.
        let order: Vec<u32> = keys.iter().map(|&key| key as u32).collect();
        let (mut by_id, mut by_hint, mut by_type) = (Vec::new(), Vec::new(), Vec::new());
        let mut universal = Vec::new();
        for (index, &source) in order.iter().enumerate() {
            let Some(rule) = rules.get(source as usize) else {
                continue;
            };
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            match rule.selector.index_key() {
                IndexKey::Id(name) => by_id.push((name.hash_value(), index)),
                IndexKey::Hint(name) => by_hint.push((name.hash_value(), index)),
                IndexKey::Type(name) => by_type.push((name.hash_value(), index)),
                IndexKey::Universal => universal.push(index),
            }
        }
        RuleSet {
            rules,
            order,
            by_id: Buckets::new(by_id),
            by_hint: Buckets::new(by_hint),
            by_type: Buckets::new(by_type),
            universal,
        }
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rule at `index` (indices are priority order, as in
    /// [`crate::ComputedStyle::matched_rules`]).
    pub fn rule(&self, index: u32) -> Option<&Rule> {
        let source = *self.order.get(index as usize)?;
        self.rules.get(source as usize)
    }

    /// The rules in source order.
    pub fn rules_in_source_order(&self) -> Vec<Rule> {
        self.rules.clone()
    }

    /// Indices of the rules that may match `element`, highest priority first.
    pub(crate) fn candidates(&self, element: &Element, out: &mut Vec<u32>) {
        out.clear();
        if let Some(id) = element.id() {
            out.extend_from_slice(self.by_id.get(id.hash_value()));
        }
        for hint in element.hints() {
            out.extend_from_slice(self.by_hint.get(hint.hash_value()));
        }
        out.extend_from_slice(self.by_type.get(element.type_key().hash_value()));
        out.extend_from_slice(&self.universal);
        out.sort_unstable_by(|a, b| b.cmp(a));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_stay_small() {
        // A theme holds hundreds of declarations: large, rare value types
        // are boxed (see the schema generator's `BOXED_TYPES`) so a
        // declaration is a property id beside a value no larger than a colour.
        assert!(size_of::<Value>() <= 32, "{}", size_of::<Value>());
        assert!(
            size_of::<Declaration>() <= 40,
            "{}",
            size_of::<Declaration>()
        );
    }

    #[test]
    fn declaration_ranges_share_one_list() {
        let list: Arc<[Declaration]> = vec![
            Declaration::none(PropertyId::BackgroundColor),
            Declaration::none(PropertyId::BorderTopColor),
            Declaration::none(PropertyId::BorderTopColor),
        ]
        .into();
        let first = Declarations::range(&list, 0..1).unwrap_or_else(|| panic!("in bounds"));
        let empty = Declarations::range(&list, 1..1).unwrap_or_else(|| panic!("in bounds"));
        let rest = Declarations::range(&list, 1..3).unwrap_or_else(|| panic!("in bounds"));
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].property(), PropertyId::BackgroundColor);
        assert!(empty.is_empty());
        assert_eq!(rest.len(), 2);
        assert_eq!(rest[0].property(), PropertyId::BorderTopColor);
        // An empty block starts where the next one does: identity must still tell them apart.
        assert_ne!(empty.identity(), rest.identity());
        assert_eq!(rest.identity(), rest.clone().identity());
        assert!(Declarations::range(&list, 2..4).is_none());
        assert!(Declarations::range(&list, 3..3).is_some());
        let whole = Declarations::from(list.to_vec());
        assert_eq!(whole.len(), 3);
        assert_eq!(*whole, *list);
    }

    /// Logs each decoding; block `i` holds `i` declarations.
    struct Logging(Arc<std::sync::Mutex<Vec<u32>>>);

    impl BlockDecoder for Logging {
        fn decode(&self, index: u32) -> Arc<[Declaration]> {
            if let Ok(mut log) = self.0.lock() {
                log.push(index);
            }
            vec![Declaration::none(PropertyId::BackgroundColor); index as usize].into()
        }
    }

    #[test]
    fn blocks_decoded_later_are_decoded_once_when_first_read() {
        let log = Arc::new(std::sync::Mutex::new(Vec::new()));
        let blocks = LaterBlocks::new(Box::new(Logging(Arc::clone(&log))), 3);
        let decoded = || log.lock().map(|l| l.clone()).unwrap_or_default();
        let second = Declarations::decoded_later(&blocks, 2).unwrap_or_else(|| panic!("block"));
        let first = Declarations::decoded_later(&blocks, 1).unwrap_or_else(|| panic!("block"));
        let again = second.clone();
        assert!(Declarations::decoded_later(&blocks, 3).is_none());
        assert!(decoded().is_empty(), "nothing is decoded before it is read");
        assert_eq!(second.len(), 2);
        assert_eq!(again.len(), 2);
        assert_eq!(second[1].property(), PropertyId::BackgroundColor);
        assert_eq!(
            decoded(),
            vec![2],
            "a block is decoded once, shared by clones"
        );
        assert_eq!(first.len(), 1);
        assert_eq!(decoded(), vec![2, 1]);
        // Blocks of one set are told apart, clones are not.
        assert_ne!(first.identity(), second.identity());
        assert_eq!(second.identity(), again.identity());
        assert!(format!("{blocks:?}").contains("decoded: 2"));
    }
}
