//! The report's claims (C1–C19, docs/CLAIMS.md) checked against a dataset.
//!
//! Each [`Claim`] of the dataset carries declarative [`Check`]s; [`evaluate`]
//! computes each check's figure from the data and compares it with the figure
//! the report states. A claim holds when all its checks hold. Claims the file
//! marks as contradicting each other (C8 ↔ C9) are evaluated as stated, each
//! against its own figures, and flagged: the widget shows both and says they
//! disagree rather than silently picking one.
//!
//! Pure: no serde, no drawing. Sums, means, shares and counts are computed
//! here; every metric beyond them (Gini, industry-structure similarity) comes
//! from [`crate::analysis`], never from `metrics` directly (ARCHITECTURE.md).

use crate::analysis::{imbalance::gini, specialisation::similar_pair_count};
use crate::format::{figure, grouped, percent};
use crate::i18n::Lang;
use crate::model::{Check, Claim, Dataset, Level, Measure, Op, Status, Text, ZoneFilter};

/// How many of the values a check used carry each status. A zone's level,
/// county and approved land describe the zone and carry no status; they are
/// not counted. An industry mix without a `status` counts as `unstated`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusMix {
    pub reported: usize,
    /// Reported figures whose source is of kind `report`: the report's own
    /// statements restated in the file, which a claim can only agree with
    /// (C2's 4th place checked against the 4th place the report states).
    pub restated: usize,
    pub derived: usize,
    pub illustrative: usize,
    pub unstated: usize,
}

impl StatusMix {
    fn add(&mut self, status: Option<Status>) {
        match status {
            Some(Status::Reported) => self.reported += 1,
            Some(Status::Derived) => self.derived += 1,
            Some(Status::Illustrative) => self.illustrative += 1,
            None => self.unstated += 1,
        }
    }

    fn of(statuses: impl IntoIterator<Item = Option<Status>>) -> StatusMix {
        let mut mix = StatusMix::default();
        for s in statuses {
            mix.add(s);
        }
        mix
    }

    fn plus(self, other: StatusMix) -> StatusMix {
        StatusMix {
            reported: self.reported + other.reported,
            restated: self.restated + other.restated,
            derived: self.derived + other.derived,
            illustrative: self.illustrative + other.illustrative,
            unstated: self.unstated + other.unstated,
        }
    }

    /// What the values can show: the weakest status among them decides.
    pub fn basis(self) -> Basis {
        if self.illustrative > 0 {
            Basis::Illustrative
        } else if self.derived > 0 {
            Basis::Derived
        } else if self.unstated > 0 {
            Basis::Unstated
        } else if self.reported > 0 {
            Basis::Reported
        } else if self.restated > 0 {
            Basis::Restated
        } else {
            Basis::ZoneList
        }
    }
}

/// What a claim was checked against, decided by the weakest status of the
/// values its checks used: only values all `reported` can support a claim;
/// one illustrative value makes the check a consistency check against
/// made-up values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Reported,
    Derived,
    Illustrative,
    /// Values whose status the file does not give (industry mixes without one).
    Unstated,
    /// The report's own figures only (beside values reported elsewhere
    /// they count as reported): nothing independent of the claim.
    Restated,
    /// No values at all: counts of the file's zones.
    ZoneList,
}

/// The outcome of one check.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    /// What was computed, e.g. "sum of GDP, 2022, all zones".
    pub what: Text,
    /// The figure computed from the data; `None` when the data lacks it.
    pub computed: Option<f64>,
    /// The figure the report states (or, for `mean_vs_reference`, the
    /// reference average in the data).
    pub stated: Option<f64>,
    pub op: Op,
    pub holds: bool,
    /// Why a figure is missing, what it was compared with, what was left out.
    pub note: Option<Text>,
    /// The statuses of the values the figure was computed from.
    pub used: StatusMix,
}

/// The outcome of one claim.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimResult {
    pub id: String,
    pub text: Text,
    pub chart: String,
    pub checks: Vec<CheckResult>,
    /// All checks hold.
    pub holds: bool,
    /// Ids of the claims this one disagrees with; non-empty means the pair is
    /// flagged "contradictory" whatever each one's outcome.
    pub contradicts: Vec<String>,
    /// The readings and thresholds the file's author chose where the report
    /// gives none, with the reason (the claim's `ours`).
    pub ours: Option<Text>,
}

impl ClaimResult {
    /// The statuses of every value the claim's checks used.
    pub fn used(&self) -> StatusMix {
        self.checks
            .iter()
            .fold(StatusMix::default(), |mix, c| mix.plus(c.used))
    }

    pub fn is_contradictory(&self) -> bool {
        !self.contradicts.is_empty()
    }

    /// "holds" / "fails", plus "contradictory" when flagged.
    pub fn verdict(&self, lang: Lang) -> String {
        let base = if self.holds {
            lang.pick("成立", "holds")
        } else {
            lang.pick("不成立", "fails")
        };
        if self.is_contradictory() {
            let with = self.contradicts.join(", ");
            match lang {
                Lang::Zh => format!("{base}；与 {with} 相互矛盾"),
                Lang::En => format!("{base}; contradicts {with}"),
            }
        } else {
            base.to_string()
        }
    }
}

/// Evaluates every claim of the dataset, in file order.
pub fn evaluate(dataset: &Dataset) -> Vec<ClaimResult> {
    dataset
        .claims
        .iter()
        .map(|c| evaluate_claim(dataset, c))
        .collect()
}

/// Evaluates one claim.
pub fn evaluate_claim(dataset: &Dataset, claim: &Claim) -> ClaimResult {
    let checks: Vec<CheckResult> = claim
        .checks
        .iter()
        .map(|c| evaluate_check(dataset, c))
        .collect();
    let contradicts: Vec<String> = claim
        .contradicts
        .iter()
        .filter_map(|i| dataset.claims.get(*i))
        .map(|c| c.id.clone())
        .collect();
    ClaimResult {
        id: claim.id.clone(),
        text: claim.text.clone(),
        chart: claim.chart.clone(),
        holds: !checks.is_empty() && checks.iter().all(|c| c.holds),
        checks,
        contradicts,
        ours: claim.ours.clone(),
    }
}

fn t(zh: String, en: String) -> Text {
    Text { zh, en }
}

fn result(
    what: Text,
    computed: Option<f64>,
    stated: Option<f64>,
    op: Op,
    note: Option<Text>,
) -> CheckResult {
    let holds = match (computed, stated) {
        (Some(c), Some(s)) => op.holds(c, s),
        _ => false,
    };
    CheckResult {
        what,
        computed,
        stated,
        op,
        holds,
        note,
        used: StatusMix::default(),
    }
}

impl CheckResult {
    fn using(self, used: StatusMix) -> CheckResult {
        CheckResult { used, ..self }
    }
}

/// The statuses of the known values of a measure over the zones a filter
/// picks (none for land: a zone's approved area describes it).
fn zone_statuses(ds: &Dataset, measure: Measure, year: i32, zones: &ZoneFilter) -> StatusMix {
    let Measure::Indicator(i) = measure else {
        return StatusMix::default();
    };
    if zones.level == Some(Level::SubPark) {
        return StatusMix::default();
    }
    let Some(column) = ds.column_at(i, year) else {
        return StatusMix::default();
    };
    StatusMix::of(
        ds.zones_matching(zones)
            .into_iter()
            .filter(|z| column.values.get(*z).copied().flatten().is_some())
            .map(|z| column.status.get(z).copied().flatten()),
    )
}

/// Names of a measure in both languages, the English as it reads inside a
/// check line ("sum of high-tech industry value added"): every line puts
/// it after other words.
fn measure_name(ds: &Dataset, m: Measure) -> Text {
    match m {
        Measure::Indicator(i) => ds.indicators.get(i).map_or_else(Text::default, |d| Text {
            en: crate::format::in_sentence(&d.name.en),
            ..d.name.clone()
        }),
        Measure::Land => t("土地面积".into(), "land area".into()),
    }
}

/// Which zones, in both languages: "county-level national zones".
fn filter_name(ds: &Dataset, f: &ZoneFilter) -> Text {
    let (county_zh, county_en) = match f.county_level {
        Some(true) => ("县域", "county-level "),
        Some(false) => ("非县域", "non-county "),
        None => ("", ""),
    };
    let (level_zh, level_en) = match f.level {
        Some(Level::National) => ("国家级高新区", "national zones"),
        Some(Level::Regional) => ("市级高新区", "region-level zones"),
        Some(Level::SubPark) => ("分园区", "sub-parks"),
        None => ("全部高新区", "all zones"),
    };
    let area = f.metro_area.and_then(|m| ds.metro_areas.get(m));
    let (area_zh, area_en) = area.map_or((String::new(), String::new()), |a| {
        (a.name.zh.clone(), format!(" in {}", a.name.en))
    });
    t(
        format!("{area_zh}{county_zh}{level_zh}"),
        format!("{county_en}{level_en}{area_en}"),
    )
}

/// Known values of a measure over the zones of a filter, and how many zones
/// lacked one.
fn filtered(
    ds: &Dataset,
    measure: Measure,
    year: i32,
    zones: &ZoneFilter,
) -> Option<(Vec<f64>, usize)> {
    let values = ds.values(measure, year)?;
    let picked = ds.zones_matching(zones);
    if zones.level == Some(Level::SubPark) {
        // Sub-parks have no values of their own (一区多园).
        return Some((Vec::new(), picked.len()));
    }
    let known: Vec<f64> = picked
        .iter()
        .filter_map(|i| values.get(*i).copied().flatten())
        .collect();
    let missing = picked.len() - known.len();
    Some((known, missing))
}

fn missing_note(missing: usize) -> Option<Text> {
    (missing > 0).then(|| {
        let zones = crate::format::en_agree(missing, "zone has", "zones have");
        let are = crate::format::en_agree(missing, "is", "are");
        // Grouped as every figure on screen: "1,200", not "1200".
        let missing = crate::format::grouped(missing as f64, 0);
        t(
            format!("{missing} 个园区缺少数值，未计入。"),
            format!("{missing} {zones} no value and {are} left out."),
        )
    })
}

fn no_data(what: Text, stated: Option<f64>, op: Op, zh: &str, en: &str) -> CheckResult {
    result(what, None, stated, op, Some(t(zh.into(), en.into())))
}

/// Evaluates one check: its figure, and the statuses of the values used.
pub fn evaluate_check(ds: &Dataset, check: &Check) -> CheckResult {
    compute(ds, check).using(statuses_used(ds, check))
}

/// The statuses of the values a check's figure is computed from.
fn statuses_used(ds: &Dataset, check: &Check) -> StatusMix {
    // A reported figure from a source of kind `report` is the report's own
    // statement: restated, not independent of the claim.
    let stated = |status: Status, source: Option<usize>| {
        let mut mix = StatusMix::default();
        match source.and_then(|i| ds.source(i)) {
            Some(s) if status == Status::Reported && s.kind == "report" => mix.restated += 1,
            _ => mix.add(Some(status)),
        }
        mix
    };
    let figure = |f: Option<&crate::model::Figure>| {
        f.map_or_else(StatusMix::default, |f| stated(f.status, f.source))
    };
    match check {
        Check::CountZones { .. } => StatusMix::default(),
        Check::Sum {
            indicator,
            year,
            zones,
            ..
        }
        | Check::CountWhere {
            indicator,
            year,
            zones,
            ..
        }
        | Check::Gini {
            indicator,
            year,
            zones,
            ..
        } => zone_statuses(ds, Measure::Indicator(*indicator), *year, zones),
        Check::Share {
            measure,
            year,
            zones,
            variant,
            ..
        } => zone_statuses(ds, *measure, *year, zones).plus(figure(ds.region_total_variant(
            *measure,
            *year,
            variant.as_deref(),
        ))),
        Check::MeanVsReference {
            indicator,
            year,
            zones,
            ..
        } => zone_statuses(ds, Measure::Indicator(*indicator), *year, zones)
            .plus(figure(ds.reference_average(*indicator, *year))),
        Check::RankCount { year, .. } => StatusMix::of(
            ds.rankings
                .iter()
                .filter(|r| r.year == *year)
                .map(|r| Some(r.status)),
        ),
        Check::Benchmark {
            benchmark,
            measure,
            year,
            ..
        } => figure(ds.benchmarks.get(*benchmark).and_then(|b| {
            b.values
                .iter()
                .find(|v| v.measure == *measure && v.year == *year)
                .map(|v| &v.figure)
        })),
        Check::Context { figure: f, .. } => ds
            .context
            .get(*f)
            .map_or_else(StatusMix::default, |f| stated(f.status, f.source)),
        Check::SimilarPairs { zones, .. } => StatusMix::of(
            ds.zones_matching(zones)
                .into_iter()
                .filter_map(|z| ds.zones.get(z)?.industry_mix.as_ref())
                .map(|m| m.status),
        ),
    }
}

/// The figure of one check, compared with the stated one.
fn compute(ds: &Dataset, check: &Check) -> CheckResult {
    match check {
        Check::CountZones { zones, op, value } => {
            let f = filter_name(ds, zones);
            let what = t(format!("{}数量", f.zh), format!("number of {}", f.en));
            result(
                what,
                Some(ds.zones_matching(zones).len() as f64),
                Some(*value),
                *op,
                None,
            )
        }
        Check::Sum {
            indicator,
            year,
            zones,
            op,
            value,
        } => {
            let (m, f) = (
                measure_name(ds, Measure::Indicator(*indicator)),
                filter_name(ds, zones),
            );
            let what = t(
                format!("{year}年{}{}合计", f.zh, m.zh),
                format!("sum of {}, {year}, {}", m.en, f.en),
            );
            match filtered(ds, Measure::Indicator(*indicator), *year, zones) {
                Some((known, missing)) => result(
                    what,
                    // From +0.0: std's f64 `Sum` of no value is -0.0 ("-0").
                    Some(known.iter().fold(0.0, |sum, x| sum + x)),
                    Some(*value),
                    *op,
                    missing_note(missing),
                ),
                None => no_data(
                    what,
                    Some(*value),
                    *op,
                    "该年份没有数据。",
                    "No data for that year.",
                ),
            }
        }
        Check::Share {
            measure,
            year,
            zones,
            variant,
            op,
            value,
        } => share(ds, *measure, *year, zones, variant.as_deref(), *op, *value),
        Check::CountWhere {
            indicator,
            year,
            zones,
            value_op,
            threshold,
            op,
            value,
        } => {
            let (m, f) = (
                measure_name(ds, Measure::Indicator(*indicator)),
                filter_name(ds, zones),
            );
            let cond = format!("{} {}", value_op.symbol(), figure(*threshold));
            let what = t(
                format!("{year}年{}中{}{cond}的园区数", f.zh, m.zh),
                format!("number of {} with {} {cond}, {year}", f.en, m.en),
            );
            match filtered(ds, Measure::Indicator(*indicator), *year, zones) {
                Some((known, missing)) => {
                    let count = known
                        .iter()
                        .filter(|v| value_op.holds(**v, *threshold))
                        .count();
                    result(
                        what,
                        Some(count as f64),
                        Some(*value),
                        *op,
                        missing_note(missing),
                    )
                }
                None => no_data(
                    what,
                    Some(*value),
                    *op,
                    "该年份没有数据。",
                    "No data for that year.",
                ),
            }
        }
        Check::RankCount {
            year,
            from,
            to,
            op,
            value,
        } => {
            let count = ds
                .rankings
                .iter()
                .filter(|r| r.year == *year && (*from..=*to).contains(&r.rank))
                .count();
            let what = t(
                format!("{year}年全国排名第{from}至{to}位的国家高新区数"),
                format!("national zones ranked {from}–{to} nationally, {year}"),
            );
            result(what, Some(count as f64), Some(*value), *op, None)
        }
        Check::MeanVsReference {
            indicator,
            year,
            zones,
            op,
        } => {
            let (m, f) = (
                measure_name(ds, Measure::Indicator(*indicator)),
                filter_name(ds, zones),
            );
            let what = t(
                format!(
                    "{year}年{}{}均值 vs {}平均",
                    f.zh, m.zh, ds.meta.parent_region.zh
                ),
                format!(
                    "mean {} of {}, {year}, vs {}'s average",
                    m.en, f.en, ds.meta.parent_region.en
                ),
            );
            let reference = ds
                .reference_average(*indicator, *year)
                .and_then(|r| r.value);
            let Some(reference) = reference else {
                return no_data(
                    what,
                    None,
                    *op,
                    "文件中没有该年份的参照平均值。",
                    "The file has no reference average for that year.",
                );
            };
            match filtered(ds, Measure::Indicator(*indicator), *year, zones) {
                Some((known, missing)) if !known.is_empty() => {
                    let mean = known.iter().sum::<f64>() / known.len() as f64;
                    result(
                        what,
                        Some(mean),
                        Some(reference),
                        *op,
                        missing_note(missing),
                    )
                }
                _ => no_data(
                    what,
                    Some(reference),
                    *op,
                    "没有可用的园区数值。",
                    "No zone has a value.",
                ),
            }
        }
        Check::Benchmark {
            benchmark,
            measure,
            year,
            op,
            value,
        } => {
            let b = ds.benchmarks.get(*benchmark);
            let name = b.map_or_else(Text::default, |b| b.name.clone());
            let m = measure_name(ds, *measure);
            let what = t(
                format!("{}{year}年{}", name.zh, m.zh),
                format!("{} of {}, {year}", m.en, name.en),
            );
            let found = b
                .and_then(|b| {
                    b.values
                        .iter()
                        .find(|v| v.measure == *measure && v.year == *year)
                })
                .and_then(|v| v.figure.value);
            match found {
                Some(x) => result(what, Some(x), Some(*value), *op, None),
                None => no_data(
                    what,
                    Some(*value),
                    *op,
                    "基准中没有该数值。",
                    "The benchmark has no such value.",
                ),
            }
        }
        Check::Context { figure, op, value } => {
            let f = ds.context.get(*figure);
            let what = f.map_or_else(Text::default, |f| f.label.clone());
            result(what, f.map(|f| f.value), Some(*value), *op, None)
        }
        Check::SimilarPairs {
            zones,
            threshold,
            op,
            value,
        } => similar_pairs(ds, zones, *threshold, *op, *value),
        Check::Gini {
            indicator,
            year,
            zones,
            op,
            value,
        } => {
            let (m, f) = (
                measure_name(ds, Measure::Indicator(*indicator)),
                filter_name(ds, zones),
            );
            let what = t(
                format!("{year}年{}{}的基尼系数", f.zh, m.zh),
                format!("Gini coefficient of {} over {}, {year}", m.en, f.en),
            );
            match filtered(ds, Measure::Indicator(*indicator), *year, zones) {
                Some((known, missing)) => {
                    result(what, gini(&known), Some(*value), *op, missing_note(missing))
                }
                None => no_data(
                    what,
                    Some(*value),
                    *op,
                    "该年份没有数据。",
                    "No data for that year.",
                ),
            }
        }
    }
}

fn share(
    ds: &Dataset,
    measure: Measure,
    year: i32,
    zones: &ZoneFilter,
    variant: Option<&str>,
    op: Op,
    value: f64,
) -> CheckResult {
    let (m, f) = (measure_name(ds, measure), filter_name(ds, zones));
    let what = t(
        format!("{year}年{}{}占{}的比例", f.zh, m.zh, ds.meta.region.zh),
        format!(
            "{}' share of {}'s {}, {year}",
            f.en, ds.meta.region.en, m.en
        ),
    );
    let Some((known, missing)) = filtered(ds, measure, year, zones) else {
        return no_data(
            what,
            Some(value),
            op,
            "该年份没有数据。",
            "No data for that year.",
        );
    };
    let total = ds
        .region_total_variant(measure, year, variant)
        .and_then(|f| f.value);
    let Some(total) = total.filter(|x| *x > 0.0) else {
        return no_data(
            what,
            Some(value),
            op,
            "文件中没有该年份的全市总量。",
            "The file has no region total for that year.",
        );
    };
    let numerator: f64 = known.iter().sum();
    let mut note = missing_note(missing);
    if let Some(v) = variant {
        // Say which total was used and what the default one gives: this is
        // where two statements of the report disagree.
        let default = ds
            .region_total(measure, year)
            .and_then(|f| f.value)
            .filter(|x| *x > 0.0);
        let (total, fraction) = (figure(total), default.map(|d| percent(numerator / d, 1)));
        let (mut zh, mut en) = (
            format!("按论断 {v} 所隐含的全市总量 {total} 计算"),
            format!("Computed against the region total {total} that {v} implies"),
        );
        if let Some((d, fraction)) = default.map(figure).zip(fraction) {
            zh += &format!("；默认全市总量 {d} 给出 {fraction}");
            en += &format!("; the default total {d} gives {fraction}");
        }
        zh.push('。');
        en.push('.');
        note = Some(t(zh, en));
    }
    let share = numerator / total;
    let mut checked = result(what, Some(share), Some(value), op, note);
    // Zones adding up to more than the whole: no share of it can confirm
    // anything (a tester saw "1,780.7% > 32% ✓").
    if crate::model::exceeds_whole(numerator, total) {
        checked.holds = false;
        // Before the check's other note (the total used, values missing),
        // which stays.
        let other = checked.note.take();
        let line = |over: &str, other: Option<&str>| {
            other.map_or_else(|| over.to_string(), |o| format!("{over} {o}"))
        };
        checked.note = Some(t(
            line("各园区合计超过全市总量：数据前后不符，这一占比没有意义。", other.as_ref().map(|o| o.zh.as_str())),
            line("The zones add up to more than the region's total: the data do not fit together, and this share means nothing.", other.as_ref().map(|o| o.en.as_str())),
        ));
    }
    checked
}

/// Share of the pairs of zones (with an industry mix) whose mixes have a
/// cosine similarity ≥ threshold (UNIDO structural similarity).
fn similar_pairs(
    ds: &Dataset,
    zones: &ZoneFilter,
    threshold: f64,
    op: Op,
    value: f64,
) -> CheckResult {
    let f = filter_name(ds, zones);
    let what = t(
        format!("{}产业结构相似系数 ≥ {threshold} 的园区对占比", f.zh),
        format!(
            "share of pairs of {} with industry-structure similarity ≥ {threshold}",
            f.en
        ),
    );
    let count = similar_pair_count(ds, &ds.zones_matching(zones), threshold);
    let (pairs, similar) = (count.pairs, count.similar);
    if pairs == 0 {
        return no_data(
            what,
            Some(value),
            op,
            "少于两个园区有产业结构数据。",
            "Fewer than two zones have an industry mix.",
        );
    }
    let (pairs_text, similar_text) = (grouped(pairs as f64, 0), grouped(similar as f64, 0));
    let note = t(
        format!("{pairs_text} 对中有 {similar_text} 对。"),
        format!("{similar_text} of {pairs_text} pairs."),
    );
    result(
        what,
        Some(similar as f64 / pairs as f64),
        Some(value),
        op,
        Some(note),
    )
}

#[cfg(test)]
mod tests;
