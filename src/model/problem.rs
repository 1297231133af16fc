//! Problems found in a dataset file: [`Problem`] (where, what kind, what was
//! expected, what was found) and its message in Chinese and English, which
//! always says how to fix it.

use std::fmt;

use crate::i18n::Lang;

pub use super::phrase::{Found, IdList, Phrase};

/// Errors make the file unusable; warnings are shown but the data loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! problem_kinds {
    ($( $variant:ident => $name:literal, $zh:literal, $en:literal; )*) => {
        /// What is wrong. The snake_case name is stable: portals and tests
        /// match on it (docs/DATA.md lists every kind with an example).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ProblemKind { $( $variant, )* }

        impl ProblemKind {
            /// Every kind, in documentation order.
            pub const ALL: &'static [ProblemKind] = &[ $( ProblemKind::$variant, )* ];

            /// The stable snake_case name.
            pub fn as_str(self) -> &'static str {
                match self { $( ProblemKind::$variant => $name, )* }
            }

            /// How to fix it.
            pub fn fix(self, lang: Lang) -> &'static str {
                match self { $( ProblemKind::$variant => lang.pick($zh, $en), )* }
            }

            pub fn from_name(name: &str) -> Option<ProblemKind> {
                match name { $( $name => Some(ProblemKind::$variant), )* _ => None }
            }
        }
    };
}

problem_kinds! {
    InvalidJson => "invalid_json",
        "文件不是合法的 JSON：在所示位置附近修正语法（逗号、引号、括号）。",
        "The file is not valid JSON: fix the syntax (commas, quotes, brackets) near the position shown.";
    NotUtf8 => "not_utf8",
        "把文件另存为 UTF-8 编码（可带字节顺序标记）。",
        "Save the file as UTF-8 (a byte-order mark is allowed).";
    FileTooLarge => "file_too_large",
        "文件过大，浏览器无法安全加载：减少年份、指标或园区数量，或拆分文件。",
        "The file is too large for a browser to load safely: cut years, indicators or zones, or split the file.";
    WrongSchema => "wrong_schema",
        "在根对象写入 \"schema\": \"zone-monitor/1\"，并按 \"docs/DATA.md\" 组织文件。",
        "Write \"schema\": \"zone-monitor/1\" in the root object and shape the file as docs/DATA.md describes.";
    MissingField => "missing_field",
        "补上该必填字段。",
        "Add this required field.";
    WrongType => "wrong_type",
        "改为所要求的类型；缺失的数值请写 null，不要写 0 或文字。",
        "Use the type asked for; write null for a missing value, not 0 or text.";
    UnknownField => "unknown_field",
        "该字段不会被读取：检查拼写，或删除它。",
        "This field is not read: check its spelling or remove it.";
    EmptyString => "empty_string",
        "填写含可见字符的文本（空格、零宽字符、方向标记不算）。",
        "Write a text with a visible character (spaces, zero-width characters and direction marks do not count).";
    InvalidCharacter => "invalid_character",
        "删除所示字符：控制字符和非字符无法显示。",
        "Remove the character shown: control characters and noncharacters cannot be displayed.";
    StringTooLong => "string_too_long",
        "缩短该文本，使其不超过上限。",
        "Shorten the text to the limit.";
    TooManyItems => "too_many_items",
        "减少条目数量，使其不超过上限。",
        "Reduce the number of entries to the limit.";
    TooManyValues => "too_many_values",
        "拆分文件（例如按地区或年份），或删去不需要的指标或年份，使园区数 × 指标数 × 年数不超过上限。",
        "Split the file (by area or by years, say), or drop indicators or years you do not need, so that zones × indicators × years is within the limit.";
    InvalidId => "invalid_id",
        "标识只能使用字母、数字、下划线和连字符，以字母或数字开头，最长 64 个字符。",
        "Ids use ASCII letters, digits, '_' and '-', start with a letter or digit, and are at most 64 characters.";
    DuplicateId => "duplicate_id",
        "每个标识只能出现一次：重命名或删除重复项。",
        "Each id may appear once: rename or remove the duplicate.";
    DuplicateField => "duplicate_field",
        "同一对象中每个字段只能出现一次（否则无法确定该用哪个值）：删除或合并重复的字段。",
        "A field may appear once in an object (which value was meant is unknown): remove or merge the repeated one.";
    DuplicateEntry => "duplicate_entry",
        "每条记录只能出现一次：删除或合并重复记录。",
        "Each entry may appear once: remove or merge the duplicate.";
    WrongLength => "wrong_length",
        "按该序列 \"years\" 的顺序，每年写一个数值；未知的数值写 null。",
        "Write one value per year of the series' years, in their order; write null for an unknown value.";
    InvalidEnum => "invalid_enum",
        "使用所列取值之一。",
        "Use one of the values listed.";
    InvalidYears => "invalid_years",
        "年份列表（\"meta.years\"、序列的 \"years\"）应为按升序排列、互不重复的年份（1900–2100）。",
        "A list of years (meta.years, a series' years) holds distinct years (1900–2100) in ascending order.";
    YearOutOfRange => "year_out_of_range",
        "使用 \"meta.years\" 中列出的年份，或把该年份加入 \"meta.years\"。",
        "Use a year listed in meta.years, or add the year there.";
    NegativeValue => "negative_value",
        "该量不能为负：检查符号和单位；缺失请写 null。",
        "This quantity cannot be negative: check the sign and unit; write null if unknown.";
    NotAnInteger => "not_an_integer",
        "计数类指标应为整数：检查单位（是否误用万、亿）或四舍五入。",
        "A count must be a whole number: check the unit (was it written in 10,000s or in 100 millions?) or round it.";
    OutOfRange => "out_of_range",
        "使数值落在所示范围内。",
        "Bring the value into the range shown.";
    ShareOverOne => "share_over_one",
        "比例应在 0 到 1 之间：百分数请除以 100，或检查分子分母。",
        "A share lies between 0 and 1: divide a percentage by 100, or check numerator and denominator.";
    WeightsNot100 => "weights_not_100",
        "各维度权重之和应为 100：调整权重。",
        "Dimension weights should sum to 100: adjust them.";
    UnknownZone => "unknown_zone",
        "引用 \"zones\" 中已定义的园区标识。",
        "Refer to a zone id defined in zones.";
    UnknownIndicator => "unknown_indicator",
        "引用 \"indicators\" 中已定义的指标标识。",
        "Refer to an indicator id defined in indicators.";
    UnknownSource => "unknown_source",
        "引用 \"meta.sources\" 中已定义的来源标识，或先添加该来源。",
        "Refer to a source id defined in meta.sources, or add the source there.";
    UnknownUnit => "unknown_unit",
        "引用 \"meta.units\" 中已定义的单位标识。",
        "Refer to a unit id defined in meta.units.";
    UnknownDimension => "unknown_dimension",
        "引用 \"framework.dimensions\" 中已定义的维度标识，或写 null。",
        "Refer to a dimension id defined in framework.dimensions, or write null.";
    UnknownIndustry => "unknown_industry",
        "引用 \"industries\" 中已定义的产业标识。",
        "Refer to an industry id defined in industries.";
    UnknownMetroArea => "unknown_metro_area",
        "引用 \"metro_areas\" 中已定义的都市区标识，或写 null。",
        "Refer to a metro area id defined in metro_areas, or write null.";
    UnknownReference => "unknown_reference",
        "引用文件中已定义的标识（基准、背景数字或论断）。",
        "Refer to an id defined in the file (benchmark, context figure or claim).";
    UnknownChart => "unknown_chart",
        "该论断仍会核验，但不配图表显示：改用所列图表标识之一。",
        "The claim is still checked but shown without a chart: use one of the chart ids listed.";
    UnknownParent => "unknown_parent",
        "\"parent\" 应为本文件中一个国家级高新区的标识。",
        "parent must be the id of a national zone in this file.";
    InvalidParent => "invalid_parent",
        "只有分园区（\"level\": \"sub_park\"）有 \"parent\"，且它必须是国家级高新区。",
        "Only sub-parks (level: sub_park) have a parent, and it must be a national zone.";
    ParentCycle => "parent_cycle",
        "上级关系不能成环：让分园区指向一个国家级高新区。",
        "Parents must not form a cycle: point each sub-park at a national zone.";
    SubParkValue => "sub_park_value",
        "分园区的数据计入其所属国家级高新区（一区多园）：把该记录并入上级园区。",
        "A sub-park's figures count in its national parent (one zone, several parks): add this entry to the parent instead.";
    RankingNotNational => "ranking_not_national",
        "全国排名只适用于国家级高新区：删除该记录或更正园区。",
        "National rankings apply to national zones only: remove the entry or fix the zone.";
    InvalidCheck => "invalid_check",
        "按 \"docs/DATA.md\" 的说明书写论断的核验条件。",
        "Write the claim's check as docs/DATA.md describes.";
    MissingObservation => "missing_observation",
        "为这些园区补上记录；未知的数值请显式写 null。",
        "Add entries for these zones; write null explicitly for an unknown value.";
    YearWithoutData => "year_without_data",
        "为该年份补上数据，或从 \"meta.years\" 中删除该年份。",
        "Add data for the year, or remove it from meta.years.";
    TooManyProblems => "too_many_problems",
        "问题过多，其余未列出：先修正上述问题再重新校验。",
        "Too many problems; the rest are not listed: fix these and validate again.";
}

/// One problem at one place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// JSON path: `zones[7].land_km2`, `observations[12].value`; empty for the
    /// whole file.
    pub path: String,
    pub kind: ProblemKind,
    /// What the file should have there.
    pub expected: Phrase,
    /// What it has.
    pub found: Phrase,
}

impl Problem {
    pub fn error(
        path: impl Into<String>,
        kind: ProblemKind,
        expected: Phrase,
        found: Phrase,
    ) -> Problem {
        Problem {
            severity: Severity::Error,
            path: path.into(),
            kind,
            expected,
            found,
        }
    }

    pub fn warning(
        path: impl Into<String>,
        kind: ProblemKind,
        expected: Phrase,
        found: Phrase,
    ) -> Problem {
        Problem {
            severity: Severity::Warning,
            path: path.into(),
            kind,
            expected,
            found,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message for a person: where, what was expected, what was found,
    /// and how to fix it. The Chinese is Chinese but for the path, ids,
    /// numbers and quoted values; the kind's stable code closes it in
    /// brackets, so a reader meets Chinese first.
    pub fn message(&self, lang: Lang) -> String {
        let path = if self.path.is_empty() {
            lang.pick("（整个文件）", "(the file)")
        } else {
            &self.path
        };
        match lang {
            Lang::Zh => format!(
                "{}：应为 {}，实际为 {}。{}（{}）",
                path,
                self.expected.zh(),
                self.found.zh(),
                self.kind.fix(lang),
                self.kind.as_str(),
            ),
            Lang::En => format!(
                "{}: {}: expected {}, found {}. {}",
                path,
                self.kind.as_str(),
                self.expected.en(),
                self.found.en(),
                self.kind.fix(lang)
            ),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.severity.as_str(), self.message(Lang::En))
    }
}

/// Every problem of a file that cannot be used: at least one error, plus the
/// warnings found alongside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.is_error())
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}
