//! Hostile and broken input: errors with locations, never a panic, never a hang.

use union_input_css::{SourceFile, compile_text};

fn diagnostics(css: &str) -> Vec<String> {
    compile_text(&SourceFile::from_text("/virtual/hostile.css", css))
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn deep_nesting_is_refused_before_the_parsers_recurse() {
    let blocks = format!("{}{}", "a { ".repeat(20_000), "}".repeat(20_000));
    assert_eq!(
        diagnostics(&blocks),
        vec![
            "/virtual/hostile.css:1:131: error: blocks nest deeper than 32 levels; the file is not loaded"
        ]
    );
    let brackets = format!(
        "a{} {{ opacity: 1 }}",
        ":not(".repeat(5_000) + "b" + &")".repeat(5_000)
    );
    assert!(diagnostics(&brackets)[0].contains("brackets nest deeper than 32 levels"));
    // Real nesting well inside the limits loads.
    let fine = format!("{} opacity: 1; {}", "a { ".repeat(20), "}".repeat(20));
    assert!(diagnostics(&fine).is_empty(), "{:?}", diagnostics(&fine));
}

/// xorshift64*: the same mutants every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 16) as usize
    }
}

#[test]
fn mutated_themes_never_panic() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../themes/breeze");
    let mut source = String::new();
    for file in [
        "base.css",
        "buttons.css",
        "inputs.css",
        "ranges.css",
        "views.css",
        "menus.css",
        "style.css",
    ] {
        source.push_str(&std::fs::read_to_string(folder.join(file)).unwrap_or_default());
    }
    assert!(source.len() > 10_000);
    let fragments = [
        "{",
        "}",
        "(",
        ")",
        ";",
        ":",
        "var(--",
        "&",
        ",",
        "/*",
        "\"",
        "@media",
        "!important",
        "\\",
        "url(",
        "\u{1F600}",
        "\0",
        ">",
    ];
    let mut rng = Rng(0x5eed);
    for round in 0..150 {
        let mut text: Vec<char> = source.chars().collect();
        for _ in 0..1 + rng.next() % 8 {
            let at = rng.next() % text.len().max(1);
            match rng.next() % 4 {
                0 => {
                    let end = (at + rng.next() % 40).min(text.len());
                    text.drain(at..end);
                }
                1 => {
                    let end = (at + rng.next() % 40).min(text.len());
                    let copy: Vec<char> = text[at..end].to_vec();
                    let to = rng.next() % text.len().max(1);
                    text.splice(to..to, copy);
                }
                _ => {
                    let fragment = fragments[rng.next() % fragments.len()];
                    text.splice(at..at, fragment.chars());
                }
            }
        }
        let mutant: String = text.into_iter().collect();
        // Compiling must return (with or without diagnostics); a panic fails the test.
        let compiled = compile_text(&SourceFile::from_text(
            format!("/virtual/mutant-{round}.css"),
            mutant,
        ));
        for diagnostic in &compiled.diagnostics {
            assert!(
                diagnostic.location.is_some(),
                "round {round}: {diagnostic} has no location"
            );
        }
    }
}
