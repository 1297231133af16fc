//! The view behind the `areas` chart: the metro areas compared (都市区领飞).
//! Each area's share of the zones' land, GDP, high-tech value added and
//! high-tech enterprises in `state.year`, its GDP growth, and its national
//! zones; the area with the largest share of GDP is marked as the leading
//! group with its national zones named. Under the areas, the share of the
//! GDP inequality (Theil T) that lies between areas, year by year.
//! Numbers come from [`crate::analysis::areas`] (docs/METRICS.md, "Metro areas").

use crate::analysis::areas::{areas, between_areas_by_year, leading_area, AREA_INDICATORS};
use crate::format::{grouped, percent};
use crate::i18n::Lang;

use super::figures::{name_list, push_sentence};
use super::{Context, Rows, Table};

/// Everything the `areas` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct AreasView {
    pub lang: Lang,
    pub title: String,
    /// Land, then [`AREA_INDICATORS`]' names: the bars of each area, in order.
    pub measures: Vec<String>,
    pub rows: Vec<AreaRow>,
    /// "区域间差异占GDP泰尔指数的比例" and one bar per year.
    pub between_title: String,
    pub between: Vec<(String, Option<f64>)>,
    pub empty_text: String,
    pub summary: String,
}

/// One area.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaRow {
    pub name: String,
    /// The leading group's area (largest share of GDP).
    pub leading: bool,
    /// Shares of the zones' totals, [`AreasView::measures`] order.
    pub shares: Vec<Option<f64>>,
    /// Its zones, national zones and GDP growth in words.
    pub note: String,
    pub label: String,
}

impl AreasView {
    pub fn build(context: &Context) -> AreasView {
        let (dataset, state) = (context.dataset, context.state);
        let (year, lang) = (state.year, state.lang);
        // No zone in any area: nothing to compare (the chart says so).
        let mut figures = areas(dataset, year);
        if figures.iter().all(|f| f.zones.is_empty()) {
            figures.clear();
        }
        let leader = leading_area(&figures);
        let mut measures = vec![lang.pick("土地", "Land").to_string()];
        measures.extend(AREA_INDICATORS.iter().map(|id| {
            dataset
                .indicator_index(id)
                .and_then(|i| dataset.indicators.get(i))
                .map_or_else(|| id.to_string(), |i| i.name.shown(lang))
        }));
        let first = dataset.years.first().copied().unwrap_or(year);
        let rows: Vec<AreaRow> = figures
            .iter()
            .enumerate()
            .map(|(a, f)| {
                let name = dataset.metro_areas[a].name.shown(lang);
                let names = |ids: &[crate::analysis::Id]| -> Vec<String> {
                    ids.iter()
                        .filter_map(|id| dataset.zone_index(id.as_str()))
                        .filter_map(|z| dataset.zones.get(z))
                        .map(|z| z.name.shown(lang))
                        .collect()
                };
                let national = names(&f.national_zones);
                let national: Vec<&str> = national.iter().map(String::as_str).collect();
                let leading = leader == Some(a);
                let growth = f.gdp_cagr.map_or_else(String::new, |g| match lang {
                    Lang::Zh => format!("GDP年均增长{}（{first}–{year}年）", percent(g, 1)),
                    Lang::En => format!("GDP growth {} a year ({first}–{year})", percent(g, 1)),
                });
                let n = grouped(f.zones.len() as f64, 0);
                let zones = match (f.zones.len(), lang) {
                    (_, Lang::Zh) => format!("{n}个园区"),
                    (1, Lang::En) => "1 zone".to_string(),
                    (_, Lang::En) => format!("{n} zones"),
                };
                let who = match (leading, national.is_empty(), lang) {
                    (_, true, Lang::Zh) => format!("{zones}，无国家级高新区"),
                    (_, true, Lang::En) => format!("{zones}, no national zone"),
                    (true, false, Lang::Zh) => {
                        format!("{zones}，领头雁：{}", name_list(&national, lang))
                    }
                    (true, false, Lang::En) => {
                        format!("{zones}, leading group: {}", name_list(&national, lang))
                    }
                    (false, false, Lang::Zh) => {
                        format!("{zones}，国家级：{}", name_list(&national, lang))
                    }
                    (false, false, Lang::En) => {
                        format!("{zones}, national: {}", name_list(&national, lang))
                    }
                };
                let note = [who, growth]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(lang.pick("；", "; "));
                let mut shares = vec![f.land_share];
                shares.extend(f.shares.iter().copied());
                let values: Vec<String> = measures
                    .iter()
                    .zip(&shares)
                    .map(|(m, s)| {
                        let s = s.map_or_else(
                            || super::figures::no_data(lang).to_string(),
                            |s| percent(s, 1),
                        );
                        format!("{m} {s}")
                    })
                    .collect();
                let label = format!(
                    "{name}{}{}{}{note}",
                    lang.pick("：", ": "),
                    values.join(lang.pick("，", ", ")),
                    lang.pick("；", "; ")
                );
                AreaRow {
                    name,
                    leading,
                    shares,
                    note,
                    label,
                }
            })
            .collect();
        let between = between_areas_by_year(dataset)
            .into_iter()
            .map(|(y, s)| (y.to_string(), s))
            .collect();
        let mut view = AreasView {
            lang,
            title: match lang {
                Lang::Zh => format!("各区域高新区的份额与增长（{year}年）"),
                Lang::En => format!("The areas' shares of the zones and their growth ({year})"),
            },
            measures,
            rows,
            between_title: lang
                .pick(
                    "GDP不平衡中区域间差异的占比（泰尔T指数）",
                    "Share of GDP inequality between areas (Theil T)",
                )
                .into(),
            between,
            empty_text: lang.pick("数据中没有区域", "The data have no areas").into(),
            summary: String::new(),
        };
        view.summary = summary(&view);
        view
    }

    /// [`Self::table`], written whole: a few rows.
    pub fn rows(&self) -> Rows<'_> {
        Rows::written(self.table())
    }

    /// One row per area and one per year of the between-area share.
    pub fn table(&self) -> Table {
        let lang = self.lang;
        let mut columns = vec![lang.pick("区域", "Area").to_string()];
        columns.extend(self.measures.iter().cloned());
        columns.push(lang.pick("园区与增长", "Zones and growth").to_string());
        let pct = |s: &Option<f64>| {
            s.map_or_else(
                || super::figures::no_data(lang).to_string(),
                |s| percent(s, 1),
            )
        };
        let mut rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![r.name.clone()];
                row.extend(r.shares.iter().map(pct));
                row.push(r.note.clone());
                row
            })
            .collect();
        for (year, share) in &self.between {
            let mut row = vec![format!("{} · {year}", self.between_title)];
            row.extend(self.measures.iter().map(|_| String::new()));
            row[2] = pct(share);
            row.push(String::new());
            rows.push(row);
        }
        Table {
            caption: self.title.clone(),
            columns,
            rows,
        }
    }
}

fn summary(view: &AreasView) -> String {
    let lang = view.lang;
    if view.rows.is_empty() {
        return format!("{}{}", view.empty_text, lang.pick("。", "."));
    }
    let mut text = match lang {
        Lang::Zh => "每个区域四条横条：其高新区占全部高新区土地、GDP、高技术产业增加值和高技术企业的比例；GDP份额最大的区域为领头区域，其国家级高新区为领头雁。".to_string(),
        Lang::En => "Four bars per area: its zones' share of all zones' land, GDP, high-tech value added and high-tech enterprises; the area with the largest share of GDP leads, its national zones are the leading group.".to_string(),
    };
    let end = lang.pick("。", ".");
    for row in &view.rows {
        push_sentence(&mut text, &format!("{}{end}", row.label), lang);
    }
    let years: Vec<String> = view
        .between
        .iter()
        .filter_map(|(y, s)| Some(format!("{y} {}", percent((*s)?, 1))))
        .collect();
    if !years.is_empty() {
        let line = format!(
            "{}{}{}",
            view.between_title,
            lang.pick("：", ": "),
            years.join(lang.pick("，", ", "))
        );
        push_sentence(&mut text, &format!("{line}{end}"), lang);
    }
    text
}

#[cfg(test)]
mod tests;
