//! Where each declaration was written.
//!
//! lightningcss gives rules a location but not declarations, while a theme
//! author needs the diagnostic on the declaration's line. This scanner walks
//! the source text once (skipping comments and strings), finds every block,
//! and records the name and offset of each declaration in it: a statement in
//! a block that ends at `;` or `}` before any `{` is a declaration; one that
//! reaches `{` first is a nested rule.

/// One declaration as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Byte range of the property name (compare it case-insensitively).
    pub name: std::ops::Range<usize>,
    /// Byte offset of the name.
    pub offset: usize,
    /// Byte range of the value: after the colon, up to the `;` or `}`
    /// (including any `!important`).
    pub value: std::ops::Range<usize>,
}

impl Written {
    /// The property name as written in `source`.
    pub fn name<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.name.clone()).unwrap_or("")
    }

    /// The value text in `source`, trimmed, without `!important`.
    pub fn value_text<'a>(&self, source: &'a str) -> Option<&'a str> {
        let text = source.get(self.value.clone())?.trim();
        let without = match text.rfind('!') {
            Some(bang) if text[bang + 1..].trim().eq_ignore_ascii_case("important") => {
                text[..bang].trim_end()
            }
            _ => text,
        };
        Some(without)
    }
}

/// One `{ … }` block: where it opens and which declarations are its own.
#[derive(Debug, Default)]
struct Block {
    /// Byte offset of the `{`.
    open: usize,
    /// Its declarations: a range of [`DeclarationMap::declarations`].
    declarations: std::ops::Range<usize>,
}

/// How deep `{ }` blocks may nest (real themes use 3 or 4 levels).
pub const MAX_BLOCK_DEPTH: usize = 32;

/// How deep `( )` and `[ ]` may nest (selectors and colour functions).
pub const MAX_BRACKET_DEPTH: usize = 32;

/// Every block of a stylesheet, ordered by their `{`.
#[derive(Debug, Default)]
pub struct DeclarationMap {
    blocks: Vec<Block>,
    /// Every declaration, block after block (each block's in source order).
    declarations: Vec<Written>,
    /// Where nesting first went too deep, and what nested: the parsers
    /// recurse, so such a file is refused before it reaches them.
    too_deep: Option<(usize, &'static str)>,
}

impl DeclarationMap {
    /// Scans `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks: Vec<Block> = Vec::new();
        // Each declaration with its block's index: a block's declarations
        // can be split by nested blocks, so they are grouped at the end.
        let mut found: Vec<(usize, Written)> = Vec::with_capacity(text.len() / 24);
        // Stack of indices into `blocks` for the open blocks.
        let mut open: Vec<usize> = Vec::new();
        // Where the current statement's text begins: after the last `{`,
        // `;` or `}`, or after a comment with only blanks before it. Its
        // leading blanks are trimmed when it turns out to be a declaration,
        // so blanks never stop the scan.
        let mut start = 0;
        let mut brackets = 0usize;
        let mut too_deep = None;
        let mut i = 0;
        loop {
            i = skip_ordinary(bytes, i);
            let Some(&b) = bytes.get(i) else { break };
            match b {
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    let end = text[i + 2..]
                        .find("*/")
                        .map_or(bytes.len(), |end| i + 2 + end + 2);
                    if bytes[start..i].iter().all(u8::is_ascii_whitespace) {
                        start = end;
                    }
                    i = end;
                    continue;
                }
                b'"' | b'\'' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'{' => {
                    blocks.push(Block {
                        open: i,
                        declarations: 0..0,
                    });
                    open.push(blocks.len() - 1);
                    start = i + 1;
                    if open.len() > MAX_BLOCK_DEPTH && too_deep.is_none() {
                        too_deep = Some((i, "blocks"));
                    }
                }
                b'(' | b'[' => {
                    brackets += 1;
                    if brackets > MAX_BRACKET_DEPTH && too_deep.is_none() {
                        too_deep = Some((i, "brackets"));
                    }
                }
                b')' | b']' => {
                    brackets = brackets.saturating_sub(1);
                }
                b';' | b'}' => {
                    let statement = &text[start..i];
                    let blanks = statement.len()
                        - statement
                            .trim_start_matches(|c: char| c.is_ascii_whitespace())
                            .len();
                    let first = start + blanks;
                    if let Some(&block) = open.last()
                        && let Some((name, colon)) = declaration_name(&text[first..i])
                    {
                        found.push((
                            block,
                            Written {
                                name: first..first + name,
                                offset: first,
                                value: first + colon + 1..i,
                            },
                        ));
                    }
                    start = i + 1;
                    if b == b'}' {
                        open.pop();
                    }
                }
                _ => {}
            }
            i += 1;
        }
        // Blocks are numbered in the order their `{` appears; a stable sort
        // keeps each block's declarations in source order.
        found.sort_by_key(|(block, _)| *block);
        let mut declarations = Vec::with_capacity(found.len());
        let mut start = 0;
        let mut found = found.into_iter().peekable();
        for (index, block) in blocks.iter_mut().enumerate() {
            while let Some((_, written)) = found.next_if(|(b, _)| *b == index) {
                declarations.push(written);
            }
            block.declarations = start..declarations.len();
            start = declarations.len();
        }
        DeclarationMap {
            blocks,
            declarations,
            too_deep,
        }
    }

    /// Where nesting first exceeded [`MAX_BLOCK_DEPTH`] or [`MAX_BRACKET_DEPTH`].
    pub fn too_deep(&self) -> Option<(usize, &'static str)> {
        self.too_deep
    }

    /// The declarations of the block that follows byte offset `rule_start`
    /// (the rule's `{`), in source order.
    pub fn block_after(&self, rule_start: usize) -> Option<&[Written]> {
        let at = self.blocks.partition_point(|b| b.open < rule_start);
        let block = self.blocks.get(at)?;
        self.declarations.get(block.declarations.clone())
    }
}

/// Bytes the scanner must look at; every other byte (blanks included)
/// continues a statement.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"/\"'{}()[];";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// The offset of the next special byte at or after `i` (or the end):
/// eight bytes are checked per step without a branch between them.
fn skip_ordinary(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        if chunk
            .iter()
            .fold(false, |any, &b| any | SPECIAL[usize::from(b)])
        {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !SPECIAL[usize::from(bytes[i])] {
        i += 1;
    }
    i
}

/// When `statement` (which starts at its first non-blank byte) is
/// `name: value`: the name's length and the colon's offset.
fn declaration_name(statement: &str) -> Option<(usize, usize)> {
    let colon = statement.find(':')?;
    let name = statement[..colon].trim_end();
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    valid.then_some((name.len(), colon))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the declarations in the block at `offset`.
    fn names_at<'a>(map: &DeclarationMap, text: &'a str, offset: usize) -> Vec<&'a str> {
        let block = map.block_after(offset).unwrap_or(&[]);
        block.iter().map(|d| d.name(text)).collect()
    }

    #[test]
    fn finds_declarations_and_skips_nested_rules_comments_and_strings() {
        let text = "a { color: red; /* x: y; */ &:hover { padding: 1px } icon-name: \"a;b\"; }\nb{margin:0}";
        let map = DeclarationMap::new(text);
        assert_eq!(names_at(&map, text, 0), vec!["color", "icon-name"]);
        let a = map.block_after(0).unwrap();
        assert_eq!(a[1].value_text(text), Some("\"a;b\""));
        let hover = map.block_after(text.find("&:hover").unwrap()).unwrap();
        assert_eq!(hover[0].name(text), "padding");
        assert_eq!(hover[0].value_text(text), Some("1px"));
        let b = map.block_after(text.find("b{").unwrap()).unwrap();
        assert_eq!(b[0].name(text), "margin");
        assert_eq!(b[0].offset, text.find("margin").unwrap());
        assert_eq!(b[0].value_text(text), Some("0"));
    }

    #[test]
    fn declarations_start_after_blanks_and_leading_comments() {
        let text = "a {\n  /* one */ /* two */\n\tcolor : red;/**/padding:1px;\n  x /* c */ y: 2 }";
        let map = DeclarationMap::new(text);
        // `x /* c */ y` is not a property name: that statement is no declaration.
        assert_eq!(names_at(&map, text, 0), vec!["color", "padding"]);
        let a = map.block_after(0).unwrap();
        assert_eq!(a[0].offset, text.find("color").unwrap());
        assert_eq!(a[0].value_text(text), Some("red"));
        assert_eq!(a[1].offset, text.find("padding").unwrap());
    }
}
