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
