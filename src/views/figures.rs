//! An indicator's values as readers write them, with the unit: "3,054亿元" /
//! "CNY 305.4 billion", "1,626家" / "1,626 enterprises", "12.5%". Views use
//! these for tooltips, tables and summaries; number formats are
//! [`crate::format`]'s, which is pure (no plotters) and shared with the
//! charts' axes.

use crate::claims::ClaimResult;
use crate::format;
use crate::i18n::Lang;
use crate::model::{Check, Claim, Dataset, ValueKind, Zone};

/// The main zones the level and area filters of `state` show whose value of
/// `indicator` in `year` is a finite number ≥ 0 and that `counts` accepts, as
/// (index into `Dataset::zones`, value); and the names, in `lang`, of the
/// zones shown but left out, in the dataset's order.
pub fn level_values(
    dataset: &Dataset,
    indicator: &str,
    year: i32,
    state: &super::ViewState,
    counts: fn(&Zone) -> bool,
    lang: Lang,
) -> (Vec<(usize, f64)>, Vec<String>) {
    let column = dataset
        .column(indicator, year)
        .map(|c| c.values.as_slice())
        .unwrap_or_default();
    let mut zones = Vec::new();
    let mut missing = Vec::new();
    for (i, zone) in dataset.zones.iter().enumerate() {
        if !state.shows(zone) {
            continue;
        }
        match column.get(i).copied().flatten() {
            Some(v) if v.is_finite() && v >= 0.0 && counts(zone) => zones.push((i, v)),
            _ => missing.push(zone.name.shown(lang)),
        }
    }
    (zones, missing)
}

/// The unit id of amounts in 亿元 (10⁸ CNY).
pub(crate) const YI_YUAN: &str = "yi_yuan";

/// `value` of indicator `indicator` with its unit, in `lang`.
pub fn indicator_value(dataset: &Dataset, indicator: usize, value: f64, lang: Lang) -> String {
    ValueWriter::new(dataset, indicator, lang).text(value)
}

/// How [`indicator_value`] writes an indicator's values, worked out once
/// for many of them: a view keeps one and writes a value when it is asked
/// for (a tooltip, a table opened), not the 40,000 of a chart at each
/// drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueWriter {
    lang: Lang,
    /// The indicator's kind; `None` for no such indicator (two or three
    /// significant digits, no unit).
    kind: Option<ValueKind>,
    /// Amounts in 亿元, written by [`format::yi_yuan`].
    yi_yuan: bool,
    /// [`unit_label`].
    label: String,
}

impl ValueWriter {
    pub fn new(dataset: &Dataset, indicator: usize, lang: Lang) -> ValueWriter {
        let definition = dataset.indicators.get(indicator);
        ValueWriter {
            lang,
            kind: definition.map(|d| d.kind),
            yi_yuan: definition
                .and_then(|d| dataset.meta.units.get(d.unit))
                .is_some_and(|u| u.id == YI_YUAN),
            label: match definition {
                Some(_) => unit_label(dataset, indicator, lang),
                None => String::new(),
            },
        }
    }

    pub fn text(&self, value: f64) -> String {
        let Some(kind) = self.kind else {
            return format::grouped(value, decimals(value));
        };
        if self.yi_yuan {
            return format::yi_yuan(value, self.lang);
        }
        if kind == ValueKind::Share {
            return format::percent(value, 1);
        }
        let places = if kind == ValueKind::Count {
            0
        } else {
            decimals(value)
        };
        let number = format::grouped(value, places);
        let label = &self.label;
        match self.lang {
            _ if label.is_empty() => number,
            Lang::Zh => format!("{number}{label}"),
            // "CNY 10,000 per person" with 45.2 reads "CNY 452,000 per person".
            Lang::En => match label.strip_prefix(EN_WAN_YUAN) {
                Some(rest) => format!("{}{rest}", format::cny(value * 10_000.0)),
                None => en_counted(&number, label),
            },
        }
    }

    /// A value or, missing, "缺少数据" / "no data".
    pub fn text_or_none(&self, value: Option<f64>) -> String {
        value.map_or_else(|| no_data(self.lang).to_string(), |v| self.text(v))
    }
}

/// A number and an English unit label of the data's, which are plural
/// nouns ("incubators", "patents per 10,000 employees"): after "1" the
/// label's first word is made singular by the regular rules ("1 incubator",
/// "1 patent per 10,000 employees", "1 company", "1 business", "1 branch";
/// a tester read "1 incubators"); a word those rules do not cover keeps its
/// form ("series", "campus", "gross", "km²", a lone "s"), as do "1.0" and
/// other numbers.
pub fn en_counted(number: &str, label: &str) -> String {
    let end = format::find(label, " ").unwrap_or(label.len());
    let (word, rest) = label.split_at(end);
    if number != "1" {
        return format!("{number} {label}");
    }
    format!("{number} {}{rest}", en_singular(word))
}

/// The singular of a regular English plural; other words as they are.
fn en_singular(word: &str) -> String {
    let w = word.as_bytes();
    let ends = |tail: &[u8]| w.len() > tail.len() && w.ends_with(tail);
    let cut = |n: usize| word[..word.len() - n].to_string();
    if matches!(word, "series" | "species" | "news") {
        word.to_string()
    } else if matches!(
        word,
        "movies" | "cookies" | "calories" | "niches" | "caches"
    ) {
        // (Plurals of "-ie" and "-che" words: the rules below would cut too much.)
        cut(1)
    } else if ends(b"ies") {
        cut(3) + "y"
    } else if ["sses", "shes", "ches", "xes"]
        .iter()
        .any(|t| ends(t.as_bytes()))
    {
        cut(2)
    } else if ends(b"s")
        && !ends(b"ss")
        && !ends(b"us")
        && !ends(b"is")
        && w[w.len() - 2].is_ascii_alphabetic()
    {
        cut(1)
    } else {
        word.to_string()
    }
}

/// 万元 in English, with the currency code first.
const EN_WAN_YUAN: &str = "CNY 10,000";

/// An indicator's unit for headers and axis titles: the data's label, in
/// English with the currency code first as the financial press writes it
/// ("100 million CNY" → "CNY 100 million", "m³ per 10,000 CNY" → "m³ per
/// CNY 10,000").
pub fn unit_label(dataset: &Dataset, indicator: usize, lang: Lang) -> String {
    let label = dataset.unit_label(indicator, lang);
    match lang {
        Lang::Zh => label.to_string(),
        Lang::En => format::replaced(
            &format::replaced(label, "100 million CNY", "CNY 100 million"),
            "10,000 CNY",
            EN_WAN_YUAN,
        ),
    }
}

/// An axis title: the indicator's name and, in brackets, its unit (percent
/// for shares, whose values the axis shows as percentages).
pub fn axis_title(dataset: &Dataset, indicator: usize, lang: Lang) -> String {
    let Some(definition) = dataset.indicators.get(indicator) else {
        return String::new();
    };
    let name = definition.name.shown(lang);
    let unit = if definition.kind == ValueKind::Share {
        "%".to_string()
    } else {
        unit_label(dataset, indicator, lang)
    };
    with_unit(&name, &unit, lang)
}

/// A name and its unit: "GDP（亿元）", "GDP (CNY 100 million)"; a unit with
/// brackets of its own ("比例（0–1）") after a dot rather than inside a
/// second pair.
pub fn with_unit(name: &str, unit: &str, lang: Lang) -> String {
    match lang {
        _ if unit.is_empty() => name.to_string(),
        _ if unit.contains(['（', '(']) => format!("{name} · {unit}"),
        Lang::Zh => format!("{name}（{unit}）"),
        Lang::En => format!("{name} ({unit})"),
    }
}

/// Places after the point that keep two or three significant digits of a
/// ratio: 1,234 → 0, 12.3 → 1, 1.23 → 2, 0.123 → 3.
fn decimals(value: f64) -> usize {
    match value.abs() {
        v if v >= 100.0 => 0,
        v if v >= 10.0 => 1,
        v if v >= 1.0 => 2,
        _ => 3,
    }
}

/// How many names a list in a sentence gives before counting the rest.
pub const NAMES_SHOWN: usize = 20;

/// "甲高新区、乙高新区和丙高新区" / "Zone A, Zone B and Zone C".
///
/// Past [`NAMES_SHOWN`] names (a list of zones at national scale, which
/// would fill a chart's notes with thousands of names) the first ones are
/// named and the rest counted: "A, B and 1,980 more" / "甲、乙及另外1,980个".
pub fn name_list(names: &[&str], lang: Lang) -> String {
    name_list_upto(names, NAMES_SHOWN, lang)
}

/// [`name_list`] naming at most `shown` names (a summary's sentence on one
/// zone names fewer than its table row).
pub fn name_list_upto(names: &[&str], shown: usize, lang: Lang) -> String {
    if names.len() > shown {
        let more = crate::format::grouped((names.len() - shown) as f64, 0);
        let shown = &names[..shown];
        return match lang {
            Lang::Zh => format!("{}及另外{more}个", shown.join("、")),
            Lang::En => format!("{} and {more} more", shown.join(", ")),
        };
    }
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => match lang {
            Lang::Zh => format!("{}和{last}", init.join("、")),
            Lang::En => format!("{} and {last}", init.join(", ")),
        },
    }
}

/// Appends a sentence to a paragraph: English sentences are separated by a
/// space, Chinese ones (ending in "。") are not. An empty sentence adds
/// nothing.
pub fn push_sentence(text: &mut String, sentence: &str, lang: Lang) {
    if sentence.is_empty() {
        return;
    }
    if lang == Lang::En && !text.is_empty() && !text.ends_with(' ') {
        text.push(' ');
    }
    text.push_str(sentence);
}

/// What stands in for a value the data lack: "缺少数据" / "no data".
pub fn no_data(lang: Lang) -> &'static str {
    lang.pick("缺少数据", "no data")
}

/// The first claim with a check `backs` accepts, with its result: how a
/// chart finds the claim it backs by what the claim checks rather than by the
/// `chart` id the file gives it.
pub fn claim_checking<'a>(
    dataset: &'a Dataset,
    claims: &'a [ClaimResult],
    backs: impl Fn(&Check) -> bool,
) -> Option<(&'a Claim, &'a ClaimResult)> {
    dataset
        .claims
        .iter()
        .zip(claims)
        .find(|(claim, _)| claim.checks.iter().any(&backs))
}

/// A claim the chart backs, with the overview's badge, as a sentence that
/// follows the summary: "报告的说法（C13）：与示意数据一致。" / " The
/// report's claim (C13): consistent with the illustrative data."
pub fn claim_verdict(claim: &ClaimResult, lang: Lang) -> String {
    let badge = super::overview::label(claim, lang);
    match lang {
        Lang::Zh => format!("报告的说法（{}）：{badge}。", claim.id),
        Lang::En => format!(" The report's claim ({}): {badge}.", claim.id),
    }
}

/// The claims the file gives to `chart`, one line each with the overview's
/// badge: "C19（与示意数据一致）：…" / "C19 (consistent with the
/// illustrative data): …".
pub fn claim_lines(claims: &[ClaimResult], chart: &str, lang: Lang) -> Vec<String> {
    claims
        .iter()
        .filter(|c| c.chart == chart)
        .map(|c| {
            let badge = super::overview::label(c, lang);
            match lang {
                Lang::Zh => format!("{}（{badge}）：{}", c.id, c.text.zh),
                Lang::En => format!("{} ({badge}): {}", c.id, c.text.en),
            }
        })
        .collect()
}

/// The line that names the zones left out for lack of `what`: "缺少GDP，
/// 未计入：甲、乙" / "No GDP, left out: A, B"; empty when none is. Past
/// [`NAMES_SHOWN`] zones the rest are counted, as in [`name_list`].
pub fn left_out(what_zh: &str, what_en: &str, missing: &[String], lang: Lang) -> String {
    let names = names_joined(missing, lang);
    match lang {
        _ if missing.is_empty() => String::new(),
        Lang::Zh => format!("缺少{what_zh}，未计入：{names}"),
        Lang::En => format!("No {what_en}, left out: {names}"),
    }
}

/// Names joined by "、" / ", " (no "and"); past [`NAMES_SHOWN`] the rest
/// are counted, as in [`name_list`].
pub fn names_joined(names: &[String], lang: Lang) -> String {
    if names.len() > NAMES_SHOWN {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        return name_list(&names, lang);
    }
    names.join(lang.pick("、", ", "))
}

/// 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd".
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests;
