//! `zone-monitor`: the command-line companion of the widget.
//!
//! ```text
//! zone-monitor validate FILE [--json] [--lang zh|en]
//!     exit 0: valid (warnings allowed), 1: invalid, 2: unreadable
//! zone-monitor claims FILE [--json] [--lang zh|en]
//!     exit 0: every claim holds, 1: some claim fails or the file is invalid,
//!     2: unreadable
//! zone-monitor report FILE [--year Y] [--method M] [--weights W,W,...] [--rules T,R,B,S,E] [--keep-exited] [--area ID] [--integrate NATIONAL,REGIONAL] [--json] [--lang zh|en]
//!     every metric of the year (default: the latest), keys in
//!     docs/METRICS.md ("The report command"); exit 0: ok, 1: invalid
//!     dataset (its problems printed), 2: unreadable or a bad argument
//! zone-monitor export-values FILE [-o OUT.csv|OUT.xlsx] [--lang zh|en]
//!     the observations as CSV for a spreadsheet (UTF-8 with a BOM), or
//!     with -o *.xlsx as an XLSX workbook (values, and read-only sheets of
//!     the zones, indicators and sources; headers in --lang, default en)
//! zone-monitor import-values BASE VALUES.csv|VALUES.xlsx [-o OUT.json] [--source ID] [--json] [--lang zh|en]
//!     BASE with its observations replaced by the table's rows (a CSV, or an
//!     XLSX workbook's values sheet); every problem with its line (sheet and
//!     row) and column; OUT written only without errors (to
//!     stdout without -o); exit 0: ok, 1: problems, 2: unreadable or a bad
//!     argument
//! ```

use std::io::Write;
use std::process::ExitCode;

// `println!` and `print!` that end the program quietly when stdout is
// closed (`zone-monitor validate … | head -1`), as Unix tools do, instead
// of std's panic "failed printing to stdout: Broken pipe". They shadow
// std's for the whole tool.
macro_rules! println {
    () => {
        $crate::stdout(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

macro_rules! print {
    ($($arg:tt)*) => {
        $crate::stdout(format_args!($($arg)*))
    };
}

/// Writes to stdout; a closed pipe exits 0 at once, another error exits 2.
fn stdout(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if let Err(e) = std::io::stdout().lock().write_fmt(args) {
        quit_on_write_error(&e);
    }
}

/// Ends the program after a failed write to stdout: quietly (exit 0) when
/// the reader has gone, as `head` does; otherwise it says why (exit 2).
fn quit_on_write_error(e: &std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("cannot write: {e}");
    std::process::exit(2);
}

use serde_json::{json, Value};
use zone_monitor::analysis;
use zone_monitor::claims::{self, ClaimResult};
use zone_monitor::i18n::Lang;
use zone_monitor::model::{self, json::problems_to_json, Loaded, Problem};
use zone_monitor::views;

const USAGE: &str = "usage: zone-monitor <validate|claims> FILE [--json] [--lang zh|en]
       zone-monitor report FILE [--year Y] [--method M] [--weights W,W,...] [--rules T,R,B,S,E] [--keep-exited] [--area ID] [--integrate NATIONAL,REGIONAL] [--json] [--lang zh|en]
         --method: framework | entropy_topsis | custom (the widget's methods), or N.W.A as in the share link
         --rules: reward top T, rise R, warn bottom B, warn below S, exit after E (0: off), as in the share link
         --keep-exited: zones named for exit stay in later years' rankings (default: out from the year after)
         --area: only the zones of one metro area (its id in the file), as the widget's area filter
         --integrate: a national zone takes over a region-level zone of its metro area (ids), evaluated as one
       zone-monitor export-values FILE [-o OUT.csv|OUT.xlsx] [--lang zh|en]
       zone-monitor import-values BASE VALUES.csv|VALUES.xlsx [-o OUT.json] [--source ID] [--json] [--lang zh|en]";

struct Options {
    file: String,
    json: bool,
    lang: Lang,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut file = None;
    let mut json = false;
    let mut lang = Lang::En;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--lang" => lang = Lang::from_tag(it.next().ok_or("--lang needs zh or en")?),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s if file.is_none() => file = Some(s.to_string()),
            s => return Err(format!("unexpected argument {s}")),
        }
    }
    Ok(Options {
        file: file.ok_or("missing FILE")?,
        json,
        lang,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match command.as_str() {
        "report" => return report(rest),
        #[cfg(not(target_arch = "wasm32"))]
        "export-values" => return spreadsheet::export_values(rest),
        #[cfg(not(target_arch = "wasm32"))]
        "import-values" => return spreadsheet::import_values(rest),
        _ => {}
    }
    let options = match parse_options(rest) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match command.as_str() {
        "validate" => validate(&options),
        "claims" => claims(&options),
        _ => {
            eprintln!("unknown command {command}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Reads and loads the file; `Err` carries the exit code after printing.
fn read(options: &Options) -> Result<Result<Loaded, Vec<Problem>>, ExitCode> {
    let bytes = std::fs::read(&options.file).map_err(|e| {
        eprintln!("cannot read {}: {e}", options.file);
        ExitCode::from(2)
    })?;
    // The browser's rule: UTF-8, a byte-order mark allowed; other bytes
    // are a `not_utf8` problem like any other.
    Ok(model::load_bytes(&bytes).map_err(|p| p.0))
}

fn print_problems(problems: &[Problem], lang: Lang) {
    for p in problems {
        let severity = match (p.is_error(), lang) {
            (true, Lang::Zh) => "错误",
            (true, Lang::En) => "error",
            (false, Lang::Zh) => "警告",
            (false, Lang::En) => "warning",
        };
        let colon = lang.pick("：", ": ");
        println!("{severity}{colon}{}", p.message(lang));
    }
}

fn validate(options: &Options) -> ExitCode {
    let loaded = match read(options) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let (valid, problems) = match &loaded {
        Ok(l) => (true, l.warnings.as_slice()),
        Err(p) => (false, p.as_slice()),
    };
    if options.json {
        let errors = problems.iter().filter(|p| p.is_error()).count();
        let out = json!({
            "file": options.file,
            "valid": valid,
            "errors": errors,
            "warnings": problems.len() - errors,
            "problems": problems_to_json(problems),
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        print_problems(problems, options.lang);
        let errors = problems.iter().filter(|p| p.is_error()).count();
        let summary = match options.lang {
            Lang::Zh => format!(
                "{}：{}（{} 个错误，{} 个警告）",
                options.file,
                if valid { "有效" } else { "无效" },
                errors,
                problems.len() - errors
            ),
            Lang::En => format!(
                "{}: {} ({} errors, {} warnings)",
                options.file,
                if valid { "valid" } else { "invalid" },
                errors,
                problems.len() - errors
            ),
        };
        println!("{summary}");
    }
    ExitCode::from(if valid { 0 } else { 1 })
}

fn number(x: Option<f64>) -> String {
    match x {
        None => "—".to_string(),
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
        Some(x) if x.abs() < 1.0 => format!("{x:.4}"),
        Some(x) => format!("{x:.2}"),
    }
}

fn claim_json(r: &ClaimResult) -> Value {
    json!({
        "id": r.id,
        "holds": r.holds,
        "basis": r.used().basis(),
        "used": {
            "reported": r.used().reported,
            "restated": r.used().restated,
            "derived": r.used().derived,
            "illustrative": r.used().illustrative,
            "unstated": r.used().unstated,
        },
        "ours": r.ours.as_ref().map(|o| json!({"zh": o.zh, "en": o.en})),
        "contradicts": r.contradicts,
        "chart": r.chart,
        "text": {"zh": r.text.zh, "en": r.text.en},
        "checks": r.checks.iter().map(|c| json!({
            "what": {"zh": c.what.zh, "en": c.what.en},
            "computed": c.computed,
            "op": c.op.symbol(),
            "stated": c.stated,
            "holds": c.holds,
            "note": c.note.as_ref().map(|n| json!({"zh": n.zh, "en": n.en})),
        })).collect::<Vec<_>>(),
    })
}

fn claims(options: &Options) -> ExitCode {
    let loaded = match read(options) {
        Ok(Ok(l)) => l,
        Ok(Err(problems)) => {
            print_problems(&problems, options.lang);
            return ExitCode::from(1);
        }
        Err(code) => return code,
    };
    let results = claims::evaluate(&loaded.dataset);
    let all_hold = results.iter().all(|r| r.holds);
    if options.json {
        let out = json!({
            "file": options.file,
            "all_hold": all_hold,
            "claims": results.iter().map(claim_json).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        let lang = options.lang;
        for r in &results {
            let badge = zone_monitor::views::overview::label(r, lang);
            println!(
                "{} [{}; {badge}] {}",
                r.id,
                r.verdict(lang),
                r.text.get(lang)
            );
            if let Some(ours) = &r.ours {
                println!(
                    "    {}: {}",
                    lang.pick("本项目所定", "ours"),
                    ours.get(lang)
                );
            }
            for c in &r.checks {
                let mark = if c.holds { "ok  " } else { "FAIL" };
                println!(
                    "    {mark} {}: {} {} {}",
                    c.what.get(lang),
                    number(c.computed),
                    c.op.symbol(),
                    number(c.stated)
                );
                if let Some(note) = &c.note {
                    println!("         {}", note.get(lang));
                }
            }
        }
        let holding = results.iter().filter(|r| r.holds).count();
        println!("{holding}/{} claims hold", results.len());
    }
    ExitCode::from(if all_hold { 0 } else { 1 })
}

/// `report FILE [--year Y] [--method M] [--weights W,W,...] [--rules
/// T,R,B,S,E] ...`: takes those out, the rest are the common options.
/// `--weights` gives one weight per dimension of the framework, in its
/// order, any scale (as the widget's sliders do); `--method` a preset id of
/// the widget's method select or `normalisation.weighting.aggregation` (the
/// share link's `method`); `--rules` the share link's `rules`. The widget
/// applies them through the same `views` functions, so the JSON is what the
/// widget shows.
fn report(args: &[String]) -> ExitCode {
    let mut year = None;
    let mut weights: Option<Vec<f64>> = None;
    let mut method: Option<String> = None;
    let mut rules: Option<String> = None;
    let mut keep_exited = false;
    let mut area: Option<String> = None;
    let mut integrate: Option<String> = None;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--year" {
            match it.next().map(|y| y.parse::<i32>()) {
                Some(Ok(y)) => year = Some(y),
                _ => {
                    eprintln!("--year needs a year, e.g. --year 2022\n{USAGE}");
                    return ExitCode::from(2);
                }
            }
        } else if a == "--keep-exited" {
            keep_exited = true;
        } else if a == "--method" || a == "--rules" {
            let Some(value) = it.next() else {
                eprintln!("{a} needs a value\n{USAGE}");
                return ExitCode::from(2);
            };
            if a == "--method" {
                method = Some(value.clone());
            } else {
                rules = Some(value.clone());
            }
        } else if a == "--integrate" {
            match it.next() {
                Some(pair) => integrate = Some(pair.clone()),
                None => {
                    eprintln!("--integrate needs two zone ids, e.g. --integrate z01,z13\n{USAGE}");
                    return ExitCode::from(2);
                }
            }
        } else if a == "--area" {
            match it.next() {
                Some(id) => area = Some(id.clone()),
                None => {
                    eprintln!("--area needs a metro area's id, e.g. --area metro\n{USAGE}");
                    return ExitCode::from(2);
                }
            }
        } else if a == "--weights" {
            let parsed: Option<Vec<f64>> = it.next().and_then(|w| {
                w.split(',')
                    .map(|x| {
                        x.trim()
                            .parse::<f64>()
                            .ok()
                            .filter(|v| v.is_finite() && *v >= 0.0)
                    })
                    .collect()
            });
            match parsed {
                Some(w) if w.iter().any(|v| *v > 0.0) => weights = Some(w),
                _ => {
                    eprintln!(
                        "--weights needs one weight >= 0 per dimension, e.g. --weights 20,20,15,15,30\n{USAGE}"
                    );
                    return ExitCode::from(2);
                }
            }
        } else {
            rest.push(a.clone());
        }
    }
    let options = match parse_options(&rest) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let loaded = match read(&options) {
        Ok(Ok(l)) => l,
        Ok(Err(problems)) => {
            print_problems(&problems, options.lang);
            return ExitCode::from(1);
        }
        Err(code) => return code,
    };
    let dataset = &loaded.dataset;
    let mut settings = analysis::AnalysisSettings {
        year,
        ..analysis::AnalysisSettings::report()
    };
    if let Some(method) = method {
        let preset = views::evaluation::PRESETS.iter().find(|p| p.id == method);
        let ids: Vec<&str> = method.split('.').collect();
        let methods = match (preset, &ids[..]) {
            (Some(p), _) => p.methods,
            (None, [n, w, a]) => (*n, *w, *a),
            _ => {
                eprintln!("--method: use framework, entropy_topsis, custom or N.W.A\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        match views::evaluation::with_methods(dataset, &settings.evaluation, methods, options.lang)
        {
            Ok(evaluation) => settings.evaluation = evaluation,
            Err(e) => {
                eprintln!("--method: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(rules) = rules {
        // As the share link writes them (views::rules::parse).
        let values = views::rules::parse(&rules);
        match values.as_deref().and_then(views::rules::from_values) {
            Some(r) => settings.evaluation.rules = Some(r),
            None => {
                eprintln!("--rules needs five numbers >= 0 (counts whole), e.g. --rules 3,5,3,7.5,2\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    settings.evaluation.keep_exited = keep_exited;
    // The weights after the method, which they refine (as in the share link).
    if let Some(weights) = weights {
        let dimensions = dataset.framework.dimensions.len();
        if weights.len() != dimensions {
            eprintln!(
                "--weights gives {} weights; the framework has {dimensions} dimensions",
                weights.len()
            );
            return ExitCode::from(2);
        }
        settings.evaluation.weighting =
            analysis::evaluation::EvaluationWeighting::Dimensions { weights };
    }
    let result = match analysis::analyse(dataset, &settings) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    // The zones of one metro area, as the widget's area filter shows them.
    let area = match area.map(|id| (dataset.metro_areas.iter().position(|a| a.id == id), id)) {
        None => None,
        Some((Some(index), _)) => Some(analysis::areas::area_filter(
            dataset,
            &result.evaluation,
            result.year,
            index,
        )),
        Some((None, id)) => {
            let known: Vec<&str> = dataset.metro_areas.iter().map(|a| a.id.as_str()).collect();
            eprintln!(
                "--area {id}: no such metro area; the file has: {}",
                known.join(", ")
            );
            return ExitCode::from(2);
        }
    };
    // The integration, as the widget's integration controls try it (the
    // Gini and Theil of GDP, the widget's default indicator).
    let integration = match integrate {
        None => None,
        Some(pair) => {
            let ids = pair.split_once(',');
            let index = |id: &str| dataset.zones.iter().position(|z| z.id == id);
            let zones = ids.and_then(|(n, p)| Some((index(n)?, index(p)?)));
            let indicator = views::trends::default_indicator(dataset);
            let (Some(zones), Some(indicator)) = (zones, indicator) else {
                eprintln!("--integrate {pair}: give a national zone's id and a region-level zone's id, e.g. --integrate z01,z13");
                return ExitCode::from(2);
            };
            let settings = &settings.evaluation;
            let at = Some(result.year);
            let mut copy = dataset.clone();
            match analysis::integration::integrate(&mut copy, settings, zones, at, indicator) {
                Ok(i) => Some(i),
                Err(e) => {
                    eprintln!("--integrate {pair}: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    let areas = analysis::areas::areas(dataset, result.year);
    if options.json {
        /// The report with the file's warnings, which travel with the
        /// figures computed from it, and the metro areas' figures.
        #[derive(serde::Serialize)]
        struct Out<'a> {
            #[serde(flatten)]
            report: analysis::report::Report<'a>,
            warnings: Value,
            areas: &'a [analysis::areas::AreaFigures],
            #[serde(skip_serializing_if = "Option::is_none")]
            area: Option<&'a analysis::areas::AreaFilter>,
            #[serde(skip_serializing_if = "Option::is_none")]
            integration: Option<&'a analysis::integration::Integration>,
        }
        let out = Out {
            report: analysis::report::report(dataset, &result),
            warnings: problems_to_json(&loaded.warnings),
            areas: &areas,
            area: area.as_ref(),
            integration: integration.as_ref(),
        };
        // Written as it is serialised: at 5,000 zones the text is 100 MB,
        // and a `Value` of it several times that.
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        let written = serde_json::to_writer_pretty(&mut stdout, &out).and_then(|()| {
            writeln!(stdout)
                .and_then(|()| stdout.flush())
                .map_err(serde_json::Error::io)
        });
        match written {
            Ok(()) => {}
            Err(e) if e.is_io() => quit_on_write_error(&e.into()),
            Err(e) => {
                eprintln!("cannot write the report as JSON: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        print_problems(&loaded.warnings, options.lang);
        print!(
            "{}",
            analysis::report::summary(dataset, &result, options.lang)
        );
        if let Some(integration) = &integration {
            println!(
                "{}",
                views::integration::summary(dataset, integration, options.lang)
            );
        }
        if let Some(area) = &area {
            let ranked: Vec<String> = area
                .ranking
                .iter()
                .map(|r| match r.rank {
                    Some(rank) => format!("{} #{rank}", r.zone_id),
                    None => format!("{} -", r.zone_id),
                })
                .collect();
            println!("area {}: {}", area.area, ranked.join(", "));
            if let Some(curve) = &area.lorenz {
                println!(
                    "area {}: land-weighted Gini of GDP {:.4}",
                    area.area, curve.gini
                );
            }
        }
    }
    ExitCode::SUCCESS
}

/// `export-values` and `import-values`: their options, files and output
/// around `values`.
#[cfg(not(target_arch = "wasm32"))]
mod spreadsheet {
    use super::*;
    use zone_monitor::values;

    /// The options of `export-values` and `import-values`: files, `-o`,
    /// `--source`, `--json`, `--lang`.
    struct ValuesOptions {
        files: Vec<String>,
        out: Option<String>,
        source: Option<String>,
        json: bool,
        lang: Lang,
    }

    fn parse_values_options(args: &[String]) -> Result<ValuesOptions, String> {
        let mut options = ValuesOptions {
            files: Vec::new(),
            out: None,
            source: None,
            json: false,
            lang: Lang::En,
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "-o" | "--output" => {
                    options.out = Some(it.next().ok_or("-o needs a file")?.clone())
                }
                "--source" => {
                    options.source = Some(it.next().ok_or("--source needs a source id")?.clone())
                }
                "--json" => options.json = true,
                "--lang" => {
                    options.lang = Lang::from_tag(it.next().ok_or("--lang needs zh or en")?)
                }
                s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
                s => options.files.push(s.to_string()),
            }
        }
        Ok(options)
    }

    fn read_file(name: &str) -> Result<Vec<u8>, ExitCode> {
        std::fs::read(name).map_err(|e| {
            eprintln!("cannot read {name}: {e}");
            ExitCode::from(2)
        })
    }

    /// Writes `bytes` to `out`, or to stdout.
    fn write_out(out: Option<&str>, bytes: &[u8]) -> Result<(), ExitCode> {
        use std::io::Write;
        let written = match out {
            Some(path) => {
                std::fs::write(path, bytes).map_err(|e| format!("cannot write {path}: {e}"))
            }
            None => {
                let mut out = std::io::stdout().lock();
                if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
                    crate::quit_on_write_error(&e);
                }
                Ok(())
            }
        };
        written.map_err(|e| {
            eprintln!("{e}");
            ExitCode::from(2)
        })
    }

    pub fn export_values(args: &[String]) -> ExitCode {
        let options = match parse_values_options(args) {
            Ok(o) if o.files.len() == 1 && o.source.is_none() => o,
            Ok(_) => {
                eprintln!("export-values takes one FILE and -o\n{USAGE}");
                return ExitCode::from(2);
            }
            Err(e) => {
                eprintln!("{e}\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        let name = &options.files[0];
        let bytes = match read_file(name) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let text = String::from_utf8_lossy(&bytes);
        // The XLSX template when -o names an .xlsx file, else the CSV.
        let xlsx = options
            .out
            .as_deref()
            .is_some_and(|o| o.to_ascii_lowercase().ends_with(".xlsx"));
        let written = if xlsx {
            values::template::xlsx(name, &text, options.lang)
        } else {
            values::export(name, &text)
        };
        match written {
            Ok(csv) => match write_out(options.out.as_deref(), &csv) {
                Ok(()) => ExitCode::SUCCESS,
                Err(code) => code,
            },
            Err(e) => {
                eprintln!("{}", e.message(options.lang));
                ExitCode::from(2)
            }
        }
    }

    pub fn import_values(args: &[String]) -> ExitCode {
        let options = match parse_values_options(args) {
            Ok(o) if o.files.len() == 2 && !(o.json && o.out.is_none()) => o,
            Ok(o) if o.files.len() == 2 => {
                eprintln!(
                    "--json prints the report on stdout: give the dataset's file with -o\n{USAGE}"
                );
                return ExitCode::from(2);
            }
            Ok(_) => {
                eprintln!("import-values takes BASE and VALUES.csv or VALUES.xlsx\n{USAGE}");
                return ExitCode::from(2);
            }
            Err(e) => {
                eprintln!("{e}\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        let (base_name, csv_name) = (&options.files[0], &options.files[1]);
        let base = match read_file(base_name) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let csv = match read_file(csv_name) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let imported = match values::import(base_name, &base, &csv, options.source.as_deref()) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("{}", e.message(options.lang));
                return ExitCode::from(2);
            }
        };
        let errors = imported.problems.iter().filter(|p| p.is_error()).count();
        let warnings = imported.problems.len() - errors;
        let valid = imported.dataset.is_some();
        if let Some(dataset) = &imported.dataset {
            if let Err(code) = write_out(options.out.as_deref(), dataset.as_bytes()) {
                return code;
            }
        }
        // The dataset may be on stdout: the messages then go to stderr.
        let say = |line: String| {
            if options.out.is_some() {
                println!("{line}");
            } else {
                eprintln!("{line}");
            }
        };
        if options.json {
            let problems: Vec<Value> = imported
                .problems
                .iter()
                .map(|p| {
                    json!({
                        "severity": p.severity.as_str(),
                        "sheet": p.sheet,
                        "line": p.line,
                        "column": p.column,
                        "letter": p.letter,
                        "path": p.path,
                        "kind": p.kind(),
                        "expected": p.expected_en(),
                        "found": p.found_en(),
                        "message": p.message(Lang::En),
                        "message_zh": p.message(Lang::Zh),
                    })
                })
                .collect();
            let out = json!({
                "file": csv_name,
                "base": base_name,
                "output": if valid { options.out.as_deref() } else { None },
                "rows": imported.rows,
                "valid": valid,
                "errors": errors,
                "warnings": warnings,
                "problems": problems,
            });
            say(serde_json::to_string_pretty(&out).unwrap_or_default());
        } else {
            let lang = options.lang;
            for p in &imported.problems {
                let severity = match (p.is_error(), lang) {
                    (true, Lang::Zh) => "错误",
                    (true, Lang::En) => "error",
                    (false, Lang::Zh) => "警告",
                    (false, Lang::En) => "warning",
                };
                say(format!(
                    "{severity}{}{}",
                    lang.pick("：", ": "),
                    p.message(lang)
                ));
            }
            let target = options.out.as_deref().unwrap_or("stdout");
            say(match (lang, valid) {
                (Lang::Zh, true) => format!(
                    "{csv_name}：{} 行，已写入 {target}（{errors} 个错误，{warnings} 个警告）",
                    imported.rows
                ),
                (Lang::Zh, false) => format!(
                    "{csv_name}：{} 行，有错误，未写入任何文件（{errors} 个错误，{warnings} 个警告）",
                    imported.rows
                ),
                (Lang::En, true) => format!(
                    "{csv_name}: {} rows, written to {target} ({errors} errors, {warnings} warnings)",
                    imported.rows
                ),
                (Lang::En, false) => format!(
                    "{csv_name}: {} rows, not written: it has errors ({errors} errors, {warnings} warnings)",
                    imported.rows
                ),
            });
        }
        ExitCode::from(if valid { 0 } else { 1 })
    }
}
