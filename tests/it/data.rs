//! The dataset: the bundled file, the generator that writes it, and a corpus
//! of broken files each with the exact problems expected.

use std::path::PathBuf;
use std::process::Command;

use zone_monitor::model::{self, Level};

mod messages;
mod schema;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn bundled_text() -> String {
    std::fs::read_to_string(root().join("www/data/zones.json"))
        .expect("the bundled dataset is readable")
}

/// The bundled file as JSON with its values as `observations` rows (the
/// file writes them as `series`), for tests that change some of them.
pub fn bundled_as_rows() -> serde_json::Value {
    let mut json: serde_json::Value = serde_json::from_str(&bundled_text()).expect("JSON");
    let rows = zone_monitor::values::forms::rows(&json).expect("the bundled values");
    let root = json.as_object_mut().expect("an object");
    root.remove("series");
    root.insert("observations".into(), serde_json::Value::Array(rows));
    json
}

pub fn bundled() -> model::Dataset {
    model::load(&bundled_text())
        .expect("the bundled dataset loads")
        .dataset
}

#[test]
fn bundled_file_has_no_errors_and_no_warnings() {
    match model::load(&bundled_text()) {
        Ok(loaded) => assert!(
            loaded.warnings.is_empty(),
            "warnings: {:#?}",
            loaded.warnings
        ),
        Err(problems) => panic!("the bundled file is invalid:\n{problems}"),
    }
}

#[test]
fn generator_reproduces_the_bundled_file_byte_for_byte() {
    let status = Command::new(env!("CARGO_BIN_EXE_make-dataset"))
        .arg("--check")
        .arg(root().join("www/data/zones.json"))
        .status()
        .expect("make-dataset runs");
    assert!(
        status.success(),
        "www/data/zones.json is not what make-dataset writes"
    );
}

#[test]
fn generator_writes_the_same_bytes_twice() {
    assert_eq!(crate::make_dataset(&[]), crate::make_dataset(&[]));
}

/// The shape the issue asks for (issue 3, "The bundled dataset").
#[test]
fn bundled_shape() {
    let ds = bundled();
    assert_eq!(ds.years, vec![2018, 2019, 2020, 2021, 2022]);
    // By hand from www/data/zones.json: 12 national and 24 regional zones
    // (C1), 22 sub-parks, 27 indicators.
    assert_eq!(ds.zones.len(), 36);
    assert_eq!(
        ds.zones
            .iter()
            .filter(|z| z.level == Level::National)
            .count(),
        12
    );
    assert!(ds.sub_parks.len() >= 20);
    for park in &ds.sub_parks {
        let parent = park
            .parent
            .map(|p| &ds.zones[p])
            .expect("a sub-park has a parent");
        assert_eq!(parent.level, Level::National);
    }
    assert!(ds.indicators.len() >= 20);
    // Every dimension of the national evaluation has at least one indicator.
    for d in 0..ds.framework.dimensions.len() {
        assert!(
            ds.indicators.iter().any(|i| i.dimension == Some(d)),
            "dimension {d} is empty"
        );
    }
    // No real names: every zone is 'X高新区 / Zone X'.
    for z in ds.zones.iter() {
        assert!(
            z.name.zh.ends_with("高新区") && z.name.en.starts_with("Zone "),
            "{:?}",
            z.name
        );
    }
    // Three national zones in the metro area (都市圈).
    let metro = ds
        .metro_areas
        .iter()
        .position(|m| m.id == "metro")
        .expect("metro area");
    let national_in_metro = ds
        .zones
        .iter()
        .filter(|z| z.level == Level::National && z.metro_area == Some(metro))
        .count();
    assert_eq!(national_in_metro, 3);
    // Every national zone has a ranking every year.
    for (i, z) in ds
        .zones
        .iter()
        .enumerate()
        .filter(|(_, z)| z.level == Level::National)
    {
        for y in &ds.years {
            assert!(ds.ranking(i, *y).is_some(), "{} {y}", z.id);
        }
    }
}

/// One broken file: load it (it must not panic) and compare every problem,
/// in order, with its `.expect` file (`severity kind path` per line, written
/// by hand in tests/datasets/make_corpus.py from the rules in docs/DATA.md).
fn check_bad(json: &std::path::Path) -> Result<(), String> {
    let bytes = std::fs::read(json).map_err(|e| e.to_string())?;
    let expect_path = json.with_extension("expect");
    let expected: Vec<String> = std::fs::read_to_string(&expect_path)
        .map_err(|e| format!("{}: {e}", expect_path.display()))?
        .lines()
        .map(str::to_string)
        .collect();
    let loaded = std::panic::catch_unwind(|| model::load_bytes(&bytes))
        .map_err(|_| "load panicked".to_string())?;
    let valid = loaded.is_ok();
    let problems = match loaded {
        Ok(l) => l.warnings,
        Err(p) => p.0,
    };
    let found: Vec<String> = problems
        .iter()
        .map(|p| format!("{} {} {}", p.severity.as_str(), p.kind.as_str(), p.path))
        .collect();
    if found != expected {
        return Err(format!(
            "expected {expected:#?}\nfound {found:#?}\nmessages: {:#?}",
            problems.iter().map(|p| p.to_string()).collect::<Vec<_>>()
        ));
    }
    let expect_valid = !expected.iter().any(|l| l.starts_with("error "));
    if valid != expect_valid {
        return Err(format!("valid = {valid}, expected {expect_valid}"));
    }
    for p in &problems {
        for lang in [zone_monitor::i18n::Lang::Zh, zone_monitor::i18n::Lang::En] {
            let message = p.message(lang);
            if !message.contains(&p.path) || !message.contains(p.kind.fix(lang)) {
                return Err(format!("message lacks path or fix: {message}"));
            }
        }
    }
    Ok(())
}

#[test]
fn every_broken_dataset_gives_exactly_its_expected_problems() {
    let dir = root().join("tests/datasets/bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/datasets/bad exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "only {} broken datasets", files.len());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            check_bad(f).err().map(|e| {
                format!(
                    "{}: {e}",
                    f.file_name().unwrap_or_default().to_string_lossy()
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

#[test]
fn good_datasets_load_without_problems() {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/datasets/good"))
        .expect("tests/datasets/good exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "good datasets: {names:?}");
    for name in &names {
        let bytes = std::fs::read(root().join("tests/datasets/good").join(name)).expect("readable");
        match model::load_bytes(&bytes) {
            Ok(l) => assert!(l.warnings.is_empty(), "{name}: {:#?}", l.warnings),
            Err(p) => panic!("{name}: {p}"),
        }
    }
}

#[test]
fn docs_list_every_problem_kind() {
    let docs = std::fs::read_to_string(root().join("docs/DATA.md")).expect("docs/DATA.md");
    for kind in model::ProblemKind::ALL {
        assert!(
            docs.contains(&format!("| `{}` |", kind.as_str())),
            "docs/DATA.md lacks {}",
            kind.as_str()
        );
    }
}

#[test]
fn every_problem_kind_but_the_size_limits_has_a_broken_dataset() {
    let dir = root().join("tests/datasets/bad");
    let mut expects = String::new();
    for entry in std::fs::read_dir(dir).expect("bad/").flatten() {
        if entry.path().extension().is_some_and(|e| e == "expect") {
            expects.push_str(&std::fs::read_to_string(entry.path()).expect("readable"));
        }
    }
    for kind in model::ProblemKind::ALL {
        let name = kind.as_str();
        // These need a 20 MB file, 1,000 problems or over 4 million places
        // for values: unit tests in src/model/validate/tests.rs cover them.
        if name == "file_too_large" || name == "too_many_problems" || name == "too_many_values" {
            continue;
        }
        assert!(
            expects.contains(&format!(" {name} ")),
            "no broken dataset for {name}"
        );
    }
}

/// The bundled claims name the widget's charts (docs/DATA.md, "Charts"): the
/// mapping of claims to charts the widget's design gives.
#[test]
fn bundled_claims_name_the_widgets_charts() {
    let ds = bundled();
    let chart_of = |claim: &str| -> &'static str {
        match claim {
            "C1" | "C2" | "C3" | "C4" | "C11" | "C12" => "headline",
            "C5" | "C6" | "C7" | "C8" | "C9" | "C10" => "shares",
            "C13" => "national_bands",
            "C14" | "C15" | "C16" => "innovation",
            "C17" => "benchmarks",
            "C18" => "similarity",
            "C19" => "lorenz",
            _ => "",
        }
    };
    assert_eq!(ds.claims.len(), 19);
    for claim in &ds.claims {
        assert_eq!(claim.chart, chart_of(&claim.id), "{}", claim.id);
    }
}

/// The views draw exactly the charts the core's list names (but `headline`,
/// the overview's figures), so a claim's chart id that validates is one the
/// widget can draw.
#[test]
fn every_view_chart_id_is_in_the_core_list() {
    for id in zone_monitor::views::ChartId::ALL {
        assert!(model::CHART_IDS.contains(&id.as_str()), "{}", id.as_str());
    }
}

/// The two forms of the values load to the same dataset: minimal.json's
/// `observations`, the same values written by hand as `series`
/// (minimal_series.json, tests/datasets/make_corpus.py's `SERIES`), and
/// the two mixed (both_forms.json: gdp as rows, hte and rd as series).
/// The columns are also checked against the values as written (by hand:
/// zones a and b, 2021 and 2022 alike, every value illustrative, no
/// source).
#[test]
fn series_and_observations_load_to_the_same_dataset() {
    let load = |name: &str| {
        let text = std::fs::read_to_string(root().join("tests/datasets/good").join(name))
            .expect("readable");
        let loaded = model::load(&text).unwrap_or_else(|p| panic!("{name}: {p}"));
        assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
        loaded.dataset
    };
    let rows = load("minimal.json");
    for name in ["minimal_series.json", "both_forms.json"] {
        assert_eq!(
            format!("{:?}", load(name)),
            format!("{rows:?}"),
            "{name} loads as minimal.json does"
        );
    }
    let expected = [
        ("gdp", [Some(100.5), Some(20.0)]),
        ("hte", [Some(50.0), Some(0.0)]),
        ("rd", [Some(0.03), Some(0.01)]),
    ];
    for (indicator, values) in expected {
        for year in [2021, 2022] {
            let column = rows.column(indicator, year).expect("column");
            assert_eq!(column.values, values, "{indicator} {year}");
            assert_eq!(column.status, [Some(model::Status::Illustrative); 2]);
            assert_eq!(column.source, [None, None]);
        }
    }
}

mod forms {
    //! Random values written as rows and as series, each by the test: the
    //! two forms load to the same dataset, with the same warnings (their
    //! paths aside: `observations` or `series`).

    use proptest::prelude::*;
    use serde_json::{json, Value};
    use zone_monitor::model;

    use super::root;

    const ZONES: [&str; 2] = ["a", "b"];
    const YEARS: [i64; 2] = [2021, 2022];

    /// A value: absent (no row), null, or a number fit for the indicator
    /// (gdp an amount, hte a count, rd a share).
    fn value(indicator: usize) -> impl Strategy<Value = Option<Value>> {
        prop::option::of(prop::option::of(0u32..100_000)).prop_map(move |v| {
            v.map(|x| match (x, indicator) {
                (None, _) => Value::Null,
                (Some(x), 2) => json!(f64::from(x) / 100_000.0),
                (Some(x), 0) => json!(f64::from(x) / 10.0),
                (Some(x), _) => json!(x),
            })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn rows_and_series_load_alike(
            gdp in proptest::collection::vec(value(0), 4),
            hte in proptest::collection::vec(value(1), 4),
            rd in proptest::collection::vec(value(2), 4),
        ) {
            let base: Value = serde_json::from_str(
                &std::fs::read_to_string(root().join("tests/datasets/good/minimal.json"))
                    .expect("minimal.json"),
            )
            .expect("JSON");
            let (mut rows, mut series) = (Vec::new(), Vec::new());
            for (id, values) in [("gdp", &gdp), ("hte", &hte), ("rd", &rd)] {
                // values[2 z + y]: zone z, year y.
                let at = |z: usize, y: usize| values[2 * z + y].clone();
                for (z, zone) in ZONES.iter().enumerate() {
                    for (y, year) in YEARS.iter().enumerate() {
                        if let Some(v) = at(z, y) {
                            rows.push(json!({"zone": zone, "indicator": id, "year": year,
                                             "value": v, "status": "illustrative"}));
                        }
                    }
                }
                // Zones with both years in one entry, the others in an entry
                // per year.
                let mut both = serde_json::Map::new();
                let mut single = [serde_json::Map::new(), serde_json::Map::new()];
                for (z, zone) in ZONES.iter().enumerate() {
                    match (at(z, 0), at(z, 1)) {
                        (Some(a), Some(b)) => {
                            both.insert(zone.to_string(), json!([a, b]));
                        }
                        (a, b) => {
                            for (y, v) in [a, b].into_iter().enumerate() {
                                if let Some(v) = v {
                                    single[y].insert(zone.to_string(), json!([v]));
                                }
                            }
                        }
                    }
                }
                let entry = |years: Value, values| {
                    json!({"indicator": id, "status": "illustrative", "years": years, "values": values})
                };
                series.push(entry(json!(YEARS), both));
                for (y, values) in single.into_iter().enumerate() {
                    series.push(entry(json!([YEARS[y]]), values));
                }
            }
            let mut as_rows = base.clone();
            as_rows["observations"] = Value::Array(rows);
            let mut as_series = base;
            as_series.as_object_mut().expect("object").remove("observations");
            as_series["series"] = Value::Array(series);
            let read = |file: &Value| match model::load(&file.to_string()) {
                Ok(l) => (
                    format!("{:?}", l.dataset),
                    l.warnings.iter().map(|p| format!("{:?} {:?} {:?}", p.kind, p.expected, p.found)).collect::<Vec<_>>(),
                ),
                Err(p) => panic!("{p}"),
            };
            prop_assert_eq!(read(&as_rows), read(&as_series));
        }
    }
}

/// The file `make-dataset --big` writes to measure the validator (docs/DATA.md,
/// "Limits": peak memory) is within the limits and loads: zones, rows and
/// bytes near the size limit do not stop a valid file.
#[test]
fn the_big_file_near_the_size_limit_loads() {
    let text = crate::make_dataset(&["--big"]);
    assert!(text.len() > 19_000_000 && text.len() <= model::limits::MAX_FILE_BYTES);
    let loaded = match model::load(&text) {
        Ok(l) => l,
        Err(p) => panic!(
            "{}",
            p.0.iter()
                .take(5)
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    // By hand: the 36 zones and BIG_COPIES = 30 copies of them, 36 × 31 =
    // 1,116 zones, plus the 22 sub-parks of www/data/zones.json (not copied)
    // = 1,138; 1,116 zones × 27 indicators × 5 years = 150,660 rows.
    assert_eq!(
        loaded.dataset.zones.len() + loaded.dataset.sub_parks.len(),
        1138
    );
    assert_eq!(loaded.dataset.zones.len() * 27 * 5, 150_660);
    // The copies put every region total below the zones' sum, and only that.
    assert!(loaded
        .warnings
        .iter()
        .all(|p| p.kind == model::ProblemKind::ShareOverOne));
}

/// The national-scale files `make-dataset --zones N [--years Y]` writes to
/// measure the widget and the report (issue 15) are files the validator
/// accepts, with exactly the zones, years and indicators asked for, every
/// zone with a value of every indicator in every year: at the 5,000-zone
/// limit (5 years), and at issue 15's national scale, 2,000 zones × 20
/// years × 30 indicators, under the 20 MiB limit.
#[test]
fn the_national_scale_files_load() {
    for (zones, years) in [(5000, None), (2000, Some(20))] {
        let zones_arg = zones.to_string();
        let mut args = vec!["--zones", zones_arg.as_str()];
        let years_arg = years.map(|y: usize| y.to_string());
        if let Some(y) = &years_arg {
            args.extend(["--years", y.as_str()]);
        }
        let text = crate::make_dataset(&args);
        assert!(
            text.len() <= model::limits::MAX_FILE_BYTES,
            "{} bytes",
            text.len()
        );
        let loaded = model::load(&text).unwrap_or_else(|p| panic!("{}", p.0[0]));
        let dataset = &loaded.dataset;
        assert_eq!(dataset.zones.len() + dataset.sub_parks.len(), zones);
        // By hand: the years end with the report's, 2022; the bundled 27
        // indicators and the 3 the national-scale files add.
        let years = years.unwrap_or(5);
        assert_eq!(dataset.years.len(), years);
        assert_eq!(dataset.years.last(), Some(&2022));
        assert_eq!(dataset.years[0], 2022 + 1 - years as i32);
        assert_eq!(dataset.indicators.len(), 30);
        // Every zone has a status (a value or an explicit null) for every
        // indicator in every year: no value left out of the file.
        for by_year in &dataset.columns {
            for column in by_year {
                assert!(column.status.iter().all(Option::is_some));
            }
        }
    }
    // Bad arguments: exit status 2.
    let path = std::env::temp_dir().join(format!("zone-monitor-scale-{}.json", std::process::id()));
    let make = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_make-dataset"))
            .args(args)
            .arg(&path)
            .status()
            .expect("make-dataset runs")
    };
    for args in [
        &["--zones", "0"][..],
        &["--zones", "5001"],
        &["--zones", "x"],
        &["--zones", "10", "--years", "4"],
        &["--zones", "10", "--years", "51"],
        &["--zones", "10", "--yaers", "20"],
    ] {
        assert_eq!(make(args).code(), Some(2), "{args:?}");
    }
    let _ = std::fs::remove_file(&path);
}
