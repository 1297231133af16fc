//! Conversion of a `zone-monitor/1` file into a [`Dataset`], collecting every
//! problem on the way.
//!
//! The file is read section by section, in dependency order (meta, framework,
//! indicators, industries, metro areas, zones, then everything that refers to
//! them). An id is registered as soon as it reads, even if the rest of its
//! entry is broken, so one mistake gives one problem rather than a cascade of
//! "unknown id" problems further down.

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

/// Reads one section (`None` when absent) into its part of [`Parts`].
type ReadSection = fn(&mut Validator, Option<&Node<'_>>, &mut Parts);

/// One top-level section of a `zone-monitor/1` file.
struct Section {
    key: &'static str,
    /// A required section that is missing is an error; an optional one
    /// that is absent or null reads as empty.
    required: bool,
    read: ReadSection,
}

impl Section {
    const fn required(key: &'static str, read: ReadSection) -> Self {
        Section {
            key,
            required: true,
            read,
        }
    }

    const fn optional(key: &'static str, read: ReadSection) -> Self {
        Section {
            key,
            required: false,
            read,
        }
    }
}

/// The sections after `schema`, in the order they are read: each refers only
/// to sections above it. Adding a section is one line here (and its field
/// in [`Parts`] and [`Dataset`]).
const SECTIONS: &[Section] = &[
    Section::required("meta", Validator::read_meta),
    Section::required("framework", Validator::read_framework),
    Section::required("indicators", Validator::read_indicators),
    Section::optional("industries", Validator::read_industries),
    Section::optional("metro_areas", Validator::read_metro_areas),
    Section::required("zones", Validator::read_zones),
    Section::required("observations", Validator::read_observations),
    Section::optional("region_totals", Validator::read_region_totals),
    Section::optional("reference_averages", Validator::read_reference_averages),
    Section::optional("national_rankings", Validator::read_national_rankings),
    Section::optional("benchmarks", Validator::read_benchmarks),
    Section::optional("context", Validator::read_context),
    Section::optional("claims", Validator::read_claims),
];

/// The fields a file's root may have: `schema` and the sections.
const ROOT_FIELDS: [&str; SECTIONS.len() + 1] = {
    let mut keys = ["schema"; SECTIONS.len() + 1];
    let mut i = 0;
    while i < SECTIONS.len() {
        keys[i + 1] = SECTIONS[i].key;
        i += 1;
    }
    keys
};

const LEVELS: &[&str] = &["national", "regional", "sub_park"];
const LEVEL_VALUES: [Level; 3] = [Level::National, Level::Regional, Level::SubPark];

/// The reserved measure id for the zones' approved land.
pub const LAND: &str = "land_km2";

/// Reads a `zone-monitor/1` file. On success the dataset comes with its
/// warnings; otherwise every problem found (errors and warnings, file order).
pub fn load(text: &str) -> Result<Loaded, Problems> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Problems(vec![Problem::error(
            "",
            K::FileTooLarge,
            P::AtMostBytes(MAX_FILE_BYTES),
            P::Bytes(text.len()),
        )]));
    }
    let doc = json::parse(text).map_err(|p| Problems(vec![*p]))?;
    let mut v = Validator::default();
    let dataset = v.dataset(&Node::root(&doc));
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
}

/// The sections as read, each `None` where it cannot be used (a problem
/// says why).
#[derive(Default)]
struct Parts {
    meta: Option<Meta>,
    framework: Option<Framework>,
    indicators: Option<Vec<Indicator>>,
    industries: Option<Vec<Industry>>,
    metro_areas: Option<Vec<MetroArea>>,
    zones: Option<Vec<Zone>>,
    /// Index in [`Dataset::zones`] of each zone in file order (`None` for
    /// sub-parks).
    main_index: Vec<Option<usize>>,
    columns: Option<Vec<Vec<Column>>>,
    region_totals: Option<Vec<RegionTotal>>,
    reference_averages: Option<Vec<ReferenceAverage>>,
    rankings: Option<Vec<Ranking>>,
    benchmarks: Option<Vec<Benchmark>>,
    context: Option<Vec<ContextFigure>>,
    claims: Option<Vec<Claim>>,
}

impl Validator {
    fn dataset(&mut self, root: &Node<'_>) -> Option<Dataset> {
        let obj = self.w.object(root, &ROOT_FIELDS)?;
        // `schema` first and on its own: a missing one has its own message.
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
        let mut parts = Parts::default();
        for section in SECTIONS {
            let node = if section.required {
                self.w.required(&obj, section.key)
            } else {
                obj.get_non_null(section.key)
            };
            (section.read)(self, node.as_ref(), &mut parts);
        }

        // One exit for every missing part, not one per part (each would
        // drop the other parts its own way: kilobytes of wasm).
        let (
            Some(years),
            Parts {
                meta: Some(meta),
                framework: Some(framework),
                indicators: Some(indicators),
                industries: Some(industries),
                metro_areas: Some(metro_areas),
                zones: Some(zones),
                main_index,
                columns: Some(columns),
                region_totals: Some(region_totals),
                reference_averages: Some(reference_averages),
                rankings: Some(rankings),
                benchmarks: Some(benchmarks),
                context: Some(context),
                claims: Some(claims),
            },
        ) = (self.years.clone(), parts)
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

#[cfg(test)]
mod tests;
