//! A Plasma theme as model rules: the bundled mapping stylesheet
//! (`mapping/controls.css`) compiled with the theme's images behind its
//! `plasma-frame()` and `plasma-element()` functions, then completed with
//! what the SVGs decide (frame margins as padding, element sizes).

use crate::theme::{PlasmaTheme, Variant};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use union_input_css::{ImageFunctions, SourceFile, compile_text_with};
use union_ksvg::{Borders, ColorScheme, FrameInfo, SvgDocument};
use union_model::values::{EdgeWidth, EdgeWidths, Image, Length, LengthPercentage, SvgPart, Url};
use union_model::{
    Declaration, DeclaredValue, Diagnostic, LoadOutput, PropertyId, Rule, SourceLocation,
    ThemeDefinition, ThemeMetadata, Value,
};

/// The bundled mapping stylesheet: which control uses which image.
pub const MAPPING: &str = include_str!("../mapping/controls.css");

/// Where the mapping's diagnostics point (the file in the source tree).
fn mapping_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("mapping/controls.css")
}

/// What the mapping's functions found, shared with the compiler.
#[derive(Debug, Default)]
struct Found {
    documents: HashMap<PathBuf, Option<Arc<SvgDocument>>>,
    notes: Vec<Diagnostic>,
    reported: HashSet<String>,
}

/// `plasma-frame()` and `plasma-element()` for one theme.
#[derive(Debug)]
struct ThemeImages {
    theme: PlasmaTheme,
    variant: Variant,
    found: Mutex<Found>,
}

impl ThemeImages {
    fn lock(&self) -> std::sync::MutexGuard<'_, Found> {
        self.found.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn document(&self, path: &Path) -> Option<Arc<SvgDocument>> {
        let mut found = self.lock();
        if let Some(document) = found.documents.get(path) {
            return document.clone();
        }
        let loaded = SvgDocument::load(path, &ColorScheme::new(self.theme.palette.clone()));
        let document = match loaded {
            Ok(document) => Some(Arc::new(document)),
            Err(error) => {
                found.notes.push(Diagnostic::error(
                    error.to_string(),
                    Some(SourceLocation::new(path, 1, 1)),
                ));
                None
            }
        };
        found.documents.insert(path.to_path_buf(), document.clone());
        document
    }

    /// Reports `message` once.
    fn note(&self, diagnostic: Diagnostic) {
        let mut found = self.lock();
        if found.reported.insert(diagnostic.to_string()) {
            found.notes.push(diagnostic);
        }
    }

    /// The file holding `name` (a frame prefix or an element id) of
    /// `image`: the theme's, else the default theme's (reported).
    fn locate(&self, image: &str, name: &str, frame: bool) -> Result<PathBuf, String> {
        let file = self.theme.image(image, self.variant).ok_or_else(|| {
            format!(
                "{image}: not in the Plasma theme {:?} nor in the default theme",
                self.theme.name
            )
        })?;
        if let Some(fallback) = &file.fallback {
            self.note(Diagnostic::note(fallback.clone(), None));
        }
        let has = |path: &Path| {
            self.document(path).is_some_and(|svg| {
                let id = match (frame, name.is_empty()) {
                    (true, true) => "center".to_owned(),
                    (true, false) => format!("{name}-center"),
                    (false, _) => name.to_owned(),
                };
                svg.has_element(&id)
            })
        };
        if has(&file.path) {
            return Ok(file.path);
        }
        let what = if frame {
            format!("no frame {name:?} (no `{name}-center` element)")
        } else {
            format!("no element {name:?}")
        };
        let here = Some(SourceLocation::new(&file.path, 1, 1));
        if let Some(default) = self.theme.default_image(image, self.variant)
            && default != file.path
            && has(&default)
        {
            self.note(Diagnostic::note(
                format!("{image}: {what}: using the default theme's"),
                here,
            ));
            return Ok(default);
        }
        self.note(Diagnostic::warning(
            format!("{image}: {what}, nor in the default theme: nothing is drawn"),
            here,
        ));
        Ok(file.path)
    }
}

impl ImageFunctions for ThemeImages {
    fn knows(&self, name: &str) -> bool {
        matches!(name, "plasma-frame" | "plasma-element")
    }

    fn resolve(&self, function: &str, args: &[String]) -> Result<Image, String> {
        let [image, name] = args else {
            return Err(format!(
                "`{function}()` takes two strings: the image (\"widgets/button\") and the {}",
                if function == "plasma-frame" {
                    "frame prefix"
                } else {
                    "element id"
                }
            ));
        };
        let frame = function == "plasma-frame";
        let path = self.locate(image, name, frame)?;
        let part = SvgPart {
            source: Url(Arc::from(path.to_string_lossy().as_ref())),
            name: Arc::from(name.as_str()),
        };
        Ok(if frame {
            Image::SvgFrame(part)
        } else {
            Image::SvgElement(part)
        })
    }
}

/// Compiles `theme` with the bundled mapping, drawing `variant` images.
pub fn compile_theme(theme: &PlasmaTheme, variant: Variant) -> LoadOutput {
    compile_with_mapping(
        theme,
        variant,
        &SourceFile::from_text(mapping_path(), MAPPING),
    )
}

/// Compiles `theme` with the mapping stylesheet `mapping`.
pub fn compile_with_mapping(
    theme: &PlasmaTheme,
    variant: Variant,
    mapping: &SourceFile,
) -> LoadOutput {
    let images = Arc::new(ThemeImages {
        theme: theme.clone(),
        variant,
        found: Mutex::new(Found::default()),
    });
    let functions: Arc<dyn ImageFunctions> = images.clone();
    let compiled = compile_text_with(mapping, Some(functions));
    let rules = compiled
        .rules
        .into_iter()
        .map(|rule| complete(rule, &images))
        .collect();
    let found = std::mem::take(&mut *images.lock());
    let mut diagnostics = theme.diagnostics.clone();
    diagnostics.extend(compiled.diagnostics);
    diagnostics.extend(found.notes);
    let mut dependencies = compiled.files;
    dependencies.extend(found.documents.into_keys());
    for file in ["metadata.json", "metadata.desktop", "colors", "plasmarc"] {
        let path = theme.dir.join(file);
        if path.is_file() {
            dependencies.push(path);
        }
    }
    dependencies.sort();
    dependencies.dedup();
    LoadOutput {
        definition: Some(ThemeDefinition {
            name: format!("plasma:{}", theme.name),
            metadata: ThemeMetadata {
                display_name: Some(theme.display_name.clone()),
                description: Some(format!(
                    "The Plasma desktop theme {:?} ({}), through Union's mapping",
                    theme.name,
                    theme.dir.display()
                )),
                ..ThemeMetadata::default()
            },
            extends: None,
            palette: theme.palette.clone(),
            rules,
        }),
        diagnostics,
        dependencies,
    }
}

fn px(value: f32) -> Value {
    Value::Length(Length::Px(value))
}

/// Adds what the rule's SVG parts decide and the rule does not set.
fn complete(rule: Rule, images: &ThemeImages) -> Rule {
    let sets = |id: PropertyId| rule.declarations.iter().any(|d| d.property() == id);
    let value_of = |id: PropertyId| {
        rule.declarations
            .iter()
            .rev()
            .find(|d| d.property() == id)
            .and_then(|d| match d.declared() {
                DeclaredValue::Value(Value::Image(image)) => Some((**image).clone()),
                _ => None,
            })
    };
    let mut added: Vec<Declaration> = Vec::new();
    let mut add = |id: PropertyId, value: Value| {
        if let Ok(declaration) = Declaration::value(id, value) {
            added.push(declaration);
        }
    };
    let frame_margins = |part: &SvgPart| {
        let svg = images.document(Path::new(&*part.source.0))?;
        let info = FrameInfo::new(&svg, &part.name, Borders::ALL);
        info.prefix_found.then_some(info.fixed_margins)
    };
    match value_of(PropertyId::BackgroundImage) {
        Some(Image::SvgFrame(part)) => {
            let padding = [
                PropertyId::PaddingTop,
                PropertyId::PaddingRight,
                PropertyId::PaddingBottom,
                PropertyId::PaddingLeft,
            ];
            if !padding.iter().any(|id| sets(*id))
                && let Some(m) = frame_margins(&part)
            {
                for (id, value) in padding.into_iter().zip([m.top, m.right, m.bottom, m.left]) {
                    add(id, px(value));
                }
            }
        }
        Some(Image::SvgElement(part)) => {
            if !sets(PropertyId::Width)
                && !sets(PropertyId::Height)
                && let Some(svg) = images.document(Path::new(&*part.source.0))
                && svg.has_element(&part.name)
            {
                let (w, h) = svg.element_size(&part.name);
                add(PropertyId::Width, px(w as f32));
                add(PropertyId::Height, px(h as f32));
            }
        }
        _ => {}
    }
    if let Some(Image::SvgFrame(part)) = value_of(PropertyId::BorderImageSource)
        && !sets(PropertyId::BorderImageOutset)
        && let Some(m) = frame_margins(&part)
    {
        let edge = |v: f32| EdgeWidth::Length(LengthPercentage::Length(Length::Px(v)));
        add(
            PropertyId::BorderImageOutset,
            Value::EdgeWidths(Box::new(EdgeWidths([
                edge(m.top),
                edge(m.right),
                edge(m.bottom),
                edge(m.left),
            ]))),
        );
    }
    if added.is_empty() {
        return rule;
    }
    let mut declarations: Vec<Declaration> = added;
    declarations.extend(rule.declarations.iter().cloned());
    Rule {
        declarations: declarations.into(),
        ..rule
    }
}
