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

#[cfg(test)]
mod tests {
    use super::WORDS;

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
}
