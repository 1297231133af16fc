//! The project's fuzzer: seeded mutations of the test datasets, each run
//! through everything the widget and the command-line tool do with a file
//! (`zone_monitor::exercise`: load, every year's analysis, every view in
//! every control state, every chart drawn to SVG and checked as XML, every
//! table's CSV parsed back). In-process, on stable Rust, no crate beyond the
//! project's own.
//!
//! ```sh
//! ./build.sh fuzz [MINUTES]                      # default 10; `./build.sh test` runs 1
//! cargo run --release --example fuzz -- --minutes 1 --seed 7 [--slow SECONDS]
//! cargo run --release --example fuzz -- --replay target/fuzz/finding-….json
//! ```
//!
//! A finding is an input that panics, breaks a promise `exercise` checks,
//! or takes over a second (`--slow`: `./build.sh test`'s smoke allows 5 s,
//! since one input is a whole sweep of some 300 drawings and CI machines are
//! shared; a loop over data-derived bounds that does not end still shows as
//! a hang); each is saved under `target/fuzz/` with the
//! command that replays it. An input still running after 20 seconds is a
//! hang: it is saved the same way and the run stops (a thread cannot be
//! interrupted). Exit status: 0 without findings, 1 with.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

/// Slower than this is a finding, unless `--slow` says otherwise.
const SLOW: Duration = Duration::from_secs(1);
/// Still running after this is a hang.
const HANG: Duration = Duration::from_secs(20);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value_of = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let slow = value_of("--slow").map_or(SLOW, |s| {
        s.parse()
            .map(Duration::from_secs_f64)
            .unwrap_or_else(|_| die("--slow takes a number of seconds"))
    });
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("target/fuzz");
    if let Some(file) = value_of("--replay") {
        let bytes = std::fs::read(&file).unwrap_or_else(|e| die(&format!("{file}: {e}")));
        let started = Instant::now();
        let result = zone_monitor::exercise::exercise(&bytes);
        println!(
            "{file}: {result:?} in {:.3} s",
            started.elapsed().as_secs_f64()
        );
        std::process::exit(i32::from(result.is_err() || started.elapsed() > slow));
    }
    let minutes: f64 = value_of("--minutes").map_or(10.0, |m| {
        m.parse()
            .unwrap_or_else(|_| die("--minutes takes a number"))
    });
    let seed: u64 = value_of("--seed").map_or(1, |s| {
        s.parse()
            .unwrap_or_else(|_| die("--seed takes a whole number"))
    });
    let corpus = corpus(root);
    std::fs::create_dir_all(&out).unwrap_or_else(|e| die(&format!("{}: {e}", out.display())));
    // Panics are findings, said once each in the summary, not printed as
    // they happen.
    std::panic::set_hook(Box::new(|_| {}));

    let deadline = Instant::now() + Duration::from_secs_f64(minutes * 60.0);
    let mut rng = Rng(seed);
    let (mut inputs, mut loaded, mut findings) = (0usize, 0usize, 0usize);
    let mut slowest = (Duration::ZERO, String::new());
    println!(
        "fuzzing for {minutes} min, seed {seed}, {} seed files (tests/datasets)",
        corpus.len()
    );
    while Instant::now() < deadline {
        // Valid files go through every view and chart: most inputs start
        // from one (tests/datasets/good is listed first).
        let good = corpus
            .iter()
            .filter(|(name, _)| name.starts_with("good/"))
            .count();
        let pick = if good > 0 && rng.below(10) < 6 {
            rng.below(good)
        } else {
            rng.below(corpus.len())
        };
        let (name, base) = &corpus[pick];
        let mutations = 1 + rng.below(3);
        let mut bytes = base.clone();
        let mut how = Vec::new();
        for _ in 0..mutations {
            let (next, what) = mutate(&bytes, &mut rng);
            bytes = next;
            how.push(what);
        }
        let label = format!("{name} + {}", how.join(" + "));
        // Written before the run: a hang leaves it behind.
        let current = out.join("current.json");
        std::fs::write(&current, &bytes).unwrap_or_else(|e| die(&e.to_string()));
        let (took, result) = run(bytes.clone());
        inputs += 1;
        if took > slowest.0 {
            slowest = (took, label.clone());
        }
        let problem = match result {
            Some(Ok(done)) => {
                loaded += usize::from(done.loaded);
                (took > slow).then(|| format!("slow: {:.2} s", took.as_secs_f64()))
            }
            Some(Err(e)) => Some(e),
            None => {
                findings += 1;
                save(
                    &out,
                    inputs,
                    &bytes,
                    &label,
                    "hang: still running after 20 s",
                );
                summary(inputs, loaded, findings, &slowest, corpus.len());
                std::process::exit(1);
            }
        };
        if let Some(problem) = problem {
            findings += 1;
            save(&out, inputs, &bytes, &label, &problem);
        }
    }
    let _ = std::fs::remove_file(out.join("current.json"));
    summary(inputs, loaded, findings, &slowest, corpus.len());
    std::process::exit(i32::from(findings > 0));
}

/// Runs one input on its own thread: its time and its outcome (`Err` for a
/// broken promise or a panic), or `None` for a hang.
fn run(
    bytes: Vec<u8>,
) -> (
    Duration,
    Option<Result<zone_monitor::exercise::Exercised, String>>,
) {
    let (send, receive) = mpsc::channel();
    let started = Instant::now();
    std::thread::spawn(move || {
        let outcome = std::panic::catch_unwind(|| zone_monitor::exercise::exercise(&bytes))
            .unwrap_or_else(|panic| {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Err(format!("panic: {message}"))
            });
        let _ = send.send(outcome);
    });
    let outcome = receive.recv_timeout(HANG).ok();
    (started.elapsed(), outcome)
}

fn save(out: &Path, n: usize, bytes: &[u8], label: &str, problem: &str) {
    let file = out.join(format!("finding-{n}.json"));
    let note = file.with_extension("txt");
    let _ = std::fs::write(&file, bytes);
    let replay = format!(
        "cargo run --release --example fuzz -- --replay {}",
        file.display()
    );
    let _ = std::fs::write(
        &note,
        format!("{problem}\ninput: {label}\nreplay: {replay}\n"),
    );
    println!("finding: {problem}\n  input: {label}\n  replay: {replay}");
    let _ = std::io::stdout().flush();
}

fn summary(
    inputs: usize,
    loaded: usize,
    findings: usize,
    slowest: &(Duration, String),
    seeds: usize,
) {
    println!(
        "{inputs} inputs fuzzed ({loaded} valid, drawn in every state), {findings} findings; \
         slowest {:.3} s: {}; corpus {seeds} seed files",
        slowest.0.as_secs_f64(),
        slowest.1
    );
}

fn die(message: &str) -> ! {
    eprintln!("fuzz: {message}");
    std::process::exit(2)
}

/// The seed files: every dataset of tests/datasets, good and broken.
fn corpus(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<PathBuf> = ["tests/datasets/good", "tests/datasets/bad"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).into_iter().flatten())
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let corpus: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .filter_map(|p| {
            let folder = p.parent()?.file_name()?.to_string_lossy().into_owned();
            let name = format!("{folder}/{}", p.file_name()?.to_string_lossy());
            Some((name, std::fs::read(&p).ok()?))
        })
        .collect();
    if corpus.is_empty() {
        die("no seed files in tests/datasets");
    }
    corpus
}

/// splitmix64: a seeded generator, so a run is repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const NUMBERS: &[f64] = &[
    1e308,
    -1e308,
    5e-324,
    -5e-324,
    0.0,
    -0.0,
    9_007_199_254_740_993.0,
    1e-300,
    1e300,
    0.5,
    1.0,
    -1.0,
    2021.0,
    2022.5,
    100.0,
    1e15,
];

const TEXTS: &[&str] = &[
    "\u{7}",
    "a\u{0}b",
    "\u{FFFF}",
    "\u{FFFE}",
    "\u{FDD0}",
    "\u{200B}",
    "\u{200E}\u{200F}",
    "\u{202E}evil",
    "\u{2066}x\u{2069}",
    "\u{2800}",
    "\u{3164}",
    "\u{FEFF}",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏭",
    "Zo\u{308}ne",
    "<script>alert(1)</script>",
    "]]>&amp;",
    "=HYPERLINK(\"x\")",
    "-1,234",
    "a,\"b\"\r\nc",
    "\\",
    "x",
    "",
];

/// One mutation of `bytes`: structural on the JSON when it parses, else
/// (and sometimes anyway) on the bytes. Returns the input and what was done.
fn mutate(bytes: &[u8], rng: &mut Rng) -> (Vec<u8>, String) {
    let parsed: Option<Value> = serde_json::from_slice(bytes).ok();
    match parsed {
        Some(mut value) if rng.below(10) < 8 => {
            let paths = paths(&value);
            let path = rng.pick(&paths).clone();
            let what = mutate_value(&mut value, &path, rng);
            let text = serde_json::to_string_pretty(&value).unwrap_or_default();
            let (text, twist) = text_level(text, rng);
            let what = format!("{what} at {}{}", show(&path), twist.unwrap_or_default());
            (text.into_bytes(), what)
        }
        _ => byte_level(bytes, rng),
    }
}

/// Text-level twists on a JSON text: a repeated key, a lone surrogate
/// escape, deep nesting. Usually none.
fn text_level(text: String, rng: &mut Rng) -> (String, Option<&'static str>) {
    match rng.below(12) {
        0 => (
            text.replacen("\"id\": ", "\"id\": \"dup\", \"id\": ", 1),
            Some(", an id repeated"),
        ),
        1 => (
            text.replacen("\"en\": \"", "\"en\": \"\\ud800", 1),
            Some(", a lone surrogate"),
        ),
        2 => (
            format!("{}{text}{}", "[".repeat(130), "]".repeat(130)),
            Some(", nested 130 deep"),
        ),
        3 => (format!("\u{FEFF}{text}"), Some(", a byte-order mark")),
        _ => (text, None),
    }
}

fn byte_level(bytes: &[u8], rng: &mut Rng) -> (Vec<u8>, String) {
    let mut out = bytes.to_vec();
    if out.is_empty() {
        return (b"{}".to_vec(), "empty to {}".into());
    }
    let at = rng.below(out.len());
    let what = match rng.below(5) {
        0 => {
            out[at] ^= 1 << rng.below(8);
            format!("bit flip at byte {at}")
        }
        1 => {
            out.truncate(at);
            format!("cut at byte {at}")
        }
        2 => {
            out.insert(
                at,
                *rng.pick(&[0x00, 0xFF, 0xC3, 0x80, 0xED, b'"', b'\\', b'{']),
            );
            format!("byte inserted at {at}")
        }
        3 => {
            let end = (at + 1 + rng.below(64)).min(out.len());
            let chunk = out[at..end].to_vec();
            out.splice(at..at, chunk);
            format!("bytes {at}.. repeated")
        }
        _ => {
            out.splice(0..0, [0xEF, 0xBB, 0xBF]);
            "byte-order mark".into()
        }
    };
    (out, what)
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn show(path: &[Step]) -> String {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => format!(".{k}"),
            Step::Index(i) => format!("[{i}]"),
        })
        .collect()
}

/// Every node's path, the root first.
fn paths(value: &Value) -> Vec<Vec<Step>> {
    fn walk(value: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        out.push(at.clone());
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    at.push(Step::Key(k.clone()));
                    walk(v, at, out);
                    at.pop();
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    at.push(Step::Index(i));
                    walk(v, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

fn node<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::Index(i) => v.get_mut(*i),
    })
}

fn mutate_value(root: &mut Value, path: &[Step], rng: &mut Rng) -> String {
    // Deleting a key or an item works on the parent.
    if let (Some((last, parent_path)), 0) = (path.split_last(), rng.below(8)) {
        if let Some(parent) = node(root, parent_path) {
            match (parent, last) {
                (Value::Object(map), Step::Key(k)) => {
                    map.remove(k);
                    return "key deleted".into();
                }
                (Value::Array(items), Step::Index(i)) if *i < items.len() => {
                    items.remove(*i);
                    return "item deleted".into();
                }
                _ => {}
            }
        }
    }
    let Some(target) = node(root, path) else {
        return "nothing".into();
    };
    match (target, rng.below(6)) {
        (Value::Array(items), 0) if !items.is_empty() => {
            let n = items.len();
            for i in (1..n).rev() {
                items.swap(i, rng.below(i + 1));
            }
            "array shuffled".into()
        }
        (Value::Array(items), 1) if !items.is_empty() => {
            let copies = 1 + rng.below(40);
            let item = items[rng.below(items.len())].clone();
            items.extend(std::iter::repeat(item).take(copies));
            format!("item repeated {copies} times")
        }
        (number @ Value::Number(_), 0..=3) => {
            let x = *rng.pick(NUMBERS);
            *number = serde_json::Number::from_f64(x)
                .map(Value::Number)
                .unwrap_or(Value::Null);
            format!("number {x:e}")
        }
        (Value::String(s), 0..=2) => {
            let t = *rng.pick(TEXTS);
            *s = match rng.below(3) {
                0 => t.to_string(),
                1 => format!("{s}{t}"),
                _ => format!("{s}{}", "长".repeat(1 + rng.below(300))),
            };
            "text changed".into()
        }
        (target, _) => {
            let before = kind(target);
            *target = match rng.below(7) {
                0 => Value::Null,
                1 => Value::Bool(true),
                2 => serde_json::json!(rng.pick(NUMBERS)),
                3 => Value::String(rng.pick(TEXTS).to_string()),
                4 => Value::Array(Vec::new()),
                5 => serde_json::json!({}),
                _ => serde_json::json!([[[[[[[[1]]]]]]]]),
            };
            format!("{before} swapped for {}", kind(target))
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "text",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
