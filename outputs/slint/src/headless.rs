//! Slint without a screen: `.slint` source compiled by `slint-interpreter`
//! and drawn by Slint's software renderer into straight RGBA pixels.
//!
//! Slint keeps its platform per thread; every thread that draws installs
//! a platform whose windows are `MinimalSoftwareWindow`s and whose clock
//! only moves when told to ([`advance_clock`]), so animations are
//! reproducible.

use slint::platform::software_renderer::{MinimalSoftwareWindow, RepaintBufferType};
use slint::platform::{Platform, WindowAdapter, WindowEvent};
use slint::{ComponentHandle, PhysicalSize};
use slint_interpreter::{Compiler, ComponentDefinition, ComponentInstance, DiagnosticLevel, Value};
use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Duration;

thread_local! {
    static CLOCK: Cell<Duration> = const { Cell::new(Duration::ZERO) };
    static INSTALLED: RefCell<Option<Result<(), String>>> = const { RefCell::new(None) };
}

struct Headless;

impl Platform for Headless {
    fn create_window_adapter(&self) -> Result<Rc<dyn WindowAdapter>, slint::PlatformError> {
        Ok(MinimalSoftwareWindow::new(RepaintBufferType::NewBuffer))
    }

    fn duration_since_start(&self) -> Duration {
        CLOCK.with(Cell::get)
    }
}

/// Installs the headless platform on this thread (once).
///
/// # Errors
/// When another Slint platform is already installed on this thread.
pub fn install() -> Result<(), String> {
    INSTALLED.with(|installed| {
        installed
            .borrow_mut()
            .get_or_insert_with(|| {
                slint::platform::set_platform(Box::new(Headless))
                    .map_err(|e| format!("cannot install Slint's headless platform: {e}"))
            })
            .clone()
    })
}

/// Moves this thread's animation clock on by `by` and lets timers and
/// animations see it.
pub fn advance_clock(by: Duration) {
    CLOCK.with(|c| c.set(c.get() + by));
    slint::platform::update_timers_and_animations();
}

/// A compiler diagnostic as text, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// `file:line:column: message`.
    pub text: String,
    /// Whether it is an error (else a warning).
    pub error: bool,
}

/// How to compile: the style and where imports are looked up.
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {
    /// The widget style (`union`, `fluent`, …); `None` for Slint's default.
    pub style: Option<String>,
    /// Folders imports are looked up in.
    pub include_paths: Vec<PathBuf>,
}

/// `source` (as if read from `path`) compiled; the component called
/// `component` (else the last exported one) and every diagnostic.
///
/// # Errors
/// The diagnostics when the source has errors.
pub fn compile(
    source: &str,
    path: PathBuf,
    component: Option<&str>,
    options: &CompileOptions,
) -> Result<(ComponentDefinition, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut compiler = Compiler::default();
    if let Some(style) = &options.style {
        compiler.set_style(style.clone());
    }
    compiler.set_include_paths(options.include_paths.clone());
    let result = spin_on::spin_on(compiler.build_from_source(source.to_owned(), path));
    let diagnostics: Vec<Diagnostic> = result
        .diagnostics()
        .map(|d| {
            let (line, column) = d.line_column();
            let file = d
                .source_file()
                .map_or_else(String::new, |f| f.display().to_string());
            Diagnostic {
                text: format!("{file}:{line}:{column}: {}", d.message()),
                error: d.level() == DiagnosticLevel::Error,
            }
        })
        .collect();
    if result.has_errors() {
        return Err(diagnostics);
    }
    let definition = match component {
        Some(name) => result.component(name),
        None => result.components().last(),
    };
    match definition {
        Some(definition) => Ok((definition, diagnostics)),
        None => Err(vec![Diagnostic {
            text: format!("no component {component:?} in the compiled source"),
            error: true,
        }]),
    }
}

/// A drawn frame: straight (not premultiplied) RGBA, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// Width in device pixels.
    pub width: u32,
    /// Height in device pixels.
    pub height: u32,
    /// `width × height × 4` bytes.
    pub rgba: Vec<u8>,
}

impl Frame {
    /// The pixels premultiplied by alpha, as tiny-skia and egui hold them.
    pub fn premultiplied(&self) -> Vec<u8> {
        let mut bytes = self.rgba.clone();
        for pixel in bytes.chunks_exact_mut(4) {
            let a = u16::from(pixel[3]);
            for c in &mut pixel[..3] {
                *c = ((u16::from(*c) * a + 127) / 255) as u8;
            }
        }
        bytes
    }
}

/// A component instance shown in a headless window.
pub struct Shown {
    /// The instance (set properties, invoke callbacks).
    pub instance: ComponentInstance,
}

impl std::fmt::Debug for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shown").finish_non_exhaustive()
    }
}

impl Shown {
    /// Creates `definition` with `properties` set, in a window of `size`
    /// device pixels at `scale` device pixels per logical pixel.
    ///
    /// # Errors
    /// When the platform cannot be installed, the instance not created or
    /// a property not set.
    pub fn new(
        definition: &ComponentDefinition,
        properties: &[(&str, Value)],
        size: (u32, u32),
        scale: f32,
    ) -> Result<Shown, String> {
        install()?;
        let instance = definition
            .create()
            .map_err(|e| format!("cannot create the Slint component: {e}"))?;
        for (name, value) in properties {
            instance
                .set_property(name, value.clone())
                .map_err(|e| format!("cannot set `{name}`: {e}"))?;
        }
        let window = instance.window();
        window.dispatch_event(WindowEvent::ScaleFactorChanged {
            scale_factor: scale,
        });
        window.set_size(PhysicalSize::new(size.0.max(1), size.1.max(1)));
        instance
            .show()
            .map_err(|e| format!("cannot show the Slint window: {e}"))?;
        Ok(Shown { instance })
    }

    /// Sends a pointer or key event, at logical coordinates.
    pub fn dispatch(&self, event: WindowEvent) {
        self.instance.window().dispatch_event(event);
    }

    /// Draws the window.
    ///
    /// # Errors
    /// When Slint cannot take the snapshot.
    pub fn frame(&self) -> Result<Frame, String> {
        slint::platform::update_timers_and_animations();
        let buffer = self
            .instance
            .window()
            .take_snapshot()
            .map_err(|e| format!("Slint drew nothing: {e}"))?;
        Ok(Frame {
            width: buffer.width(),
            height: buffer.height(),
            rgba: buffer.as_bytes().to_vec(),
        })
    }
}

impl Drop for Shown {
    fn drop(&mut self) {
        let _ = self.instance.hide();
    }
}
