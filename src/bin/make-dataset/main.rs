//! `make-dataset`: writes the bundled dataset `www/data/zones.json`.
//!
//! ```text
//! make-dataset FILE          write the dataset to FILE
//! make-dataset --check FILE  exit 0 if FILE is exactly what would be written, 1 if not
//! make-dataset --big FILE    write a file near the size limit (19 MB: 1,066 zones,
//!                            140,940 observations, as `observations` rows) to
//!                            measure the validator on
//! make-dataset --zones N [--years Y] FILE
//!                            write a file of N zones (up to 5,000) at national
//!                            scale, Y years (5 to 50, default 5) of 30
//!                            indicators for every zone, to measure the widget
//!                            and the report on (on one line, no spaces: 2,000
//!                            zones × 20 years are 7.0 MB)
//! ```
//!
//! The values are written as `series` (docs/DATA.md: an array over the
//! years per zone and indicator), the file's compact form; `--big` writes
//! them as `observations` rows, the form whose size it measures.
//!
//! The zones are anonymised (甲高新区 / Zone A, …) and their values are
//! illustrative: drawn from a seeded SplitMix64 ([`SEED`]) around the report's
//! aggregates, which are kept exact. What the report states (sums, shares,
//! counts, rank bands: docs/CLAIMS.md, C1–C19) is imposed on the 2022 values
//! by construction: integer totals are split with the largest-remainder method,
//! amounts are split in tenths the same way, and region totals are derived
//! from the stated shares. Earlier years are grown backwards from 2022 with
//! per-zone growth rates, so rankings move a little from year to year.
//!
//! No clock, no hash-map iteration: the same program writes the same bytes.

mod allocate;
mod big;
mod claims;
mod fixed;
mod indicators;
mod rankings;
mod rng;
mod values;
mod writer;
mod zones;

use rng::SplitMix64;
use writer::{s, Json};

/// The seed of every random draw (the date of the report's data, 2022-12-31).
const SEED: u64 = 20_221_231;
const YEARS: [i32; 5] = [2018, 2019, 2020, 2021, 2022];
/// The year the report describes; its figures are imposed on this year.
const Y: i32 = 2022;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = writer::to_string(&dataset(Form::Series));
    match args.as_slice() {
        [flag, path] if flag == "--check" => match std::fs::read_to_string(path) {
            Ok(old) if old == text => {}
            Ok(_) => {
                eprintln!("{path} differs from what make-dataset writes; run `cargo run --bin make-dataset -- {path}`");
                std::process::exit(1);
            }
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                std::process::exit(2);
            }
        },
        [flag, path] if flag == "--big" => {
            let mut big = dataset(Form::Observations);
            big::copy_zones(&mut big, big::BIG_COPIES);
            if let Err(e) = std::fs::write(path, writer::to_string(&big)) {
                eprintln!("cannot write {path}: {e}");
                std::process::exit(2);
            }
        }
        [flag, zones, rest @ ..] if flag == "--zones" && matches!(rest.len(), 1 | 3) => {
            let Ok(zones @ 1..=5_000) = zones.parse::<usize>() else {
                eprintln!("--zones takes a number of zones from 1 to 5000, got \"{zones}\"");
                std::process::exit(2);
            };
            let (years, path) = match rest {
                [flag, years, path] if flag == "--years" => match years.parse::<usize>() {
                    Ok(years @ 5..=50) => (years, path),
                    _ => {
                        eprintln!("--years takes a number of years from 5 to 50, got \"{years}\"");
                        std::process::exit(2);
                    }
                },
                [path] => (YEARS.len(), path),
                _ => usage(),
            };
            let mut big = dataset(Form::Series);
            big::national_scale(&mut big, zones, years);
            if let Err(e) = std::fs::write(path, writer::to_dense_string(&big)) {
                eprintln!("cannot write {path}: {e}");
                std::process::exit(2);
            }
        }
        [path] if !path.starts_with('-') => {
            if let Err(e) = std::fs::write(path, &text) {
                eprintln!("cannot write {path}: {e}");
                std::process::exit(2);
            }
        }
        _ => usage(),
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: make-dataset FILE | make-dataset --check FILE | make-dataset --big FILE | make-dataset --zones N [--years Y] FILE"
    );
    std::process::exit(2);
}

/// How the file writes the zones' values.
#[derive(Clone, Copy, PartialEq)]
enum Form {
    /// `series`: an array over the years per zone and indicator.
    Series,
    /// `observations`: a row per zone, indicator and year.
    Observations,
}

/// The file, section by section in its order. The random draws come first,
/// in a fixed order (zones, values, ranks), then the sub-parks' land as the
/// zones are written: the same seed gives the same file.
fn dataset(form: Form) -> Json {
    let mut rng = SplitMix64::new(SEED);
    let zone_defs = zones::draw(&mut rng);
    let vals = values::draw(&zone_defs, &mut rng);
    let ranks = rankings::draw(&mut rng);

    Json::Obj(vec![
        ("schema", s("zone-monitor/1")),
        ("meta", fixed::meta()),
        ("framework", fixed::framework()),
        ("indicators", indicators::indicators()),
        ("industries", fixed::industries()),
        ("metro_areas", fixed::metro_areas()),
        ("zones", zones::section(&zone_defs, &vals.mixes, &mut rng)),
        match form {
            Form::Series => ("series", values::series(&zone_defs, &vals.table)),
            Form::Observations => (
                "observations",
                values::observations(&zone_defs, &vals.table),
            ),
        },
        ("region_totals", values::region_totals(&vals.totals)),
        (
            "reference_averages",
            values::reference_averages(&vals.references),
        ),
        ("national_rankings", rankings::section(&zone_defs, &ranks)),
        ("benchmarks", fixed::benchmarks()),
        ("context", fixed::context()),
        ("claims", claims::with_ours(claims::claims())),
    ])
}
