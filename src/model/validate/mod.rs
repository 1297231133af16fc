//! Conversion of a `zone-monitor/1` file into a [`Dataset`], collecting every
//! problem on the way.
//!
//! The file is read section by section, in dependency order (meta, framework,
//! indicators, industries, metro areas, zones, then everything that refers to
//! them). An id is registered as soon as it reads, even if the rest of its
//! entry is broken, so one mistake gives one problem rather than a cascade of
//! "unknown id" problems further down.

use super::doc::Doc;
use super::index::{Ids, Seen};
use super::json::{self, join, Node, Obj, Walker};
use super::problem::{IdList, Phrase as P, Problem, ProblemKind as K, Problems};
use super::*;

mod benchmarks;
mod claims;
mod context;
mod fields;
mod framework;
mod indicators;
mod industries;
mod meta;
mod metro_areas;
mod observations;
mod rankings;
mod series;
mod totals;
mod zones;

/// Size limits that keep a browser safe (docs/DATA.md, "Limits").
pub mod limits {
    /// Largest file read, in bytes (UTF-8).
    pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
    /// Zones, sub-parks included.
    pub const MAX_ZONES: usize = 5_000;
    pub const MAX_INDICATORS: usize = 200;
    pub const MAX_YEARS: usize = 50;
    /// Places for values, zones (not sub-parks) × indicators × years: the
    /// widget keeps one per place whatever the file fills (4,000,000 take
    /// about 100 MB in the browser). The national scale of issue 15, 2,000
    /// zones × 30 indicators × 20 years, is 1,200,000.
    pub const MAX_GRID: usize = 4_000_000;
    /// Rows of `observations`.
    pub const MAX_OBSERVATIONS: usize = 1_000_000;
    /// Region totals, reference averages, rankings, benchmark values.
    pub const MAX_ROWS: usize = 100_000;
    /// Units, sources, dimensions, industries, metro areas, benchmarks,
    /// context figures, claims, leading industries of a zone.
    pub const MAX_LIST: usize = 1_000;
    /// Checks of one claim.
    pub const MAX_CHECKS: usize = 20;
    /// Names, titles, labels (each language).
    pub const MAX_NAME_CHARS: usize = 200;
    /// Descriptions and claim texts (each language).
    pub const MAX_TEXT_CHARS: usize = 4_000;
    /// Dates, chart ids, source kinds, variants.
    pub const MAX_SHORT_CHARS: usize = 64;
}

use limits::*;

// The duplicate checks pack (zone, indicator, year) into one u64 key: the zone
// from bit 32, the indicator in bits 16–31, the year (1900–2100) in the low 16
// bits. The limits keep the parts apart.
const _: () =
    assert!(limits::MAX_ZONES <= u32::MAX as usize && limits::MAX_INDICATORS <= u16::MAX as usize);

const ROOT_FIELDS: &[&str] = &[
    "schema",
    "meta",
    "framework",
    "indicators",
    "industries",
    "metro_areas",
    "zones",
    "observations",
    "series",
    "region_totals",
    "reference_averages",
    "national_rankings",
    "benchmarks",
    "context",
    "claims",
];

const LEVELS: &[&str] = &["national", "regional", "sub_park"];
const LEVEL_VALUES: [Level; 3] = [Level::National, Level::Regional, Level::SubPark];

/// The reserved measure id for the zones' approved land.
pub const LAND: &str = "land_km2";

/// Reads a `zone-monitor/1` file from its bytes, as the browser and the
/// command-line tool both do: UTF-8 with or without a byte-order mark
/// (`encoding::decode`); other bytes are one `not_utf8` problem at the
/// first bad byte.
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, Problems> {
    validate(&parse_bytes(bytes)?)
}

/// Reads a `zone-monitor/1` file's text (a leading byte-order mark is
/// dropped, as from bytes). On success the dataset comes with its
/// warnings; otherwise every problem found (errors and warnings, file order).
pub fn load(text: &str) -> Result<Loaded, Problems> {
    validate(&parse(text)?)
}

/// A file parsed as JSON and not yet validated: [`load_bytes`] is
/// [`parse_bytes`] then [`validate`], two steps the widget runs in tasks of
/// their own (a page's task under 50 ms).
pub struct Parsed(Doc);

/// The first step of [`load_bytes`]: the bytes' encoding, size and JSON
/// syntax (its problems are the same as `load_bytes`'s would be).
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, Problems> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len()));
    }
    match super::encoding::decode(bytes) {
        Ok(text) => parse(text),
        Err(bad) => Err(Problems(vec![Problem::error(
            "",
            K::NotUtf8,
            P::Utf8Text,
            P::NotUtf8(bad),
        )])),
    }
}

fn too_large(bytes: usize) -> Problems {
    Problems(vec![Problem::error(
        "",
        K::FileTooLarge,
        P::AtMostBytes(MAX_FILE_BYTES),
        P::Bytes(bytes),
    )])
}

/// The first step of [`load`]: a text's size and JSON syntax.
pub fn parse(text: &str) -> Result<Parsed, Problems> {
    let text = text.strip_prefix(super::encoding::BOM).unwrap_or(text);
    if text.len() > MAX_FILE_BYTES {
        return Err(too_large(text.len()));
    }
    json::parse(text)
        .map(Parsed)
        .map_err(|p| Problems(vec![*p]))
}

/// The second step: the parsed file checked and converted into the dataset
/// (borrowed: the widget frees the parsed file in a later task, its every
/// string a free of its own).
pub fn validate(parsed: &Parsed) -> Result<Loaded, Problems> {
    let doc = &parsed.0;
    let mut v = Validator::default();
    let dataset = v.dataset(&Node::root(doc));
    let has_errors = v.w.has_errors();
    let mut problems = v.w.into_problems();
    match dataset {
        Some(dataset) if !has_errors => Ok(Loaded {
            dataset,
            warnings: problems,
        }),
        _ => {
            if !problems.iter().any(Problem::is_error) {
                // Unreachable by construction: every `None` reports an error.
                problems.push(Problem::error(
                    "",
                    K::WrongSchema,
                    P::UsableDataset,
                    P::UnusableDataset,
                ));
            }
            Err(Problems(problems))
        }
    }
}

/// A zone as first read: enough to resolve references.
#[derive(Clone, Debug)]
struct ZoneRef {
    level: Option<Level>,
    parent_id: Option<String>,
    path: String,
}

#[derive(Default)]
struct Validator {
    w: Walker,
    years: Option<Vec<i32>>,
    units: Ids,
    sources: Ids,
    dimensions: Ids,
    indicators: Ids,
    indicator_kinds: Vec<Option<ValueKind>>,
    industries: Ids,
    metro_areas: Ids,
    /// Zone ids, numbered in file order.
    zone_ids: Ids,
    zone_refs: Vec<ZoneRef>,
    benchmarks: Ids,
    context: Ids,
    /// The paths of lists refused whole (not an array, too long, absent):
    /// references into them are not reported again, one by one.
    unread: Vec<String>,
}

impl Validator {
    fn dataset(&mut self, root: &Node<'_>) -> Option<Dataset> {
        let obj = self.w.object(root, ROOT_FIELDS)?;
        match obj.get("schema") {
            None => self
                .w
                .error("schema", K::WrongSchema, P::SchemaField, P::NoSchemaField),
            Some(node) if node.as_str() != Some(SCHEMA) => self.w.error(
                "schema",
                K::WrongSchema,
                P::Quoted(SCHEMA.to_string()),
                node.describe(),
            ),
            Some(_) => {}
        }
        let meta = self.w.required(&obj, "meta").and_then(|n| self.meta(&n));
        let framework = self
            .w
            .required(&obj, "framework")
            .and_then(|n| self.framework(&n));
        let indicators = match self.w.required(&obj, "indicators") {
            Some(n) => self.list(&n, MAX_INDICATORS, Self::indicator),
            None => self.unread_list("indicators"),
        };
        let industries = self.optional_list(&obj, "industries", MAX_LIST, Self::industry);
        let metro_areas = self.optional_list(&obj, "metro_areas", MAX_LIST, Self::metro_area);
        let zones = match self.w.required(&obj, "zones") {
            Some(n) => self.zones(&n),
            None => self.unread_list("zones"),
        };
        let main_index = self.main_indices();
        let n_main = main_index.iter().filter(|i| i.is_some()).count();
        let columns = self.values(&obj, &main_index, n_main);
        let region_totals = self.optional_list(&obj, "region_totals", MAX_ROWS, Self::region_total);
        let reference_averages = self.optional_list(
            &obj,
            "reference_averages",
            MAX_ROWS,
            Self::reference_average,
        );
        if let Some(totals) = &region_totals {
            let keys = totals
                .iter()
                .map(|t| format!("{:?}/{}/{:?}", t.measure, t.year, t.variant));
            self.no_duplicates("region_totals", keys, || P::OneTotalPer);
        }
        if let Some(averages) = &reference_averages {
            let keys = averages
                .iter()
                .map(|r| format!("{}/{}", r.indicator, r.year));
            self.no_duplicates("reference_averages", keys, || P::OneAveragePer);
        }
        let rankings = self.rankings(&obj, &main_index);
        let benchmarks = self.optional_list(&obj, "benchmarks", MAX_LIST, Self::benchmark);
        let context = self.optional_list(&obj, "context", MAX_LIST, Self::context_figure);
        let claims = self.claims(&obj);

        // One exit for every missing part, not one per part (each would
        // drop the other parts its own way: kilobytes of wasm).
        let (
            Some(meta),
            Some(years),
            Some(framework),
            Some(indicators),
            Some(industries),
            Some(metro_areas),
            Some(zones),
            Some(columns),
            Some(region_totals),
            Some(reference_averages),
            Some(rankings),
            Some(benchmarks),
            Some(context),
            Some(claims),
        ) = (
            meta,
            self.years.clone(),
            framework,
            indicators,
            industries,
            metro_areas,
            zones,
            columns,
            region_totals,
            reference_averages,
            rankings,
            benchmarks,
            context,
            claims,
        )
        else {
            return None;
        };
        let mut main = Vec::new();
        let mut sub_parks = Vec::new();
        for mut zone in zones {
            if zone.level == Level::SubPark {
                zone.parent = zone
                    .parent
                    .and_then(|p| main_index.get(p).copied().flatten());
                sub_parks.push(zone);
            } else {
                main.push(zone);
            }
        }
        let dataset = Dataset {
            meta,
            years,
            framework,
            indicators,
            industries,
            metro_areas,
            zones: main,
            sub_parks,
            columns,
            region_totals,
            reference_averages,
            rankings,
            benchmarks,
            context,
            claims,
        };
        self.totals_cover_zones(&dataset);
        Some(dataset)
    }
}

impl Validator {
    /// A list that is absent: references into it are not reported.
    fn unread_list<T>(&mut self, path: &str) -> Option<T> {
        self.unread.push(path.to_string());
        None
    }
}

#[cfg(test)]
mod tests;
