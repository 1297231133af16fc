//! What `zone-monitor report` prints: [`Report`], every figure of an
//! [`Analysis`] with the zones, industries and indicators it names, under the
//! stable keys of docs/METRICS.md ("The report command"); and [`summary`],
//! the same for people.

use std::fmt::Write;

use serde::Serialize;

use super::{Analysis, Id, Name};
use crate::format::Fixed;
use crate::i18n::Lang;
use crate::metrics::dynamic::Reason;
use crate::model::{Dataset, Direction, ValueKind};

/// The report's schema id; a change of keys changes it.
pub const REPORT_SCHEMA: &str = "zone-monitor-report/1";

/// The JSON report of one year.
///
/// JSON: `{"schema", "year", "years", "region", "zones", "industries",
/// "indicators", "headline", "imbalance", "specialisation", "innovation",
/// "benchmarks", "evaluation", "sensitivity", "growth"}`; the command adds
/// the file's `warnings` (the model's problems, as `validate --json`).
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    pub schema: &'static str,
    pub year: i32,
    pub years: &'a [i32],
    pub region: Name,
    /// The main zones; every `zone` index and `zone_id` in the sections
    /// points here.
    pub zones: Vec<ZoneInfo>,
    pub industries: Vec<EntryInfo>,
    pub indicators: Vec<IndicatorInfo>,
    pub headline: &'a super::headline::Headline,
    pub imbalance: &'a [super::imbalance::Imbalance],
    pub specialisation: &'a super::specialisation::Specialisation,
    pub innovation: &'a super::innovation::Innovation,
    pub benchmarks: &'a super::benchmarks::Benchmarks,
    pub evaluation: &'a super::evaluation::Evaluation,
    pub sensitivity: Option<&'a super::evaluation::Sensitivity>,
    pub growth: &'a [super::growth::Growth],
}

/// JSON: `{"index", "id", "name", "level", "metro_area", "county_level",
/// "land_km2", "sub_parks"}`.
#[derive(Debug, Clone, Serialize)]
pub struct ZoneInfo {
    pub index: usize,
    pub id: String,
    pub name: Name,
    /// national | regional
    pub level: &'static str,
    pub metro_area: Option<String>,
    pub county_level: bool,
    pub land_km2: f64,
    /// Ids of its sub-parks (一区多园), counted in it.
    pub sub_parks: Vec<String>,
}

/// JSON: `{"index", "id", "name"}`.
#[derive(Debug, Clone, Serialize)]
pub struct EntryInfo {
    pub index: usize,
    pub id: String,
    pub name: Name,
}

/// JSON: `{"index", "id", "name", "unit", "direction", "kind",
/// "dimension"}`.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorInfo {
    pub index: usize,
    pub id: String,
    pub name: Name,
    pub unit: Option<String>,
    /// higher | lower | neutral
    pub direction: &'static str,
    /// count | amount | share | ratio
    pub kind: &'static str,
    /// The framework dimension's id, if any.
    pub dimension: Option<String>,
}

/// Builds the report of an analysis of `dataset`.
pub fn report<'a>(dataset: &'a Dataset, analysis: &'a Analysis) -> Report<'a> {
    Report {
        schema: REPORT_SCHEMA,
        year: analysis.year,
        years: &dataset.years,
        region: Name::from(&dataset.meta.region),
        zones: dataset
            .zones
            .iter()
            .enumerate()
            .map(|(index, z)| ZoneInfo {
                index,
                id: z.id.clone(),
                name: Name::from(&z.name),
                level: z.level.as_str(),
                metro_area: z
                    .metro_area
                    .and_then(|a| dataset.metro_areas.get(a))
                    .map(|a| a.id.clone()),
                county_level: z.county_level,
                land_km2: z.land_km2,
                sub_parks: dataset.sub_parks_of(index).map(|s| s.id.clone()).collect(),
            })
            .collect(),
        industries: dataset
            .industries
            .iter()
            .enumerate()
            .map(|(index, i)| EntryInfo {
                index,
                id: i.id.clone(),
                name: Name::from(&i.name),
            })
            .collect(),
        indicators: dataset
            .indicators
            .iter()
            .enumerate()
            .map(|(index, i)| IndicatorInfo {
                index,
                id: i.id.clone(),
                name: Name::from(&i.name),
                unit: dataset.meta.units.get(i.unit).map(|u| u.id.clone()),
                direction: match i.direction {
                    Direction::Higher => "higher",
                    Direction::Lower => "lower",
                    Direction::Neutral => "neutral",
                },
                kind: match i.kind {
                    ValueKind::Count => "count",
                    ValueKind::Amount => "amount",
                    ValueKind::Share => "share",
                    ValueKind::Ratio => "ratio",
                },
                dimension: i
                    .dimension
                    .and_then(|d| dataset.framework.dimensions.get(d))
                    .map(|d| d.id.clone()),
            })
            .collect(),
        headline: &analysis.headline,
        imbalance: &analysis.imbalance,
        specialisation: &analysis.specialisation,
        innovation: &analysis.innovation,
        benchmarks: &analysis.benchmarks,
        evaluation: &analysis.evaluation,
        sensitivity: analysis.sensitivity.as_ref(),
        growth: &analysis.growth,
    }
}

/// A number for people: integers as such, small numbers with 4 decimals,
/// others with 2; "—" for a missing one.
fn num(x: Option<f64>) -> String {
    match x {
        None => "—".into(),
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
        Some(x) if x.abs() < 1.0 => Fixed(x, 4).to_string(),
        Some(x) => Fixed(x, 2).to_string(),
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |x| format!("{}%", Fixed(100.0 * x, 1)))
}

/// "a, b, c" or "—".
fn list<T: AsRef<str>>(items: &[T]) -> String {
    if items.is_empty() {
        "—".into()
    } else {
        items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<&str>>()
            .join(", ")
    }
}

/// The readable summary of an analysis: every section, zones by id and name.
pub fn summary(dataset: &Dataset, analysis: &Analysis, lang: Lang) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_summary(&mut out, dataset, analysis, lang);
    out
}

fn write_summary(
    out: &mut String,
    dataset: &Dataset,
    analysis: &Analysis,
    lang: Lang,
) -> std::fmt::Result {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let zone_name = |id: &str| -> String {
        dataset
            .zones
            .iter()
            .find(|z| z.id == id)
            .map_or_else(|| id.to_string(), |z| format!("{id} {}", z.name.get(lang)))
    };
    let names = |ids: &[Id]| -> String {
        if ids.is_empty() {
            "—".into()
        } else {
            ids.iter()
                .map(|i| zone_name(i))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let indicator_name = |id: &str| -> String {
        if id == super::headline::LAND {
            return t("土地面积（平方千米）", "land (km²)").to_string();
        }
        dataset
            .indicator_index(id)
            .and_then(|i| dataset.indicators.get(i))
            .map_or_else(|| id.to_string(), |i| i.name.get(lang).to_string())
    };
    let year = analysis.year;
    let title = dataset.meta.title.get(lang);
    match lang {
        Lang::Zh => writeln!(out, "{title}：{year}年分析")?,
        Lang::En => writeln!(out, "{title}: analysis of {year}")?,
    }

    writeln!(out, "\n## {}", t("总量与占比", "Headline sums and shares"))?;
    writeln!(
        out,
        "{}: {}",
        t("高新区占全市土地", "zones' share of the region's land"),
        pct(analysis.headline.land_share)
    )?;
    for row in &analysis.headline.shares {
        let variant = row
            .variant
            .as_ref()
            .map_or_else(String::new, |v| format!(" [{v}]"));
        writeln!(
            out,
            "  {}{variant}: {} / {} = {} ({} {}){}",
            indicator_name(&row.measure),
            num(Some(row.zones.sum)),
            num(row.region_total),
            pct(row.share),
            t("土地杠杆", "land leverage"),
            num(row.land_leverage),
            missing_note(&row.missing_zones, lang),
        )?;
    }
    for row in &analysis.headline.sums {
        writeln!(
            out,
            "  Σ {}: {} ({} {}, {} {}){}",
            indicator_name(&row.indicator),
            num(Some(row.all.sum)),
            t("国家级", "national"),
            num(Some(row.national.sum)),
            t("市级", "regional"),
            num(Some(row.regional.sum)),
            missing_note(&row.missing_zones, lang),
        )?;
    }

    writeln!(out, "\n## {}", t("不平衡", "Imbalance"))?;
    for row in &analysis.imbalance {
        let theil = |split: &super::imbalance::TheilSplit| {
            split.theil_t.as_ref().map_or_else(
                || "—".to_string(),
                |d| {
                    format!(
                        "T {} ({} {}, {} {})",
                        num(Some(d.total)),
                        t("组间", "between"),
                        num(Some(d.between)),
                        t("组内", "within"),
                        num(Some(d.within))
                    )
                },
            )
        };
        writeln!(
            out,
            "  {}: Gini {}, {} {}, CV {}; {}: {}; {}: {}{}",
            indicator_name(&row.indicator),
            num(row.gini),
            t("按土地加权", "land-weighted"),
            num(row.lorenz.as_ref().map(|l| l.gini)),
            num(row.cv),
            t("按级别", "by level"),
            theil(&row.by_level),
            t("按区域", "by area"),
            theil(&row.by_metro_area),
            missing_note(&row.missing_zones, lang),
        )?;
    }

    let spec = &analysis.specialisation;
    writeln!(out, "\n## {}", t("产业结构", "Specialisation"))?;
    writeln!(
        out,
        "  {}: {}; {} ≥ {}: {} / {} ({})",
        t("平均相似度", "mean similarity"),
        num(spec.mean_similarity),
        t("相似园区对", "similar pairs"),
        spec.threshold,
        spec.pairs_above,
        spec.pairs,
        pct(spec.share_above)
    )?;
    for pair in spec.similar_pairs.iter().take(5) {
        writeln!(
            out,
            "    {} ~ {}: {}",
            zone_name(&pair.a_id),
            zone_name(&pair.b_id),
            num(Some(pair.similarity))
        )?;
    }
    if spec.pairs_above > 5 {
        writeln!(out, "    … (+{})", spec.pairs_above - 5)?;
    }
    for zone in &spec.per_zone {
        let distinctive = zone.most_distinctive.as_ref().map_or_else(
            || "—".to_string(),
            |d| {
                let name = dataset
                    .industries
                    .get(d.industry)
                    .map_or("", |i| i.name.get(lang));
                format!("{name} (LQ {})", num(Some(d.location_quotient)))
            },
        );
        writeln!(
            out,
            "  {}: Krugman {}, HHI {}, {} {distinctive}",
            zone_name(&zone.zone_id),
            num(zone.krugman_rest),
            num(zone.herfindahl),
            t("最具特色", "most distinctive"),
        )?;
    }
    if !spec.missing_zones.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            t("无产业结构数据", "no industry mix"),
            names(&spec.missing_zones)
        )?;
    }

    let innovation = &analysis.innovation;
    writeln!(out, "\n## {}", t("创新", "Innovation"))?;
    for row in &innovation.intensities {
        let c = &row.comparison;
        writeln!(
            out,
            "  {} ({}): {} {} ({} {}), {} {}; {} {} / {}{}",
            row.id,
            row.unit,
            t("全市", "region"),
            num(c.ratio_of_sums),
            t("园区均值", "mean of zones"),
            num(c.mean_of_ratios),
            t("参照", "reference"),
            num(c.reference),
            t("低于全市", "below the region"),
            c.below_ratio_of_sums,
            c.zones_compared,
            missing_note(&row.left_out, lang),
        )?;
    }
    for row in &innovation.levels {
        writeln!(
            out,
            "  {}: {} {}, {} {} ({}), {} {}{}",
            indicator_name(&row.indicator),
            t("均值", "mean"),
            num(row.mean),
            t("参照", "reference"),
            num(row.reference),
            match row.mean_below_reference {
                Some(true) => t("低于参照", "below the reference"),
                Some(false) => t("不低于参照", "not below the reference"),
                None => "—",
            },
            t("低于参照的园区", "zones below the reference"),
            row.reference.map_or_else(
                || "—".to_string(),
                |_| row.below_reference.len().to_string()
            ),
            missing_note(&row.missing_zones, lang),
        )?;
    }
    if let Some(row) = &innovation.incubators {
        writeln!(
            out,
            "  {}: {} ({} {})",
            t("无国家级孵化器的园区", "zones without a national incubator"),
            names(&row.zones_with_zero),
            t("其中县域国家级", "of which national zones in counties:"),
            list(&row.national_county_zones_with_zero)
        )?;
    }
    if !innovation.unavailable.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            t(
                "数据缺少指标，未计算",
                "not computed, the data lacks an indicator"
            ),
            list(&innovation.unavailable)
        )?;
    }

    writeln!(out, "\n## {}", t("对标", "Benchmarks"))?;
    for row in &analysis.benchmarks.rows {
        writeln!(
            out,
            "  {} {}: {} ({}/km² {}); {} {} ({}/km² {}); {} {}",
            row.name.get(lang),
            indicator_name(&row.measure),
            num(row.value),
            t("每", "per"),
            num(row.per_km2),
            t("全部园区", "all zones"),
            num(Some(row.zones.sum)),
            t("每", "per"),
            num(row.zones_per_km2),
            t("为零的园区数", "zones with none"),
            row.zones_with_zero.zero,
        )?;
    }

    let evaluation = &analysis.evaluation;
    writeln!(out, "\n## {}", t("综合评价", "Evaluation"))?;
    if let Some(focus) = evaluation.focus() {
        let mut ranked: Vec<&super::evaluation::ZoneScore> = focus.zones.iter().collect();
        crate::order::sort_by_key(&mut ranked, |z| (z.rank.is_none(), z.rank, z.zone));
        for z in ranked {
            let change = z
                .rank_change
                .map_or_else(|| "—".to_string(), |c| format!("{c:+}"));
            let missing = if z.missing_indicators.is_empty() {
                String::new()
            } else {
                format!(
                    " ({}: {})",
                    t("缺", "missing"),
                    z.missing_indicators.join(", ")
                )
            };
            writeln!(
                out,
                "  {:>3}. {} {} ({change}){missing}",
                z.rank.map_or_else(|| "—".to_string(), |r| r.to_string()),
                zone_name(&z.zone_id),
                num(z.score),
            )?;
        }
    }
    writeln!(out, "\n## {}", t("动态管理", "Dynamic management"))?;
    for row in &evaluation.tiers {
        writeln!(
            out,
            "  {}: {} {}; {} {}; {} {}",
            row.year,
            t("奖励", "reward"),
            list(&row.reward),
            t("预警", "warning"),
            list(&row.warning),
            t("退出", "exit"),
            list(&row.exit)
        )?;
    }
    for v in evaluation
        .verdicts
        .iter()
        .filter(|v| v.verdict.year == year && !v.verdict.reasons.is_empty())
    {
        let reasons: Vec<String> = v.verdict.reasons.iter().map(|r| reason(r, lang)).collect();
        writeln!(out, "    {}: {}", zone_name(&v.zone_id), reasons.join("; "))?;
    }

    if let Some(sensitivity) = &analysis.sensitivity {
        writeln!(
            out,
            "\n## {} (δ = {}, N = {}, seed {})",
            t("排名敏感性", "Rank sensitivity"),
            sensitivity.spec.delta,
            sensitivity.spec.draws,
            sensitivity.spec.seed
        )?;
        writeln!(
            out,
            "  {}: {}",
            t("平均绝对名次变动", "mean absolute rank shift"),
            num(sensitivity.mean_abs_shift)
        )?;
        for z in &sensitivity.zones {
            writeln!(
                out,
                "  {}: {} {}, {} {}, 5–95% [{}, {}]",
                zone_name(&z.zone_id),
                t("基准", "base"),
                num(z.zone.base_rank.map(|r| r as f64)),
                t("中位", "median"),
                num(z.zone.median_rank),
                num(z.zone.rank_p05.map(|r| r as f64)),
                num(z.zone.rank_p95.map(|r| r as f64)),
            )?;
        }
    }

    writeln!(out, "\n## {}", t("增长", "Growth"))?;
    let year_index = dataset.year_index(year);
    for g in analysis.growth.iter().filter(|g| g.total.sums.is_some()) {
        let yoy = year_index.and_then(|t| g.total.yoy.as_ref()?.get(t).copied().flatten());
        writeln!(
            out,
            "  {}: {} {year} {}, CAGR {}–{} {}",
            indicator_name(&g.indicator),
            t("全部园区", "all zones"),
            pct(yoy),
            g.years.first().copied().unwrap_or(year),
            g.years.last().copied().unwrap_or(year),
            pct(g.total.cagr),
        )?;
    }
    Ok(())
}

/// " (missing: a, b)" or "".
fn missing_note(zones: &[Id], lang: Lang) -> String {
    if zones.is_empty() {
        String::new()
    } else {
        format!(
            " ({} {}: {})",
            lang.pick("缺少数据，未计入", "left out, no value"),
            zones.len(),
            zones.join(", ")
        )
    }
}

/// A dynamic-management reason with its numbers, in words (the report and
/// the evaluation charts' tooltips say it the same way).
pub fn reason(reason: &Reason, lang: Lang) -> String {
    match (reason, lang) {
        (Reason::TopK { rank, k }, Lang::Zh) => format!("奖励：排名第{rank}，位列前{k}"),
        (Reason::TopK { rank, k }, Lang::En) => format!("reward: rank {rank}, in the top {k}"),
        (
            Reason::Rise {
                from_rank,
                to_rank,
                places,
                min_places,
            },
            Lang::Zh,
        ) => format!("奖励：从第{from_rank}升至第{to_rank}，进位{places}（≥{min_places}）"),
        (
            Reason::Rise {
                from_rank,
                to_rank,
                places,
                min_places,
            },
            Lang::En,
        ) => format!(
            "reward: rose {places} places from {from_rank} to {to_rank} (at least {min_places})"
        ),
        (
            Reason::BottomK {
                rank_from_bottom,
                k,
            },
            Lang::Zh,
        ) => format!("预警：倒数第{rank_from_bottom}，位列后{k}"),
        (
            Reason::BottomK {
                rank_from_bottom,
                k,
            },
            Lang::En,
        ) => format!("warning: {rank_from_bottom} from the bottom, in the bottom {k}"),
        (Reason::BelowScore { score, threshold }, Lang::Zh) => {
            format!("预警：得分{score}低于{threshold}", score = Fixed(*score, 1))
        }
        (Reason::BelowScore { score, threshold }, Lang::En) => {
            format!("warning: score {score} below {threshold}", score = Fixed(*score, 1))
        }
        // Exit after one warned year: that year's warning and rank alone.
        (
            Reason::Exit {
                warned_years: 1,
                since_year,
                rank_now,
                ..
            },
            Lang::Zh,
        ) => format!("退出：{since_year}年预警（第{rank_now}名）"),
        (
            Reason::Exit {
                warned_years: 1,
                since_year,
                rank_now,
                ..
            },
            Lang::En,
        ) => format!("exit: warned in {since_year} (rank {rank_now})"),
        (
            Reason::Exit {
                warned_years,
                since_year,
                rank_then,
                rank_now,
            },
            Lang::Zh,
        ) => format!(
            "退出：自{since_year}年起连续{warned_years}年预警，排名未改善（第{rank_then}→第{rank_now}）"
        ),
        (
            Reason::Exit {
                warned_years,
                since_year,
                rank_then,
                rank_now,
            },
            Lang::En,
        ) => format!(
            "exit: warned {warned_years} years running since {since_year} without improving (rank {rank_then} → {rank_now})"
        ),
    }
}

impl Name {
    /// The name in one language.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }

    /// The name as it goes into the widget's text (`format::isolated`).
    pub fn shown(&self, lang: Lang) -> String {
        crate::format::isolated(self.get(lang))
    }
}

#[cfg(test)]
mod tests;
