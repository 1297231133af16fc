//! What a [`Problem`](super::Problem) expected and what it found, in words:
//! [`Phrase`], built where the problem is raised and rendered in either
//! language, and [`Found`], a value of the file as a message describes it.
//!
//! Each phrase is one variant with its parameters, so the Chinese and the
//! English sit side by side in [`Phrase::en`] and [`Phrase::zh`] and a
//! parameter (an id, a number, a value of the file) is never translated. The
//! English is what `expected` / `found` were before phrases existed, and what
//! `zone-monitor validate --json` prints: it is stable for machines.
//!
//! Chinese rules, checked by `tests/it/data/messages.rs` on every problem of
//! the corpus: a Chinese phrase has no English word. Ids, field names, paths
//! and values from the file are quoted (`"gdp"`, `"meta.years"`); numbers are
//! bare; the only bare Latin words are `JSON`, `null`, `true` and `false`,
//! which the reader types as such.

use crate::model::encoding::{BadEncoding, Guess};
use crate::model::Level;

/// A JSON value found in the file, as a message shows it: the text is cut at
/// 40 characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool(bool),
    /// As the file writes it (`12.5`, `-5`, `2030`).
    Number(String),
    /// The first 40 characters; `cut` when there were more.
    Text {
        shown: String,
        cut: bool,
    },
    /// An array of this many items.
    Array(usize),
    Object,
}

impl Found {
    pub fn en(&self) -> String {
        match self {
            Found::Null => "null".to_string(),
            Found::Bool(b) => b.to_string(),
            Found::Number(n) => format!("the number {n}"),
            Found::Text { shown, cut } => format!("the text {}{}", quoted(shown), ellipsis(*cut)),
            Found::Array(0) => "an empty array".to_string(),
            Found::Array(n) => format!("an array of {n}"),
            Found::Object => "an object".to_string(),
        }
    }

    pub fn zh(&self) -> String {
        match self {
            Found::Null => "null".to_string(),
            Found::Bool(b) => b.to_string(),
            Found::Number(n) => format!("数值 {n}"),
            Found::Text { shown, cut } => format!("文本 {}{}", quoted(shown), ellipsis(*cut)),
            Found::Array(0) => "空数组".to_string(),
            Found::Array(n) => format!("含 {n} 项的数组"),
            Found::Object => "对象".to_string(),
        }
    }
}

/// A text in double quotes as a message shows it: a character that shows
/// nothing (a space excepted) or may not be there is written as its code,
/// `\u{200B}`, so the reader sees what to remove.
fn quoted(text: &str) -> String {
    let mut out = String::from('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' ' => out.push(c),
            c if super::json::is_invisible(c) || super::json::is_refused(c) => {
                out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn ellipsis(cut: bool) -> &'static str {
    if cut {
        "…"
    } else {
        ""
    }
}

/// What an id refers to: the list it must be defined in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdList {
    Source,
    Zone,
    NationalZone,
    Indicator,
    Unit,
    Dimension,
    Industry,
    MetroArea,
    Benchmark,
    ContextFigure,
    Claim,
}

impl IdList {
    /// The list's path in the file.
    pub fn list_path(self) -> &'static str {
        match self {
            IdList::Source => "meta.sources",
            IdList::Zone | IdList::NationalZone => "zones",
            IdList::Indicator => "indicators",
            IdList::Unit => "meta.units",
            IdList::Dimension => "framework.dimensions",
            IdList::Industry => "industries",
            IdList::MetroArea => "metro_areas",
            IdList::Benchmark => "benchmarks",
            IdList::ContextFigure => "context",
            IdList::Claim => "claims",
        }
    }

    /// `the id of …` in English.
    fn en(self) -> &'static str {
        match self {
            IdList::Source => "a source in meta.sources",
            IdList::Zone => "a zone in zones",
            IdList::NationalZone => "a national zone",
            IdList::Indicator => "an indicator in indicators",
            IdList::Unit => "a unit in meta.units",
            IdList::Dimension => "a dimension in framework.dimensions",
            IdList::Industry => "an industry in industries",
            IdList::MetroArea => "a metro area in metro_areas",
            IdList::Benchmark => "a benchmark in benchmarks",
            IdList::ContextFigure => "a context figure in context",
            IdList::Claim => "a claim in claims",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            IdList::Source => "\"meta.sources\" 中已定义的来源标识",
            IdList::Zone => "\"zones\" 中已定义的园区标识",
            IdList::NationalZone => "国家级高新区的标识",
            IdList::Indicator => "\"indicators\" 中已定义的指标标识",
            IdList::Unit => "\"meta.units\" 中已定义的单位标识",
            IdList::Dimension => "\"framework.dimensions\" 中已定义的维度标识",
            IdList::Industry => "\"industries\" 中已定义的产业标识",
            IdList::MetroArea => "\"metro_areas\" 中已定义的都市区标识",
            IdList::Benchmark => "\"benchmarks\" 中已定义的基准标识",
            IdList::ContextFigure => "\"context\" 中已定义的背景数字标识",
            IdList::Claim => "\"claims\" 中已定义的论断标识",
        }
    }
}

/// A zone's level as a noun: `a national zone` / 国家级高新区.
fn zone_en(level: Level) -> String {
    format!("a {} zone", level.as_str())
}

fn zone_zh(level: Level) -> &'static str {
    match level {
        Level::National => "国家级高新区",
        Level::Regional => "市级高新区",
        Level::SubPark => "分园区",
    }
}

/// Ids (or names) quoted and joined with 、, for Chinese.
fn quoted_zh(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join("、")
}

fn joined<T: ToString>(items: &[T], sep: &str) -> String {
    items.iter().map(T::to_string).collect::<Vec<_>>().join(sep)
}

/// What was expected or found, in words; [`Phrase::en`] and [`Phrase::zh`]
/// render it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phrase {
    // ---- values of the file
    /// A value as the file has it.
    Value(Found),
    /// No value at all (a missing field).
    Nothing,
    /// An id or other value of the file, quoted: `"c"`.
    Quoted(String),
    /// An id met a second time: `"C1" again`.
    QuotedAgain(String),

    // ---- the whole file
    JsonDocument,
    /// A syntax error: serde_json's English message (with its position), the
    /// Chinese of what went wrong, the line and column.
    JsonSyntax {
        en: String,
        zh: &'static str,
        line: usize,
        column: usize,
    },
    AtMostBytes(usize),
    Bytes(usize),
    SchemaField,
    NoSchemaField,
    UsableDataset,
    UnusableDataset,
    AtMostProblems(usize),
    More,

    // ---- types and shapes
    Object,
    Array,
    Text,
    IdText,
    Number,
    NumberOrNull,
    Boolean,
    /// A field of this name.
    Field(String),
    /// Each field of an object written once.
    FieldOnce,
    /// One of the listed names (fields, enum values, chart ids).
    OneOf(Vec<String>),
    AtMostItems(usize),
    Items(usize),
    /// At most this many places for values: zones × indicators × years.
    AtMostGrid(usize),
    /// The places a file's lists make: (zones, indicators, years).
    Grid(usize, usize, usize),
    NonEmptyText,
    /// UTF-8 text, the one encoding read.
    Utf8Text,
    /// Where the bytes stop being UTF-8, and what they likely are.
    NotUtf8(BadEncoding),
    /// Text without control characters or noncharacters.
    DisplayableText,
    /// The character (1-based position, code point) a text may not hold.
    CharacterAt(usize, u32),
    AtMostChars(usize),
    Chars(usize),
    IdLike,
    EmptyArray,

    // ---- numbers
    WholeNumber,
    WholeNumberIn(i64, i64),
    Count,
    NumberAtLeastZero,
    NumberAtLeastZeroOrNull,
    PositiveNumber,
    Share,
    Score,
    Coefficient,
    CosineThreshold,
    CoefficientInDimension,
    WeightsSumTo100,
    /// The dimensions' weights add up to this.
    SumOf(String),
    /// A region total at least the zones' sum.
    TotalAtLeast(String),
    /// A region total below the zones' sum, and the share it gives (none
    /// for a total of 0).
    TotalWithShare {
        total: String,
        share: Option<String>,
    },

    // ---- years
    AscendingYears,
    Years(Vec<i32>),
    OneOfYears(Vec<i32>),
    ValuesFor(i32),
    NoValueForAnyZone,

    // ---- ids and entries
    IdOf(IdList),
    UnusedId,
    UnusedClaimId,
    OneEntryPerRow,
    /// One value per year of a series' `years`: this many.
    ValuePerYear(usize),
    OneRankingPerZoneYear,
    OneTotalPer,
    OneAveragePer,
    /// `zone/indicator/year` of a row met before.
    SecondEntryFor(String),
    SecondEntrySameKey,
    SecondRankingFor(i32),
    EntryForEveryZone {
        indicator: String,
        year: i32,
    },
    /// `count` zones have no row; `shown` are the first of them.
    NoneForZones {
        count: usize,
        shown: Vec<String>,
        more: bool,
    },
    AtLeastOneCheck,

    // ---- zones
    NationalZone,
    NationalOrRegionalZone,
    ZoneOfLevel(Level),
    /// A row (`zone/indicator/year`) on a sub-park.
    SubParkRow(String),
    NoParent,
    ParentOnLevel(Level),
    ParentOfSubPark,
    /// A zone id and the level of that zone.
    IdWithLevel(String, Level),
    ParentChain,
    /// Zone ids, each the parent of the one before.
    Chain(Vec<String>),
}

impl Phrase {
    /// The English, as `--json` prints `expected` and `found`.
    pub fn en(&self) -> String {
        use Phrase as P;
        match self {
            P::Value(f) => f.en(),
            P::Nothing => "nothing".into(),
            P::Quoted(s) => format!("{s:?}"),
            P::QuotedAgain(s) => format!("{s:?} again"),
            P::JsonDocument => "a JSON document".into(),
            P::JsonSyntax { en, .. } => en.clone(),
            P::AtMostBytes(n) => format!("at most {n} bytes"),
            P::Bytes(n) => format!("{n} bytes"),
            P::SchemaField => format!("\"schema\": {:?}", super::SCHEMA),
            P::NoSchemaField => "no schema field".into(),
            P::UsableDataset => "a usable dataset".into(),
            P::UnusableDataset => "an unusable one".into(),
            P::AtMostProblems(n) => format!("at most {n} problems"),
            P::More => "more".into(),
            P::Object => "an object".into(),
            P::Array => "an array".into(),
            P::Text => "a text".into(),
            P::IdText => "an id (text)".into(),
            P::Number => "a number".into(),
            P::NumberOrNull => "a number, or null when missing".into(),
            P::Boolean => "true or false".into(),
            P::Field(k) => format!("a field {k:?}"),
            P::FieldOnce => "each field once".into(),
            P::OneOf(names) => format!("one of: {}", names.join(", ")),
            P::AtMostItems(n) => format!("at most {n} items"),
            P::Items(n) => n.to_string(),
            P::AtMostGrid(n) => {
                format!("at most {n} places for values (zones × indicators × years)")
            }
            P::Grid(z, i, y) => format!("{z} zones × {i} indicators × {y} years = {}", z * i * y),
            P::NonEmptyText => "a text with a visible character".into(),
            P::Utf8Text => "UTF-8 text".into(),
            P::NotUtf8(bad) => match bad.guess {
                Guess::Utf16 if bad.byte == 0 => "UTF-16 text".into(),
                _ => format!(
                    "bytes that are not UTF-8 at line {}, column {} (byte {}{})",
                    bad.line,
                    bad.column,
                    bad.byte,
                    bad.guess
                        .name()
                        .map_or(String::new(), |g| format!("; {g}?"))
                ),
            },
            P::DisplayableText => "a text without control characters or noncharacters".into(),
            P::CharacterAt(at, c) => format!("U+{c:04X} at character {at}"),
            P::AtMostChars(n) => format!("at most {n} characters"),
            P::Chars(n) => format!("{n} characters"),
            P::IdLike => "an id like \"gdp\" or \"zone-07\"".into(),
            P::EmptyArray => "an empty array".into(),
            P::WholeNumber => "a whole number".into(),
            P::WholeNumberIn(min, max) => format!("a whole number in {min}..={max}"),
            P::Count => "a whole number (a count)".into(),
            P::NumberAtLeastZero => "a number >= 0".into(),
            P::NumberAtLeastZeroOrNull => "a number >= 0, or null when missing".into(),
            P::PositiveNumber => "a number > 0".into(),
            P::Share => "a share in 0..=1".into(),
            P::Score => "a score in 0..=100".into(),
            P::Coefficient => {
                "a coefficient in (0, 10] (the national system uses 0.8, 1, 1.2)".into()
            }
            P::CosineThreshold => "a cosine threshold in 0..=1".into(),
            P::CoefficientInDimension => "a coefficient for an indicator in a dimension".into(),
            P::WeightsSumTo100 => "weights summing to 100".into(),
            P::SumOf(x) => format!("a sum of {x}"),
            P::TotalAtLeast(sum) => format!("a total at least the zones' sum ({sum})"),
            P::TotalWithShare { total, share } => match share {
                Some(share) => format!("{total}, a share of {share}"),
                None => total.clone(),
            },
            P::AscendingYears => "distinct years in ascending order, at least one".into(),
            P::Years(years) => format!("[{}]", joined(years, ", ")),
            P::OneOfYears(years) => format!("one of meta.years ({})", joined(years, ", ")),
            P::ValuesFor(year) => format!("values for {year}"),
            P::NoValueForAnyZone => "no value for any zone".into(),
            P::IdOf(list) => format!("the id of {}", list.en()),
            P::UnusedId => "an id not used before in this list".into(),
            P::UnusedClaimId => "a claim id not used before".into(),
            P::OneEntryPerRow => "one entry per zone, indicator and year".into(),
            P::ValuePerYear(n) => {
                format!("an array of {n}, one value per year of the series' years")
            }
            P::OneRankingPerZoneYear => "one ranking per zone and year".into(),
            P::OneTotalPer => "one total per indicator, year and variant".into(),
            P::OneAveragePer => "one average per indicator and year".into(),
            P::SecondEntryFor(key) => format!("a second entry for {key}"),
            P::SecondEntrySameKey => "a second entry for the same key".into(),
            P::SecondRankingFor(year) => format!("a second ranking for {year}"),
            P::EntryForEveryZone { indicator, year } => {
                format!("an entry for every zone for {indicator} in {year}")
            }
            P::NoneForZones { count, shown, more } => format!(
                "none for {count} {}: {}{}",
                crate::format::en_agree(*count, "zone", "zones"),
                shown.join(", "),
                if *more { ", …" } else { "" }
            ),
            P::AtLeastOneCheck => "at least one check".into(),
            P::NationalZone => "a national zone".into(),
            P::NationalOrRegionalZone => "a national or region-level zone".into(),
            P::ZoneOfLevel(level) => zone_en(*level),
            P::SubParkRow(key) => format!("the sub-park {key:?}"),
            P::NoParent => "no parent (only sub-parks have one)".into(),
            P::ParentOnLevel(level) => format!("a parent on {}", zone_en(*level)),
            P::ParentOfSubPark => "the id of the national parent of a sub-park".into(),
            P::IdWithLevel(id, level) => format!("{id:?}, {}", zone_en(*level)),
            P::ParentChain => "a parent chain ending at a national zone".into(),
            P::Chain(ids) => ids.join(" -> "),
        }
    }

    /// The Chinese: no English word; ids, field names and values of the file
    /// quoted.
    pub fn zh(&self) -> String {
        use Phrase as P;
        match self {
            P::Value(f) => f.zh(),
            P::Nothing => "无".into(),
            P::Quoted(s) => format!("{s:?}"),
            P::QuotedAgain(s) => format!("再次出现的 {s:?}"),
            P::JsonDocument => "JSON 文档".into(),
            P::JsonSyntax {
                zh, line, column, ..
            } => {
                if *line == 0 {
                    (*zh).to_string()
                } else {
                    format!("第 {line} 行第 {column} 列：{zh}")
                }
            }
            P::AtMostBytes(n) => format!("最多 {n} 字节"),
            P::Bytes(n) => format!("{n} 字节"),
            P::SchemaField => format!("\"schema\": {:?}", super::SCHEMA),
            P::NoSchemaField => "没有 \"schema\" 字段".into(),
            P::UsableDataset => "可用的数据集".into(),
            P::UnusableDataset => "不可用的数据集".into(),
            P::AtMostProblems(n) => format!("最多 {n} 个问题"),
            P::More => "更多".into(),
            P::Object => "对象".into(),
            P::Array => "数组".into(),
            P::Text => "文本".into(),
            P::IdText => "标识（文本）".into(),
            P::Number => "数值".into(),
            P::NumberOrNull => "数值（缺失时写 null）".into(),
            P::Boolean => "true 或 false".into(),
            P::Field(k) => format!("字段 {k:?}"),
            P::FieldOnce => "每个字段只出现一次".into(),
            P::OneOf(names) => format!("以下之一：{}", quoted_zh(names)),
            P::AtMostItems(n) => format!("最多 {n} 项"),
            P::Items(n) => format!("{n} 项"),
            P::AtMostGrid(n) => format!("最多 {n} 个数值位置（园区数 × 指标数 × 年数）"),
            P::Grid(z, i, y) => format!("{z} 个园区 × {i} 个指标 × {y} 个年份 = {}", z * i * y),
            P::NonEmptyText => "含可见字符的文本".into(),
            P::Utf8Text => "UTF-8 编码的文本".into(),
            P::NotUtf8(bad) => match bad.guess {
                Guess::Utf16 if bad.byte == 0 => "UTF-16 编码的文本".into(),
                _ => format!(
                    "第 {} 行第 {} 列（第 {} 字节）起不是 UTF-8 编码{}",
                    bad.line,
                    bad.column,
                    bad.byte,
                    bad.guess
                        .name()
                        .map_or(String::new(), |g| format!("（可能是 {g}）"))
                ),
            },
            P::DisplayableText => "不含控制字符和非字符的文本".into(),
            P::CharacterAt(at, c) => format!("第 {at} 个字符 \"U+{c:04X}\""),
            P::AtMostChars(n) => format!("最多 {n} 个字符"),
            P::Chars(n) => format!("{n} 个字符"),
            P::IdLike => "形如 \"gdp\" 或 \"zone-07\" 的标识".into(),
            P::EmptyArray => "空数组".into(),
            P::WholeNumber => "整数".into(),
            P::WholeNumberIn(min, max) => format!("{min} 到 {max} 之间的整数"),
            P::Count => "整数（计数）".into(),
            P::NumberAtLeastZero => "不小于 0 的数值".into(),
            P::NumberAtLeastZeroOrNull => "不小于 0 的数值（缺失时写 null）".into(),
            P::PositiveNumber => "大于 0 的数值".into(),
            P::Share => "0 到 1 之间的比例".into(),
            P::Score => "0 到 100 之间的分数".into(),
            P::Coefficient => "大于 0、不超过 10 的系数（国家评价体系用 0.8、1、1.2）".into(),
            P::CosineThreshold => "0 到 1 之间的相似度阈值".into(),
            P::CoefficientInDimension => "属于某一维度的指标的系数".into(),
            P::WeightsSumTo100 => "合计为 100 的权重".into(),
            P::SumOf(x) => format!("合计 {x}"),
            P::TotalAtLeast(sum) => format!("不小于各园区合计（{sum}）的全市总量"),
            P::TotalWithShare { total, share } => match share {
                Some(share) => format!("{total}，比例为 {share}"),
                None => total.clone(),
            },
            P::AscendingYears => "按升序排列、互不重复的年份，至少一个".into(),
            P::Years(years) => format!("[{}]", joined(years, ", ")),
            P::OneOfYears(years) => {
                format!("\"meta.years\" 中的年份（{}）", joined(years, "、"))
            }
            P::ValuesFor(year) => format!("{year} 年的数值"),
            P::NoValueForAnyZone => "没有任何园区的数值".into(),
            P::IdOf(list) => list.zh().into(),
            P::UnusedId => "本列表中未使用过的标识".into(),
            P::UnusedClaimId => "未使用过的论断标识".into(),
            P::OneEntryPerRow => "每个园区、指标、年份一条记录".into(),
            P::ValuePerYear(n) => format!("含 {n} 项的数组，该序列 \"years\" 中每年一个数值"),
            P::OneRankingPerZoneYear => "每个园区每年一条排名".into(),
            P::OneTotalPer => "每个指标、年份、口径一条全市总量".into(),
            P::OneAveragePer => "每个指标、年份一条平均值".into(),
            P::SecondEntryFor(key) => format!("重复记录：{key:?}"),
            P::SecondEntrySameKey => "同一键的重复记录".into(),
            P::SecondRankingFor(year) => format!("{year} 年的重复排名"),
            P::EntryForEveryZone { indicator, year } => {
                format!("每个园区都有指标 {indicator:?} 在 {year} 年的记录")
            }
            P::NoneForZones { count, shown, more } => format!(
                "{count} 个园区没有记录：{}{}",
                quoted_zh(shown),
                if *more { "……" } else { "" }
            ),
            P::AtLeastOneCheck => "至少一个核验条件".into(),
            P::NationalZone => "国家级高新区".into(),
            P::NationalOrRegionalZone => "国家级或市级高新区".into(),
            P::ZoneOfLevel(level) => zone_zh(*level).into(),
            P::SubParkRow(key) => format!("分园区的记录 {key:?}"),
            P::NoParent => "没有 \"parent\"（只有分园区才有）".into(),
            P::ParentOnLevel(level) => format!("{}上的 \"parent\"", zone_zh(*level)),
            P::ParentOfSubPark => "分园区所属国家级高新区的标识".into(),
            P::IdWithLevel(id, level) => format!("{id:?}，它是{}", zone_zh(*level)),
            P::ParentChain => "终止于国家级高新区的上级链".into(),
            P::Chain(ids) => ids
                .iter()
                .map(|id| format!("{id:?}"))
                .collect::<Vec<_>>()
                .join(" → "),
        }
    }
}

/// The Chinese of a serde_json syntax error's message (without its
/// position); an unknown message reads as a plain syntax error.
pub(crate) fn json_error_zh(message: &str) -> &'static str {
    const KNOWN: &[(&str, &str)] = &[
        ("EOF while parsing a list", "数组未结束，文件就结束了"),
        ("EOF while parsing an object", "对象未结束，文件就结束了"),
        ("EOF while parsing a string", "字符串未结束，文件就结束了"),
        ("EOF while parsing a value", "缺少值，文件就结束了"),
        ("expected `:`", "此处应为冒号 “:”"),
        ("expected `,` or `]`", "此处应为逗号 “,” 或 “]”"),
        ("expected `,` or `}`", "此处应为逗号 “,” 或 “}”"),
        ("expected ident", "此处应为 true、false 或 null"),
        ("expected value", "此处应为一个值"),
        ("expected `\"`", "此处应为双引号"),
        ("invalid escape", "无效的转义序列"),
        ("invalid number", "无效的数字"),
        ("number out of range", "数字超出范围"),
        ("invalid unicode code point", "无效的字符码位"),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "字符串中含有控制字符",
        ),
        ("key must be a string", "键必须是字符串"),
        (
            "lone leading surrogate in hex escape",
            "转义序列中有不成对的代理项",
        ),
        ("trailing comma", "多余的逗号"),
        ("trailing characters", "文档结束后还有多余的字符"),
        ("unexpected end of hex escape", "十六进制转义序列不完整"),
        ("recursion limit exceeded", "嵌套层数超过上限（128 层）"),
    ];
    KNOWN
        .iter()
        .find(|(en, _)| message.starts_with(en))
        .map_or("语法错误", |(_, zh)| zh)
}
