//! The compiled-theme cache: same result as compiling, invalidated by any
//! change to any file, never trusted when corrupt, never storing errors.

#![allow(clippy::unwrap_used, reason = "test fixtures fail loudly")]

use std::path::PathBuf;
use std::sync::Arc;
use union_input_css::{Compiled, CssInput, ThemeCache, compile_path};
use union_model::{Context, Element, Query, State, Styler, Theme};
use union_test_support::TempFolder;

struct Folder(TempFolder);

impl Folder {
    fn new(name: &str) -> Self {
        Folder(TempFolder::new(name))
    }
    fn write(&self, relative: &str, text: &str) -> PathBuf {
        self.0.write(relative, text)
    }
    fn cache(&self) -> ThemeCache {
        ThemeCache::new(self.0.path().join("cache"))
    }
    /// `BASE` and `MAIN` written, nothing stored: the cache, the base file
    /// and the main file.
    fn unstored_main(&self) -> (ThemeCache, PathBuf, PathBuf) {
        let base = self.write("base.css", BASE);
        let main = self.write("main.css", MAIN);
        (self.cache(), base, main)
    }
    /// A cache holding the compiled `MAIN` (importing `BASE`): the cache,
    /// the main file, and the path of its one entry.
    fn stored_main(&self) -> (ThemeCache, PathBuf, PathBuf) {
        self.write("base.css", BASE);
        let main = self.write("main.css", MAIN);
        let cache = self.cache();
        cache.store(&main, &compile_path(&main));
        let entry = std::fs::read_dir(self.0.path().join("cache"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        (cache, main, entry)
    }
    fn entries(&self) -> usize {
        std::fs::read_dir(self.0.path().join("cache"))
            .map(|d| d.count())
            .unwrap_or(0)
    }
}

/// What a compiled theme says about a few elements, for comparing two compilations.
fn summary(compiled: Compiled) -> String {
    let palette = format!("{:?}", compiled.palette);
    let theme = Arc::new(Theme::compile(compiled.into_definition("t"), None));
    let styler = Styler::new(theme);
    let mut out = palette;
    for chain in [
        vec![Element::new("Window"), Element::new("Button")],
        vec![
            Element::new("Window"),
            Element::new("Button").with_state(State::Hovered),
        ],
        vec![Element::new("Window"), Element::new("Label")],
    ] {
        out.push_str(
            &styler
                .query(&Query::new(chain, Context::default()))
                .style
                .to_css_declarations(),
        );
    }
    out
}

const BASE: &str = "window { --accent: #3daee9; color: black }";
const MAIN: &str = "@import \"base.css\";\n@palette window { background-normal: #eff0f1; }\n\
    button { padding: 6px 8px; border: 1px solid var(--accent); }\n\
    button:hover, label { opacity: 0.5 }\n@media (prefers-color-scheme: dark) { button { opacity: 0.9 } }";

#[test]
fn a_cached_theme_equals_a_compiled_one() {
    let folder = Folder::new("equal");
    folder.write("base.css", BASE);
    let main = folder.write("main.css", MAIN);
    let cache = folder.cache();
    assert!(cache.load(&main).is_none());
    let compiled = compile_path(&main);
    cache.store(&main, &compiled);
    assert_eq!(folder.entries(), 1);
    let cached = cache.load(&main).expect("a fresh entry is used");
    assert_eq!(cached.files, compiled.files);
    assert_eq!(cached.rules.len(), compiled.rules.len());
    assert_eq!(summary(cached), summary(compile_path(&main)));
}

#[test]
fn any_change_to_any_file_invalidates_the_entry() {
    let folder = Folder::new("stale");
    let (cache, base, main) = folder.unstored_main();
    cache.store(&main, &compile_path(&main));
    assert!(cache.load(&main).is_some());
    // Same size, different content: the content hash catches it even if the mtime did not move.
    std::fs::write(&base, BASE.replace("black", "white")).unwrap();
    assert!(cache.load(&main).is_none(), "an imported file changed");
    cache.store(&main, &compile_path(&main));
    assert!(cache.load(&main).is_some());
    std::fs::remove_file(&base).unwrap();
    assert!(cache.load(&main).is_none(), "an imported file is gone");
}

#[test]
fn a_file_edited_between_compiling_and_storing_keeps_the_entry_out() {
    let folder = Folder::new("store-race");
    let (cache, base, main) = folder.unstored_main();
    let compiled = compile_path(&main);
    // The edit lands after the compiler read the file and before the entry
    // is stamped: the entry would record the new text beside rules made
    // from the old one.
    std::fs::write(&base, BASE.replace("black", "white")).unwrap();
    cache.store(&main, &compiled);
    assert!(
        cache.load(&main).is_none(),
        "a compilation of text the files no longer hold is not stored"
    );
    let fresh = compile_path(&main);
    cache.store(&main, &fresh);
    let cached = cache
        .load(&main)
        .expect("a compilation of the current text is stored");
    assert_eq!(summary(cached), summary(compile_path(&main)));
}

#[test]
fn corrupt_entries_are_ignored_and_errors_are_never_stored() {
    let folder = Folder::new("corrupt");
    let (cache, main, entry) = folder.stored_main();
    let mut bytes = std::fs::read(&entry).unwrap();
    let half = bytes.len() / 2;
    bytes.truncate(half);
    std::fs::write(&entry, &bytes).unwrap();
    assert!(cache.load(&main).is_none(), "a truncated entry");
    std::fs::write(&entry, b"garbage").unwrap();
    assert!(cache.load(&main).is_none(), "garbage");

    let broken = folder.write("broken.css", "button { opacity: nope }");
    let compiled = compile_path(&broken);
    assert!(!compiled.diagnostics.is_empty());
    cache.store(&broken, &compiled);
    assert!(
        cache.load(&broken).is_none(),
        "themes with errors are not cached"
    );
}

#[test]
fn no_prefix_of_an_entry_is_accepted_and_no_damaged_byte_panics() {
    let folder = Folder::new("damaged");
    let (cache, main, entry) = folder.stored_main();
    let bytes = std::fs::read(&entry).unwrap();
    assert!(cache.load(&main).is_some());
    for len in 0..bytes.len() {
        std::fs::write(&entry, &bytes[..len]).unwrap();
        assert!(cache.load(&main).is_none(), "a prefix of {len} bytes");
    }
    let expected = summary(compile_path(&main));
    for at in 0..bytes.len() {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0xa5;
        std::fs::write(&entry, &damaged).unwrap();
        // A damaged byte may still decode (say, to another colour); it must
        // never panic, and the undamaged entry must still load afterwards.
        let _ = cache.load(&main);
    }
    std::fs::write(&entry, &bytes).unwrap();
    assert_eq!(summary(cache.load(&main).expect("intact again")), expected);
}

#[test]
fn a_damaged_declaration_is_rejected_when_the_entry_loads() {
    // Declaration blocks are decoded when a rule is first read, long after
    // the entry was accepted: their bytes (the end of the entry) are
    // checked as it loads, so a damaged one never reaches a rule.
    let folder = Folder::new("damaged-declarations");
    let (cache, main, entry) = folder.stored_main();
    let bytes = std::fs::read(&entry).unwrap();
    for back in 1..=24 {
        let mut damaged = bytes.clone();
        let at = bytes.len() - back;
        damaged[at] ^= 0x01;
        std::fs::write(&entry, &damaged).unwrap();
        assert!(cache.load(&main).is_none(), "byte {at} of {}", bytes.len());
    }
    std::fs::write(&entry, &bytes).unwrap();
    let loaded = cache.load(&main).expect("intact again");
    let compiled = compile_path(&main);
    assert_eq!(loaded.rules.len(), compiled.rules.len());
    for (loaded, compiled) in loaded.rules.iter().zip(&compiled.rules) {
        // Deferred values compare by identity: compare what they say.
        assert_eq!(
            format!("{:?}", loaded.declarations),
            format!("{:?}", compiled.declarations)
        );
    }
}

#[test]
fn the_plugin_uses_the_cache() {
    let folder = Folder::new("plugin");
    folder.write("theme/base.css", BASE);
    let main = folder.write("theme/style.css", MAIN);
    let input = CssInput::default().with_cache(folder.cache());
    let first = summary(input.compile(&main));
    assert_eq!(folder.entries(), 1);
    let second = summary(input.compile(&main));
    assert_eq!(first, second);
    assert!(folder.cache().load(&main).is_some());
}

/// Every selector kind, nesting, shorthands with `var()`, `!important`,
/// `@media` and custom properties.
const EVERY_KIND: &str = "window { --accent: #3daee9; --gap: 4px }\n\
    button.flat#ok:hover > label:not(.a, #b):is(icon, text) ~ *:nth-child(2n+1) { color: var(--accent) }\n\
    a > b > c > d > e > f + g { padding: var(--gap) 2px !important; color: red }\n\
    slider[value=\"3\"][orientation|=\"hor\" i]:where(:first-child, :last-child):only-child:root:dir(rtl) { border: 1px solid var(--accent) }\n\
    :nth-last-child(-n+3), [lang] { margin: var(--gap) }\n\
    label { color: inherit; background-color: none; border: none }\n\
    @media (prefers-color-scheme: dark) and (pointer: coarse) { button { opacity: 0.9; border-radius: var(--gap) } }";

#[test]
fn every_rule_reads_back_exactly() {
    let folder = Folder::new("exact");
    let main = folder.write("main.css", EVERY_KIND);
    let bundled = |name: &str| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../themes")
            .join(name)
            .join("style.css")
            .canonicalize()
            .unwrap()
    };
    for entry in [main, bundled("breeze"), bundled("breeze-dark")] {
        let cache = folder.cache();
        let compiled = compile_path(&entry);
        assert!(
            compiled.diagnostics.is_empty(),
            "{:?}",
            compiled.diagnostics
        );
        cache.store(&entry, &compiled);
        let cached = cache.load(&entry).expect("a fresh entry is used");
        assert_eq!(cached.rules.len(), compiled.rules.len());
        for (read, written) in cached.rules.iter().zip(&compiled.rules) {
            // Debug shows every field, deferred values included.
            assert_eq!(format!("{read:?}"), format!("{written:?}"));
            assert_eq!(read.selector.to_string(), written.selector.to_string());
            assert_eq!(read.selector.specificity(), written.selector.specificity());
        }
        assert_eq!(
            format!("{:?}", cached.palette),
            format!("{:?}", compiled.palette)
        );
    }
}

#[test]
fn settled_files_are_trusted_by_their_record_and_edits_still_invalidate() {
    let folder = Folder::new("settled");
    let base = folder.write("base.css", BASE);
    let main = folder.write("main.css", MAIN);
    let old = std::fs::metadata(&base).unwrap().modified().unwrap();
    // Files changed just before they are stamped are always re-read; wait
    // until these have settled, so the check trusts their record.
    std::thread::sleep(std::time::Duration::from_millis(3200));
    let cache = folder.cache();
    cache.store(&main, &compile_path(&main));
    assert!(cache.load(&main).is_some());
    // `touch` alone: the record changed, the content did not: still valid.
    let file = std::fs::OpenOptions::new().write(true).open(&base).unwrap();
    file.set_modified(std::time::SystemTime::now()).unwrap();
    assert!(cache.load(&main).is_some(), "same content after touch");
    // Same size, and the old modification time put back: the status-change
    // time moved, so the content is compared and the edit is caught.
    std::fs::write(&base, BASE.replace("black", "white")).unwrap();
    let file = std::fs::OpenOptions::new().write(true).open(&base).unwrap();
    file.set_modified(old).unwrap();
    assert!(
        cache.load(&main).is_none(),
        "an edit hidden behind the old mtime"
    );
}
