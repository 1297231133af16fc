//! The dataset: schema `zone-monitor/1` (docs/DATA.md), its validation, and the
//! core types the metrics, claims and charts read.
//!
//! One entry point, [`load_bytes`] (the file's bytes: UTF-8, a leading
//! byte-order mark dropped, see `encoding`) or [`load`]: JSON text in, a [`Loaded`] (the [`Dataset`] and
//! its warnings) or every [`Problem`] found out. The file's shape lives in
//! `json` (the serde edge); `validate` converts it into the core types below,
//! which know nothing of serde.
//!
//! Per-zone series are columns, not rows of maps: for each indicator and year a
//! [`Column`] holds one `Option<f64>` per zone (in [`Dataset::zones`] order)
//! and, in parallel, the status and source of each value.
//!
//! **Invariant:** this module never imports wasm-bindgen, web-sys, js-sys or
//! plotters.

mod doc;
pub(crate) use doc::Doc;
pub mod encoding;
mod index;
pub mod json;
mod phrase;
mod problem;
mod validate;

pub use problem::{Found, IdList, Phrase, Problem, ProblemKind, Problems, Severity};
pub use validate::{limits, load, load_bytes, parse, parse_bytes, validate, Parsed};

use crate::i18n::Lang;

/// The only schema this version reads.
pub const SCHEMA: &str = "zone-monitor/1";

macro_rules! chart_ids {
    ($($variant:ident($module:ident::$view:ident) in $tab:ident [$($control:ident),*];)*) => {
        /// The widget's chart ids: what `claims[].chart` may name (docs/DATA.md,
        /// "Charts"). Derived from the chart registry (`crate::registry`), like the views'
        /// `ChartId`, with `headline` first (the overview's figures, not a chart);
        /// the validator warns (`unknown_chart`) about any other id.
        /// docs/DATA.md's "Charts" table says what each shows (tested to list
        /// exactly these).
        pub const CHART_IDS: &[&str] = &["headline", $(stringify!($module)),*];
    };
}
crate::registry::for_each_chart!(chart_ids);

/// A validated dataset and the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub warnings: Vec<Problem>,
}

/// A Chinese/English pair of user-facing strings. Strings come from the data
/// file: they are text, never HTML.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }

    /// The string in `lang` as it goes into the widget's text: isolated from
    /// the text around it when its direction could leak (`format::isolated`).
    pub fn shown(&self, lang: Lang) -> String {
        crate::format::isolated(self.get(lang))
    }
}

/// Where a value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Stated by a source (the report, a policy document, a news report).
    Reported,
    /// Computed from reported figures (e.g. a region total implied by a share).
    Derived,
    /// Made up to look plausible; not a fact about any real zone.
    Illustrative,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::Derived => "derived",
            Status::Illustrative => "illustrative",
        }
    }

    /// For people: 公布 / 推算 / 示意.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Reported => lang.pick("公布", "reported"),
            Status::Derived => lang.pick("推算", "derived"),
            Status::Illustrative => lang.pick("示意", "illustrative"),
        }
    }
}

/// Level of a zone: national (国家级), region-level (市级), or a sub-park
/// (分园区) counted in its national parent (一区多园).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    National,
    Regional,
    SubPark,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Regional => "regional",
            Level::SubPark => "sub_park",
        }
    }

    /// For people: 国家级 / 市级 / 分园区.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Level::National => lang.pick("国家级", "national"),
            Level::Regional => lang.pick("市级", "region-level"),
            Level::SubPark => lang.pick("分园区", "sub-park"),
        }
    }
}

/// Which way is better for an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Higher,
    Lower,
    /// Context figures (employees, land) that are neither good nor bad.
    Neutral,
}

/// What sort of number an indicator holds; decides the range checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// A non-negative integer (enterprises, patents, platforms).
    Count,
    /// A non-negative amount (亿元, persons).
    Amount,
    /// A fraction in 0..=1 (a value above 1 is a warning).
    Share,
    /// A non-negative ratio of two amounts (万元/人, 吨标准煤/万元).
    Ratio,
}

#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub title: Text,
    /// As the source gives it: "2023", "2021-01-28".
    pub date: String,
    /// report | policy | news | statistics | generated
    pub kind: String,
}

#[derive(Clone, Debug)]
pub struct Unit {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Debug)]
pub struct Meta {
    pub title: Text,
    /// The region under study (全市).
    pub region: Text,
    /// The level above, whose averages C14 compares with (全省).
    pub parent_region: Text,
    pub units: Vec<Unit>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug)]
pub struct Indicator {
    pub id: String,
    pub name: Text,
    /// Index into [`Meta::units`].
    pub unit: usize,
    pub direction: Direction,
    pub kind: ValueKind,
    pub description: Text,
    /// Index into [`Framework::dimensions`]; `None` for context indicators
    /// outside the evaluation framework.
    pub dimension: Option<usize>,
    /// Weight within its dimension (the national system uses 0.8, 1, 1.2).
    pub coefficient: Option<f64>,
}

#[derive(Clone, Debug)]
pub struct Industry {
    pub id: String,
    pub name: Text,
    /// Lists of the report it comes from: leading | emerging | digital |
    /// traditional | other.
    pub groups: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct MetroArea {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug)]
pub struct Zone {
    pub id: String,
    pub name: Text,
    pub level: Level,
    /// For sub-parks: index of the parent in [`Dataset::zones`].
    pub parent: Option<usize>,
    /// Index into [`Dataset::metro_areas`].
    pub metro_area: Option<usize>,
    /// Sits in a county (县、县级市), not in the central city.
    pub county_level: bool,
    /// Approved area, km².
    pub land_km2: f64,
    /// Indices into [`Dataset::industries`].
    pub leading_industries: Vec<usize>,
    /// Output by industry (one value per [`Dataset::industries`]; an industry
    /// the file omits is 0), if given.
    pub industry_mix: Option<IndustryMix>,
    /// Earlier years' mixes, ascending, all before `industry_mix`'s year
    /// (the field `industry_mix_history`; empty if absent).
    pub industry_history: Vec<IndustryMix>,
}

#[derive(Clone, Debug)]
pub struct IndustryMix {
    pub year: i32,
    pub unit: usize,
    pub values: Vec<f64>,
    /// `None`: the file does not say (the field is optional).
    pub status: Option<Status>,
}

/// One indicator in one year over all zones, in [`Dataset::zones`] order.
#[derive(Clone, Debug, Default)]
pub struct Column {
    /// `None`: missing (null in the file, or no row at all).
    pub values: Vec<Option<f64>>,
    /// `None`: the file has no row for this zone.
    pub status: Vec<Option<Status>>,
    /// Index into [`Meta::sources`].
    pub source: Vec<Option<usize>>,
}

impl Column {
    fn empty(n: usize) -> Column {
        Column {
            values: vec![None; n],
            status: vec![None; n],
            source: vec![None; n],
        }
    }

    /// The known values, with their zone index.
    pub fn known(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
    }
}

/// A single figure (region total, reference average, benchmark value).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: Option<f64>,
    pub status: Status,
    pub source: Option<usize>,
}

/// What a region total or a share refers to: an indicator, or the zones'
/// approved land (the reserved id `land_km2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    Indicator(usize),
    Land,
}

#[derive(Clone, Debug)]
pub struct RegionTotal {
    pub measure: Measure,
    pub year: i32,
    /// Alternative totals implied by different statements of the report
    /// (e.g. C8 vs C9); `None` is the default total.
    pub variant: Option<String>,
    pub figure: Figure,
}

#[derive(Clone, Debug)]
pub struct ReferenceAverage {
    pub indicator: usize,
    pub year: i32,
    pub figure: Figure,
}

/// A national zone's place in the national evaluation: `rank` of `of`.
#[derive(Clone, Debug)]
pub struct Ranking {
    pub zone: usize,
    pub year: i32,
    pub rank: u32,
    pub of: u32,
    pub status: Status,
    pub source: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct Benchmark {
    pub id: String,
    pub name: Text,
    pub values: Vec<BenchmarkValue>,
}

#[derive(Clone, Debug)]
pub struct BenchmarkValue {
    pub measure: Measure,
    pub year: i32,
    pub figure: Figure,
}

/// A context figure the report states without a zone breakdown (C2, C12).
#[derive(Clone, Debug)]
pub struct ContextFigure {
    pub id: String,
    pub label: Text,
    pub year: i32,
    pub value: f64,
    pub unit: usize,
    pub status: Status,
    pub source: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct Dimension {
    pub id: String,
    pub name: Text,
    /// Percent; the national system's five sum to 100.
    pub weight: f64,
}

/// Dynamic management (动态管理): who is rewarded, warned, or made to exit.
/// Configuration only; the metrics compute the tiers.
#[derive(Clone, Debug, PartialEq)]
pub struct TierRules {
    /// Reward the top k of the composite ranking...
    pub reward_top: u32,
    /// ...or a zone that rose at least this many places in a year.
    pub reward_rise: u32,
    /// Warn the bottom k...
    pub warning_bottom: u32,
    /// ...or a zone whose composite score (0–100) is below this.
    pub warning_score_below: f64,
    /// Exit after this many consecutive warned years without improving.
    pub exit_after_warned_years: u32,
}

#[derive(Clone, Debug)]
pub struct Framework {
    pub name: Text,
    pub source: Option<usize>,
    pub dimensions: Vec<Dimension>,
    pub tiers: TierRules,
}

/// Comparison of a claim check: computed `op` stated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Gt,
    Ge,
    Lt,
    Le,
    Eq,
    /// |computed − stated| ≤ tolerance.
    Approx(f64),
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Eq => "=",
            Op::Approx(_) => "≈",
        }
    }

    /// Whether `computed op stated` holds. `Eq` allows a rounding error of
    /// [`SUM_TOLERANCE`], so a sum of decimals can equal a stated integer.
    pub fn holds(self, computed: f64, stated: f64) -> bool {
        match self {
            Op::Gt => computed > stated,
            Op::Ge => computed >= stated,
            Op::Lt => computed < stated,
            Op::Le => computed <= stated,
            Op::Eq => (computed - stated).abs() <= SUM_TOLERANCE * stated.abs().max(1.0),
            Op::Approx(tolerance) => (computed - stated).abs() <= tolerance + 1e-12,
        }
    }
}

/// The rounding a sum of the file's values may carry when it meets a
/// figure, relative: 1e-9. Adding n doubles errs by about n × 2⁻⁵³ of the sum
/// at most (2⁻⁵³ ≈ 1.1e-16: 5,000 zones, some 6e-13), so zones that make up
/// a total exactly, which may sum to 1.0000000000000002 of it, pass; a
/// difference the data really hold (figures written to a handful of
/// significant digits) is far above it.
pub const SUM_TOLERANCE: f64 = 1e-9;

/// Whether parts adding up to `part` come to more than their `whole`, past
/// [`SUM_TOLERANCE`]: the zones' sum over the region's total, which real
/// data cannot do (a unit, a year or a total is wrong). The one rule for the
/// validator's warning, a share claim and the shares chart. A whole of 0
/// under a positive part is exceeded; NaN never is.
pub fn exceeds_whole(part: f64, whole: f64) -> bool {
    part > whole * (1.0 + SUM_TOLERANCE)
}

/// Which zones a check looks at. Empty filter: the main zones (national and
/// region-level; sub-parks are counted in their parents).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneFilter {
    pub level: Option<Level>,
    pub county_level: Option<bool>,
    pub metro_area: Option<usize>,
}

impl ZoneFilter {
    pub fn accepts(&self, zone: &Zone) -> bool {
        self.level.map_or(true, |l| l == zone.level)
            && self.county_level.map_or(true, |c| c == zone.county_level)
            && self.metro_area.map_or(true, |m| zone.metro_area == Some(m))
    }
}

/// The declarative check that decides whether the data supports a claim.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    /// Number of zones passing the filter (`level: sub_park` counts sub-parks).
    CountZones {
        zones: ZoneFilter,
        op: Op,
        value: f64,
    },
    /// Σ of an indicator over the zones.
    Sum {
        indicator: usize,
        year: i32,
        zones: ZoneFilter,
        op: Op,
        value: f64,
    },
    /// Σ over the zones / the region total (of `variant`, if given).
    Share {
        measure: Measure,
        year: i32,
        zones: ZoneFilter,
        variant: Option<String>,
        op: Op,
        value: f64,
    },
    /// Number of zones whose value satisfies `value_op threshold`.
    CountWhere {
        indicator: usize,
        year: i32,
        zones: ZoneFilter,
        value_op: Op,
        threshold: f64,
        op: Op,
        value: f64,
    },
    /// Number of national zones ranked within `from..=to` nationally.
    RankCount {
        year: i32,
        from: u32,
        to: u32,
        op: Op,
        value: f64,
    },
    /// Mean over the zones vs the reference average of the level above.
    MeanVsReference {
        indicator: usize,
        year: i32,
        zones: ZoneFilter,
        op: Op,
    },
    /// A benchmark's stated value.
    Benchmark {
        benchmark: usize,
        measure: Measure,
        year: i32,
        op: Op,
        value: f64,
    },
    /// A context figure's value.
    Context { figure: usize, op: Op, value: f64 },
    /// Share of zone pairs whose industry mixes have cosine ≥ `threshold`.
    SimilarPairs {
        zones: ZoneFilter,
        threshold: f64,
        op: Op,
        value: f64,
    },
    /// Gini coefficient of an indicator over the zones.
    Gini {
        indicator: usize,
        year: i32,
        zones: ZoneFilter,
        op: Op,
        value: f64,
    },
}

#[derive(Clone, Debug)]
pub struct Claim {
    pub id: String,
    pub text: Text,
    /// Id of the chart that shows it, one of [`CHART_IDS`]; an id not
    /// listed there is kept (with an `unknown_chart` warning) and the claim is
    /// shown without a chart.
    pub chart: String,
    pub checks: Vec<Check>,
    /// Claims this one disagrees with (C8 ↔ C9), as indices into
    /// [`Dataset::claims`].
    pub contradicts: Vec<usize>,
    /// The readings and thresholds the file's author chose where the report
    /// gives none, and why (docs/CLAIMS.md's "ours").
    pub ours: Option<Text>,
}

/// A validated dataset. Columns are indexed by zone in [`Dataset::zones`]
/// order (national and region-level zones; sub-parks are apart).
#[derive(Clone, Debug)]
pub struct Dataset {
    pub meta: Meta,
    /// Ascending, distinct.
    pub years: Vec<i32>,
    pub framework: Framework,
    pub indicators: Vec<Indicator>,
    pub industries: Vec<Industry>,
    pub metro_areas: Vec<MetroArea>,
    /// National and region-level zones, in file order.
    pub zones: Vec<Zone>,
    /// Sub-parks (分园区); `parent` indexes [`Dataset::zones`].
    pub sub_parks: Vec<Zone>,
    /// `columns[indicator][year_index]`.
    pub columns: Vec<Vec<Column>>,
    pub region_totals: Vec<RegionTotal>,
    pub reference_averages: Vec<ReferenceAverage>,
    pub rankings: Vec<Ranking>,
    pub benchmarks: Vec<Benchmark>,
    pub context: Vec<ContextFigure>,
    pub claims: Vec<Claim>,
}

impl Dataset {
    pub fn indicator_index(&self, id: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The zones' names in one language, in column order.
    pub fn zone_names(&self, lang: Lang) -> Vec<&str> {
        self.zones.iter().map(|z| z.name.get(lang)).collect()
    }

    /// One zone's values of an indicator, one per [`Dataset::years`].
    pub fn series(&self, indicator: usize, zone: usize) -> Vec<Option<f64>> {
        self.columns
            .get(indicator)
            .map(|by_year| {
                by_year
                    .iter()
                    .map(|c| c.values.get(zone).copied().flatten())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Indicators of a framework dimension, in file order.
    pub fn dimension_indicators(&self, dimension: usize) -> Vec<usize> {
        (0..self.indicators.len())
            .filter(|i| self.indicators[*i].dimension == Some(dimension))
            .collect()
    }

    pub fn source(&self, index: usize) -> Option<&Source> {
        self.meta.sources.get(index)
    }

    pub fn zone_index(&self, id: &str) -> Option<usize> {
        self.zones.iter().position(|z| z.id == id)
    }

    pub fn year_index(&self, year: i32) -> Option<usize> {
        self.years.iter().position(|y| *y == year)
    }

    /// The column of an indicator (by index) in a year.
    pub fn column_at(&self, indicator: usize, year: i32) -> Option<&Column> {
        self.columns.get(indicator)?.get(self.year_index(year)?)
    }

    /// The column of an indicator (by id) in a year.
    pub fn column(&self, indicator: &str, year: i32) -> Option<&Column> {
        self.column_at(self.indicator_index(indicator)?, year)
    }

    /// The zones' values of a measure in a year, zone order. Land is the
    /// approved area and the same every year.
    pub fn values(&self, measure: Measure, year: i32) -> Option<Vec<Option<f64>>> {
        match measure {
            Measure::Indicator(i) => Some(self.column_at(i, year)?.values.clone()),
            Measure::Land => Some(self.zones.iter().map(|z| Some(z.land_km2)).collect()),
        }
    }

    /// The default region total of a measure in a year.
    pub fn region_total(&self, measure: Measure, year: i32) -> Option<&Figure> {
        self.region_total_variant(measure, year, None)
    }

    /// A region total; `variant` picks an alternative the file names.
    pub fn region_total_variant(
        &self,
        measure: Measure,
        year: i32,
        variant: Option<&str>,
    ) -> Option<&Figure> {
        self.region_totals
            .iter()
            .find(|t| t.measure == measure && t.year == year && t.variant.as_deref() == variant)
            .map(|t| &t.figure)
    }

    /// The level above's average per zone (全省平均), for C14.
    pub fn reference_average(&self, indicator: usize, year: i32) -> Option<&Figure> {
        self.reference_averages
            .iter()
            .find(|r| r.indicator == indicator && r.year == year)
            .map(|r| &r.figure)
    }

    /// A national zone's national ranking in a year.
    pub fn ranking(&self, zone: usize, year: i32) -> Option<&Ranking> {
        self.rankings
            .iter()
            .find(|r| r.zone == zone && r.year == year)
    }

    /// Indices of the zones a filter accepts (sub-parks when it asks for them).
    pub fn zones_matching(&self, filter: &ZoneFilter) -> Vec<usize> {
        let pool = if filter.level == Some(Level::SubPark) {
            &self.sub_parks
        } else {
            &self.zones
        };
        pool.iter()
            .enumerate()
            .filter(|(_, z)| filter.accepts(z))
            .map(|(i, _)| i)
            .collect()
    }

    /// The sub-parks of a zone.
    pub fn sub_parks_of(&self, zone: usize) -> impl Iterator<Item = &Zone> {
        self.sub_parks
            .iter()
            .filter(move |s| s.parent == Some(zone))
    }

    /// The id of an indicator's unit ("yi_yuan"), if it has one.
    pub fn unit_id(&self, indicator: usize) -> Option<&str> {
        self.indicators
            .get(indicator)
            .and_then(|i| self.meta.units.get(i.unit))
            .map(|u| u.id.as_str())
    }

    pub fn unit_label(&self, indicator: usize, lang: Lang) -> &str {
        self.indicators
            .get(indicator)
            .and_then(|i| self.meta.units.get(i.unit))
            .map_or("", |u| u.label.get(lang))
    }
}

#[cfg(test)]
mod tests;
