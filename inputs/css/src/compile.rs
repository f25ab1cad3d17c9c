//! The compiler: stylesheet files → `union_model` rules, with diagnostics.

use crate::at_rules::{self, UnionAtRule, UnionAtRuleParser};
use crate::deferred::DeferredTable;
use crate::locate::DeclarationMap;
use crate::selector;
use crate::shorthand;
use crate::source::{MAX_IMPORT_DEPTH, SourceFile};
use crate::values::{ImageFunctions, ValueContext, parse_value};
use lightningcss::declaration::DeclarationBlock;
use lightningcss::error::{Error, ParserError, SelectorError};
use lightningcss::properties::Property;
use lightningcss::rules::{CssRule, Location};
use lightningcss::stylesheet::{ParserOptions, PrinterOptions, StyleSheet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use union_model::selectors::Selector;
use union_model::{
    Condition, Declaration, Declarations, DeclaredValue, Diagnostic, Importance, Palette,
    PropertyId, Rule, SourceLocation, ThemeDefinition, ThemeMetadata,
};

/// The result of compiling a stylesheet and its imports.
#[derive(Debug, Default)]
pub struct Compiled {
    /// Rules in source order (imports inlined where they appear).
    pub rules: Vec<Rule>,
    /// Every problem, with locations.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file read.
    pub files: Vec<PathBuf>,
    /// The content hash of each of [`files`](Self::files) as it was read,
    /// in the same order: the compiled-theme cache stores a compilation
    /// only while its files still hold the text it was made from.
    pub file_hashes: Vec<u64>,
    /// Colours from `@palette` rules (later rules override earlier ones).
    pub palette: Palette,
    /// Metadata from `@theme`.
    pub metadata: ThemeMetadata,
    /// The base theme named by `@theme { extends: … }`.
    pub extends: Option<String>,
}

impl Compiled {
    /// The theme definition named `name`: rules, palette, metadata and
    /// `extends` (the diagnostics and files stay with the caller).
    pub fn into_definition(self, name: impl Into<String>) -> ThemeDefinition {
        ThemeDefinition {
            name: name.into(),
            metadata: self.metadata,
            extends: self.extends,
            palette: self.palette,
            rules: self.rules,
        }
    }
}

/// Compiles the stylesheet at `path` and everything it imports.
pub fn compile_path(path: &Path) -> Compiled {
    compile_path_with(path, None)
}

/// Compiles the stylesheet at `path` with extra image functions (see
/// [`ImageFunctions`]).
pub fn compile_path_with(path: &Path, images: Option<Arc<dyn ImageFunctions>>) -> Compiled {
    let mut compiler = Compiler {
        images,
        ..Compiler::default()
    };
    match SourceFile::read(path) {
        Ok(file) => compiler.file(&file, None),
        Err(message) => compiler.out.diagnostics.push(Diagnostic::error(
            message,
            Some(SourceLocation::new(path, 1, 1)),
        )),
    }
    compiler.finish()
}

/// Compiles stylesheet text (imports are resolved relative to `file`'s folder).
pub fn compile_text(file: &SourceFile) -> Compiled {
    compile_text_with(file, None)
}

/// Compiles stylesheet text with extra image functions (see
/// [`ImageFunctions`]).
pub fn compile_text_with(file: &SourceFile, images: Option<Arc<dyn ImageFunctions>>) -> Compiled {
    let mut compiler = Compiler {
        images,
        ..Compiler::default()
    };
    compiler.file(file, None);
    compiler.finish()
}

impl Compiler {
    /// The result, its diagnostics in source order (each pass of the
    /// compiler reports its own findings together).
    fn finish(mut self) -> Compiled {
        // A `var()` no rule defines makes its declaration invalid wherever
        // it is used; a theme that extends another may take it from there.
        if self.out.extends.is_none() {
            for (name, location) in std::mem::take(&mut self.var_uses) {
                if !self.defined.contains(name.as_str()) {
                    self.out.diagnostics.push(Diagnostic::warning(
                        format!(
                            "`var({name})`: no rule of the theme defines `{name}`, so this declaration is invalid where it applies (give a fallback: `var({name}, …)`)"
                        ),
                        Some(location),
                    ));
                }
            }
        }
        Diagnostic::sort_in_source_order(&mut self.out.diagnostics);
        self.out
    }
}

#[derive(Default)]
struct Compiler {
    out: Compiled,
    /// Files being compiled, outermost first (for import cycles).
    stack: Vec<PathBuf>,
    /// Custom properties some rule defines (for `var()` checks).
    defined: std::collections::HashSet<Arc<str>>,
    /// `var(--name)` references without a fallback, where they are written.
    var_uses: Vec<(String, SourceLocation)>,
    /// Files already imported without a condition: importing one again
    /// (a diamond) adds nothing, so thirty files that each import the
    /// next twice cost thirty compiles, not 2³⁰.
    imported: std::collections::HashSet<PathBuf>,
    images: Option<Arc<dyn ImageFunctions>>,
    deferred: DeferredTable,
    /// Reused between blocks: a block's declarations before they are shared.
    scratch: Vec<Declaration>,
    /// Reused between blocks: which written declarations were matched.
    used: Vec<bool>,
}

struct FileContext<'a> {
    source: &'a SourceFile,
    map: DeclarationMap,
    base_dir: Arc<Path>,
    images: Option<Arc<dyn ImageFunctions>>,
}

impl FileContext<'_> {
    fn location(&self, loc: Location) -> SourceLocation {
        self.source.location(loc.line, loc.column)
    }
}

fn and(outer: Option<&Arc<Condition>>, inner: Condition) -> Arc<Condition> {
    match outer {
        Some(outer) => Arc::new(Condition::All(vec![(**outer).clone(), inner])),
        None => Arc::new(inner),
    }
}

impl Compiler {
    fn error(&mut self, message: impl Into<String>, location: SourceLocation) {
        self.out
            .diagnostics
            .push(Diagnostic::error(message, Some(location)));
    }

    fn file(&mut self, source: &SourceFile, condition: Option<&Arc<Condition>>) {
        self.out.files.push(source.path.to_path_buf());
        self.out
            .file_hashes
            .push(crate::cache::content_hash(source.text.as_bytes()));
        self.stack.push(source.path.to_path_buf());
        let warnings = Arc::new(RwLock::new(Vec::new()));
        let options = ParserOptions {
            filename: source.path.display().to_string(),
            error_recovery: true,
            warnings: Some(Arc::clone(&warnings)),
            ..ParserOptions::default()
        };
        let context = FileContext {
            source,
            map: DeclarationMap::new(&source.text),
            base_dir: Arc::from(source.path.parent().unwrap_or(Path::new(""))),
            images: self.images.clone(),
        };
        if let Some((offset, what)) = context.map.too_deep() {
            let limit = if what == "blocks" {
                crate::locate::MAX_BLOCK_DEPTH
            } else {
                crate::locate::MAX_BRACKET_DEPTH
            };
            self.error(
                format!("{what} nest deeper than {limit} levels; the file is not loaded"),
                source.location_of_offset(offset),
            );
            self.stack.pop();
            return;
        }
        match StyleSheet::parse_with(&source.text, options, &mut UnionAtRuleParser) {
            Ok(sheet) => {
                for rule in &sheet.rules.0 {
                    self.rule(rule, None, condition, &context);
                }
            }
            Err(error) => self.parse_error(&error, &context),
        }
        let warnings = warnings.read().map(|w| w.clone()).unwrap_or_default();
        for warning in &warnings {
            // Unknown pseudo-classes are reported (or accepted as Union
            // states) when the selector is converted.
            if matches!(
                warning.kind,
                ParserError::SelectorError(SelectorError::UnsupportedPseudoClass(_))
            ) {
                continue;
            }
            self.parse_error(warning, &context);
        }
        self.stack.pop();
    }

    fn parse_error(&mut self, error: &Error<ParserError<'_>>, context: &FileContext<'_>) {
        let location = match &error.loc {
            Some(loc) => context.source.location(loc.line, loc.column),
            None => SourceLocation {
                file: Arc::clone(&context.source.path),
                line: 1,
                column: 1,
            },
        };
        let message = match &error.kind {
            ParserError::SelectorError(SelectorError::InvalidPseudoClassBeforeWebKitScrollbar) => {
                "lightningcss reserves this pseudo-class name for WebKit scrollbars (`:horizontal`, `:vertical`, `:start`, `:end`, …); use an attribute such as `[orientation=horizontal]`".to_owned()
            }
            kind => kind.to_string(),
        };
        self.error(format!("{message}; the rule is ignored"), location);
    }

    fn rule(
        &mut self,
        rule: &CssRule<'_, UnionAtRule>,
        parent: Option<&[Selector]>,
        condition: Option<&Arc<Condition>>,
        context: &FileContext<'_>,
    ) {
        match rule {
            CssRule::Style(style) => {
                let location = context.location(style.loc);
                let selectors = match selector::convert_list(&style.selectors, parent) {
                    Ok(selectors) => selectors,
                    Err(message) => {
                        self.error(format!("{message}; the rule is ignored"), location);
                        return;
                    }
                };
                self.block(
                    &style.declarations,
                    &selectors,
                    condition,
                    style.loc,
                    context,
                );
                for nested in &style.rules.0 {
                    self.rule(nested, Some(&selectors), condition, context);
                }
            }
            CssRule::NestedDeclarations(nested) => {
                if let Some(parent) = parent {
                    self.block(&nested.declarations, parent, condition, nested.loc, context);
                }
            }
            CssRule::Media(media) => {
                let location = context.location(media.loc);
                match crate::media::convert(&media.query) {
                    Ok(inner) => {
                        let combined = and(condition, inner);
                        for nested in &media.rules.0 {
                            self.rule(nested, parent, Some(&combined), context);
                        }
                    }
                    Err(message) => {
                        self.error(format!("{message}; the @media block is ignored"), location);
                    }
                }
            }
            CssRule::Import(import) => {
                let location = context.location(import.loc);
                let mut inner = condition.cloned();
                if !import.media.media_queries.is_empty() {
                    match crate::media::convert(&import.media) {
                        Ok(media) => inner = Some(and(condition, media)),
                        Err(message) => {
                            self.error(format!("{message}; the import is ignored"), location);
                            return;
                        }
                    }
                }
                self.import(
                    &context.base_dir,
                    Path::new(import.url.as_ref()),
                    inner.as_ref(),
                    location,
                );
            }
            CssRule::Custom(custom) => {
                if parent.is_some() || condition.is_some() {
                    let location = SourceLocation {
                        file: Arc::clone(&context.source.path),
                        line: 1,
                        column: 1,
                    };
                    self.error(
                        "`@palette` and `@theme` must be at the top level of a file",
                        location,
                    );
                    return;
                }
                self.union_at_rule(custom, context);
            }
            CssRule::Ignored => {}
            _ => {
                let location = match at_rule_location(rule) {
                    Some(loc) => context.location(loc),
                    None => SourceLocation {
                        file: Arc::clone(&context.source.path),
                        line: 1,
                        column: 1,
                    },
                };
                self.out.diagnostics.push(Diagnostic::warning(
                    "this at-rule has no meaning in Union and is ignored",
                    Some(location),
                ));
            }
        }
    }

    fn union_at_rule(&mut self, rule: &UnionAtRule, context: &FileContext<'_>) {
        match rule {
            UnionAtRule::Palette { set, entries } => {
                for entry in entries {
                    let location = context.source.location(entry.line, entry.column);
                    match (
                        at_rules::role(&entry.name),
                        entry.value.as_ref().map_err(String::clone),
                    ) {
                        (Ok(role), Ok(color)) => self.out.palette.set(*set, role, *color),
                        (Err(message), _) | (_, Err(message)) => {
                            self.error(
                                format!("@palette {set}: {message}; the entry is ignored"),
                                location,
                            );
                        }
                    }
                }
            }
            UnionAtRule::Theme { entries } => {
                for entry in entries {
                    let location = context.source.location(entry.line, entry.column);
                    let value = match &entry.value {
                        Ok(value) => value.clone(),
                        Err(message) => {
                            self.error(
                                format!("@theme `{}`: {message}; the entry is ignored", entry.name),
                                location,
                            );
                            continue;
                        }
                    };
                    let metadata = &mut self.out.metadata;
                    match entry.name.as_str() {
                        "display-name" => metadata.display_name = Some(value),
                        "description" => metadata.description = Some(value),
                        "version" => metadata.version = Some(value),
                        "license" => metadata.license = Some(value),
                        "author" => metadata.authors.push(value),
                        "extends" => self.out.extends = Some(value),
                        other => self.error(
                            format!("@theme: unknown key `{other}` (display-name, description, version, license, author, extends)"),
                            location,
                        ),
                    }
                }
            }
        }
    }

    fn import(
        &mut self,
        dir: &Path,
        relative: &Path,
        condition: Option<&Arc<Condition>>,
        location: SourceLocation,
    ) {
        let file = match SourceFile::read_relative(dir, relative) {
            Ok(file) => file,
            Err(message) => {
                self.error(
                    format!(
                        "cannot import `{}`: {message}",
                        dir.join(relative).display()
                    ),
                    location,
                );
                return;
            }
        };
        if self.stack.iter().any(|p| **p == *file.path) {
            let mut cycle: Vec<String> =
                self.stack.iter().map(|p| p.display().to_string()).collect();
            cycle.push(file.path.display().to_string());
            self.error(format!("import cycle: {}", cycle.join(" → ")), location);
            return;
        }
        if self.stack.len() >= MAX_IMPORT_DEPTH {
            self.error(
                format!("imports nest deeper than {MAX_IMPORT_DEPTH} files"),
                location,
            );
            return;
        }
        if condition.is_none() && !self.imported.insert(file.path.to_path_buf()) {
            return;
        }
        self.file(&file, condition);
    }

    fn block(
        &mut self,
        block: &DeclarationBlock<'_>,
        selectors: &[Selector],
        condition: Option<&Arc<Condition>>,
        loc: Location,
        context: &FileContext<'_>,
    ) {
        let rule_location = context.location(loc);
        let written = context
            .map
            .block_after(context.source.offset(loc.line, loc.column));
        // The n-th declaration of a name in lightningcss' list is the n-th
        // written one: its offset, and its value text as the author wrote it.
        // Locations are only worked out for diagnostics. Lists come in
        // source order, so the search starts after the last match.
        let mut used = std::mem::take(&mut self.used);
        used.clear();
        used.resize(written.map_or(0, <[_]>::len), false);
        let mut cursor = 0;
        let mut locate = |name: &str| -> (Option<usize>, Option<&str>) {
            let found = written.and_then(|b| {
                let count = b.len();
                (0..count).map(|k| (cursor + k) % count).find(|&i| {
                    !used[i] && b[i].name(&context.source.text).eq_ignore_ascii_case(name)
                })
            });
            match found.and_then(|index| Some((index, written?.get(index)?))) {
                Some((index, declaration)) => {
                    used[index] = true;
                    cursor = index + 1;
                    (
                        Some(declaration.offset),
                        declaration.value_text(&context.source.text),
                    )
                }
                None => (None, None),
            }
        };
        let location_of = |offset: Option<usize>| match offset {
            Some(offset) => context.source.location_of_offset(offset),
            None => rule_location.clone(),
        };
        for (properties, importance) in [
            (&block.declarations, Importance::Normal),
            (&block.important_declarations, Importance::Important),
        ] {
            let mut declarations = std::mem::take(&mut self.scratch);
            declarations.clear();
            let mut custom: Vec<(Arc<str>, Arc<str>)> = Vec::new();
            for property in properties {
                let id = property.property_id();
                let name = id.name();
                let (offset, written_value) = locate(name);
                if name.starts_with("--") {
                    self.defined.insert(Arc::from(name));
                    match property.value_to_css_string(PrinterOptions::default()) {
                        Ok(value) => {
                            custom.push((Arc::from(name), Arc::from(value.trim())));
                        }
                        Err(e) => {
                            let message = format!("`{name}`: cannot read the value: {e}");
                            self.error(message, location_of(offset));
                        }
                    }
                    continue;
                }
                let lower;
                let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
                    lower = name.to_ascii_lowercase();
                    lower.as_str()
                } else {
                    name
                };
                if let Some(text) = written_value {
                    for var in union_model::custom::vars_without_fallback(text) {
                        self.var_uses.push((var.to_owned(), location_of(offset)));
                    }
                }
                let before = declarations.len();
                if let Err(message) = declaration(
                    name,
                    property,
                    written_value,
                    context,
                    &mut self.deferred,
                    &mut declarations,
                ) {
                    declarations.truncate(before);
                    self.error(
                        format!("`{name}`: {message}; the declaration is ignored"),
                        location_of(offset),
                    );
                }
            }
            if declarations.is_empty() && custom.is_empty() {
                self.scratch = declarations;
                continue;
            }
            let custom = union_model::custom_properties(custom);
            let shared: Arc<[Declaration]> = declarations.drain(..).collect();
            self.scratch = declarations;
            let declarations = Declarations::from(shared);
            for selector in selectors {
                self.out.rules.push(Rule {
                    selector: selector.clone(),
                    declarations: declarations.clone(),
                    custom: custom.clone(),
                    condition: condition.cloned(),
                    importance,
                    location: Some(rule_location.clone()),
                });
            }
        }
        self.used = used;
    }
}

/// Compiles one declaration into `out`. `written` is its value as written in
/// the source (found by the scanner); lightningcss' printed form is the
/// fallback. On an error, `out` may hold part of a shorthand's longhands.
fn declaration(
    name: &str,
    property: &Property<'_>,
    written: Option<&str>,
    context: &FileContext<'_>,
    deferred: &mut DeferredTable,
    out: &mut Vec<Declaration>,
) -> Result<(), String> {
    let printed;
    let text = match written {
        Some(text) => text,
        None => {
            printed = property
                .value_to_css_string(PrinterOptions::default())
                .map_err(|e| format!("cannot read the value: {e}"))?;
            printed.as_str()
        }
    };
    if union_model::custom::uses_var(text) {
        return crate::deferred::declarations(
            name,
            text,
            &context.base_dir,
            &context.images,
            deferred,
            out,
        );
    }
    let value_context = ValueContext {
        base_dir: &context.base_dir,
        images: context.images.as_deref(),
    };
    let keyword = css_keyword(text);
    let typed = |id: PropertyId, value| Declaration::new(id, value).map_err(|e| e.to_string());
    if let Some(id) = PropertyId::from_css_name(name) {
        let value = match keyword {
            "inherit" => DeclaredValue::Inherit,
            "initial" | "unset" | "revert" | "revert-layer" => {
                return Err(format!(
                    "`{keyword}` is not supported: write the value, `none` or `inherit`"
                ));
            }
            "none" => match parse_value(id.info().value_type, "none", value_context) {
                Ok(value) => DeclaredValue::Value(value),
                Err(_) => DeclaredValue::None,
            },
            _ => DeclaredValue::Value(parse_value(id.info().value_type, text, value_context)?),
        };
        out.push(typed(id, value)?);
        return Ok(());
    }
    if !shorthand::is_shorthand(name) {
        return Err(format!(
            "unknown property `{name}` (see docs/properties.md)"
        ));
    }
    match keyword {
        "inherit" => {
            out.extend(
                shorthand::longhands(name)
                    .iter()
                    .map(|&id| Declaration::inherit(id)),
            );
            return Ok(());
        }
        "none" if shorthand::accepts_none(name) => {
            out.extend(
                shorthand::longhands(name)
                    .iter()
                    .map(|&id| Declaration::none(id)),
            );
            return Ok(());
        }
        _ => {}
    }
    for (id, value) in shorthand::expand(name, text, value_context)? {
        out.push(typed(
            id,
            value.map_or(DeclaredValue::None, DeclaredValue::Value),
        )?);
    }
    Ok(())
}

/// The value as a lower-case CSS-wide keyword (`inherit`, `none`, …) when it
/// is one of those; "" otherwise (no allocation for ordinary values).
fn css_keyword(text: &str) -> &'static str {
    const KEYWORDS: [&str; 6] = [
        "inherit",
        "initial",
        "unset",
        "revert",
        "revert-layer",
        "none",
    ];
    let text = text.trim();
    KEYWORDS
        .into_iter()
        .find(|k| k.eq_ignore_ascii_case(text))
        .unwrap_or("")
}

fn at_rule_location(rule: &CssRule<'_, UnionAtRule>) -> Option<Location> {
    Some(match rule {
        CssRule::Keyframes(r) => r.loc,
        CssRule::FontFace(r) => r.loc,
        CssRule::Page(r) => r.loc,
        CssRule::Supports(r) => r.loc,
        CssRule::CounterStyle(r) => r.loc,
        CssRule::Namespace(r) => r.loc,
        CssRule::LayerStatement(r) => r.loc,
        CssRule::LayerBlock(r) => r.loc,
        CssRule::Property(r) => r.loc,
        CssRule::Container(r) => r.loc,
        CssRule::Scope(r) => r.loc,
        CssRule::StartingStyle(r) => r.loc,
        _ => return None,
    })
}
