//! What can be wrong with a table: [`SheetKind`] (the code and the fix of
//! each of the table's own problems, in Chinese and English), the
//! [`SheetProblem`] an import reports, and the [`Report`] that collects them.

use crate::i18n::Lang;
use crate::model::{ProblemKind, Severity};

use super::Column;

macro_rules! sheet_kinds {
    ($( $(#[$doc:meta])* $variant:ident => $code:literal, $zh:literal, $en:literal; )*) => {
        /// A problem of the table itself, found before the validator sees the
        /// result. The snake_case code is stable: `--json` and the corpus in
        /// tests/datasets/csv match on it (docs/DATA.md, "From a spreadsheet").
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum SheetKind { $( $(#[$doc])* $variant, )* }

        impl SheetKind {
            /// Every kind.
            pub const ALL: &'static [SheetKind] = &[ $( SheetKind::$variant, )* ];

            /// The stable snake_case code.
            pub fn as_str(self) -> &'static str {
                match self { $( SheetKind::$variant => $code, )* }
            }

            /// How to fix it.
            pub fn fix(self, lang: Lang) -> &'static str {
                match self { $( SheetKind::$variant => lang.pick($zh, $en), )* }
            }
        }
    };
}

sheet_kinds! {
    NotUtf8 => "not_utf8",
        "请把文件另存为 \"CSV UTF-8（逗号分隔）\"（WPS：另存为 CSV 时选择 UTF-8 编码）；中文版 Excel 的 \"CSV（逗号分隔）\" 默认保存为 GBK 编码。",
        "Save the file as \"CSV UTF-8 (Comma delimited)\" (WPS: choose the UTF-8 encoding when saving as CSV); Chinese Excel's plain \"CSV\" saves GBK by default.";
    InvalidCsv => "invalid_csv",
        "文件无法按 CSV 读取：检查所示位置附近的引号。",
        "The file cannot be read as CSV: check the quotes near the position shown.";
    MissingHeader => "missing_header",
        "第一行应为列名：\"zone,indicator,year,value,status,source\"（或 \"园区,指标,年份,数值,状态,来源\"）；可用 \"zone-monitor export-values\" 生成模板。",
        "The first row names the columns: zone,indicator,year,value,status,source (or the Chinese names); \"zone-monitor export-values\" writes a template.";
    UnknownColumn => "unknown_column",
        "该列不会被读取：改为所列列名之一，或删除该列。",
        "This column is not read: rename it to one of the names listed, or delete it.";
    DuplicateColumn => "duplicate_column",
        "每列只能出现一次（否则无法确定该用哪个值）：删除或合并重复的列。",
        "A column may appear once (which one was meant is unknown): delete or merge the repeated one.";
    MissingColumn => "missing_column",
        "添加这一列（列名写在第一行）。",
        "Add this column (its name in the first row).";
    /// No source column and no `--source`: a missing column, with its own
    /// fix (either of the two will do).
    MissingSource => "missing_column",
        "添加 \"source\"（来源）列，或用 \"--source ID\" 为所有行指定一个基础文件 \"meta.sources\" 中的来源。",
        "Add a source column, or name one source of the base file's meta.sources for every row with --source ID.";
    WrongFieldCount => "wrong_field_count",
        "每行的单元格数应与第一行的列数相同：检查数值中是否有未加引号的逗号，或是否漏填、多填了单元格。",
        "Each row has one cell per column of the first row: look for a comma inside a value (quote the cell) or a missing or extra cell.";
    EmptyCell => "empty_cell",
        "每行都要填写园区、指标和年份。",
        "Every row needs a zone, an indicator and a year: fill in the cell.";
    UnknownZone => "unknown_zone",
        "使用基础文件 \"zones\" 中的园区标识；新园区先加入基础文件。",
        "Use a zone id of the base file's zones; add a new zone to the base file first.";
    UnknownIndicator => "unknown_indicator",
        "使用基础文件 \"indicators\" 中的指标标识；新指标先加入基础文件。",
        "Use an indicator id of the base file's indicators; add a new indicator to the base file first.";
    NotAYear => "not_a_year",
        "年份应写成整数，如 2022（不带 \"年\"、小数或千位分隔符）。",
        "Write the year as a whole number such as 2022 (no decimals, separators or words).";
    NotANumber => "not_a_number",
        "数值只写数字：不加千位分隔符（写 1234.5，不写 1,234.5），不加百分号（12% 的比例写 0.12），不加单位；未知的数值请留空，不要写 0、\"—\" 或文字。",
        "Write a plain number: no thousands separators (1234.5, not 1,234.5), no % (a share of 12% is 0.12), no unit; leave the cell empty for an unknown value, not 0, \"—\" or text.";
    NumberOutOfRange => "number_out_of_range",
        "写出文件能存下的数值：绝对值不超过 10 的 308 次方；小到会变成 0 的非零数多半是单位或输入有误。",
        "Write a number a file can hold: at most 1e308 in size; a nonzero number so small it would become 0 (such as 1e-400) is a wrong unit or a typo.";
    TooManyRows => "too_many_rows",
        "表格行数超过上限：拆分表格，或删去不需要的行。",
        "The table has more rows than the limit: split it or drop rows it does not need.";
    /// A workbook whose used range is wider than a values sheet needs
    /// (a stray cell far to the right): refused before its grid is read.
    TooManyColumns => "too_many_columns",
        "工作表的已用区域过宽：按 \"Ctrl+End\" 跳到最后一个已用单元格，删除数据表右侧多余的列（选中这些列 → 右键 → 删除），保存后重新打开。",
        "The sheet's used range is too wide: press Ctrl+End to go to its last used cell, delete the columns right of the table (select them → right-click → Delete), save and open it again.";
    UnknownStatus => "unknown_status",
        "使用所列状态之一；留空即为 \"reported\"。",
        "Use one of the statuses listed; an empty cell means reported.";
    UnknownSource => "unknown_source",
        "使用基础文件 \"meta.sources\" 中的来源标识，或先在基础文件中添加该来源。",
        "Use a source id of the base file's meta.sources, or add the source there first.";
    /// A workbook calamine cannot open (damaged, encrypted, not XLSX).
    NotAWorkbook => "not_a_workbook",
        "文件无法按 XLSX 工作簿读取：在 Excel 或 WPS 中打开并另存为 \"Excel 工作簿（*.xlsx）\"（不加密码），或另存为 \"CSV UTF-8\"。",
        "The file cannot be read as an XLSX workbook: open it in Excel or WPS and save it as \"Excel Workbook (*.xlsx)\" without a password, or as \"CSV UTF-8\".";
    /// An .xls (Excel 97–2003), .et or .ods file: not read, to keep one
    /// tested reader.
    OtherSpreadsheet => "other_spreadsheet",
        "只读取 .xlsx 工作簿和 CSV：请另存为 \"Excel 工作簿（*.xlsx）\"（WPS：文件 → 另存为 → .xlsx）。",
        "Only .xlsx workbooks and CSV are read: save it as \"Excel Workbook (*.xlsx)\" (WPS: File → Save As → .xlsx).";
    /// Merged cells: the value sits in the first cell only, the others read
    /// empty.
    MergedCells => "merged_cells",
        "取消合并单元格（开始 → 合并后居中 → 取消单元格合并），每个单元格写一个值；删除表头上方的标题行，第一行应为列名。",
        "Unmerge the cells (Home → Merge & Center → Unmerge Cells) and write one value per cell; delete any title row above the header, whose row comes first.";
    /// A cell formatted as a date: Excel keeps a day number, the sheet shows
    /// a date; which one was meant cannot be told.
    DateCell => "date_cell",
        "该单元格被设为日期格式：把单元格格式改为 \"常规\" 或 \"数值\"（右键 → 设置单元格格式），再输入年份或数值，如 2022。",
        "The cell is formatted as a date: set its format to General or Number (right-click → Format Cells) and type the year or value again, such as 2022.";
    /// A formula whose result is an error (#DIV/0!, #REF!, …).
    CellError => "cell_error",
        "公式的结果是错误值：修正公式，或直接输入数值；未知的数值请留空。",
        "The formula's result is an error: fix the formula or type the value; leave the cell empty for an unknown value.";
    /// A formula with no result saved in the file (written by a program,
    /// never opened in Excel or WPS).
    FormulaWithoutValue => "formula_without_value",
        "公式没有保存计算结果：在 Excel 或 WPS 中打开文件并保存一次（会计算公式），或直接输入数值。",
        "The formula has no saved result: open the file in Excel or WPS and save it once (which computes it), or type the value.";
}

impl SheetKind {
    /// What a cell the reader could not read as text should have been.
    pub fn expected(self) -> (String, String) {
        match self {
            SheetKind::DateCell => (
                "a number or a text, in a cell formatted as General or Number".into(),
                "\"常规\" 或 \"数值\" 格式单元格中的数字或文本".into(),
            ),
            SheetKind::MergedCells => ("one value per cell".into(), "每个单元格一个值".into()),
            _ => ("a value".into(), "数值".into()),
        }
    }
}

/// Who found the problem: the import, reading the table, or the validator,
/// checking the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Sheet(SheetKind),
    Dataset(ProblemKind),
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Sheet(k) => k.as_str(),
            Kind::Dataset(k) => k.as_str(),
        }
    }

    pub fn fix(self, lang: Lang) -> &'static str {
        match self {
            Kind::Sheet(k) => k.fix(lang),
            Kind::Dataset(k) => k.fix(lang),
        }
    }
}

/// One problem of an import: where in the CSV (or, for a problem of the base
/// file the validator found outside the observations, its JSON path), what
/// kind, what was expected and found, and the fix, in both languages.
pub struct SheetProblem {
    pub severity: Severity,
    /// The workbook's sheet the rows were read from; `None` for a CSV.
    pub sheet: Option<String>,
    /// The CSV's line or the sheet's row (1 is the first); `None` for the
    /// whole file, an option or a JSON path.
    pub line: Option<usize>,
    /// The column's English name (`value`), or the header as written for an
    /// unknown column.
    pub column: Option<String>,
    /// The column's letter as a spreadsheet shows it (`D`), when the table has it.
    pub letter: Option<String>,
    /// What the column is called in the CSV (`数值`), when it has it.
    pub(super) header: Option<String>,
    /// The validator's JSON path, for its problems.
    pub path: Option<String>,
    /// Where, when it is neither a line nor a path (`--source`).
    pub(super) place: Option<(&'static str, &'static str)>,
    pub(super) kind: Kind,
    pub expected: (String, String),
    pub found: (String, String),
}

impl SheetProblem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The stable snake_case code of its kind.
    pub fn kind(&self) -> &'static str {
        self.kind.as_str()
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
            let mut s = match (lang, &self.sheet) {
                (Lang::Zh, None) => format!("第 {line} 行"),
                (Lang::En, None) => format!("line {line}"),
                (Lang::Zh, Some(sheet)) => format!("工作表 {sheet:?} 第 {line} 行"),
                (Lang::En, Some(sheet)) => format!("sheet {sheet:?}, row {line}"),
            };
            let name = self
                .header
                .as_deref()
                .or(self.column.as_deref())
                .filter(|n| !n.is_empty());
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
        } else if self.sheet.is_some() {
            lang.pick("（整个工作簿）", "(the workbook)").to_string()
        } else {
            lang.pick("（整个 CSV 文件）", "(the CSV file)").to_string()
        }
    }

    /// The message in the validator's shape: `PLACE: KIND: expected …, found
    /// …. FIX` / `PLACE：应为 …，实际为 …。FIX（KIND）`.
    pub fn message(&self, lang: Lang) -> String {
        let place = self.place(lang);
        let (kind, fix) = (self.kind.as_str(), self.kind.fix(lang));
        match lang {
            Lang::Zh => format!(
                "{place}：应为 {}，实际为 {}。{fix}（{kind}）",
                self.expected.1, self.found.1
            ),
            Lang::En => format!(
                "{place}: {kind}: expected {}, found {}. {fix}",
                self.expected.0, self.found.0
            ),
        }
    }
}

/// Where the problems of one import are collected.
#[derive(Default)]
pub struct Report {
    pub problems: Vec<SheetProblem>,
    /// Each column's index in the table and its header as written.
    pub columns: Vec<(Column, usize, String)>,
    /// The workbook's sheet the rows come from; `None` for a CSV.
    pub sheet: Option<String>,
    /// Every row read, the header first, as (line, cells): what the studio
    /// shows for a problem's row.
    pub lines: Vec<(usize, Vec<String>)>,
}

impl Report {
    /// An error at a line of the CSV, in a column of it (or none).
    pub fn at(
        &mut self,
        line: usize,
        column: Option<Column>,
        kind: SheetKind,
        expected: (String, String),
        found: (String, String),
    ) {
        let (letter, header) = match column.and_then(|c| self.columns.iter().find(|x| x.0 == c)) {
            Some((_, i, h)) => (Some(letter(*i)), Some(h.clone())),
            None => (None, None),
        };
        self.problems.push(SheetProblem {
            severity: Severity::Error,
            sheet: self.sheet.clone(),
            line: Some(line),
            column: column.map(|c| c.en().to_string()),
            letter,
            header,
            path: None,
            place: None,
            kind: Kind::Sheet(kind),
            expected,
            found,
        });
    }

    /// An error at a cell given by its index in the row: named by the
    /// header's column there, if any.
    pub fn at_index(
        &mut self,
        line: usize,
        index: usize,
        kind: SheetKind,
        expected: (String, String),
        found: (String, String),
    ) {
        let column = self.columns.iter().find(|x| x.1 == index).map(|x| x.0);
        self.at(line, column, kind, expected, found);
        if let Some(p) = self.problems.last_mut() {
            p.letter = Some(letter(index));
        }
    }

    /// Whether a column is in the header.
    pub fn has(&self, c: Column) -> bool {
        self.columns.iter().any(|x| x.0 == c)
    }

    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(SheetProblem::is_error)
    }
}

/// A spreadsheet's column letter: 0 → A, 25 → Z, 26 → AA.
pub fn letter(index: usize) -> String {
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
pub fn id_list(ids: &[String]) -> (String, String) {
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

/// A text as found: at most 40 characters of it, quoted.
pub fn text_found(s: &str) -> (String, String) {
    let shown: String = s.chars().take(40).collect();
    let cut = if shown.len() < s.len() { "…" } else { "" };
    (
        format!("the text {shown:?}{cut}"),
        format!("文本 {shown:?}{cut}"),
    )
}
