use std::hint::black_box;
use std::time::Instant;
fn t(name: &str, f: &mut dyn FnMut()) {
    let mut best = f64::MAX;
    for _ in 0..7 {
        let s = Instant::now();
        for _ in 0..200 {
            f();
        }
        best = best.min(s.elapsed().as_secs_f64() * 1e6 / 200.0);
    }
    println!("{name:30} {best:8.1} µs");
}
fn main() {
    let p = std::path::Path::new("themes/breeze/style.css")
        .canonicalize()
        .unwrap();
    let c = union_input_css::compile_path(&p);
    let dir = std::env::temp_dir().join("cnt");
    let _ = std::fs::remove_dir_all(&dir);
    let cache = union_input_css::ThemeCache::new(&dir);
    cache.store(&p, &c);
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    println!("entry {} bytes", std::fs::metadata(&file).unwrap().len());
    t("read cache file", &mut || {
        black_box(std::fs::read(&file).unwrap());
    });
    t("read 7 files", &mut || {
        for f in &c.files {
            use std::io::Read;
            let mut fi = std::fs::File::open(f).unwrap();
            let m = fi.metadata().unwrap();
            black_box(m.modified().unwrap());
            let mut b = Vec::with_capacity(m.len() as usize);
            fi.read_to_end(&mut b).unwrap();
            black_box(b);
        }
    });
    t("cache.load+drop", &mut || {
        black_box(cache.load(&p).unwrap());
    });
    t("compile theme+drop", &mut || {
        black_box(union_model::Theme::compile(
            union_input_css::Compiled {
                rules: c.rules.clone(),
                ..Default::default()
            }
            .into_definition("b"),
            None,
        ));
    });
    t("clone compiled+drop", &mut || {
        black_box(c.rules.clone());
    });
    t("warm total", &mut || {
        black_box(union_model::Theme::compile(
            cache.load(&p).unwrap().into_definition("b"),
            None,
        ));
    });
}
