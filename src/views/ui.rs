//! The widget's own words around the charts: title, the notice about
//! illustrative values, button labels.

use serde::Serialize;

use crate::i18n::Lang;
use crate::model::{Dataset, Status};

/// The strings the page puts around the charts, in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UiText {
    pub lang: &'static str,
    pub title: String,
    /// Says how many zone-level values are illustrative; empty when none is.
    pub illustrative_notice: String,
    pub show_table: &'static str,
    pub hide_table: &'static str,
    /// The label of the button that switches to the other language, written
    /// in that language so its readers find it.
    pub switch_language: &'static str,
}

impl UiText {
    pub fn build(dataset: &Dataset, lang: Lang) -> UiText {
        UiText {
            lang: lang.tag(),
            title: dataset.meta.title.get(lang).to_string(),
            illustrative_notice: illustrative_notice(dataset, lang),
            show_table: lang.pick("以表格显示", "Show as table"),
            hide_table: lang.pick("隐藏表格", "Hide table"),
            switch_language: lang.pick("English", "中文"),
        }
    }
}

/// Counts the zone-level values by status.
pub fn status_counts(dataset: &Dataset) -> [(Status, usize); 3] {
    let mut counts = [
        (Status::Reported, 0),
        (Status::Derived, 0),
        (Status::Illustrative, 0),
    ];
    let statuses = dataset
        .columns
        .iter()
        .flatten()
        .flat_map(|column| column.status.iter().flatten());
    for status in statuses {
        if let Some(entry) = counts.iter_mut().find(|(s, _)| s == status) {
            entry.1 += 1;
        }
    }
    counts
}

fn illustrative_notice(dataset: &Dataset, lang: Lang) -> String {
    let counts = status_counts(dataset);
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let illustrative = counts[2].1;
    if illustrative == 0 {
        return String::new();
    }
    match lang {
        Lang::Zh => format!(
            "示意数据：{total}个园区层面数值中有{illustrative}个为示意值（园区已匿名，数值为虚构），\
             其合计与报告公布的数字一致；报告数字标为“报告”，由其推算的标为“推算”。"
        ),
        Lang::En => format!(
            "Illustrative data: {illustrative} of {total} zone-level values are illustrative \
             (the zones are anonymised and their values made up) and add up to the figures the \
             report gives; the report's own figures are marked \"reported\", those worked out \
             from them \"derived\"."
        ),
    }
}

/// One tab of the widget: an id for the URL, a label, its charts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tab {
    pub id: &'static str,
    pub label: &'static str,
    /// The charts of the tab, in order, among those the widget has.
    pub charts: Vec<&'static str>,
}

/// The widget's tabs and the charts each shows, from the report's questions:
/// what the zones achieve, how they rank, how unequal they are, whether they
/// specialise, how innovative they are, how they compare, how they move.
pub fn tabs(lang: Lang) -> Vec<Tab> {
    use super::ChartId;
    const TABS: &[(&str, &str, &str, &[&str])] = &[
        ("overview", "概览", "Overview", &["shares"]),
        (
            "evaluation",
            "综合评价",
            "Evaluation",
            &["ranking", "profile", "stability"],
        ),
        (
            "imbalance",
            "发展不平衡",
            "Imbalance",
            &["lorenz", "scatter", "theil"],
        ),
        (
            "specialisation",
            "产业特色",
            "Specialisation",
            &["similarity"],
        ),
        (
            "innovation",
            "创新能力",
            "Innovation",
            &["innovation", "trends"],
        ),
        (
            "benchmarks",
            "对标",
            "Benchmarks",
            &["benchmarks", "national_bands"],
        ),
        ("dynamic", "动态管理", "Dynamic management", &["bump"]),
        ("data", "数据与来源", "Data and sources", &[]),
    ];
    TABS.iter()
        .map(|(id, zh, en, charts)| Tab {
            id,
            label: lang.pick(zh, en),
            charts: charts
                .iter()
                .filter_map(|c| ChartId::parse(c))
                .map(ChartId::as_str)
                .collect(),
        })
        .collect()
}
