//! The view behind the `industries` chart: each zone's industry mix by the
//! report's categories (digital, strategic emerging, leading, traditional),
//! its leading industries by name, and "one park, one specialty"
//! (一园一特色): its top specialty by location quotient, whether it has one
//! of its own, and the zones it duplicates (problems 2 and 4, claim C18).
//!
//! One row per zone of the level and area filters, the region's zones
//! together first (one row per year the mixes give: does the emerging share
//! grow?), the others by their share of emerging and digital
//! industries, highest first. Numbers come from [`crate::analysis::industries`]
//! (the rule is in docs/METRICS.md, "One park, one specialty"); the mixes are
//! for the year the data gives them, not `state.year`.

use crate::analysis::industries::{industries_with, Category, Industries, ZoneIndustries};
use crate::format::{grouped, percent, Fixed};
use crate::i18n::Lang;
use crate::model::Dataset;

use super::figures::{
    claim_lines, left_out, name_list, name_list_upto, push_sentence, NAMES_SHOWN,
};
use super::{Context, Rows, Table};

/// The chart id claims use for the similarity heatmap, whose threshold this
/// chart shares.
const SIMILARITY_CHART: &str = "similarity";

/// Everything the `industries` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct IndustriesView {
    pub lang: Lang,
    pub title: String,
    /// The categories' names, [`Category::ALL`] order.
    pub categories: Vec<String>,
    /// Which categories any row has output in (the legend lists these).
    pub used: Vec<bool>,
    /// The region's zones together, year by year, then the zones shown.
    pub rows: Vec<IndustryRow>,
    /// "3 of 36 zones have a specialty of their own; 44 pairs duplicate each other".
    pub headline: String,
    pub missing_text: String,
    pub empty_text: String,
    pub claims: Vec<String>,
    pub summary: String,
    /// The duplicate pairs among the zones shown, one line each (the
    /// analysis lists the most similar 1,000).
    pub duplicates: Vec<String>,
    /// How many pairs duplicate each other among the zones shown.
    pub duplicate_count: usize,
    /// The rows the chart draws (indices into `rows`): the zones together
    /// and the first [`DRAWN_ZONES`] zones, the selected one among them.
    pub drawn: Vec<usize>,
    /// "Showing 60 of 5,000 zones…" when the chart does not draw them all.
    pub more_text: String,
    /// The selected zone's row in words, naming fewer zones (the summary's).
    pub chosen: String,
}

/// The most zones the chart draws (each row is 44 px or more: 5,000 zones
/// would be 250,000 px); the table has them all.
pub const DRAWN_ZONES: usize = 60;

/// The duplicate pairs the summary names (then "and K more"), and the
/// zones its sentence on the chosen zone names of those it duplicates: at
/// 2,000 zones ten near-identical sentences made it long (a tester); each
/// zone's row in the table names up to twenty.
const NAMED_DUPLICATES: usize = 3;

/// One bar: a zone, or the zones together.
#[derive(Debug, Clone, PartialEq)]
pub struct IndustryRow {
    /// Index into `Dataset::zones`; `None` for the zones together.
    pub zone: Option<usize>,
    pub name: String,
    pub selected: bool,
    /// Share of output by category, [`Category::ALL`] order (empty: no output).
    pub shares: Vec<f64>,
    /// "主导：专汽及零部件、新材料" — the leading industries by name.
    pub leading: String,
    /// "特色：节能环保（区位熵3.15，独有）" — the top specialty and its verdict.
    pub specialty: String,
    /// "最相似：黄高新区（0.97），无共同特色" — the nearest twin and what
    /// the two share (tooltip and table).
    pub twin: String,
    /// Has a specialty no similar zone shares.
    pub distinct: bool,
}

impl IndustriesView {
    pub fn build(context: &Context) -> IndustriesView {
        let (dataset, state) = (context.dataset, context.state);
        let lang = state.lang;
        // Duplicates are counted and listed among the zones shown.
        // The pairs of every zone with a mix compared once for the tab
        // (the similarity chart's too while no filter is set).
        let threshold = super::similarity::threshold(dataset);
        // Made again only when the filters change, not for a zone selection.
        let kept = context.similarity_kept();
        let result = kept.industries((state.level, state.area), || {
            let shows = |z: usize| dataset.zones.get(z).is_some_and(|d| state.shows(d));
            industries_with(dataset, threshold, shows, Some(kept.all_pairs(dataset)))
        });
        let categories: Vec<String> = Category::ALL
            .iter()
            .map(|c| category_name(*c, lang).to_string())
            .collect();
        let shown: Vec<&ZoneIndustries> = result
            .zones
            .iter()
            .filter(|z| dataset.zones.get(z.zone).is_some_and(|d| state.shows(d)))
            .collect();
        let mut order: Vec<usize> = (0..shown.len()).collect();
        let new_share = |z: &ZoneIndustries| -> f64 {
            Category::ALL
                .iter()
                .zip(&z.category_shares)
                .filter(|(c, _)| c.is_new())
                .map(|(_, s)| s)
                .sum()
        };
        crate::order::sort_by(&mut order, |a, b| {
            new_share(shown[*b]).total_cmp(&new_share(shown[*a]))
        });
        // The zones together, year by year (one row without any mix).
        let mut years = result.region_by_year.clone();
        if years.is_empty() {
            years.push((0, Vec::new()));
        }
        // The zones together are those the filters show (a tester read the
        // all-zones total beside 660 zones), and say so, with how many.
        let filtered = state.level.is_some() || state.area.is_some();
        let together_name = match (filtered, lang) {
            (false, _) => lang.pick("全部高新区合计", "All zones together").into(),
            (true, Lang::Zh) => format!(
                "筛选范围{}个高新区合计",
                grouped(result.region_zones as f64, 0)
            ),
            (true, Lang::En) if result.region_zones == 1 => "The 1 zone shown".into(),
            (true, Lang::En) => format!(
                "Total of the {} zones shown",
                grouped(result.region_zones as f64, 0)
            ),
        };
        let mut rows: Vec<IndustryRow> = years
            .into_iter()
            .map(|(year, shares)| IndustryRow {
                zone: None,
                name: match (year, lang) {
                    (0, _) => together_name.clone(),
                    (y, Lang::Zh) => format!("{together_name}（{y}年）"),
                    (y, Lang::En) => format!("{together_name} ({y})"),
                },
                selected: false,
                shares,
                leading: String::new(),
                specialty: String::new(),
                twin: String::new(),
                distinct: false,
            })
            .collect();
        let together = rows.len();
        // Each zone's partners in the listed duplicate pairs, in the
        // list's order: one pass over the pairs, not one per zone (2,000
        // zones by 1,000 pairs).
        let mut duplicated_by: Vec<Vec<usize>> = vec![Vec::new(); dataset.zones.len()];
        for pair in &result.duplicate_pairs {
            for (zone, other) in [(pair.a, pair.b), (pair.b, pair.a)] {
                if let Some(partners) = duplicated_by.get_mut(zone) {
                    partners.push(other);
                }
            }
        }
        rows.extend(order.iter().map(|i| {
            let zone = shown[*i];
            let partners = duplicated_by.get(zone.zone).map_or(&[][..], |p| p);
            zone_row(dataset, zone, partners, state.zone, lang, NAMES_SHOWN)
        }));
        // The chosen zone's row in words for the summary, naming three of
        // the zones it duplicates, not twenty (its sentence was 340
        // characters at 2,000 zones).
        let chosen = state
            .zone
            .and_then(|z| shown.iter().find(|s| s.zone == z))
            .map_or_else(String::new, |zone| {
                let partners = duplicated_by.get(zone.zone).map_or(&[][..], |p| p);
                let row = zone_row(dataset, zone, partners, state.zone, lang, NAMED_DUPLICATES);
                row_label(&row, &categories, lang)
            });
        // The zones together: their shares in words under their bar, the
        // new industries (digital, emerging) on the first line.
        for region in rows.iter_mut().filter(|r| r.zone.is_none()) {
            let (new, old) = region.shares.split_at(2.min(region.shares.len()));
            region.leading = shares_text(new, &categories[..2], lang);
            region.specialty = shares_text(old, &categories[2..], lang);
        }
        let used = (0..Category::ALL.len())
            .map(|c| {
                rows.iter()
                    .any(|r| r.shares.get(c).is_some_and(|s| *s > 0.0))
            })
            .collect();
        let name = |zone: usize| {
            dataset
                .zones
                .get(zone)
                .map_or_else(String::new, |z| z.name.shown(lang))
        };
        let duplicates: Vec<String> = result
            .duplicate_pairs
            .iter()
            .map(|p| {
                let industry = industry_name(dataset, p.industry, lang);
                match lang {
                    Lang::Zh => format!(
                        "{}与{}：都以{industry}为首要特色，结构相似度{}",
                        name(p.a),
                        name(p.b),
                        Fixed(p.similarity, 2)
                    ),
                    Lang::En => format!(
                        "{} and {}: both lead with {industry}, similarity {}",
                        name(p.a),
                        name(p.b),
                        Fixed(p.similarity, 2)
                    ),
                }
            })
            .collect();
        let distinct = rows.iter().filter(|r| r.distinct).count();
        let zones = rows.len() - together;
        let duplicate_count = result.duplicate_count;
        let mut drawn: Vec<usize> = (0..rows.len().min(together + DRAWN_ZONES)).collect();
        if let Some(i) = rows
            .iter()
            .position(|r| r.selected)
            .filter(|i| *i >= drawn.len())
        {
            drawn.pop();
            drawn.push(i);
        }
        let more_text = if zones > DRAWN_ZONES {
            let all = crate::format::grouped(zones as f64, 0);
            match lang {
                Lang::Zh => format!(
                    "只画出新兴与数字产业占比最高的{DRAWN_ZONES}个（及所选园区），全部{all}个见表格"
                ),
                Lang::En => format!(
                    "Drawn: the {DRAWN_ZONES} zones with the highest emerging and digital share (and the zone chosen) of {all}; the table lists them all"
                ),
            }
        } else {
            String::new()
        };
        // "1 of 36 zones has", "0 of 1 zone have": the noun agrees with
        // the whole, the verb with the part.
        let agree = format!(
            "{} {}",
            crate::format::en_agree(zones, "zone", "zones"),
            crate::format::en_agree(
                distinct,
                "has a specialty of its own;",
                "have a specialty of their own;"
            )
        );
        let (zones_n, distinct, duplicates_n) = (
            crate::format::grouped(zones as f64, 0),
            crate::format::grouped(distinct as f64, 0),
            crate::format::grouped(duplicate_count as f64, 0),
        );
        let headline = match lang {
            Lang::Zh => format!(
                "{zones_n}个高新区中{distinct}个有独有特色产业；{duplicates_n}对园区首要特色重复"
            ),
            Lang::En => format!(
                "{distinct} of {zones_n} {} {duplicates_n} {}",
                agree,
                crate::format::en_agree(
                    duplicate_count,
                    "pair duplicates each other",
                    "pairs duplicate each other"
                ),
            ),
        };
        let missing: Vec<String> = dataset
            .zones
            .iter()
            .filter(|z| z.industry_mix.is_none() && state.shows(z))
            .map(|z| z.name.shown(lang))
            .collect();
        let mut view = IndustriesView {
            lang,
            title: lang
                .pick(
                    "各高新区产业结构与特色产业（一园一特色）",
                    "Each zone's industries and its own specialty (one park, one specialty)",
                )
                .into(),
            categories,
            used,
            rows,
            headline,
            missing_text: left_out("产业结构数据", "industry mix", &missing, lang),
            empty_text: lang.pick("没有产业结构数据", "No industry mixes").into(),
            claims: claim_lines(context.claims(), SIMILARITY_CHART, lang),
            summary: String::new(),
            duplicates,
            duplicate_count,
            drawn,
            more_text,
            chosen,
        };
        view.summary = summary(&view, &result);
        view
    }

    /// One row per bar: the categories' shares, the leading industries, the
    /// top specialty and the nearest twin.
    pub fn rows(&self) -> Rows<'_> {
        let lang = self.lang;
        let mut columns = vec![lang.pick("高新区", "Zone").to_string()];
        columns.extend(self.categories.iter().cloned());
        columns.extend(
            [
                lang.pick("主导产业", "Leading industries"),
                lang.pick("特色产业（区位熵）", "Specialty (location quotient)"),
                lang.pick("最相似的园区", "Most alike"),
            ]
            .map(String::from),
        );
        Rows::new(
            &self.title,
            columns,
            self.rows.len(),
            Box::new(move |i: usize| {
                let row = &self.rows[i];
                let mut cells = vec![row.name.clone()];
                cells.extend((0..self.categories.len()).map(|c| {
                    row.shares
                        .get(c)
                        .map_or_else(String::new, |s| percent(*s, 1))
                }));
                // The zones together's shares in words are their bar's
                // caption; in the table the share columns say them.
                let words = row.zone.is_some();
                cells.push(if words {
                    row.leading.clone()
                } else {
                    String::new()
                });
                cells.push(if words {
                    row.specialty.clone()
                } else {
                    String::new()
                });
                cells.push(row.twin.clone());
                cells
            }),
        )
    }

    /// Every row of [`Self::rows`].
    pub fn table(&self) -> Table {
        self.rows().table()
    }
}

pub fn category_name(category: Category, lang: Lang) -> &'static str {
    match category {
        Category::Digital => lang.pick("数字产业", "Digital"),
        Category::Emerging => lang.pick("战略性新兴产业", "Strategic emerging"),
        Category::Leading => lang.pick("主导产业", "Leading"),
        Category::Traditional => lang.pick("传统产业", "Traditional"),
        Category::Other => lang.pick("其他", "Other"),
    }
}

/// An industry's name as it reads after "leading: ", "both lead with ",
/// "sharing ": English in lower case ("new energy"), acronyms kept.
fn industry_name(dataset: &Dataset, industry: usize, lang: Lang) -> String {
    dataset
        .industries
        .get(industry)
        .map_or_else(String::new, |i| {
            crate::format::in_sentence(&i.name.shown(lang))
        })
}

/// Zone `zone`'s row; `duplicated_by`: the zones it duplicates, as the
/// listed duplicate pairs name them.
fn zone_row(
    dataset: &Dataset,
    zone: &ZoneIndustries,
    duplicated_by: &[usize],
    selected: Option<usize>,
    lang: Lang,
    names: usize,
) -> IndustryRow {
    let data = dataset.zones.get(zone.zone);
    let leading: Vec<String> = data
        .map(|z| z.leading_industries.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|k| industry_name(dataset, *k, lang))
        .collect();
    let leading: Vec<&str> = leading.iter().map(String::as_str).collect();
    let name = |z: usize| {
        dataset
            .zones
            .get(z)
            .map_or_else(String::new, |z| z.name.shown(lang))
    };
    let specialty = match (&zone.distinct, zone.specialties.first()) {
        (Some(own), _) => match lang {
            Lang::Zh => format!(
                "独有特色：{}（区位熵{}）",
                industry_name(dataset, own.industry, lang),
                Fixed(own.location_quotient, 2)
            ),
            Lang::En => format!(
                "own specialty: {} (LQ {})",
                industry_name(dataset, own.industry, lang),
                Fixed(own.location_quotient, 2)
            ),
        },
        (None, Some(top)) => {
            let twins: Vec<String> = duplicated_by.iter().map(|z| name(*z)).collect();
            let twins: Vec<&str> = twins.iter().map(String::as_str).collect();
            let industry = industry_name(dataset, top.industry, lang);
            let lq = top.location_quotient;
            let duplicated_by = name_list_upto(&twins, names, lang);
            match (twins.is_empty(), lang) {
                (true, Lang::Zh) => format!(
                    "特色：{industry}（区位熵{lq}），相似园区也有",
                    lq = Fixed(lq, 2)
                ),
                (true, Lang::En) => {
                    format!(
                        "specialty: {industry} (LQ {lq}), shared by a similar zone",
                        lq = Fixed(lq, 2)
                    )
                }
                (false, Lang::Zh) => {
                    format!(
                        "特色：{industry}（区位熵{lq}），与{duplicated_by}重复",
                        lq = Fixed(lq, 2)
                    )
                }
                (false, Lang::En) => {
                    format!(
                        "specialty: {industry} (LQ {lq}), duplicated by {duplicated_by}",
                        lq = Fixed(lq, 2)
                    )
                }
            }
        }
        (None, None) => lang
            .pick(
                "无特色产业（区位熵均低于1.25）",
                "no specialty (every LQ below 1.25)",
            )
            .into(),
    };
    let twin = zone.twin.as_ref().map(|t| {
        let shared: Vec<String> = t
            .shared
            .iter()
            .map(|k| industry_name(dataset, *k, lang))
            .collect();
        let shared: Vec<&str> = shared.iter().map(String::as_str).collect();
        match (shared.is_empty(), lang) {
            (true, Lang::Zh) => format!(
                "最相似：{}（{}），无共同特色",
                name(t.zone),
                Fixed(t.similarity, 2)
            ),
            (true, Lang::En) => format!(
                "most alike: {} ({}), no specialty in common",
                name(t.zone),
                Fixed(t.similarity, 2)
            ),
            (false, Lang::Zh) => format!(
                "最相似：{}（{}），共同特色{}",
                name(t.zone),
                Fixed(t.similarity, 2),
                name_list(&shared, lang)
            ),
            (false, Lang::En) => format!(
                "most alike: {} ({}), sharing {}",
                name(t.zone),
                Fixed(t.similarity, 2),
                name_list(&shared, lang)
            ),
        }
    });
    IndustryRow {
        zone: Some(zone.zone),
        name: data.map_or_else(String::new, |z| z.name.shown(lang)),
        selected: selected == Some(zone.zone),
        shares: zone.category_shares.clone(),
        leading: match (leading.is_empty(), lang) {
            (true, _) => String::new(),
            (false, Lang::Zh) => format!("主导：{}", name_list(&leading, lang)),
            (false, Lang::En) => format!("leading: {}", name_list(&leading, lang)),
        },
        specialty,
        twin: twin.unwrap_or_default(),
        distinct: zone.distinct.is_some(),
    }
}

impl IndustriesView {
    /// Row `row`'s whole line in words, the tooltip and the screen
    /// reader's text: made when its bar is drawn (60 of 2,000 zones).
    pub fn row_label(&self, row: usize) -> String {
        self.rows
            .get(row)
            .map_or_else(String::new, |r| row_label(r, &self.categories, self.lang))
    }
}

/// "甲高新区：数字产业 3.1%，战略性新兴产业 40.2%，…；主导：…；特色：…".
fn row_label(row: &IndustryRow, categories: &[String], lang: Lang) -> String {
    let mut parts = vec![shares_text(&row.shares, categories, lang)];
    if row.zone.is_some() {
        parts.extend(
            [&row.leading, &row.specialty, &row.twin]
                .into_iter()
                .filter(|t| !t.is_empty())
                .cloned(),
        );
    }
    format!(
        "{}{}{}",
        row.name,
        lang.pick("：", ": "),
        parts.join(lang.pick("；", "; "))
    )
}

/// "数字产业 4.1%，战略性新兴产业 43.0%，…": the categories with output.
fn shares_text(shares: &[f64], categories: &[String], lang: Lang) -> String {
    let parts: Vec<String> = categories
        .iter()
        .zip(shares)
        .filter(|(_, s)| **s > 0.0)
        .map(|(c, s)| format!("{c} {}", percent(*s, 1)))
        .collect();
    parts.join(lang.pick("，", ", "))
}

fn summary(view: &IndustriesView, result: &Industries) -> String {
    let lang = view.lang;
    let mut text = match lang {
        Lang::Zh => format!(
            "每个高新区一条横条，按产出中数字产业、战略性新兴产业、主导产业、传统产业的占比分段，按新兴与数字产业占比从高到低排列，并列出主导产业和按区位熵（≥{}）算出的特色产业。",
            result.specialty_lq
        ),
        Lang::En => format!(
            "One bar per zone, split by the share of its output in digital, strategic emerging, leading and traditional industries, ordered by the share of emerging and digital industries, with its leading industries and its specialty by location quotient (≥ {}).",
            result.specialty_lq
        ),
    };
    let end = lang.pick("。", ".");
    // The zones together in their first and last year (the table has every
    // year: twenty sentences of shares made the summary a page).
    let regions = (view.rows.iter()).filter(|r| r.zone.is_none() && !r.shares.is_empty());
    let last = regions.clone().count().saturating_sub(1);
    for (i, region) in regions.enumerate() {
        if i == 0 || i == last {
            let label = row_label(region, &view.categories, lang);
            push_sentence(&mut text, &format!("{label}{end}"), lang);
        }
    }
    push_sentence(&mut text, &format!("{}{end}", view.headline), lang);
    // The zone chosen, its row in words (a tester missed it here).
    if !view.chosen.is_empty() {
        let chosen = lang.pick("所选的", "The selected zone, ");
        push_sentence(&mut text, &format!("{chosen}{}{end}", view.chosen), lang);
    }
    if !view.duplicates.is_empty() {
        let named = &view.duplicates[..view.duplicates.len().min(NAMED_DUPLICATES)];
        let mut pairs = named.join(lang.pick("；", "; "));
        let more = view.duplicate_count.saturating_sub(named.len());
        if more > 0 {
            let more = crate::format::grouped(more as f64, 0);
            pairs.push_str(&match lang {
                Lang::Zh => format!("；另有{more}对"),
                Lang::En => format!("; and {more} more"),
            });
        }
        push_sentence(&mut text, &format!("{pairs}{end}"), lang);
    }
    push_sentence(&mut text, &view.more_text, lang);
    if !view.more_text.is_empty() {
        text.push_str(end);
    }
    for line in &view.claims {
        push_sentence(&mut text, line, lang);
    }
    if !view.missing_text.is_empty() {
        push_sentence(&mut text, &format!("{}{end}", view.missing_text), lang);
    }
    text
}

#[cfg(test)]
mod tests;
