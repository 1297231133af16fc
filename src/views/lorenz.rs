//! The view behind the `lorenz` chart, the Lorenz curve of GDP over land (claim C19,
//! "growth is unbalanced between zones").
//!
//! Zones are sorted by GDP density (GDP per km²), least dense first; the curve
//! joins (0, 0) and the cumulative shares (X_k, Y_k) of land and GDP of the
//! first k zones (docs/METRICS.md, "Lorenz curve and land-weighted Gini").
//! The further it sags below the equality line, the more GDP is concentrated
//! on little land. The view also gives the plain Gini of GDP over zones, the
//! figure claim C19 checks, and says how much GDP the densest tenth of the
//! zones produce on how much land.
//!
//! `state.level` restricts the curve to national or region-level zones (the
//! Gini is then of those zones alone); `state.year` picks the year.

use crate::format::{percent, yi_yuan, Fixed};
use crate::i18n::Lang;
use crate::metrics::inequality::{gini, lorenz};
use crate::model::Level;

use super::evaluation::level_phrase;
use super::figures::{claim_lines, left_out, level_values};
use super::{headings, Context, Rows, Table};

/// The chart id claims use for this chart.
pub const CHART: &str = "lorenz";
/// The indicator the curve is of.
pub const INDICATOR: &str = "gdp";

/// Everything the `lorenz` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct LorenzView {
    pub lang: Lang,
    pub year: i32,
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub legend_curve: String,
    pub legend_equality: String,
    /// The curve's vertices after (0, 0), least dense zone first: the
    /// chart's data in reading order.
    pub points: Vec<LorenzRow>,
    /// The land-weighted Gini read from the curve; `None` without a curve.
    pub land_gini: Option<f64>,
    /// The Gini of GDP over zones (each zone counts once), as C19 checks it.
    pub zone_gini: Option<f64>,
    /// "基尼系数（按土地加权）0.27" / "Land-weighted Gini 0.27": written on
    /// the chart.
    pub gini_text: String,
    /// "各区GDP基尼系数0.54" / "Gini of GDP over zones 0.54": the figure C19
    /// checks, written under it.
    pub zone_gini_text: String,
    /// Zones left out (no GDP), by name.
    pub missing: Vec<String>,
    /// The line that says which zones are left out; empty when none is.
    pub missing_text: String,
    /// Shown instead of the curve when there is none.
    pub empty_text: String,
    /// The claims drawn on this chart, as one line each with their verdict.
    pub claims: Vec<String>,
    pub summary: String,
}

/// One zone's step of the curve.
#[derive(Debug, Clone, PartialEq)]
pub struct LorenzRow {
    /// Index into `Dataset::zones`.
    pub zone: usize,
    pub name: String,
    /// This zone's own share of the land and of the GDP of the zones shown.
    pub land_share: f64,
    pub value_share: f64,
    /// X_k and Y_k after this zone.
    pub cum_land_share: f64,
    pub cum_value_share: f64,
    /// GDP per km², in 亿元.
    pub density: f64,
    /// The zone the reader selected.
    pub selected: bool,
}

impl LorenzRow {
    /// "Zone X: cumulative land 12%, GDP 40%": what a tooltip says.
    pub fn tooltip(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "{}：累计土地{}，累计GDP{}（本区土地{}，GDP{}）",
                self.name,
                percent(self.cum_land_share, 1),
                percent(self.cum_value_share, 1),
                percent(self.land_share, 1),
                percent(self.value_share, 1)
            ),
            Lang::En => format!(
                "{}: cumulative land {}, GDP {} (this zone: land {}, GDP {})",
                self.name,
                percent(self.cum_land_share, 1),
                percent(self.cum_value_share, 1),
                percent(self.land_share, 1),
                percent(self.value_share, 1)
            ),
        }
    }
}

impl LorenzView {
    /// Builds the view of `year`, over the zones of `level` (all main zones
    /// when `None`), with `selected` highlighted.
    pub fn build(context: &Context) -> LorenzView {
        let (dataset, claims, state) = (context.dataset, context.claims(), context.state);
        let (year, level, selected, lang) = (state.year, state.level, state.zone, state.lang);
        // A zone without land has no place on a land-weighted curve.
        let (zones, missing) =
            level_values(dataset, INDICATOR, year, state, |z| z.land_km2 > 0.0, lang);
        let values: Vec<f64> = zones.iter().map(|z| z.1).collect();
        let land: Vec<f64> = zones
            .iter()
            .map(|&(i, _)| dataset.zones.get(i).map_or(0.0, |z| z.land_km2))
            .collect();
        let total_value: f64 = values.iter().sum();
        let total_land: f64 = land.iter().sum();
        let curve = lorenz(&values, &land);
        let points: Vec<LorenzRow> = curve
            .as_ref()
            .map(|curve| {
                curve
                    .points
                    .iter()
                    .filter_map(|p| {
                        let (zone, value) = *zones.get(p.zone)?;
                        let land = *land.get(p.zone)?;
                        Some(LorenzRow {
                            zone,
                            name: dataset.zones.get(zone)?.name.shown(lang),
                            land_share: land / total_land,
                            value_share: value / total_value,
                            cum_land_share: p.cum_weight_share,
                            cum_value_share: p.cum_value_share,
                            density: value / land,
                            selected: selected == Some(zone),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let land_gini = curve.as_ref().map(|c| c.gini);
        let zone_gini = gini(&values);

        let who = level_phrase(level, context.area_name(), lang)
            .unwrap_or_else(|| lang.pick("各高新区", "all zones").into());
        let title = match lang {
            Lang::Zh => format!("{who}GDP的洛伦兹曲线（按土地，{year}年）"),
            Lang::En => format!("Lorenz curve of GDP over land, {who} ({year})"),
        };
        let gini_text = match (land_gini, lang) {
            (Some(g), Lang::Zh) => format!("基尼系数（按土地加权）{g}", g = Fixed(g, 2)),
            (Some(g), Lang::En) => format!("Land-weighted Gini {g}", g = Fixed(g, 2)),
            (None, _) => String::new(),
        };
        let zone_gini_text = match (zone_gini, lang) {
            (Some(g), Lang::Zh) => format!("各区GDP基尼系数{g}", g = Fixed(g, 2)),
            (Some(g), Lang::En) => format!("Gini of GDP over zones {g}", g = Fixed(g, 2)),
            (None, _) => String::new(),
        };
        let missing_text = left_out("GDP", "GDP", &missing, lang);
        let claims: Vec<String> = claim_lines(claims, CHART, lang);
        let summary = summary(
            &points,
            land_gini,
            zone_gini,
            total_value,
            year,
            level,
            &missing_text,
            &claims,
            lang,
        );
        LorenzView {
            lang,
            year,
            title,
            x_label: lang
                .pick(
                    "土地累计占比（按GDP密度由低到高排列）",
                    "Cumulative share of land (zones from least to most GDP per km²)",
                )
                .into(),
            y_label: lang.pick("GDP累计占比", "Cumulative share of GDP").into(),
            legend_curve: lang.pick("洛伦兹曲线", "Lorenz curve").into(),
            legend_equality: lang
                .pick("完全均衡线", "Equality: GDP spread like land")
                .into(),
            points,
            land_gini,
            zone_gini,
            gini_text,
            zone_gini_text,
            missing,
            missing_text,
            empty_text: lang.pick("没有可绘制的数据", "No data to draw").into(),
            claims,
            summary,
        }
    }

    /// Every vertex of the curve as a table, in the curve's order.
    pub fn rows(&self) -> Rows<'_> {
        let lang = self.lang;
        let columns = headings(&[
            lang.pick("高新区", "Zone"),
            lang.pick("GDP密度（亿元/平方千米）", "GDP per km² (CNY 100 million)"),
            lang.pick("土地占比", "Share of land"),
            lang.pick("GDP占比", "Share of GDP"),
            lang.pick("土地累计占比", "Cumulative share of land"),
            lang.pick("GDP累计占比", "Cumulative share of GDP"),
        ]);
        Rows::new(
            &self.title,
            columns,
            self.points.len(),
            Box::new(move |i: usize| {
                let p = &self.points[i];
                vec![
                    p.name.clone(),
                    Fixed(p.density, 2).to_string(),
                    percent(p.land_share, 1),
                    percent(p.value_share, 1),
                    percent(p.cum_land_share, 1),
                    percent(p.cum_value_share, 1),
                ]
            }),
        )
    }

    /// Every row of [`Self::rows`].
    pub fn table(&self) -> Table {
        self.rows().table()
    }
}

/// The densest tenth of the zones (at least one): their share of GDP and of
/// land, from the curve's last vertices: 1 − Y_{n−k}, 1 − X_{n−k}.
pub fn densest_tenth(points: &[LorenzRow]) -> Option<(usize, f64, f64)> {
    let n = points.len();
    if n == 0 {
        return None;
    }
    let k = ((n as f64 / 10.0).round() as usize).clamp(1, n);
    let (land, value) = match n.checked_sub(k + 1).and_then(|i| points.get(i)) {
        Some(p) => (1.0 - p.cum_land_share, 1.0 - p.cum_value_share),
        None => (1.0, 1.0),
    };
    Some((k, value, land))
}

#[allow(clippy::too_many_arguments)]
fn summary(
    points: &[LorenzRow],
    land_gini: Option<f64>,
    zone_gini: Option<f64>,
    total_value: f64,
    year: i32,
    level: Option<Level>,
    missing_text: &str,
    claims: &[String],
    lang: Lang,
) -> String {
    let (Some(g), Some((k, top_value, top_land)), Some(first), Some(last)) = (
        land_gini,
        densest_tenth(points),
        points.first(),
        points.last(),
    ) else {
        return match lang {
            Lang::Zh => format!("{year}年没有可绘制洛伦兹曲线的GDP和土地数据。{missing_text}"),
            Lang::En => format!(
                "There are no GDP and land figures to draw a Lorenz curve for {year}. {missing_text}"
            ),
        };
    };
    // Counts grouped as every figure on screen ("1,978", not "1978").
    let n = crate::format::grouped(points.len() as f64, 0);
    let zone_gini = zone_gini.map_or_else(String::new, |z| Fixed(z, 2).to_string());
    let mut text = match lang {
        Lang::Zh => format!(
            "{year}年，{n}家{}高新区GDP合计{}。按GDP密度排序，密度最高的{k}家以{}的土地贡献了{}的GDP；\
             密度最高的{}每平方千米{}亿元，最低的{}仅{}亿元。\
             按土地加权的基尼系数为{g}，各区GDP的基尼系数为{zone_gini}，曲线越偏离均衡线越不均衡。",
            level.map_or("", |l| l.label(lang)),
            yi_yuan(total_value, lang),
            percent(top_land, 1),
            percent(top_value, 1),
            last.name,
            Fixed(last.density, 1),
            first.name,
            Fixed(first.density, 2),
            g = Fixed(g, 2),
        ),
        Lang::En => format!(
            "In {year} the {n} {}zones produced {} of GDP. Sorted by GDP per km², the densest {k} \
             hold {} of the GDP on {} of the land; {} produces {} per km², \
             {} only {}. The land-weighted Gini is {g} and the Gini of GDP over zones \
             {zone_gini}: the further the curve sags below the equality line, the less even the growth.",
            level.map_or_else(String::new, |l| format!("{} ", l.label(lang))),
            yi_yuan(total_value, lang),
            percent(top_value, 1),
            percent(top_land, 1),
            last.name,
            yi_yuan(last.density, lang),
            first.name,
            yi_yuan(first.density, lang),
            g = Fixed(g, 2),
        ),
    };
    for claim in claims {
        text.push_str(lang.pick("", " "));
        text.push_str(claim);
    }
    if !missing_text.is_empty() {
        text.push_str(lang.pick("", " "));
        text.push_str(missing_text);
        text.push_str(lang.pick("。", "."));
    }
    text
}

#[cfg(test)]
mod tests;
