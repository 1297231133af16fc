//! The widget's own words around the charts: title, the notice about
//! illustrative values, button labels.

use serde::Serialize;

use super::{ChartId, TabId};
use crate::i18n::Lang;
use crate::model::{Dataset, Status};

/// The strings the page puts around the charts, in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UiText {
    pub title: String,
    /// Says how many zone-level values are illustrative; empty when none is.
    pub illustrative_notice: String,
    /// The label of the button that switches to the other language, written
    /// in that language so its readers find it.
    pub switch_language: &'static str,
}

impl UiText {
    pub fn build(dataset: &Dataset, lang: Lang) -> UiText {
        UiText {
            title: dataset.meta.title.get(lang).to_string(),
            illustrative_notice: illustrative_notice(dataset, lang),
            switch_language: lang.pick("English", "中文"),
        }
    }
}

/// The label of the box that keeps zones named for exit in later rankings:
/// a word of the page's (below) that the ranking names when it says how to
/// show the zones it leaves out.
pub const KEEP_EXITED: (&str, &str) = (
    "已列入退出的园区仍参加以后年份的排名（仅作比较）",
    "Keep zones named for exit in later rankings (for comparison)",
);

/// The widget's own words: every label, button and message of the page
/// that does not come from the data, as `(key, 中文, English)`. (The script
/// keeps three of its own for the moments the wasm cannot answer: loading
/// it, failing to load it, and after it has trapped.) A table rather than a
/// struct: the page receives it as one object keyed by `key`, and a table
/// costs the module one loop instead of a serializer per field.
const WORDS: &[(&str, &str, &str)] = &[
    ("bad_data", "数据文件有问题，无法显示：", "The data file has problems and cannot be shown: "),
    ("warnings", "数据文件有可疑之处（仍可使用）：", "The data file has suspicious values (still usable): "),
    ("tabs", "视图", "Views"),
    ("year", "年份", "Year"),
    ("play", "播放", "Play"),
    ("pause", "暂停", "Pause"),
    ("zone", "查找高新区", "Find a zone"),
    ("zone_chosen", "所选高新区", "Zone chosen"),
    ("zone_placeholder", "名称、编号或分园区", "Name, id or sub-park"),
    ("candidates", "匹配的高新区", "Matching zones"),
    ("no_match_nearest", "无匹配，最接近：", "No match; nearest: "),
    ("in_zone", "属于", "in "),
    ("more_matches", "另有匹配：", "More matches: "),
    ("nearest", "。最接近的是：", ". The nearest is: "),
    ("park_of", "是分园区，已选中所属的", " is a sub-park: selected its zone, "),
    ("clear", "清除", "Clear"),
    ("level", "级别", "Level"),
    ("all_levels", "全部", "All"),
    ("area", "区域", "Area"),
    ("national", "国家级", "National"),
    ("regional", "市级", "Region-level"),
    ("log", "对数坐标", "Log scale"),
    ("indicator", "趋势指标", "Trend indicator"),
    ("weights", "维度权重", "Dimension weights"),
    ("method", "评价方法", "Method"),
    ("reset", "恢复默认", "Reset"),
    ("rules", "动态管理规则（可调整，设为0即关闭该项）", "Dynamic-management rules (set a rule to 0 to turn it off)"),
    ("reset_rules", "恢复数据文件的规则", "Back to the rules in the data"),
    ("integrate", "整合（托管、一区多园）", "Integration (take-over, one zone in several parks)"),
    ("integrate_with", "并入本区的市级高新区", "Region-level zone to take over"),
    ("integrate_none", "不整合", "None"),
    ("integrate_off", "已取消整合。", "Integration undone."),
    ("keep_exited", KEEP_EXITED.0, KEEP_EXITED.1),
    ("weights_help", "拖动滑块调整各维度权重（按比例换算为百分比），排名随之重算。", "Move a slider to change a dimension's weight (shares are rescaled to 100%); the ranking is recomputed as you move."),
    ("headline", "报告的主要数字（由数据计算）", "The report's headline figures (computed from the data)"),
    ("headline_year", "每个数字按报告所说的年份计算，不随年份滑块变化。", "Each figure is for the year the report states it for: the year slider does not change them."),
    ("data_csv", "下载本表 CSV", "Download this table (CSV)"),
    ("action_failed", "操作未能完成：", "That did not work: "),
    ("link_ignored", "链接中有无法使用的设置，已忽略：", "The link has settings this data cannot use; they were ignored: "),
    ("show_chart", "查看图表", "Show the chart"),
    ("show_table", "以表格显示", "Show as table"),
    ("hide_table", "隐藏表格", "Hide table"),
    // A long table's pager: the page puts numbers in for {from}, {to}, {total}.
    ("table_rows", "第 {from}–{to} 行，共 {total} 行", "Rows {from}–{to} of {total}"),
    ("rows_prev", "上一页", "Previous rows"),
    ("rows_next", "下一页", "Next rows"),
    ("read_all", "展开全文", "Read all"),
    ("show_less", "收起", "Show less"),
    // Download progress: the page puts numbers in for {got}, {total} (MB) and {pct}.
    ("png", "下载 PNG", "Download PNG"),
    ("svg", "下载 SVG", "Download SVG"),
    ("csv", "下载 CSV", "Download CSV"),
    ("share", "复制分享链接", "Copy share link"),
    ("copied", "链接已复制", "Link copied"),
    ("sources", "数据来源", "Sources"),
    ("unknown_zone", "没有匹配的高新区：", "No zone matches: "),
    ("what_means", "这是什么意思？", "What does this mean?"),
    ("glossary", "名词解释", "Glossary"),
    ("report_says", "报告原文：", "The report says: "),
    ("settings", "设置", "Settings"),
    ("only_contradictions", "只看相互矛盾的说法", "Show only contradictions"),
    ("dismiss", "关闭此消息", "Dismiss this message"),
    ("played", "已播放到最后一年，停止。", "Played to the last year; stopped."),
    ("elder", "长辈模式", "Elder mode"),
    ("read_aloud", "朗读摘要", "Read aloud"),
    ("stop_reading", "停止朗读", "Stop reading"),
    ("no_voice", "此浏览器没有中文语音，无法朗读", "This browser has no English voice to read with"),
    ("speak_focus", "键盘移动时朗读数据", "Read each datum aloud as the keys move"),
    ("listen", "听图表", "Listen to the chart"),
    ("stop_sound", "停止播放", "Stop the sound"),
    ("listen_key", "在图表上按 S 键也可播放或停止，按 Esc 键停止。", "On the chart, S plays or stops it too; Esc stops."),
    ("no_audio", "此浏览器不能播放声音", "This browser cannot play sound"),
    ("print", "打印", "Print"),
];

/// The widget's own words in `lang`, serialized as `{key: word, ...}`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Words(pub Lang);

impl Words {
    pub fn of(lang: Lang) -> Words {
        Words(lang)
    }
}

impl Serialize for Words {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(WORDS.iter().map(|(key, zh, en)| (key, self.0.pick(zh, en))))
    }
}

/// Counts the zone-level values by status.
pub fn status_counts(dataset: &Dataset) -> [(Status, usize); 3] {
    let mut counts = [
        (Status::Reported, 0),
        (Status::Derived, 0),
        (Status::Illustrative, 0),
    ];
    for column in dataset.columns.iter().flatten() {
        count_statuses(&column.status, &mut counts);
    }
    counts
}

/// One column's part of [`status_counts`]: a function of its own, called
/// once per column, so that V8 optimises it (one loop over the 1.2 million
/// values of 2,000 zones × 20 years × 30 indicators ran in its baseline
/// code, 14 ms of a load).
#[inline(never)]
fn count_statuses(statuses: &[Option<Status>], counts: &mut [(Status, usize); 3]) {
    for status in statuses.iter().flatten() {
        if let Some(entry) = counts.iter_mut().find(|(s, _)| s == status) {
            entry.1 += 1;
        }
    }
}

/// The page's notice. How the values were made is the file's to say (its
/// sources, on the data tab): a portal's file, or one generated at national
/// scale, was not made to add up to the report; what the notice knows is
/// their status, and that the overview checks them.
fn illustrative_notice(dataset: &Dataset, lang: Lang) -> String {
    let head = illustrative_head(dataset, lang);
    if head.is_empty() {
        return head;
    }
    head + lang.pick(
        "；概览逐条核对报告的说法与这些数值是否相符。公布的数字标为“报告”，由其推算的标为“推算”。",
        "; the overview checks each of the report's claims against them. Published figures \
         are marked \"reported\", those worked out from them \"derived\".",
    )
}

/// How many zone-level values are illustrative, and that they are made up,
/// not official statistics: the start of the page's notice and of an
/// export's ([`export_notice`]); empty when none is.
fn illustrative_head(dataset: &Dataset, lang: Lang) -> String {
    let counts = status_counts(dataset);
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let n = counts[2].1;
    if n == 0 {
        return String::new();
    }
    // Grouped as every figure on screen: "4,860", not "4860".
    let (illustrative, total) = (
        crate::format::grouped(n as f64, 0),
        crate::format::grouped(total as f64, 0),
    );
    match lang {
        Lang::Zh => format!(
            "示意数据：{total}个园区层面数值中有{illustrative}个为示意值（数值为虚构，不是官方统计）"
        ),
        Lang::En => format!(
            "Illustrative data: {illustrative} of {total} zone-level values {} illustrative \
             (made up, not official statistics)",
            crate::format::en_agree(n, "is", "are")
        ),
    }
}

/// What a download of a chart or table (CSV, PNG, SVG, print's drawings)
/// says of its data when the file has illustrative values, so that it
/// cannot be passed round as official figures: how many of the file's
/// values are illustrative, that they are made up, and the sources those
/// values cite, quoted, at most `name_list`'s 20 ("示意数据：…为示意值（数值
/// 为虚构，不是官方统计）。示意值来源：“…”。"); empty when no value is
/// illustrative, and no sources said when those values cite none.
pub fn export_notice(dataset: &Dataset, lang: Lang) -> String {
    let head = illustrative_head(dataset, lang);
    if head.is_empty() {
        return head;
    }
    let mut sources: Vec<usize> = Vec::new();
    for column in dataset.columns.iter().flatten() {
        for (status, source) in column.status.iter().zip(&column.source) {
            if let (Some(Status::Illustrative), Some(s)) = (status, source) {
                if !sources.contains(s) {
                    sources.push(*s);
                }
            }
        }
    }
    // Quoted: a title may hold the list's own separators.
    let (open, close) = (lang.pick("“", "\""), lang.pick("”", "\""));
    let titles: Vec<String> = sources
        .iter()
        .filter_map(|s| dataset.source(*s))
        .map(|s| format!("{open}{}{close}", s.title.shown(lang)))
        .collect();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let cited = super::figures::name_list(&titles, lang);
    match (titles.len(), lang) {
        (0, Lang::Zh) => format!("{head}。"),
        (0, Lang::En) => format!("{head}."),
        (_, Lang::Zh) => format!("{head}。示意值来源：{cited}。"),
        (1, Lang::En) => format!("{head}. Source of the illustrative values: {cited}."),
        (_, Lang::En) => format!("{head}. Sources of the illustrative values: {cited}."),
    }
}

/// One tab of the widget as the page receives it: an id for the URL, a
/// label, its charts and the controls it shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tab {
    pub id: &'static str,
    pub label: &'static str,
    /// The tab's charts, in order.
    pub charts: Vec<&'static str>,
    /// The controls the page shows on the tab (`Control::as_str`): those
    /// its charts respond to, and its own.
    pub controls: Vec<&'static str>,
}

/// The widget's tabs, from the registry (src/registry.rs).
pub fn tabs(lang: Lang) -> Vec<Tab> {
    TabId::ALL
        .iter()
        .map(|&tab| Tab {
            id: tab.as_str(),
            label: tab.label(lang),
            charts: tab.charts().map(ChartId::as_str).collect(),
            controls: tab.controls().names(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled file: 36 zones × 27 indicators × 5 years = 4,860
    /// zone-level values (tests/it/values.rs counts them alike), all
    /// illustrative, grouped as every figure on screen; and no
    /// word of how they were made (a generated national file was not made
    /// to add up to the report).
    #[test]
    fn the_notice_groups_its_figures() {
        let dataset = crate::views::testing::bundled();
        let en = illustrative_notice(&dataset, Lang::En);
        assert!(
            en.starts_with(
                "Illustrative data: 4,860 of 4,860 zone-level values are illustrative ("
            ),
            "{en}"
        );
        assert!(!en.contains("add up"), "{en}");
        let zh = illustrative_notice(&dataset, Lang::Zh);
        assert!(
            zh.starts_with("示意数据：4,860个园区层面数值中有4,860个为示意值（"),
            "{zh}"
        );
        assert!(!zh.contains("合计"), "{zh}");
    }

    /// The page's notice in full (its words unchanged by sharing their
    /// start with the exports'), and an export's: the same count, "not
    /// official figures", and the title of the source the bundled file's
    /// values cite ("make-dataset", read off www/data/zones.json).
    #[test]
    fn an_export_says_its_data_are_illustrative_and_their_source() {
        let dataset = crate::views::testing::bundled();
        assert_eq!(
            illustrative_notice(&dataset, Lang::En),
            "Illustrative data: 4,860 of 4,860 zone-level values are illustrative (made up, not \
             official statistics); the overview checks each of the report's claims against them. \
             Published figures are marked \"reported\", those worked out from them \"derived\"."
        );
        assert_eq!(
            export_notice(&dataset, Lang::En),
            "Illustrative data: 4,860 of 4,860 zone-level values are illustrative (made up, not \
             official statistics). Source of the illustrative values: \"Illustrative values made \
             up by a fixed rule; not data about any real zone\"."
        );
        assert_eq!(
            export_notice(&dataset, Lang::Zh),
            "示意数据：4,860个园区层面数值中有4,860个为示意值（数值为虚构，不是官方统计）。\
             示意值来源：“示意数据：按固定规则生成的虚构数值，非真实园区数据”。"
        );
        // tests/datasets/good/minimal.json: 12 illustrative values of 12,
        // none citing a source: no "Source:" with nothing after it.
        let minimal = crate::model::load(include_str!("../../tests/datasets/good/minimal.json"))
            .expect("minimal.json loads")
            .dataset;
        assert_eq!(
            export_notice(&minimal, Lang::En),
            "Illustrative data: 12 of 12 zone-level values are illustrative (made up, not official \
             statistics)."
        );
        assert_eq!(
            export_notice(&minimal, Lang::Zh),
            "示意数据：12个园区层面数值中有12个为示意值（数值为虚构，不是官方统计）。"
        );
        // No illustrative value, no notice.
        let mut reported = dataset.clone();
        for column in reported.columns.iter_mut().flatten() {
            for status in column.status.iter_mut().flatten() {
                *status = Status::Reported;
            }
        }
        assert_eq!(export_notice(&reported, Lang::En), "");
        // One left illustrative: "1 of 4,860 … is".
        let column = reported.columns.iter_mut().flatten().next().unwrap();
        column.status[0] = Some(Status::Illustrative);
        assert!(
            illustrative_notice(&reported, Lang::En)
                .starts_with("Illustrative data: 1 of 4,860 zone-level values is illustrative ("),
            "{}",
            illustrative_notice(&reported, Lang::En)
        );
    }

    /// Each key once; each word written in both languages, the Chinese
    /// one in Chinese (a CJK character) and the English one without any.
    #[test]
    fn every_word_once_in_both_languages() {
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for (i, (key, zh, en)) in WORDS.iter().enumerate() {
            assert!(!WORDS[..i].iter().any(|(k, _, _)| k == key), "{key} twice");
            assert!(cjk(zh), "{key}: {zh}");
            assert!(!en.is_empty() && !cjk(en), "{key}: {en}");
        }
    }

    /// English trails off with three full stops: the widget's fonts are
    /// Chinese first, and their "…" sits mid-height ("Loading···"), as
    /// Chinese sets it. Chinese keeps "…".
    #[test]
    fn english_words_trail_off_in_full_stops() {
        for (key, _, en) in WORDS {
            assert!(!en.contains('…') && !en.contains('⋯'), "{key}: {en}");
        }
    }

    /// A word with `{name}` placeholders (the page fills them with numbers)
    /// has the same ones in both languages. (The loading words, needed before
    /// the wasm is ready, are the page's own: `BOOT` in element.js.)
    #[test]
    fn placeholders_match_across_languages() {
        let names = |s: &str| {
            let mut names: Vec<String> = s
                .split('{')
                .skip(1)
                .map(|part| part.split('}').next().unwrap().to_string())
                .collect();
            names.sort();
            names
        };
        for (key, zh, en) in WORDS {
            assert_eq!(names(zh), names(en), "{key}");
        }
    }

    /// The page receives the words as one object keyed as in the table.
    #[test]
    fn words_serialize_as_an_object_by_key() {
        let en = serde_json::to_value(Words::of(Lang::En)).unwrap();
        assert_eq!(en["show_table"], "Show as table");
        let zh = serde_json::to_value(Words::of(Lang::Zh)).unwrap();
        assert_eq!(zh["unknown_zone"], "没有匹配的高新区：");
        assert_eq!(zh.as_object().unwrap().len(), WORDS.len());
    }
}
