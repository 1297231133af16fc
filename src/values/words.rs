//! The studio page's own words (www/studio.html), as `(key, 中文, English)`
//! like the widget's `views::ui::WORDS`, but a table of their own: the
//! widget's wasm does not carry them. The page receives one object keyed by
//! `key`.

use crate::i18n::Lang;

pub const WORDS: &[(&str, &str, &str)] = &[
    ("title", "数据工作台：从表格到网页", "Data studio: from a spreadsheet to your portal"),
    ("intro", "下载模板，在 Excel 或 WPS 中填写，再打开填好的文件：文件只在本浏览器中读取和检查，不会上传到任何地方。", "Download a template, fill it in Excel or WPS, then open the filled file: it is read and checked in this browser only, never uploaded anywhere."),
    ("switch_language", "English", "中文"),
    ("step_template", "1. 下载模板", "1. Download a template"),
    ("template_help", "模板包含当前数据的全部数值；\"园区\"、\"指标\"、\"来源\" 工作表列出可用的标识（只读）。", "The template holds every value of the current data; the sheets zones, indicators and sources list the ids you may use (read-only)."),
    ("template_xlsx", "下载 XLSX 模板", "Download the XLSX template"),
    ("template_csv", "下载 CSV 模板", "Download the CSV template"),
    ("step_open", "2. 打开填好的文件", "2. Open the filled file"),
    ("open_file", "选择文件（.xlsx 或 .csv）", "Choose a file (.xlsx or .csv)"),
    ("drop_here", "或把文件拖放到这里", "or drop the file here"),
    ("reading", "正在读取", "Reading"),
    ("step_check", "3. 检查结果", "3. What the check found"),
    ("no_file", "尚未打开文件。", "No file opened yet."),
    ("no_problems", "没有发现问题：可以预览和发布。", "No problems found: ready to preview and publish."),
    ("has_errors", "有错误：改正后重新打开文件。预览仍显示上一次通过检查的数据。", "There are errors: fix them and open the file again. The preview still shows the last data that passed."),
    ("only_warnings", "只有警告：可以发布，但请先核对。", "Warnings only: it can be published, but check them first."),
    ("errors", "错误", "errors"),
    ("warnings", "警告", "warnings"),
    ("error", "错误", "Error"),
    ("warning", "警告", "Warning"),
    ("rows_read", "读取的行数", "rows read"),
    ("counts", "各类问题的数量", "Problems by kind"),
    ("show_row", "查看该行", "Show the row"),
    ("row_in_file", "文件中的这一行", "This row of the file"),
    ("step_preview", "4. 预览", "4. Preview"),
    ("preview_help", "下面的组件使用导入后的数据，与网站上显示的一致。", "The widget below uses the imported data, as your site will show it."),
    ("step_publish", "5. 发布", "5. Publish"),
    ("download_json", "下载检查过的数据文件（JSON）", "Download the checked data file (JSON)"),
    ("json_help", "把这个文件放到网站上，并把下面代码中的 src 指向它。", "Put this file on your site and point the src in the code below at it."),
    ("folder", "组件文件夹在网站上的地址", "The widget's folder on your site"),
    ("data_url", "数据文件在网站上的地址", "The data file's address on your site"),
    ("embed_code", "嵌入代码", "Embed code"),
    ("copy", "复制嵌入代码", "Copy the embed code"),
    ("copied", "已复制。", "Copied."),
    ("copy_failed", "无法复制：请选中代码后手动复制。", "Could not copy: select the code and copy it yourself."),
    ("sri_help", "integrity 是脚本的 SHA-384 哈希（子资源完整性）：脚本被篡改时浏览器拒绝运行。更新组件后需更新此值。", "integrity is the script's SHA-384 hash (Subresource Integrity): the browser refuses a script that was altered. Update it with each new version of the widget."),
    ("failed", "无法读取文件：", "The file could not be read: "),
];

/// The words of one language, as (key, word).
pub fn of(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    WORDS
        .iter()
        .map(move |(key, zh, en)| (*key, lang.pick(zh, en)))
}

/// A short name of each problem kind, by its code, as `(code, 中文, English)`:
/// the studio's "problems by kind" list shows it, the code after it. The
/// table's own kinds ([`super::SheetKind`]) and the validator's
/// ([`crate::model::ProblemKind`]) share a code where they mean the same
/// (`unknown_zone`).
pub const KINDS: &[(&str, &str, &str)] = &[
    // The table's own (values::problem).
    ("not_utf8", "不是 UTF-8 编码", "Not UTF-8"),
    ("invalid_csv", "无法按 CSV 读取", "Not readable as CSV"),
    ("missing_header", "缺少列名行", "No header row"),
    ("unknown_column", "无法识别的列", "Unknown column"),
    ("duplicate_column", "重复的列", "Repeated column"),
    ("missing_column", "缺少的列", "Missing column"),
    ("wrong_field_count", "单元格数不对", "Wrong number of cells"),
    ("empty_cell", "必填单元格为空", "Empty required cell"),
    ("unknown_zone", "未定义的园区", "Unknown zone"),
    ("unknown_indicator", "未定义的指标", "Unknown indicator"),
    ("not_a_year", "不是年份", "Not a year"),
    ("not_a_number", "不是数字", "Not a number"),
    (
        "number_out_of_range",
        "数值超出可存范围",
        "Number out of range",
    ),
    ("too_many_rows", "行数过多", "Too many rows"),
    ("too_many_columns", "列数过多", "Too many columns"),
    ("unknown_status", "无法识别的状态", "Unknown status"),
    ("unknown_source", "未定义的来源", "Unknown source"),
    (
        "not_a_workbook",
        "无法按工作簿读取",
        "Not a readable workbook",
    ),
    (
        "other_spreadsheet",
        "不支持的表格格式",
        "Unsupported spreadsheet format",
    ),
    ("merged_cells", "合并的单元格", "Merged cells"),
    ("date_cell", "日期格式的单元格", "Cell formatted as a date"),
    ("cell_error", "公式错误值", "Formula error"),
    (
        "formula_without_value",
        "公式没有保存结果",
        "Formula without a saved result",
    ),
    // The validator's, on the result (model::problem).
    ("invalid_json", "不是合法的 JSON", "Not valid JSON"),
    ("file_too_large", "文件过大", "File too large"),
    ("wrong_schema", "格式标识不对", "Wrong schema"),
    ("missing_field", "缺少必填字段", "Missing field"),
    ("wrong_type", "类型不对", "Wrong type"),
    ("wrong_length", "数组长度不对", "Wrong array length"),
    ("too_many_values", "数值位置过多", "Too many values"),
    ("unknown_field", "无法识别的字段", "Unknown field"),
    ("empty_string", "空文本", "Empty text"),
    ("invalid_character", "无法显示的字符", "Invalid character"),
    ("string_too_long", "文本过长", "Text too long"),
    ("too_many_items", "条目过多", "Too many entries"),
    ("invalid_id", "标识格式不对", "Invalid id"),
    ("duplicate_id", "重复的标识", "Repeated id"),
    ("duplicate_field", "重复的字段", "Repeated field"),
    ("duplicate_entry", "重复的记录", "Repeated entry"),
    ("invalid_enum", "不在可选值中", "Value not in the list"),
    ("invalid_years", "年份列表不对", "Invalid list of years"),
    ("year_out_of_range", "年份不在列表中", "Year not listed"),
    ("negative_value", "数值为负", "Negative value"),
    ("not_an_integer", "不是整数", "Not a whole number"),
    ("out_of_range", "数值超出范围", "Value out of range"),
    ("share_over_one", "比例大于 1", "Share over 1"),
    (
        "weights_not_100",
        "权重之和不是 100",
        "Weights do not sum to 100",
    ),
    ("unknown_unit", "未定义的单位", "Unknown unit"),
    ("unknown_dimension", "未定义的维度", "Unknown dimension"),
    ("unknown_industry", "未定义的产业", "Unknown industry"),
    (
        "unknown_metro_area",
        "未定义的城市群",
        "Unknown metropolitan area",
    ),
    ("unknown_reference", "未定义的引用", "Unknown reference"),
    ("unknown_chart", "未定义的图表", "Unknown chart"),
    ("unknown_parent", "未定义的上级园区", "Unknown parent zone"),
    ("invalid_parent", "上级园区不对", "Invalid parent zone"),
    (
        "parent_cycle",
        "上级园区循环引用",
        "Parent zones in a cycle",
    ),
    ("sub_park_value", "分园的数值", "Value of a sub-park"),
    (
        "ranking_not_national",
        "排名不是全国范围",
        "Ranking not national",
    ),
    ("invalid_check", "核对项不对", "Invalid check"),
    ("missing_observation", "缺少数值", "Missing value"),
    ("year_without_data", "没有数据的年份", "Year without data"),
    ("too_many_problems", "问题过多", "Too many problems"),
];

/// The short name of a problem kind in `lang`, by its code; the code itself
/// for a kind without one (the test below allows none).
pub fn kind(code: &str, lang: Lang) -> &str {
    KINDS
        .iter()
        .find(|k| k.0 == code)
        .map_or(code, |(_, zh, en)| lang.pick(zh, en))
}

#[cfg(test)]
mod tests {
    use super::{KINDS, WORDS};
    use crate::model::ProblemKind;
    use crate::values::SheetKind;

    /// Every word in both languages, the Chinese in Chinese, each key once.
    #[test]
    fn every_word_is_in_both_languages_once() {
        let mut keys: Vec<&str> = WORDS.iter().map(|w| w.0).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), WORDS.len(), "a key twice");
        for (key, zh, en) in WORDS {
            assert!(!en.is_empty() && !zh.is_empty(), "{key}");
            let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(chinese(zh) || *key == "switch_language", "{key}: {zh}");
            assert!(!chinese(en) || *key == "switch_language", "{key}: {en}");
        }
    }

    /// Every problem kind, the table's and the validator's, has a short name
    /// in both languages, once.
    #[test]
    fn every_problem_kind_has_a_name_in_both_languages() {
        let mut codes: Vec<&str> = KINDS.iter().map(|k| k.0).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), KINDS.len(), "a code twice");
        let kinds = SheetKind::ALL
            .iter()
            .map(|k| k.as_str())
            .chain(ProblemKind::ALL.iter().map(|k| k.as_str()));
        for code in kinds {
            assert!(codes.contains(&code), "{code} has no name");
        }
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for (code, zh, en) in KINDS {
            assert!(chinese(zh) && !chinese(en) && !en.is_empty(), "{code}");
        }
    }
}
