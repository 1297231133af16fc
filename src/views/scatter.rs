//! The view behind the `scatter` chart, "land against GDP": one bubble per zone at its
//! approved land (km²) and its GDP (亿元), the bubble's area proportional to
//! its high-tech enterprises, national and region-level zones told apart by
//! shape. `ViewState::log_scale` puts both axes on a log scale: a few large
//! zones dwarf the rest.
//!
//! Points are in reading order, left to right (by land, then by GDP). A zone
//! without GDP is not drawn and the view says so; a zone without a count of
//! enterprises is drawn at the smallest size and the view says so too.

use crate::format::{self, Fixed};
use crate::i18n::Lang;
use crate::model::{Dataset, Level};

use super::figures::{indicator_value, name_list, no_data, push_sentence};
use super::{headings, Context, Rows, Table};

/// The chart id claims and the page use for this chart.
pub const CHART: &str = "scatter";

/// Above this many points a bubble is drawn as a dot (`charts::scatter`):
/// sizes no longer show there; the tooltip and the table keep them.
pub const DENSE: usize = 2_000;

/// What a point's size means, or, over [`DENSE`] points, that it means
/// nothing (issue 15: the legend promised bubbles over 4,978 dots).
pub fn size_note(points: usize, lang: Lang) -> String {
    if points > DENSE {
        lang.pick(
            "园区较多：改以小点表示，不按企业数缩放；企业数见提示和表格",
            "Many zones: unsized dots; high-tech enterprises in tooltips and table",
        )
    } else {
        lang.pick(
            "气泡面积：高技术企业数",
            "Bubble area: high-tech enterprises",
        )
    }
    .into()
}

/// Everything the `scatter` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterView {
    pub lang: Lang,
    pub year: i32,
    pub title: String,
    pub x_title: String,
    pub y_title: String,
    /// What the bubble's area means.
    pub size_note: String,
    pub legend_national: String,
    pub legend_regional: String,
    pub log_scale: bool,
    /// Left to right: by land, then by GDP.
    pub points: Vec<ScatterPoint>,
    /// Which zones are not drawn, or drawn without a size, and why; empty
    /// when nothing is missing.
    pub missing: String,
    /// Drawn in the chart area when there is no point at all.
    pub empty_text: String,
    pub summary: String,
}

/// One zone's bubble.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterPoint {
    /// Index into `Dataset::zones`.
    pub zone: usize,
    pub name: String,
    pub national: bool,
    pub land: f64,
    pub gdp: f64,
    /// High-tech enterprises: the bubble's area.
    pub enterprises: Option<f64>,
    /// Place by GDP, 0 for the largest: the chart labels the first few.
    pub gdp_rank: usize,
    pub selected: bool,
    /// What a tooltip or a screen reader says about the zone.
    pub label: String,
}

impl ScatterView {
    pub fn build(context: &Context) -> ScatterView {
        let (dataset, state) = (context.dataset, context.state);
        let (lang, year) = (state.lang, state.year);
        let gdp_index = dataset.indicator_index("gdp");
        let enterprises_index = dataset.indicator_index("high_tech_enterprises");
        let column = |index: Option<usize>| {
            index
                .and_then(|i| dataset.column_at(i, year))
                .map(|c| c.values.clone())
                .unwrap_or_default()
        };
        let (gdp, enterprises) = (column(gdp_index), column(enterprises_index));
        let log = state.log_scale;

        let mut points = Vec::new();
        let mut not_drawn = Vec::new();
        let mut no_size = Vec::new();
        for (i, zone) in dataset.zones.iter().enumerate() {
            let name = zone.name.shown(lang);
            let value = gdp.get(i).copied().flatten();
            let drawable =
                value.filter(|v| v.is_finite() && (!log || (*v > 0.0 && zone.land_km2 > 0.0)));
            let Some(value) = drawable else {
                not_drawn.push(name);
                continue;
            };
            let count = enterprises.get(i).copied().flatten();
            if count.is_none() {
                no_size.push(name.clone());
            }
            points.push(ScatterPoint {
                zone: i,
                name,
                national: zone.level == Level::National,
                land: zone.land_km2,
                gdp: value,
                enterprises: count,
                gdp_rank: 0,
                selected: state.zone == Some(i),
                label: String::new(),
            });
        }
        let mut by_gdp: Vec<usize> = (0..points.len()).collect();
        crate::order::sort_by(&mut by_gdp, |a, b| {
            points[*b].gdp.total_cmp(&points[*a].gdp)
        });
        for (rank, i) in by_gdp.iter().enumerate() {
            points[*i].gdp_rank = rank;
        }
        crate::order::sort_by(&mut points, |a, b| {
            a.land.total_cmp(&b.land).then(a.gdp.total_cmp(&b.gdp))
        });
        for point in &mut points {
            point.label = tooltip(dataset, point, gdp_index, lang);
        }

        let missing = missing_text(&not_drawn, &no_size, log, lang);
        let summary = summary(dataset, &points, gdp_index, year, lang, &missing);
        let title = match lang {
            Lang::Zh => format!("国土面积与GDP（{year}年）"),
            Lang::En => format!("Land against GDP ({year})"),
        };
        let log_note = |zh: &'static str, en: &'static str| {
            if log {
                lang.pick(zh, en)
            } else {
                ""
            }
        };
        ScatterView {
            lang,
            year,
            title,
            x_title: format!(
                "{}{}",
                lang.pick("国土面积（平方千米）", "Land (km²)"),
                log_note("，对数刻度", ", log scale")
            ),
            y_title: format!(
                "{}{}",
                lang.pick("GDP（亿元）", "GDP (CNY 100 million)"),
                log_note("，对数刻度", ", log scale")
            ),
            size_note: size_note(points.len(), lang),
            legend_national: Level::National.label(lang).into(),
            legend_regional: Level::Regional.label(lang).into(),
            log_scale: log,
            points,
            missing,
            empty_text: lang.pick("没有可画的数据", "No data to draw").into(),
            summary,
        }
    }

    /// A view of `n` made-up zones, for the drawing benchmark (the issue's
    /// 10,000 points) and tests: sizes skewed like a real region's (a few
    /// large zones, a long tail), drawn from a fixed sequence, no dataset.
    pub fn synthetic(n: usize, lang: Lang) -> ScatterView {
        // A Weyl sequence: deterministic, well spread, no generator needed.
        let frac = |i: usize, k: f64| ((i as f64 + 1.0) * k).fract();
        let mut points: Vec<ScatterPoint> = (0..n)
            .map(|i| {
                let land = 5.0 + 400.0 * frac(i, 0.618_033_988_749_895).powi(3);
                let gdp = land * (2.0 + 10.0 * frac(i, 0.414_213_562_373_095));
                ScatterPoint {
                    zone: i,
                    name: format!("Z{i}"),
                    national: i % 3 == 0,
                    land,
                    gdp,
                    enterprises: Some((gdp / 4.0).round()),
                    gdp_rank: 0,
                    selected: false,
                    label: format!(
                        "Z{i}: {land} km², {gdp}",
                        land = Fixed(land, 1),
                        gdp = Fixed(gdp, 1)
                    ),
                }
            })
            .collect();
        let mut by_gdp: Vec<usize> = (0..n).collect();
        crate::order::sort_by(&mut by_gdp, |a, b| {
            points[*b].gdp.total_cmp(&points[*a].gdp)
        });
        for (rank, i) in by_gdp.iter().enumerate() {
            points[*i].gdp_rank = rank;
        }
        crate::order::sort_by(&mut points, |a, b| {
            a.land.total_cmp(&b.land).then(a.gdp.total_cmp(&b.gdp))
        });
        ScatterView {
            lang,
            year: 2022,
            title: format!("{n} synthetic zones"),
            x_title: lang.pick("国土面积（平方千米）", "Land (km²)").into(),
            y_title: lang.pick("GDP（亿元）", "GDP (CNY 100 million)").into(),
            size_note: size_note(points.len(), lang),
            legend_national: Level::National.label(lang).into(),
            legend_regional: Level::Regional.label(lang).into(),
            log_scale: false,
            points,
            missing: String::new(),
            empty_text: String::new(),
            summary: String::new(),
        }
    }

    /// Every bubble as a row, in reading order.
    pub fn rows(&self) -> Rows<'_> {
        let lang = self.lang;
        let columns = headings(&[
            lang.pick("高新区", "Zone"),
            lang.pick("级别", "Level"),
            lang.pick("国土面积（平方千米）", "Land (km²)"),
            lang.pick("GDP（亿元）", "GDP (CNY 100 million)"),
            lang.pick("高技术企业（家）", "High-tech enterprises"),
            lang.pick("每平方千米GDP（亿元）", "GDP per km² (CNY 100 million)"),
        ]);
        Rows::new(
            &self.title,
            columns,
            self.points.len(),
            Box::new(move |i: usize| {
                let p = &self.points[i];
                vec![
                    p.name.clone(),
                    if p.national {
                        &self.legend_national
                    } else {
                        &self.legend_regional
                    }
                    .clone(),
                    land_text(p.land),
                    format::grouped(p.gdp, 1),
                    p.enterprises
                        .map_or_else(|| no_data(lang).to_string(), |e| format::grouped(e, 0)),
                    per_km2(p).map_or_else(String::new, |d| format::grouped(d, 2)),
                ]
            }),
        )
    }

    /// Every row of [`Self::rows`].
    pub fn table(&self) -> Table {
        self.rows().table()
    }
}

/// GDP per km² (亿元), or `None` for a zone without land.
fn per_km2(point: &ScatterPoint) -> Option<f64> {
    (point.land > 0.0).then(|| point.gdp / point.land)
}

/// 420 → "420", 12.7 → "12.7".
fn land_text(land: f64) -> String {
    format::grouped(land, if land.fract() == 0.0 { 0 } else { 1 })
}

fn tooltip(dataset: &Dataset, point: &ScatterPoint, gdp: Option<usize>, lang: Lang) -> String {
    let money = match gdp {
        Some(i) => indicator_value(dataset, i, point.gdp, lang),
        None => format::grouped(point.gdp, 1),
    };
    let enterprises = point.enterprises.map(|e| format::grouped(e, 0));
    let level = if point.national {
        Level::National
    } else {
        Level::Regional
    }
    .label(lang);
    let land = land_text(point.land);
    match lang {
        Lang::Zh => format!(
            "{}（{level}）：国土面积{land}平方千米，GDP {money}，高技术企业{}",
            point.name,
            enterprises.map_or_else(|| "数据缺失".to_string(), |e| format!("{e}家"))
        ),
        Lang::En => format!(
            "{} ({level}): land {land} km², GDP {money}, {}",
            point.name,
            enterprises.map_or_else(
                || "high-tech enterprises not known".to_string(),
                |e| format!("{e} high-tech enterprises")
            )
        ),
    }
}

fn missing_text(not_drawn: &[String], no_size: &[String], log: bool, lang: Lang) -> String {
    let mut text = String::new();
    if !not_drawn.is_empty() {
        let names: Vec<&str> = not_drawn.iter().map(String::as_str).collect();
        let names = name_list(&names, lang);
        text.push_str(&match (lang, log) {
            (Lang::Zh, false) => format!("{names}缺少GDP，未画出。"),
            (Lang::Zh, true) => format!("{names}缺少GDP或其值不为正，对数刻度下未画出。"),
            (Lang::En, false) => format!("Not drawn, no GDP: {names}."),
            (Lang::En, true) => {
                format!("Not drawn on log axes, no positive GDP or land: {names}.")
            }
        });
    }
    if !no_size.is_empty() {
        let names: Vec<&str> = no_size.iter().map(String::as_str).collect();
        let names = name_list(&names, lang);
        let sentence = match lang {
            Lang::Zh => format!("{names}缺少高技术企业数，以最小气泡画出。"),
            Lang::En => format!("No count of high-tech enterprises, drawn smallest: {names}."),
        };
        push_sentence(&mut text, &sentence, lang);
    }
    text
}

/// Largest and smallest GDP, GDP per km², the national zones' part, the most
/// enterprises, and what is missing.
fn summary(
    dataset: &Dataset,
    points: &[ScatterPoint],
    gdp: Option<usize>,
    year: i32,
    lang: Lang,
    missing: &str,
) -> String {
    let money = |v: f64| match gdp {
        Some(i) => indicator_value(dataset, i, v, lang),
        None => format::grouped(v, 1),
    };
    let max_by = |key: &dyn Fn(&ScatterPoint) -> Option<f64>| {
        points
            .iter()
            .filter_map(|p| key(p).map(|k| (p, k)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
    };
    let min_by = |key: &dyn Fn(&ScatterPoint) -> Option<f64>| {
        points
            .iter()
            .filter_map(|p| key(p).map(|k| (p, k)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
    };
    let (Some((top, _)), Some((bottom, _))) = (max_by(&|p| Some(p.gdp)), min_by(&|p| Some(p.gdp)))
    else {
        return match lang {
            Lang::Zh => format!("{year}年没有可画的国土面积与GDP数据。{missing}"),
            Lang::En => format!("There are no land and GDP figures to draw for {year}. {missing}")
                .trim_end()
                .to_string(),
        };
    };
    let dense = max_by(&per_km2);
    let sparse = min_by(&per_km2);
    let national: Vec<&ScatterPoint> = points.iter().filter(|p| p.national).collect();
    let land_total: f64 = points.iter().map(|p| p.land).sum();
    let gdp_total: f64 = points.iter().map(|p| p.gdp).sum();
    let national_land: f64 = national.iter().map(|p| p.land).sum();
    let national_gdp: f64 = national.iter().map(|p| p.gdp).sum();
    let part = |x: f64, total: f64| {
        if total > 0.0 {
            format::percent(x / total, 0)
        } else {
            "—".to_string()
        }
    };
    let most = max_by(&|p| p.enterprises);

    // Counts grouped as every figure on screen ("1,978", not "1978").
    let (zones, national_n) = (
        format::grouped(points.len() as f64, 0),
        format::grouped(national.len() as f64, 0),
    );
    let mut text = match lang {
        Lang::Zh => format!(
            "{year}年，{}家高新区中GDP最高的是{}（{}，国土面积{}平方千米），最低的是{}（{}）。",
            zones,
            top.name,
            money(top.gdp),
            land_text(top.land),
            bottom.name,
            money(bottom.gdp)
        ),
        Lang::En => format!(
            "In {year}, of {} zones, {} has the largest GDP ({}, on {} km²) and {} the smallest ({}).",
            zones,
            top.name,
            money(top.gdp),
            land_text(top.land),
            bottom.name,
            money(bottom.gdp)
        ),
    };
    if let (Some((d, dv)), Some((s, sv))) = (dense, sparse) {
        text.push_str(&match lang {
            Lang::Zh => format!(
                "每平方千米GDP最高的是{}（{}/平方千米），最低的是{}（{}/平方千米）。",
                d.name,
                money(dv),
                s.name,
                money(sv)
            ),
            Lang::En => format!(
                " GDP per km² is highest in {} ({} per km²) and lowest in {} ({} per km²).",
                d.name,
                money(dv),
                s.name,
                money(sv)
            ),
        });
    }
    if !national.is_empty() {
        text.push_str(&match lang {
            Lang::Zh => format!(
                "{}家国家级高新区占图中高新区国土面积的{}、GDP的{}。",
                national_n,
                part(national_land, land_total),
                part(national_gdp, gdp_total)
            ),
            Lang::En => format!(
                " The {} national {} {} of the land and {} of the GDP of the zones drawn.",
                national_n,
                if national.len() == 1 {
                    "zone holds"
                } else {
                    "zones hold"
                },
                part(national_land, land_total),
                part(national_gdp, gdp_total)
            ),
        });
    }
    if let Some((m, mv)) = most {
        text.push_str(&match lang {
            Lang::Zh => format!(
                "气泡面积表示高技术企业数，最多的是{}（{}家）。",
                m.name,
                format::grouped(mv, 0)
            ),
            Lang::En => format!(
                " Bubble area shows high-tech enterprises; {} has the most ({}).",
                m.name,
                format::grouped(mv, 0)
            ),
        });
    }
    push_sentence(&mut text, missing, lang);
    text
}

#[cfg(test)]
mod tests;
