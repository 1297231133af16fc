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

const ROOT_FIELDS: &[&str] = &[
    "schema",
    "meta",
    "framework",
    "indicators",
    "industries",
    "metro_areas",
    "zones",
    "observations",
    "region_totals",
    "reference_averages",
    "national_rankings",
    "benchmarks",
    "context",
    "claims",
];

const STATUSES: &[&str] = &["reported", "derived", "illustrative"];
const STATUS_VALUES: [Status; 3] = [Status::Reported, Status::Derived, Status::Illustrative];
const LEVELS: &[&str] = &["national", "regional", "sub_park"];
const LEVEL_VALUES: [Level; 3] = [Level::National, Level::Regional, Level::SubPark];
const SOURCE_KINDS: &[&str] = &["report", "policy", "news", "statistics", "generated"];
const INDUSTRY_GROUPS: &[&str] = &["leading", "emerging", "digital", "other"];

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
        let indicators = self
            .w
            .required(&obj, "indicators")
            .and_then(|n| self.list(&n, MAX_INDICATORS, Self::indicator));
        let industries = self.optional_list(&obj, "industries", MAX_LIST, Self::industry);
        let metro_areas = self.optional_list(&obj, "metro_areas", MAX_LIST, Self::metro_area);
        let zones = self.w.required(&obj, "zones").and_then(|n| self.zones(&n));
        let main_index = self.main_indices();
        let n_main = main_index.iter().filter(|i| i.is_some()).count();
        let columns = self
            .w
            .required(&obj, "observations")
            .and_then(|n| self.observations(&n, &main_index, n_main));
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

    /// Warns where the zones' sum exceeds the region's total: a share over 1
    /// means a unit, a year or a total is wrong.
    fn totals_cover_zones(&mut self, ds: &Dataset) {
        for (i, total) in ds.region_totals.iter().enumerate() {
            let Some(value) = total.figure.value else {
                continue;
            };
            let Some(zones) = ds.values(total.measure, total.year) else {
                continue;
            };
            let sum: f64 = zones.iter().flatten().sum();
            if sum > value * (1.0 + 1e-9) {
                self.w.warn(
                    &format!("region_totals[{i}].value"),
                    K::ShareOverOne,
                    P::TotalAtLeast(sum.to_string()),
                    P::TotalWithShare {
                        total: value.to_string(),
                        share: (value > 0.0).then(|| format!("{:.3}", sum / value)),
                    },
                );
            }
        }
    }

    // ---- helpers -------------------------------------------------------

    /// Reads every item of an array; `None` if the array or any item is bad.
    fn list<'a, T>(
        &mut self,
        node: &Node<'a>,
        max: usize,
        item: fn(&mut Self, &Node<'a>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.w.array(node, max)?;
        let mut out = Some(Vec::with_capacity(items.len()));
        for n in items.iter() {
            match (item(self, &n), out.as_mut()) {
                (Some(x), Some(v)) => v.push(x),
                _ => out = None,
            }
        }
        out
    }

    /// An optional array field (absent or null: empty).
    fn optional_list<'a, T>(
        &mut self,
        obj: &Obj<'a>,
        key: &str,
        max: usize,
        item: fn(&mut Self, &Node<'a>) -> Option<T>,
    ) -> Option<Vec<T>> {
        match obj.get_non_null(key) {
            None => Some(Vec::new()),
            Some(n) => self.list(&n, max, item),
        }
    }

    /// Reports every entry of a list whose key was seen before.
    fn no_duplicates(
        &mut self,
        list: &str,
        keys: impl Iterator<Item = String>,
        expected: fn() -> P,
    ) {
        let mut seen = Ids::default();
        for (i, key) in keys.enumerate() {
            if !seen.insert(&key) {
                self.w.error(
                    &format!("{list}[{i}]"),
                    K::DuplicateEntry,
                    expected(),
                    P::SecondEntrySameKey,
                );
            }
        }
    }

    /// Registers an id, reporting a duplicate.
    fn register(&mut self, map_of: fn(&mut Self) -> &mut Ids, node: &Node<'_>) -> Option<String> {
        let id = self.w.id(node)?;
        if !map_of(self).insert(&id) {
            self.w
                .error(&node.path, K::DuplicateId, P::UnusedId, P::QuotedAgain(id));
            return None;
        }
        Some(id)
    }

    /// Resolves a reference to an id of one of the maps.
    fn lookup(
        &mut self,
        node: &Node<'_>,
        map_of: fn(&Self) -> &Ids,
        kind: K,
        what: IdList,
    ) -> Option<usize> {
        let id = self.w.id(node)?;
        match map_of(self).get(&id) {
            Some(i) => Some(i),
            None => {
                self.w.error(&node.path, kind, P::IdOf(what), P::Quoted(id));
                None
            }
        }
    }

    fn required_lookup(
        &mut self,
        obj: &Obj<'_>,
        key: &str,
        map_of: fn(&Self) -> &Ids,
        kind: K,
        what: IdList,
    ) -> Option<usize> {
        let n = self.w.required(obj, key)?;
        self.lookup(&n, map_of, kind, what)
    }

    /// An optional `source` field: `Some(None)` when absent or null.
    fn source_ref(&mut self, obj: &Obj<'_>) -> Option<Option<usize>> {
        match obj.get_non_null("source") {
            None => Some(None),
            Some(n) => self
                .lookup(&n, |s| &s.sources, K::UnknownSource, IdList::Source)
                .map(Some),
        }
    }

    fn status(&mut self, obj: &Obj<'_>) -> Option<Status> {
        let n = self.w.required(obj, "status")?;
        self.w.choice(&n, STATUSES).map(|i| STATUS_VALUES[i])
    }

    /// A year listed in meta.years.
    fn year(&mut self, obj: &Obj<'_>) -> Option<i32> {
        let n = self.w.required(obj, "year")?;
        let year = self.w.integer(&n, 1900, 2100)? as i32;
        if let Some(years) = &self.years {
            if !years.contains(&year) {
                self.w.error(
                    &n.path,
                    K::YearOutOfRange,
                    P::OneOfYears(years.clone()),
                    n.describe(),
                );
                return None;
            }
        }
        Some(year)
    }

    fn required_text(&mut self, obj: &Obj<'_>, key: &str, max: usize) -> Option<Text> {
        let n = self.w.required(obj, key)?;
        self.w.text(&n, max)
    }

    fn required_string(&mut self, obj: &Obj<'_>, key: &str, max: usize) -> Option<String> {
        let n = self.w.required(obj, key)?;
        self.w.string(&n, max)
    }

    fn required_number(&mut self, obj: &Obj<'_>, key: &str) -> Option<f64> {
        let n = self.w.required(obj, key)?;
        self.w.number(&n)
    }

    /// A number ≥ 0 (or > 0 when `positive`).
    fn non_negative(&mut self, node: &Node<'_>, positive: bool) -> Option<f64> {
        let x = self.w.number(node)?;
        if x < 0.0 {
            self.w.error(
                &node.path,
                K::NegativeValue,
                P::NumberAtLeastZero,
                node.describe(),
            );
            return None;
        }
        if positive && x == 0.0 {
            self.w.error(
                &node.path,
                K::OutOfRange,
                P::PositiveNumber,
                node.describe(),
            );
            return None;
        }
        Some(x)
    }

    /// An indicator id, or `land_km2` where a measure is allowed.
    fn measure(&mut self, obj: &Obj<'_>, key: &str, allow_land: bool) -> Option<Measure> {
        let n = self.w.required(obj, key)?;
        if allow_land && n.as_str() == Some(LAND) {
            return Some(Measure::Land);
        }
        self.lookup(
            &n,
            |s| &s.indicators,
            K::UnknownIndicator,
            IdList::Indicator,
        )
        .map(Measure::Indicator)
    }

    // ---- meta ----------------------------------------------------------

    fn meta(&mut self, node: &Node<'_>) -> Option<Meta> {
        let obj = self.w.object(
            node,
            &[
                "title",
                "region",
                "parent_region",
                "years",
                "units",
                "sources",
            ],
        )?;
        let title = self.required_text(&obj, "title", MAX_NAME_CHARS);
        let region = self.required_text(&obj, "region", MAX_NAME_CHARS);
        let parent_region = self.required_text(&obj, "parent_region", MAX_NAME_CHARS);
        if let Some(n) = self.w.required(&obj, "years") {
            self.years = self.years(&n);
        }
        let units = self
            .w
            .required(&obj, "units")
            .and_then(|n| self.list(&n, MAX_LIST, Self::unit));
        let sources = self
            .w
            .required(&obj, "sources")
            .and_then(|n| self.list(&n, MAX_LIST, Self::source));
        Some(Meta {
            title: title?,
            region: region?,
            parent_region: parent_region?,
            units: units?,
            sources: sources?,
        })
    }

    fn years(&mut self, node: &Node<'_>) -> Option<Vec<i32>> {
        let items = self.w.array(node, MAX_YEARS)?;
        let mut years = Vec::new();
        for n in items.iter() {
            years.push(self.w.integer(&n, 1900, 2100)? as i32);
        }
        if years.is_empty() || years.windows(2).any(|p| p[0] >= p[1]) {
            self.w.error(
                &node.path,
                K::InvalidYears,
                P::AscendingYears,
                P::Years(years),
            );
            return None;
        }
        Some(years)
    }

    fn unit(&mut self, node: &Node<'_>) -> Option<Unit> {
        let obj = self.w.object(node, &["id", "label"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.units, &n));
        let label = self.required_text(&obj, "label", MAX_NAME_CHARS);
        Some(Unit {
            id: id?,
            label: label?,
        })
    }

    fn source(&mut self, node: &Node<'_>) -> Option<Source> {
        let obj = self.w.object(node, &["id", "title", "date", "kind"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.sources, &n));
        let title = self.required_text(&obj, "title", MAX_NAME_CHARS);
        let date = self.required_string(&obj, "date", MAX_SHORT_CHARS);
        let kind = self
            .w
            .required(&obj, "kind")
            .and_then(|n| self.w.choice(&n, SOURCE_KINDS));
        Some(Source {
            id: id?,
            title: title?,
            date: date?,
            kind: SOURCE_KINDS[kind?].to_string(),
        })
    }

    // ---- framework -----------------------------------------------------

    fn framework(&mut self, node: &Node<'_>) -> Option<Framework> {
        let obj = self
            .w
            .object(node, &["name", "source", "dimensions", "tiers"])?;
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        let source = self.source_ref(&obj);
        let dims_node = self.w.required(&obj, "dimensions");
        let dimensions = dims_node
            .as_ref()
            .and_then(|n| self.list(n, MAX_LIST, Self::dimension));
        if let (Some(dims), Some(n)) = (&dimensions, &dims_node) {
            let total: f64 = dims.iter().map(|d| d.weight).sum();
            if !dims.is_empty() && (total - 100.0).abs() > 1e-6 {
                self.w.warn(
                    &n.path,
                    K::WeightsNot100,
                    P::WeightsSumTo100,
                    P::SumOf(total.to_string()),
                );
            }
        }
        let tiers = self.w.required(&obj, "tiers").and_then(|n| self.tiers(&n));
        Some(Framework {
            name: name?,
            source: source?,
            dimensions: dimensions?,
            tiers: tiers?,
        })
    }

    fn dimension(&mut self, node: &Node<'_>) -> Option<Dimension> {
        let obj = self.w.object(node, &["id", "name", "weight"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.dimensions, &n));
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        let weight = self
            .w
            .required(&obj, "weight")
            .and_then(|n| self.non_negative(&n, false));
        Some(Dimension {
            id: id?,
            name: name?,
            weight: weight?,
        })
    }

    fn tiers(&mut self, node: &Node<'_>) -> Option<TierRules> {
        const FIELDS: &[&str] = &[
            "reward_top",
            "reward_rise",
            "warning_bottom",
            "warning_score_below",
            "exit_after_warned_years",
        ];
        let obj = self.w.object(node, FIELDS)?;
        let count = |s: &mut Self, key: &str| {
            s.w.required(&obj, key)
                .and_then(|n| s.w.integer(&n, 0, 10_000))
                .map(|x| x as u32)
        };
        let reward_top = count(self, "reward_top");
        let reward_rise = count(self, "reward_rise");
        let warning_bottom = count(self, "warning_bottom");
        let exit_after = count(self, "exit_after_warned_years");
        let score = self.w.required(&obj, "warning_score_below").and_then(|n| {
            let x = self.w.number(&n)?;
            if !(0.0..=100.0).contains(&x) {
                self.w.error(&n.path, K::OutOfRange, P::Score, n.describe());
                return None;
            }
            Some(x)
        });
        Some(TierRules {
            reward_top: reward_top?,
            reward_rise: reward_rise?,
            warning_bottom: warning_bottom?,
            warning_score_below: score?,
            exit_after_warned_years: exit_after?,
        })
    }

    // ---- indicators, industries, metro areas --------------------------

    fn indicator(&mut self, node: &Node<'_>) -> Option<Indicator> {
        const FIELDS: &[&str] = &[
            "id",
            "name",
            "unit",
            "direction",
            "kind",
            "description",
            "dimension",
            "coefficient",
        ];
        let obj = self.w.object(node, FIELDS);
        let obj = obj?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.indicators, &n));
        let kind = self
            .w
            .required(&obj, "kind")
            .and_then(|n| self.w.choice(&n, &["count", "amount", "share", "ratio"]));
        let kind = kind.map(|k| {
            [
                ValueKind::Count,
                ValueKind::Amount,
                ValueKind::Share,
                ValueKind::Ratio,
            ][k]
        });
        if id.is_some() {
            self.indicator_kinds.push(kind);
        }
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        let unit = self.required_lookup(&obj, "unit", |s| &s.units, K::UnknownUnit, IdList::Unit);
        let direction = self
            .w
            .required(&obj, "direction")
            .and_then(|n| self.w.choice(&n, &["higher", "lower", "neutral"]));
        let direction =
            direction.map(|d| [Direction::Higher, Direction::Lower, Direction::Neutral][d]);
        let description = self.required_text(&obj, "description", MAX_TEXT_CHARS);
        let dimension = match obj.get_non_null("dimension") {
            None => Some(None),
            Some(n) => self
                .lookup(
                    &n,
                    |s| &s.dimensions,
                    K::UnknownDimension,
                    IdList::Dimension,
                )
                .map(Some),
        };
        let coefficient = match (
            obj.get_non_null("dimension"),
            obj.get_non_null("coefficient"),
        ) {
            (_, Some(n)) => {
                let x = self.w.number(&n);
                match x {
                    Some(x) if x > 0.0 && x <= 10.0 => Some(Some(x)),
                    Some(_) => {
                        self.w
                            .error(&n.path, K::OutOfRange, P::Coefficient, n.describe());
                        None
                    }
                    None => None,
                }
            }
            (Some(_), None) => {
                self.w.error(
                    &obj.path_of("coefficient"),
                    K::MissingField,
                    P::CoefficientInDimension,
                    P::Nothing,
                );
                None
            }
            (None, None) => Some(None),
        };
        Some(Indicator {
            id: id?,
            name: name?,
            unit: unit?,
            direction: direction?,
            kind: kind?,
            description: description?,
            dimension: dimension?,
            coefficient: coefficient?,
        })
    }

    fn industry(&mut self, node: &Node<'_>) -> Option<Industry> {
        let obj = self.w.object(node, &["id", "name", "groups"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.industries, &n));
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        let groups = match obj.get_non_null("groups") {
            None => Some(Vec::new()),
            Some(n) => self.list(&n, INDUSTRY_GROUPS.len(), |s, g| {
                s.w.choice(g, INDUSTRY_GROUPS)
                    .map(|i| INDUSTRY_GROUPS[i].to_string())
            }),
        };
        Some(Industry {
            id: id?,
            name: name?,
            groups: groups?,
        })
    }

    fn metro_area(&mut self, node: &Node<'_>) -> Option<MetroArea> {
        let obj = self.w.object(node, &["id", "name"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.metro_areas, &n));
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        Some(MetroArea {
            id: id?,
            name: name?,
        })
    }

    // ---- zones ---------------------------------------------------------

    fn zones(&mut self, node: &Node<'_>) -> Option<Vec<Zone>> {
        let items = self.w.array(node, MAX_ZONES)?;
        // First pass: ids, levels and parents, so references resolve in any
        // order. Unknown fields and everything else wait for the second pass.
        let mut objs = Vec::new();
        for n in items.iter() {
            let Some(obj) = self.w.map(&n) else {
                objs.push(None);
                continue;
            };
            let id = self
                .w
                .required(&obj, "id")
                .and_then(|n| self.register(|s| &mut s.zone_ids, &n));
            let level = self
                .w
                .required(&obj, "level")
                .and_then(|n| self.w.choice(&n, LEVELS))
                .map(|i| LEVEL_VALUES[i]);
            let parent_id = obj
                .get_non_null("parent")
                .and_then(|n| n.as_str().map(str::to_string));
            if id.is_some() {
                self.zone_refs.push(ZoneRef {
                    level,
                    parent_id,
                    path: obj.path.clone(),
                });
            }
            objs.push(id.map(|_| n));
        }
        let in_cycle = self.parent_cycles();
        let mut zones = Some(Vec::new());
        let mut k = 0;
        for n in objs {
            let Some(obj) = n.and_then(|n| self.w.object(&n, ZONE_FIELDS)) else {
                zones = None;
                continue;
            };
            let zone = self.zone(&obj, k, in_cycle[k]);
            k += 1;
            match (zone, zones.as_mut()) {
                (Some(z), Some(v)) => v.push(z),
                _ => zones = None,
            }
        }
        zones
    }

    /// Reports each cycle of parents once, at its first zone in file order;
    /// returns every zone on a cycle.
    fn parent_cycles(&mut self) -> Vec<bool> {
        let mut in_cycle = vec![false; self.zone_refs.len()];
        for start in 0..self.zone_refs.len() {
            if in_cycle[start] {
                continue;
            }
            let mut seen = vec![start];
            let mut at = start;
            while let Some(next) = self.zone_refs[at]
                .parent_id
                .as_ref()
                .and_then(|p| self.zone_ids.get(p))
            {
                if next == start {
                    let names: Vec<String> = seen
                        .iter()
                        .chain(std::iter::once(&start))
                        .map(|i| self.zone_ids.name(*i).to_string())
                        .collect();
                    let path = join(&self.zone_refs[start].path, "parent");
                    self.w
                        .error(&path, K::ParentCycle, P::ParentChain, P::Chain(names));
                    for i in &seen {
                        in_cycle[*i] = true;
                    }
                    break;
                }
                if seen.contains(&next) || seen.len() > self.zone_refs.len() {
                    break;
                }
                seen.push(next);
                at = next;
            }
        }
        in_cycle
    }

    /// Index in [`Dataset::zones`] of each zone in file order (`None` for
    /// sub-parks).
    fn main_indices(&self) -> Vec<Option<usize>> {
        let mut next = 0;
        self.zone_refs
            .iter()
            .map(|z| {
                (z.level != Some(Level::SubPark)).then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
    }

    fn zone(&mut self, obj: &Obj<'_>, k: usize, in_cycle: bool) -> Option<Zone> {
        let zref = self.zone_refs[k].clone();
        let id = obj.get("id").and_then(|n| n.as_str().map(str::to_string))?;
        let name = self.required_text(obj, "name", MAX_NAME_CHARS);
        let parent = match (zref.level, obj.get_non_null("parent")) {
            (Some(Level::SubPark), None) => {
                self.w.error(
                    &obj.path_of("parent"),
                    K::MissingField,
                    P::ParentOfSubPark,
                    P::Nothing,
                );
                None
            }
            (Some(level), Some(n)) if level != Level::SubPark => {
                self.w.error(
                    &n.path,
                    K::InvalidParent,
                    P::NoParent,
                    P::ParentOnLevel(level),
                );
                None
            }
            (_, Some(n)) => {
                match self.lookup(&n, |s| &s.zone_ids, K::UnknownParent, IdList::NationalZone) {
                    Some(p) if !in_cycle => {
                        if self.zone_refs[p]
                            .level
                            .is_some_and(|l| l != Level::National)
                        {
                            let found = P::IdWithLevel(
                                n.as_str().unwrap_or("").to_string(),
                                self.zone_refs[p].level.unwrap_or(Level::National),
                            );
                            self.w.error(
                                &n.path,
                                K::InvalidParent,
                                P::IdOf(IdList::NationalZone),
                                found,
                            );
                            None
                        } else {
                            Some(Some(p))
                        }
                    }
                    _ => None,
                }
            }
            (None, None) => Some(None),
            (Some(_), None) => Some(None),
        };
        let metro_area = match obj.get_non_null("metro_area") {
            None => Some(None),
            Some(n) => self
                .lookup(
                    &n,
                    |s| &s.metro_areas,
                    K::UnknownMetroArea,
                    IdList::MetroArea,
                )
                .map(Some),
        };
        let county_level = match obj.get_non_null("county_level") {
            None => Some(false),
            Some(n) => self.w.boolean(&n),
        };
        let land = self
            .w
            .required(obj, "land_km2")
            .and_then(|n| self.non_negative(&n, true));
        let leading = match obj.get_non_null("leading_industries") {
            None => Some(Vec::new()),
            Some(n) => self.list(&n, MAX_LIST, |s, i| {
                s.lookup(i, |s| &s.industries, K::UnknownIndustry, IdList::Industry)
            }),
        };
        let mix = match obj.get_non_null("industry_mix") {
            None => Some(None),
            Some(n) => self.industry_mix(&n).map(Some),
        };
        Some(Zone {
            id,
            name: name?,
            level: zref.level?,
            parent: parent?,
            metro_area: metro_area?,
            county_level: county_level?,
            land_km2: land?,
            leading_industries: leading?,
            industry_mix: mix?,
        })
    }

    fn industry_mix(&mut self, node: &Node<'_>) -> Option<IndustryMix> {
        let obj = self.w.object(node, &["year", "unit", "values"])?;
        let year = self.year(&obj);
        let unit = self.required_lookup(&obj, "unit", |s| &s.units, K::UnknownUnit, IdList::Unit);
        let values_node = self.w.required(&obj, "values")?;
        let values_obj = self.w.data_map(&values_node);
        let values = values_obj.and_then(|o| {
            let mut values = Some(vec![0.0; self.industries.len()]);
            for (key, n) in o.entries() {
                let x = self.non_negative(&n, false);
                match self.industries.get(key) {
                    Some(i) => {
                        if let (Some(x), Some(v)) = (x, values.as_mut()) {
                            v[i] = x;
                        }
                    }
                    None => {
                        self.w.error(
                            &n.path,
                            K::UnknownIndustry,
                            P::IdOf(IdList::Industry),
                            P::Quoted(key.to_string()),
                        );
                        values = None;
                    }
                }
                if x.is_none() {
                    values = None;
                }
            }
            values
        });
        Some(IndustryMix {
            year: year?,
            unit: unit?,
            values: values?,
        })
    }

    // ---- observations --------------------------------------------------

    fn observations(
        &mut self,
        node: &Node<'_>,
        main_index: &[Option<usize>],
        n_zones: usize,
    ) -> Option<Vec<Vec<Column>>> {
        let items = self.w.array(node, MAX_OBSERVATIONS)?;
        let n_years = self.years.as_ref().map_or(0, Vec::len);
        let mut columns = vec![vec![Column::empty(n_zones); n_years]; self.indicators.len()];
        let mut seen = Seen::default();
        // Per year of meta.years: whether some row has a value.
        let mut years_with_data = vec![false; n_years];
        let mut ok = true;
        for n in items.iter() {
            let Some(row) = self.observation(&n) else {
                ok = false;
                continue;
            };
            // Zones ≤ 5,000, indicators ≤ 200, years 1900–2100: one key.
            let key =
                (row.zone as u64) << 32 | (row.indicator as u64) << 16 | row.year as u16 as u64;
            if !seen.insert(key) {
                self.w.error(
                    &n.path,
                    K::DuplicateEntry,
                    P::OneEntryPerRow,
                    P::SecondEntryFor(row.key.clone()),
                );
                ok = false;
                continue;
            }
            let y = self
                .years
                .as_ref()
                .and_then(|ys| ys.iter().position(|y| *y == row.year));
            if let (Some(_), Some(y)) = (row.value, y) {
                years_with_data[y] = true;
            }
            let Some(z) = main_index.get(row.zone).copied().flatten() else {
                let path = join(&n.path, "zone");
                self.w.error(
                    &path,
                    K::SubParkValue,
                    P::NationalOrRegionalZone,
                    P::SubParkRow(row.key.clone()),
                );
                ok = false;
                continue;
            };
            let Some(y) = y else {
                continue;
            };
            let column = &mut columns[row.indicator][y];
            column.values[z] = row.value;
            column.status[z] = Some(row.status);
            column.source[z] = row.source;
        }
        if let Some(years) = self.years.clone() {
            for (year, with_data) in years.iter().zip(&years_with_data) {
                if !with_data {
                    self.w.warn(
                        &node.path,
                        K::YearWithoutData,
                        P::ValuesFor(*year),
                        P::NoValueForAnyZone,
                    );
                }
            }
            if ok {
                self.missing_rows(node, &columns, &years, &years_with_data);
            }
        }
        ok.then_some(columns)
    }

    /// One warning per indicator and year where some zone has no row.
    fn missing_rows(
        &mut self,
        node: &Node<'_>,
        columns: &[Vec<Column>],
        years: &[i32],
        years_with_data: &[bool],
    ) {
        let main_ids: Vec<&str> = (0..self.zone_ids.len())
            .filter(|i| self.zone_refs[*i].level != Some(Level::SubPark))
            .map(|i| self.zone_ids.name(i))
            .collect();
        for (i, by_year) in columns.iter().enumerate() {
            let indicator = self.indicators.name(i);
            for (y, year) in years.iter().enumerate() {
                if !years_with_data[y] {
                    continue;
                }
                let missing: Vec<&str> = by_year[y]
                    .status
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.is_none())
                    .filter_map(|(z, _)| main_ids.get(z).copied())
                    .collect();
                if !missing.is_empty() {
                    let shown = missing.iter().take(5).map(|z| z.to_string()).collect();
                    self.w.warn(
                        &node.path,
                        K::MissingObservation,
                        P::EntryForEveryZone {
                            indicator: indicator.to_string(),
                            year: *year,
                        },
                        P::NoneForZones {
                            count: missing.len(),
                            shown,
                            more: missing.len() > 5,
                        },
                    );
                }
            }
        }
    }

    fn observation(&mut self, node: &Node<'_>) -> Option<Row> {
        let obj = self.w.object(
            node,
            &["zone", "indicator", "year", "value", "status", "source"],
        )?;
        let zone =
            self.required_lookup(&obj, "zone", |s| &s.zone_ids, K::UnknownZone, IdList::Zone);
        let indicator = self.required_lookup(
            &obj,
            "indicator",
            |s| &s.indicators,
            K::UnknownIndicator,
            IdList::Indicator,
        );
        let year = self.year(&obj);
        let value = self.w.required(&obj, "value").and_then(|n| {
            let x = self.w.nullable_number(&n)?;
            match (x, indicator) {
                (Some(x), Some(i)) => self.check_value(&n, i, x).map(Some),
                _ => Some(x),
            }
        });
        let status = self.status(&obj);
        let source = self.source_ref(&obj);
        let (zone, indicator, year) = (zone?, indicator?, year?);
        let key = format!(
            "{}/{}/{}",
            obj.get("zone")
                .and_then(|n| n.as_str().map(str::to_string))
                .unwrap_or_default(),
            obj.get("indicator")
                .and_then(|n| n.as_str().map(str::to_string))
                .unwrap_or_default(),
            year
        );
        Some(Row {
            zone,
            indicator,
            year,
            value: value?,
            status: status?,
            source: source?,
            key,
        })
    }

    /// Range checks by the indicator's kind.
    fn check_value(&mut self, node: &Node<'_>, indicator: usize, x: f64) -> Option<f64> {
        if x < 0.0 {
            self.w.error(
                &node.path,
                K::NegativeValue,
                P::NumberAtLeastZeroOrNull,
                node.describe(),
            );
            return None;
        }
        match self.indicator_kinds.get(indicator).copied().flatten() {
            Some(ValueKind::Count) if x.fract() != 0.0 => {
                self.w
                    .error(&node.path, K::NotAnInteger, P::Count, node.describe());
                None
            }
            Some(ValueKind::Share) if x > 1.0 => {
                self.w
                    .warn(&node.path, K::ShareOverOne, P::Share, node.describe());
                Some(x)
            }
            _ => Some(x),
        }
    }

    // ---- region totals, reference averages, rankings -------------------

    fn region_total(&mut self, node: &Node<'_>) -> Option<RegionTotal> {
        let obj = self.w.object(
            node,
            &["indicator", "year", "variant", "value", "status", "source"],
        )?;
        let measure = self.measure(&obj, "indicator", true);
        let year = self.year(&obj);
        let variant = match obj.get_non_null("variant") {
            None => Some(None),
            Some(n) => self.w.id(&n).map(Some),
        };
        let figure = self.figure(&obj, measure);
        Some(RegionTotal {
            measure: measure?,
            year: year?,
            variant: variant?,
            figure: figure?,
        })
    }

    /// `value` (number ≥ 0 or null), `status`, `source`.
    fn figure(&mut self, obj: &Obj<'_>, measure: Option<Measure>) -> Option<Figure> {
        let value = self.w.required(obj, "value").and_then(|n| {
            let x = self.w.nullable_number(&n)?;
            match (x, measure) {
                (Some(x), Some(Measure::Indicator(i))) => self.check_value(&n, i, x).map(Some),
                (Some(x), _) if x < 0.0 => {
                    self.w.error(
                        &n.path,
                        K::NegativeValue,
                        P::NumberAtLeastZero,
                        n.describe(),
                    );
                    None
                }
                _ => Some(x),
            }
        });
        let status = self.status(obj);
        let source = self.source_ref(obj);
        Some(Figure {
            value: value?,
            status: status?,
            source: source?,
        })
    }

    fn reference_average(&mut self, node: &Node<'_>) -> Option<ReferenceAverage> {
        let obj = self
            .w
            .object(node, &["indicator", "year", "value", "status", "source"])?;
        let measure = self.measure(&obj, "indicator", false);
        let year = self.year(&obj);
        let figure = self.figure(&obj, measure);
        let Measure::Indicator(indicator) = measure? else {
            return None;
        };
        Some(ReferenceAverage {
            indicator,
            year: year?,
            figure: figure?,
        })
    }

    fn rankings(&mut self, root: &Obj<'_>, main_index: &[Option<usize>]) -> Option<Vec<Ranking>> {
        let Some(node) = root.get_non_null("national_rankings") else {
            return Some(Vec::new());
        };
        let items = self.w.array(&node, MAX_ROWS)?;
        let mut out = Some(Vec::new());
        let mut seen = Seen::default();
        for n in items.iter() {
            let r = self.ranking(&n, main_index);
            if let Some(r) = &r {
                if !seen.insert((r.zone as u64) << 32 | r.year as u32 as u64) {
                    self.w.error(
                        &n.path,
                        K::DuplicateEntry,
                        P::OneRankingPerZoneYear,
                        P::SecondRankingFor(r.year),
                    );
                    out = None;
                    continue;
                }
            }
            match (r, out.as_mut()) {
                (Some(r), Some(v)) => v.push(r),
                _ => out = None,
            }
        }
        out
    }

    fn ranking(&mut self, node: &Node<'_>, main_index: &[Option<usize>]) -> Option<Ranking> {
        let obj = self
            .w
            .object(node, &["zone", "year", "rank", "of", "status", "source"])?;
        let zone =
            self.required_lookup(&obj, "zone", |s| &s.zone_ids, K::UnknownZone, IdList::Zone);
        let zone = zone.and_then(|z| {
            if self.zone_refs[z]
                .level
                .is_some_and(|l| l != Level::National)
            {
                let path = obj.path_of("zone");
                let found = P::ZoneOfLevel(self.zone_refs[z].level.unwrap_or(Level::Regional));
                self.w
                    .error(&path, K::RankingNotNational, P::NationalZone, found);
                return None;
            }
            main_index.get(z).copied().flatten()
        });
        let year = self.year(&obj);
        let of = self
            .w
            .required(&obj, "of")
            .and_then(|n| self.w.integer(&n, 1, 10_000));
        let rank = self
            .w
            .required(&obj, "rank")
            .and_then(|n| self.w.integer(&n, 1, of.unwrap_or(10_000)));
        let status = self.status(&obj);
        let source = self.source_ref(&obj);
        Some(Ranking {
            zone: zone?,
            year: year?,
            rank: rank? as u32,
            of: of? as u32,
            status: status?,
            source: source?,
        })
    }

    // ---- benchmarks, context -------------------------------------------

    fn benchmark(&mut self, node: &Node<'_>) -> Option<Benchmark> {
        let obj = self.w.object(node, &["id", "name", "values"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.benchmarks, &n));
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        let values = self.w.required(&obj, "values").and_then(|n| {
            self.list(&n, MAX_LIST, |s, v| {
                let obj =
                    s.w.object(v, &["indicator", "year", "value", "status", "source"])?;
                let measure = s.measure(&obj, "indicator", true);
                let year = s.year(&obj);
                let figure = s.figure(&obj, measure);
                Some(BenchmarkValue {
                    measure: measure?,
                    year: year?,
                    figure: figure?,
                })
            })
        });
        Some(Benchmark {
            id: id?,
            name: name?,
            values: values?,
        })
    }

    fn context_figure(&mut self, node: &Node<'_>) -> Option<ContextFigure> {
        let obj = self.w.object(
            node,
            &["id", "label", "year", "value", "unit", "status", "source"],
        )?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.context, &n));
        let label = self.required_text(&obj, "label", MAX_NAME_CHARS);
        let year = self.year(&obj);
        let value = self.required_number(&obj, "value");
        let unit = self.required_lookup(&obj, "unit", |s| &s.units, K::UnknownUnit, IdList::Unit);
        let status = self.status(&obj);
        let source = self.source_ref(&obj);
        Some(ContextFigure {
            id: id?,
            label: label?,
            year: year?,
            value: value?,
            unit: unit?,
            status: status?,
            source: source?,
        })
    }

    // ---- claims --------------------------------------------------------

    fn claims(&mut self, root: &Obj<'_>) -> Option<Vec<Claim>> {
        let Some(node) = root.get_non_null("claims") else {
            return Some(Vec::new());
        };
        let items = self.w.array(&node, MAX_LIST)?;
        let mut ids = Ids::default();
        let mut parsed = Vec::new();
        for n in items.iter() {
            let Some(obj) = self
                .w
                .object(&n, &["id", "text", "chart", "checks", "contradicts"])
            else {
                parsed.push(None);
                continue;
            };
            if let Some(idn) = self.w.required(&obj, "id") {
                if let Some(id) = self.w.id(&idn) {
                    if !ids.insert(&id) {
                        self.w.error(
                            &idn.path,
                            K::DuplicateId,
                            P::UnusedClaimId,
                            P::QuotedAgain(id),
                        );
                    }
                }
            }
            parsed.push(Some(obj));
        }
        let mut out = Some(Vec::new());
        for obj in parsed {
            let claim = obj.and_then(|obj| self.claim(&obj, &ids));
            match (claim, out.as_mut()) {
                (Some(c), Some(v)) => v.push(c),
                _ => out = None,
            }
        }
        out
    }

    fn claim(&mut self, obj: &Obj<'_>, ids: &Ids) -> Option<Claim> {
        let id = obj.get("id").and_then(|n| n.as_str().map(str::to_string));
        let text = self.required_text(obj, "text", MAX_TEXT_CHARS);
        let chart = self.w.required(obj, "chart").and_then(|n| {
            let id = self.w.id(&n)?;
            if !CHART_IDS.contains(&id.as_str()) {
                // Still a usable claim: it is checked, and shown without a chart.
                self.w.warn(
                    &n.path,
                    K::UnknownChart,
                    P::OneOf(CHART_IDS.iter().map(|c| c.to_string()).collect()),
                    P::Quoted(id.clone()),
                );
            }
            Some(id)
        });
        let checks = self.w.required(obj, "checks").and_then(|n| {
            let checks = self.list(&n, MAX_CHECKS, Self::check)?;
            if checks.is_empty() {
                self.w
                    .error(&n.path, K::InvalidCheck, P::AtLeastOneCheck, P::EmptyArray);
                return None;
            }
            Some(checks)
        });
        let contradicts = match obj.get_non_null("contradicts") {
            None => Some(Vec::new()),
            Some(n) => self.w.array(&n, MAX_LIST).and_then(|items| {
                let mut out = Some(Vec::new());
                for c in items.iter() {
                    let found = self.w.id(&c).and_then(|id| match ids.get(&id) {
                        Some(i) => Some(i),
                        None => {
                            self.w.error(
                                &c.path,
                                K::UnknownReference,
                                P::IdOf(IdList::Claim),
                                P::Quoted(id),
                            );
                            None
                        }
                    });
                    match (found, out.as_mut()) {
                        (Some(i), Some(v)) => v.push(i),
                        _ => out = None,
                    }
                }
                out
            }),
        };
        Some(Claim {
            id: id?,
            text: text?,
            chart: chart?,
            checks: checks?,
            contradicts: contradicts?,
        })
    }

    fn check(&mut self, node: &Node<'_>) -> Option<Check> {
        const KINDS: &[&str] = &[
            "count_zones",
            "sum",
            "share",
            "count_where",
            "rank_count",
            "mean_vs_reference",
            "benchmark",
            "context",
            "similar_pairs",
            "gini",
        ];
        // The kind decides which fields are known, so read it first.
        let untyped = self.w.map(node)?;
        let kind_node = self.w.required(&untyped, "kind")?;
        let kind = KINDS[self.w.choice(&kind_node, KINDS)?];
        let fields: &[&str] = match kind {
            "count_zones" => &["kind", "zones", "op", "value", "tolerance"],
            "sum" | "gini" => &[
                "kind",
                "indicator",
                "year",
                "zones",
                "op",
                "value",
                "tolerance",
            ],
            "share" => &[
                "kind",
                "indicator",
                "year",
                "zones",
                "variant",
                "op",
                "value",
                "tolerance",
            ],
            "count_where" => &[
                "kind",
                "indicator",
                "year",
                "zones",
                "where",
                "op",
                "value",
                "tolerance",
            ],
            "rank_count" => &["kind", "year", "from", "to", "op", "value", "tolerance"],
            "mean_vs_reference" => &["kind", "indicator", "year", "zones", "op", "tolerance"],
            "benchmark" => &[
                "kind",
                "benchmark",
                "indicator",
                "year",
                "op",
                "value",
                "tolerance",
            ],
            "context" => &["kind", "figure", "op", "value", "tolerance"],
            _ => &["kind", "zones", "threshold", "op", "value", "tolerance"],
        };
        let obj = self.w.object(node, fields)?;
        let op = self.op(&obj);
        let zones = match obj.get_non_null("zones") {
            None => Some(ZoneFilter::default()),
            Some(n) => self.zone_filter(&n),
        };
        let indicator = |s: &mut Self| {
            s.measure(&obj, "indicator", false).and_then(|m| {
                if let Measure::Indicator(i) = m {
                    Some(i)
                } else {
                    None
                }
            })
        };
        let value = |s: &mut Self| s.required_number(&obj, "value");
        Some(match kind {
            "count_zones" => {
                let value = value(self);
                Check::CountZones {
                    zones: zones?,
                    op: op?,
                    value: value?,
                }
            }
            "sum" | "gini" => {
                let (indicator, year, value) = (indicator(self), self.year(&obj), value(self));
                let (indicator, year, zones, op, value) = (indicator?, year?, zones?, op?, value?);
                if kind == "sum" {
                    Check::Sum {
                        indicator,
                        year,
                        zones,
                        op,
                        value,
                    }
                } else {
                    Check::Gini {
                        indicator,
                        year,
                        zones,
                        op,
                        value,
                    }
                }
            }
            "share" => {
                let (measure, year, value) = (
                    self.measure(&obj, "indicator", true),
                    self.year(&obj),
                    value(self),
                );
                let variant = match obj.get_non_null("variant") {
                    None => Some(None),
                    Some(n) => self.w.id(&n).map(Some),
                };
                Check::Share {
                    measure: measure?,
                    year: year?,
                    zones: zones?,
                    variant: variant?,
                    op: op?,
                    value: value?,
                }
            }
            "count_where" => {
                let (indicator, year, value) = (indicator(self), self.year(&obj), value(self));
                let condition = self.w.required(&obj, "where").and_then(|n| {
                    let o = self.w.object(&n, &["op", "value", "tolerance"])?;
                    let op = self.op(&o);
                    let threshold = self.required_number(&o, "value");
                    Some((op?, threshold?))
                });
                let (value_op, threshold) = condition?;
                Check::CountWhere {
                    indicator: indicator?,
                    year: year?,
                    zones: zones?,
                    value_op,
                    threshold,
                    op: op?,
                    value: value?,
                }
            }
            "rank_count" => {
                let year = self.year(&obj);
                let from = self
                    .w
                    .required(&obj, "from")
                    .and_then(|n| self.w.integer(&n, 1, 10_000));
                let to = self
                    .w
                    .required(&obj, "to")
                    .and_then(|n| self.w.integer(&n, 1, 10_000));
                let value = value(self);
                Check::RankCount {
                    year: year?,
                    from: from? as u32,
                    to: to? as u32,
                    op: op?,
                    value: value?,
                }
            }
            "mean_vs_reference" => {
                let (indicator, year) = (indicator(self), self.year(&obj));
                Check::MeanVsReference {
                    indicator: indicator?,
                    year: year?,
                    zones: zones?,
                    op: op?,
                }
            }
            "benchmark" => {
                let b = self.required_lookup(
                    &obj,
                    "benchmark",
                    |s| &s.benchmarks,
                    K::UnknownReference,
                    IdList::Benchmark,
                );
                let (measure, year, value) = (
                    self.measure(&obj, "indicator", true),
                    self.year(&obj),
                    value(self),
                );
                Check::Benchmark {
                    benchmark: b?,
                    measure: measure?,
                    year: year?,
                    op: op?,
                    value: value?,
                }
            }
            "context" => {
                let f = self.required_lookup(
                    &obj,
                    "figure",
                    |s| &s.context,
                    K::UnknownReference,
                    IdList::ContextFigure,
                );
                let value = value(self);
                Check::Context {
                    figure: f?,
                    op: op?,
                    value: value?,
                }
            }
            _ => {
                let threshold = self.w.required(&obj, "threshold").and_then(|n| {
                    let x = self.w.number(&n)?;
                    if !(0.0..=1.0).contains(&x) {
                        self.w
                            .error(&n.path, K::OutOfRange, P::CosineThreshold, n.describe());
                        return None;
                    }
                    Some(x)
                });
                let value = value(self);
                Check::SimilarPairs {
                    zones: zones?,
                    threshold: threshold?,
                    op: op?,
                    value: value?,
                }
            }
        })
    }

    /// `op` (">", ">=", "<", "<=", "=", "≈") and, for "≈", `tolerance`.
    fn op(&mut self, obj: &Obj<'_>) -> Option<Op> {
        const OPS: &[&str] = &[">", ">=", "<", "<=", "=", "≈"];
        let n = self.w.required(obj, "op")?;
        let i = self.w.choice(&n, OPS)?;
        Some(match i {
            0 => Op::Gt,
            1 => Op::Ge,
            2 => Op::Lt,
            3 => Op::Le,
            4 => Op::Eq,
            _ => {
                let t = self.w.required(obj, "tolerance")?;
                Op::Approx(self.non_negative(&t, false)?)
            }
        })
    }

    fn zone_filter(&mut self, node: &Node<'_>) -> Option<ZoneFilter> {
        let obj = self
            .w
            .object(node, &["level", "county_level", "metro_area"])?;
        let level = match obj.get_non_null("level") {
            None => Some(None),
            Some(n) => self.w.choice(&n, LEVELS).map(|i| Some(LEVEL_VALUES[i])),
        };
        let county = match obj.get_non_null("county_level") {
            None => Some(None),
            Some(n) => self.w.boolean(&n).map(Some),
        };
        let metro = match obj.get_non_null("metro_area") {
            None => Some(None),
            Some(n) => self
                .lookup(
                    &n,
                    |s| &s.metro_areas,
                    K::UnknownMetroArea,
                    IdList::MetroArea,
                )
                .map(Some),
        };
        Some(ZoneFilter {
            level: level?,
            county_level: county?,
            metro_area: metro?,
        })
    }
}

const ZONE_FIELDS: &[&str] = &[
    "id",
    "name",
    "level",
    "parent",
    "metro_area",
    "county_level",
    "land_km2",
    "leading_industries",
    "industry_mix",
];

/// An observation as read.
struct Row {
    zone: usize,
    indicator: usize,
    year: i32,
    value: Option<f64>,
    status: Status,
    source: Option<usize>,
    /// `zone/indicator/year`, for messages.
    key: String,
}

#[cfg(test)]
mod tests;
