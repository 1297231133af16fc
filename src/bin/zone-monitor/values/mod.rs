//! `export-values` and `import-values`: a dataset's observations as a long
//! table a spreadsheet opens (one row per zone, indicator and year), and back.
//!
//! [`export`] writes the template; [`import`] reads a table into a copy of a
//! base file and reports every problem at once as [`SheetProblem`]s: the
//! table's own (line and column of the CSV, what was expected, what was
//! found, the fix, in Chinese and English like the validator's), then the
//! validator's on the result, its `observations[i]` paths turned back into
//! the line the row came from.
//!
//! This is the command-line tool's edge, native only: the wasm never sees a
//! CSV. It reads the base file with `serde_json::Value` to rewrite it (the
//! library's compact document is read-only); the result is checked by
//! `model::load` like any other file.

use serde_json::{Map, Number, Value};
use zone_monitor::i18n::Lang;
use zone_monitor::model::{self, Severity};

/// The UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when it starts
/// with one (otherwise as the system's code page, GBK on a Chinese Windows).
const BOM: &str = "\u{feff}";

/// The table's columns, in the template's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Zone,
    Indicator,
    Year,
    Value,
    Status,
    Source,
}

const COLUMNS: [Column; 6] = [
    Column::Zone,
    Column::Indicator,
    Column::Year,
    Column::Value,
    Column::Status,
    Column::Source,
];

impl Column {
    fn en(self) -> &'static str {
        match self {
            Column::Zone => "zone",
            Column::Indicator => "indicator",
            Column::Year => "year",
            Column::Value => "value",
            Column::Status => "status",
            Column::Source => "source",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            Column::Zone => "园区",
            Column::Indicator => "指标",
            Column::Year => "年份",
            Column::Value => "数值",
            Column::Status => "状态",
            Column::Source => "来源",
        }
    }

    /// A header cell as written: the English name (any case) or the Chinese.
    fn from_header(cell: &str) -> Option<Column> {
        let cell = cell.trim();
        COLUMNS
            .into_iter()
            .find(|c| cell.eq_ignore_ascii_case(c.en()) || cell == c.zh())
    }

    fn required(self) -> bool {
        !matches!(self, Column::Status | Column::Source)
    }

    /// The JSON field of an observation this column fills.
    fn field(self) -> &'static str {
        self.en()
    }
}

const STATUSES: [&str; 3] = ["reported", "derived", "illustrative"];

/// What `export-values` and `import-values` cannot even start on: exit 2.
pub struct Unreadable(pub String);

/// Reads a base file as JSON, for both commands.
fn parse_base(name: &str, text: &str) -> Result<Value, Unreadable> {
    serde_json::from_str(text).map_err(|e| {
        Unreadable(format!(
            "cannot read {name}: not valid JSON ({e}); `zone-monitor validate {name}` explains"
        ))
    })
}

/// A cell of the template: a text as is, a number as serde_json writes it
/// (the shortest form that reads back to the same value), empty for null or
/// no field; anything else as its JSON text, so import reports it.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// `export-values`: the base file's observations as CSV, UTF-8 with a BOM,
/// the header `zone,indicator,year,value,status,source`, rows in the file's
/// order.
pub fn export(name: &str, text: &str) -> Result<Vec<u8>, Unreadable> {
    let base = parse_base(name, text)?;
    let Some(observations) = base.get("observations").and_then(Value::as_array) else {
        return Err(Unreadable(format!(
            "cannot export {name}: it has no observations array; `zone-monitor validate {name}` explains"
        )));
    };
    let mut out = csv::Writer::from_writer(BOM.as_bytes().to_vec());
    let write_error = |e: csv::Error| Unreadable(format!("cannot write the CSV: {e}"));
    out.write_record(COLUMNS.map(Column::en))
        .map_err(write_error)?;
    for o in observations {
        out.write_record(COLUMNS.map(|c| cell(o.get(c.field()))))
            .map_err(write_error)?;
    }
    out.into_inner()
        .map_err(|e| Unreadable(format!("cannot write the CSV: {e}")))
}

/// One problem of an import: where in the CSV (or, for a problem of the base
/// file the validator found outside the observations, its JSON path), what
/// kind, what was expected and found, and the fix, in both languages.
pub struct SheetProblem {
    pub severity: Severity,
    /// The CSV's line (1 is the header); `None` for the whole file, an option
    /// or a JSON path.
    pub line: Option<usize>,
    /// The column's English name (`value`), or the header as written for an
    /// unknown column.
    pub column: Option<String>,
    /// The column's letter as a spreadsheet shows it (`D`), when the CSV has it.
    letter: Option<String>,
    /// What the column is called in the CSV (`数值`), when it has it.
    header: Option<String>,
    /// The validator's JSON path, for its problems.
    pub path: Option<String>,
    /// Where, when it is neither a line nor a path (`--source`).
    place: Option<(&'static str, &'static str)>,
    pub kind: &'static str,
    pub expected: (String, String),
    pub found: (String, String),
    fix: (&'static str, &'static str),
}

impl SheetProblem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// English expected and found, stable for machines.
    pub fn expected_en(&self) -> &str {
        &self.expected.0
    }

    pub fn found_en(&self) -> &str {
        &self.found.0
    }

    fn place(&self, lang: Lang) -> String {
        if let Some(line) = self.line {
            let mut s = match lang {
                Lang::Zh => format!("第 {line} 行"),
                Lang::En => format!("line {line}"),
            };
            let name = self.header.as_deref().or(self.column.as_deref());
            match (lang, &self.letter, name) {
                (Lang::Zh, Some(l), Some(n)) => s.push_str(&format!(" {l} 列（{n:?}）")),
                (Lang::Zh, None, Some(n)) => s.push_str(&format!("（{n:?}）")),
                (Lang::En, Some(l), Some(n)) => s.push_str(&format!(", column {l} ({n})")),
                (Lang::En, None, Some(n)) => s.push_str(&format!(" ({n})")),
                _ => {}
            }
            s
        } else if let Some(path) = &self.path {
            if path.is_empty() {
                lang.pick("（结果文件）", "(the result)").to_string()
            } else {
                path.clone()
            }
        } else if let Some(place) = self.place {
            lang.pick(place.0, place.1).to_string()
        } else {
            lang.pick("（整个 CSV 文件）", "(the CSV file)").to_string()
        }
    }

    /// The message in the validator's shape: `PLACE: KIND: expected …, found
    /// …. FIX` / `PLACE：应为 …，实际为 …。FIX（KIND）`.
    pub fn message(&self, lang: Lang) -> String {
        let place = self.place(lang);
        match lang {
            Lang::Zh => format!(
                "{place}：应为 {}，实际为 {}。{}（{}）",
                self.expected.1, self.found.1, self.fix.0, self.kind
            ),
            Lang::En => format!(
                "{place}: {}: expected {}, found {}. {}",
                self.kind, self.expected.0, self.found.0, self.fix.1
            ),
        }
    }
}

/// The fixes of the table's own problems (zh, en).
mod fix {
    pub const NOT_UTF8: (&str, &str) = (
        "请把文件另存为 \"CSV UTF-8（逗号分隔）\"（WPS：另存为 CSV 时选择 UTF-8 编码）；中文版 Excel 的 \"CSV（逗号分隔）\" 默认保存为 GBK 编码。",
        "Save the file as \"CSV UTF-8 (Comma delimited)\" (WPS: choose the UTF-8 encoding when saving as CSV); Chinese Excel's plain \"CSV\" saves GBK by default.",
    );
    pub const MISSING_HEADER: (&str, &str) = (
        "第一行应为列名：\"zone,indicator,year,value,status,source\"（或 \"园区,指标,年份,数值,状态,来源\"）；可用 \"zone-monitor export-values\" 生成模板。",
        "The first row names the columns: zone,indicator,year,value,status,source (or the Chinese names); \"zone-monitor export-values\" writes a template.",
    );
    pub const MISSING_COLUMN: (&str, &str) = (
        "添加这一列（列名写在第一行）。",
        "Add this column (its name in the first row).",
    );
    pub const MISSING_SOURCE: (&str, &str) = (
        "添加 \"source\"（来源）列，或用 \"--source ID\" 为所有行指定一个基础文件 \"meta.sources\" 中的来源。",
        "Add a source column, or name one source of the base file's meta.sources for every row with --source ID.",
    );
    pub const UNKNOWN_COLUMN: (&str, &str) = (
        "该列不会被读取：改为所列列名之一，或删除该列。",
        "This column is not read: rename it to one of the names listed, or delete it.",
    );
    pub const DUPLICATE_COLUMN: (&str, &str) = (
        "每列只能出现一次（否则无法确定该用哪个值）：删除或合并重复的列。",
        "A column may appear once (which one was meant is unknown): delete or merge the repeated one.",
    );
    pub const WRONG_FIELD_COUNT: (&str, &str) = (
        "每行的单元格数应与第一行的列数相同：检查数值中是否有未加引号的逗号，或是否漏填、多填了单元格。",
        "Each row has one cell per column of the first row: look for a comma inside a value (quote the cell) or a missing or extra cell.",
    );
    pub const EMPTY_CELL: (&str, &str) = (
        "每行都要填写园区、指标和年份。",
        "Every row needs a zone, an indicator and a year: fill in the cell.",
    );
    pub const UNKNOWN_ZONE: (&str, &str) = (
        "使用基础文件 \"zones\" 中的园区标识；新园区先加入基础文件。",
        "Use a zone id of the base file's zones; add a new zone to the base file first.",
    );
    pub const UNKNOWN_INDICATOR: (&str, &str) = (
        "使用基础文件 \"indicators\" 中的指标标识；新指标先加入基础文件。",
        "Use an indicator id of the base file's indicators; add a new indicator to the base file first.",
    );
    pub const NOT_A_YEAR: (&str, &str) = (
        "年份应写成整数，如 2022（不带 \"年\"、小数或千位分隔符）。",
        "Write the year as a whole number such as 2022 (no decimals, separators or words).",
    );
    pub const NOT_A_NUMBER: (&str, &str) = (
        "数值只写数字：不加千位分隔符（写 1234.5，不写 1,234.5），不加百分号（12% 的比例写 0.12），不加单位；未知的数值请留空，不要写 0、\"—\" 或文字。",
        "Write a plain number: no thousands separators (1234.5, not 1,234.5), no % (a share of 12% is 0.12), no unit; leave the cell empty for an unknown value, not 0, \"—\" or text.",
    );
    pub const UNKNOWN_STATUS: (&str, &str) = (
        "使用所列状态之一；留空即为 \"reported\"。",
        "Use one of the statuses listed; an empty cell means reported.",
    );
    pub const UNKNOWN_SOURCE: (&str, &str) = (
        "使用基础文件 \"meta.sources\" 中的来源标识，或先在基础文件中添加该来源。",
        "Use a source id of the base file's meta.sources, or add the source there first.",
    );
    pub const INVALID_CSV: (&str, &str) = (
        "文件无法按 CSV 读取：检查所示位置附近的引号。",
        "The file cannot be read as CSV: check the quotes near the position shown.",
    );
}

/// A spreadsheet's column letter: 0 → A, 25 → Z, 26 → AA.
fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// At most ten ids, then how many in all: `a, b, c` / `"a"、"b"、"c"`.
fn id_list(ids: &[String]) -> (String, String) {
    let shown = &ids[..ids.len().min(10)];
    let more = ids.len() - shown.len();
    let en = shown.join(", ");
    let zh = shown
        .iter()
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join("、");
    if more == 0 {
        (en, zh)
    } else {
        (
            format!("{en}, … ({} in all)", ids.len()),
            format!("{zh} 等（共 {} 个）", ids.len()),
        )
    }
}

fn text_found(s: &str) -> (String, String) {
    let shown: String = s.chars().take(40).collect();
    let cut = if shown.len() < s.len() { "…" } else { "" };
    (
        format!("the text {shown:?}{cut}"),
        format!("文本 {shown:?}{cut}"),
    )
}

/// A number written plainly, as JSON writes one: `-12`, `0.5`, `1.2e3`.
/// Anything else (`1,234.5`, `12%`, `—`, `inf`) is not one: the table is the
/// operator's official figures, so nothing is guessed.
fn plain_number(s: &str) -> Option<Number> {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut whole = true;
    let mut count = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        whole = false;
        i += 1;
        count += digits(&mut i);
    }
    if count == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        whole = false;
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    if whole {
        if let Ok(n) = s.parse::<i64>() {
            return Some(n.into());
        }
    }
    s.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .and_then(Number::from_f64)
}

/// The ids of a list of the base file (`zones`, `indicators`,
/// `meta.sources`), in its order.
fn ids(list: Option<&Value>) -> Vec<String> {
    list.and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.get("id").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// What an import found: every problem, and the new file's text when it has
/// no error.
pub struct Imported {
    pub problems: Vec<SheetProblem>,
    pub rows: usize,
    pub dataset: Option<String>,
}

/// Where the problems of one import are collected.
struct Report {
    problems: Vec<SheetProblem>,
    /// Each column's index in the CSV and its header as written.
    columns: Vec<(Column, usize, String)>,
}

impl Report {
    /// An error at a line of the CSV, in a column of it (or none).
    fn at(
        &mut self,
        line: usize,
        column: Option<Column>,
        kind: &'static str,
        expected: (String, String),
        found: (String, String),
        fix: (&'static str, &'static str),
    ) {
        let (letter, header) = match column.and_then(|c| self.columns.iter().find(|x| x.0 == c)) {
            Some((_, i, h)) => (Some(letter(*i)), Some(h.clone())),
            None => (None, None),
        };
        self.problems.push(SheetProblem {
            severity: Severity::Error,
            line: Some(line),
            column: column.map(|c| c.en().to_string()),
            letter,
            header,
            path: None,
            place: None,
            kind,
            expected,
            found,
            fix,
        });
    }
}

/// One row of the table that read cleanly, as an observation.
struct Row {
    line: usize,
    observation: Value,
}

/// `import-values`: BASE with its observations replaced by the table's rows.
/// `default_source` is the `--source` option.
pub fn import(
    base_name: &str,
    base_text: &str,
    csv_bytes: &[u8],
    default_source: Option<&str>,
) -> Result<Imported, Unreadable> {
    let mut base = parse_base(base_name, base_text)?;
    let zones = ids(base.get("zones"));
    let indicators = ids(base.get("indicators"));
    let sources = ids(base.get("meta").and_then(|m| m.get("sources")));
    let mut report = Report {
        problems: Vec::new(),
        columns: Vec::new(),
    };

    let text = match std::str::from_utf8(csv_bytes) {
        Ok(t) => t.strip_prefix(BOM).unwrap_or(t),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + csv_bytes[..at].iter().filter(|b| **b == b'\n').count();
            report.at(
                line,
                None,
                "not_utf8",
                (
                    "UTF-8 text (CSV UTF-8)".into(),
                    "UTF-8 编码的文本（CSV UTF-8）".into(),
                ),
                (
                    format!("bytes that are not UTF-8 at byte {at} (GBK?)"),
                    format!("第 {at} 字节处不是 UTF-8 编码（可能是 GBK）"),
                ),
                fix::NOT_UTF8,
            );
            return Ok(Imported {
                problems: report.problems,
                rows: 0,
                dataset: None,
            });
        }
    };

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();

    // The header: every cell a known column, each once; the four required.
    let header = loop {
        match records.next() {
            Some(Ok(r)) if r.iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(r)) => break Some(r),
            Some(Err(e)) => {
                invalid_csv(&mut report, &e);
                break None;
            }
            None => break None,
        }
    };
    let header_line = header
        .as_ref()
        .and_then(|h| h.position())
        .map_or(1, |p| p.line() as usize);
    let width = header.as_ref().map_or(0, |h| h.len());
    let known = header
        .as_ref()
        .is_some_and(|h| h.iter().any(|c| Column::from_header(c).is_some()));
    if !known {
        let found = match &header {
            None => ("an empty file".into(), "空文件".into()),
            Some(h) => {
                let row = h.iter().collect::<Vec<_>>().join(",");
                let (en, zh) = text_found(&row);
                (format!("the first row {en}"), format!("第一行 {zh}"))
            }
        };
        report.at(
            header_line,
            None,
            "missing_header",
            (
                "a header row naming the columns zone, indicator, year, value".into(),
                "写有列名的第一行：\"园区\"、\"指标\"、\"年份\"、\"数值\"".into(),
            ),
            found,
            fix::MISSING_HEADER,
        );
        return Ok(Imported {
            problems: report.problems,
            rows: 0,
            dataset: None,
        });
    }
    let header = header.unwrap_or_default();
    let names_en = COLUMNS.map(Column::en).join(", ");
    let names_zh = COLUMNS
        .map(|c| format!("{:?}（{:?}）", c.en(), c.zh()))
        .join("、");
    let mut header_ok = true;
    for (i, cell) in header.iter().enumerate() {
        let problem = |kind, expected, found, fix| SheetProblem {
            severity: Severity::Error,
            line: Some(header_line),
            column: Some(cell.trim().to_string()),
            letter: Some(letter(i)),
            header: None,
            path: None,
            place: None,
            kind,
            expected,
            found,
            fix,
        };
        match Column::from_header(cell) {
            None => {
                header_ok = false;
                report.problems.push(problem(
                    "unknown_column",
                    (
                        format!("one of: {names_en}"),
                        format!("以下之一：{names_zh}"),
                    ),
                    text_found(cell),
                    fix::UNKNOWN_COLUMN,
                ));
            }
            Some(c) if report.columns.iter().any(|x| x.0 == c) => {
                header_ok = false;
                let found = (
                    format!("{:?} again", cell.trim()),
                    format!("再次出现的 {:?}", cell.trim()),
                );
                report.problems.push(problem(
                    "duplicate_column",
                    ("each column once".into(), "每列只出现一次".into()),
                    found,
                    fix::DUPLICATE_COLUMN,
                ));
            }
            Some(c) => report.columns.push((c, i, cell.trim().to_string())),
        }
    }
    let has = |report: &Report, c: Column| report.columns.iter().any(|x| x.0 == c);
    for c in COLUMNS {
        if c.required() && !has(&report, c) {
            header_ok = false;
            report.at(
                header_line,
                Some(c),
                "missing_column",
                (
                    format!("a column {}", c.en()),
                    format!("{:?}（{:?}）列", c.zh(), c.en()),
                ),
                ("none".into(), "无".into()),
                fix::MISSING_COLUMN,
            );
        }
    }
    if let Some(s) = default_source {
        if !sources.iter().any(|x| x == s) {
            let (en, zh) = id_list(&sources);
            report.problems.push(SheetProblem {
                severity: Severity::Error,
                line: None,
                column: None,
                letter: None,
                header: None,
                path: None,
                place: Some(("选项 \"--source\"", "the option --source")),
                kind: "unknown_source",
                expected: (
                    format!("a source of the base file: {en}"),
                    format!("基础文件中的来源：{zh}"),
                ),
                found: (format!("{s:?}"), format!("{s:?}")),
                fix: fix::UNKNOWN_SOURCE,
            });
        }
    } else if !has(&report, Column::Source) {
        header_ok = false;
        let (en, zh) = id_list(&sources);
        report.at(
            header_line,
            Some(Column::Source),
            "missing_column",
            (
                format!("a column source, or the option --source ID naming one of: {en}"),
                format!("\"来源\"（\"source\"）列，或用选项 \"--source\" 指定以下之一：{zh}"),
            ),
            ("neither".into(), "两者皆无".into()),
            fix::MISSING_SOURCE,
        );
    }

    // The rows: each cell read on its own, every problem kept.
    let columns = report.columns.clone();
    let mut rows = Vec::new();
    let mut read = 0;
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                invalid_csv(&mut report, &e);
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // a blank row, as spreadsheets leave at the end
        }
        read += 1;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.len() != width {
            report.at(
                line,
                None,
                "wrong_field_count",
                (
                    format!("{width} cells, as in the header"),
                    format!("{width} 个单元格（与第一行相同）"),
                ),
                (
                    format!("{} cells", record.len()),
                    format!("{} 个单元格", record.len()),
                ),
                fix::WRONG_FIELD_COUNT,
            );
            continue;
        }
        let get = |c: Column| {
            columns
                .iter()
                .find(|x| x.0 == c)
                .and_then(|x| record.get(x.1))
                .map(str::trim)
        };
        let before = report.problems.len();
        let mut observation = Map::new();
        for (c, list, fix) in [
            (Column::Zone, &zones, fix::UNKNOWN_ZONE),
            (Column::Indicator, &indicators, fix::UNKNOWN_INDICATOR),
        ] {
            let Some(v) = get(c) else { continue };
            let kind = if c == Column::Zone {
                "unknown_zone"
            } else {
                "unknown_indicator"
            };
            let (en, zh) = id_list(list);
            let what = if c == Column::Zone {
                ("a zone id of the base file", "基础文件中的园区标识")
            } else {
                ("an indicator id of the base file", "基础文件中的指标标识")
            };
            if v.is_empty() {
                report.at(
                    line,
                    Some(c),
                    "empty_cell",
                    (format!("{}: {en}", what.0), format!("{}：{zh}", what.1)),
                    ("an empty cell".into(), "空单元格".into()),
                    fix::EMPTY_CELL,
                );
            } else if !list.iter().any(|x| x == v) {
                report.at(
                    line,
                    Some(c),
                    kind,
                    (format!("{}: {en}", what.0), format!("{}：{zh}", what.1)),
                    (format!("{v:?}"), format!("{v:?}")),
                    fix,
                );
            } else {
                observation.insert(c.field().into(), Value::String(v.into()));
            }
        }
        if let Some(v) = get(Column::Year) {
            let year = if v.bytes().all(|b| b.is_ascii_digit()) {
                v.parse::<i64>().ok()
            } else {
                None
            };
            match year {
                Some(y) => {
                    observation.insert("year".into(), y.into());
                }
                None => {
                    let (kind, fix) = if v.is_empty() {
                        ("empty_cell", fix::EMPTY_CELL)
                    } else {
                        ("not_a_year", fix::NOT_A_YEAR)
                    };
                    let found = if v.is_empty() {
                        ("an empty cell".into(), "空单元格".into())
                    } else {
                        text_found(v)
                    };
                    report.at(
                        line,
                        Some(Column::Year),
                        kind,
                        (
                            "a year, a whole number such as 2022".into(),
                            "年份（整数，如 2022）".into(),
                        ),
                        found,
                        fix,
                    );
                }
            }
        }
        if let Some(v) = get(Column::Value) {
            if v.is_empty() {
                observation.insert("value".into(), Value::Null);
            } else if let Some(n) = plain_number(v) {
                observation.insert("value".into(), Value::Number(n));
            } else {
                report.at(
                    line,
                    Some(Column::Value),
                    "not_a_number",
                    (
                        "a plain number such as 1234.5, or an empty cell for unknown".into(),
                        "数字（如 1234.5），未知则留空".into(),
                    ),
                    text_found(v),
                    fix::NOT_A_NUMBER,
                );
            }
        }
        match get(Column::Status) {
            None | Some("") => {
                observation.insert("status".into(), "reported".into());
            }
            Some(v) if STATUSES.contains(&v) => {
                observation.insert("status".into(), v.into());
            }
            Some(v) => report.at(
                line,
                Some(Column::Status),
                "unknown_status",
                (
                    format!(
                        "one of: {}, or an empty cell (reported)",
                        STATUSES.join(", ")
                    ),
                    format!(
                        "以下之一：{}，或留空（即 \"reported\"）",
                        STATUSES.map(|s| format!("{s:?}")).join("、")
                    ),
                ),
                text_found(v),
                fix::UNKNOWN_STATUS,
            ),
        }
        match get(Column::Source)
            .filter(|s| !s.is_empty())
            .or(default_source)
        {
            None => {}
            Some(v) if sources.iter().any(|x| x == v) => {
                observation.insert("source".into(), v.into());
            }
            // An unknown --source is reported once, above.
            Some(_) if get(Column::Source).map_or(true, str::is_empty) => {}
            Some(v) => {
                let (en, zh) = id_list(&sources);
                report.at(
                    line,
                    Some(Column::Source),
                    "unknown_source",
                    (
                        format!("a source id of the base file: {en}"),
                        format!("基础文件中的来源标识：{zh}"),
                    ),
                    (format!("{v:?}"), format!("{v:?}")),
                    fix::UNKNOWN_SOURCE,
                );
            }
        }
        if report.problems.len() == before && header_ok {
            rows.push(Row {
                line,
                observation: Value::Object(observation),
            });
        }
    }

    // The result, checked by the validator like any file. When rows were
    // left out for their errors, the warnings about missing rows and years
    // without data may only echo those errors, so they are not repeated.
    let table_ok = report.problems.iter().all(|p| !p.is_error());
    let observations: Vec<Value> = rows.iter().map(|r| r.observation.clone()).collect();
    if let Some(root) = base.as_object_mut() {
        root.insert("observations".into(), Value::Array(observations));
    }
    let text = serde_json::to_string_pretty(&base)
        .map_err(|e| Unreadable(format!("cannot write the dataset: {e}")))?
        + "\n";
    let mut valid = table_ok;
    let problems = match model::load(&text) {
        Ok(l) => l.warnings,
        Err(p) => {
            valid = false;
            p.0
        }
    };
    for p in problems {
        if !table_ok && matches!(p.kind.as_str(), "missing_observation" | "year_without_data") {
            continue;
        }
        report.problems.push(translate(&p, &rows, &report.columns));
    }
    Ok(Imported {
        problems: report.problems,
        rows: read,
        dataset: valid.then_some(text),
    })
}

fn invalid_csv(report: &mut Report, e: &csv::Error) {
    let line = e.position().map_or(0, |p| p.line() as usize);
    let what = e.to_string();
    report.at(
        line,
        None,
        "invalid_csv",
        ("a CSV table".into(), "CSV 表格".into()),
        text_found(&what),
        fix::INVALID_CSV,
    );
}

/// A problem of the validator: `observations[i].field` becomes the line row
/// `i` came from and the field's column; other paths stay as they are.
fn translate(
    p: &model::Problem,
    rows: &[Row],
    columns: &[(Column, usize, String)],
) -> SheetProblem {
    let row = p
        .path
        .strip_prefix("observations[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(i, field)| Some((i.parse::<usize>().ok()?, field.strip_prefix('.'))));
    let (line, column, letter, header, path) = match row {
        Some((i, field)) if i < rows.len() => {
            let c = field.and_then(|f| COLUMNS.into_iter().find(|c| c.field() == f));
            let at = c.and_then(|c| columns.iter().find(|x| x.0 == c));
            (
                Some(rows[i].line),
                field.map(str::to_string),
                at.map(|x| letter(x.1)),
                at.map(|x| x.2.clone()),
                None,
            )
        }
        _ => (None, None, None, None, Some(p.path.clone())),
    };
    SheetProblem {
        severity: p.severity,
        line,
        column,
        letter,
        header,
        path,
        place: None,
        kind: p.kind.as_str(),
        expected: (p.expected.en(), p.expected.zh()),
        found: (p.found.en(), p.found.zh()),
        fix: (p.kind.fix(Lang::Zh), p.kind.fix(Lang::En)),
    }
}
