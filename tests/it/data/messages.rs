//! Problem messages are in one language each: the Chinese has no English
//! word, the English no Chinese character, on every problem of the broken
//! corpus, on the problems only a huge file or a huge list of problems gives,
//! on JSON syntax errors, and on every phrase the validator can say.
//!
//! What may stay in a Chinese message (docs/DATA.md, "Problems"): the path,
//! the kind's code, anything quoted (ids, field names, values of the file),
//! numbers, and the words of [`ALLOWED_LATIN`], which a reader types as such.

use std::path::PathBuf;

use zone_monitor::i18n::Lang;
use zone_monitor::model::encoding::{BadEncoding, Guess};
use zone_monitor::model::{self, Found, IdList, Level, Phrase, Problem, ProblemKind, Severity};

use super::root;

/// Latin words a Chinese message may contain bare: JSON's own words.
/// And the names of encodings, as a save dialog lists them.
const ALLOWED_LATIN: &[&str] = &["JSON", "null", "true", "false", "UTF", "GBK"];

/// `text` without its quoted parts (`"…"`, with `\"` escapes).
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            out.push(c);
            continue;
        }
        out.push(' ');
        while let Some(q) = chars.next() {
            match q {
                '\\' => {
                    chars.next();
                }
                '"' => break,
                _ => {}
            }
        }
    }
    out
}

/// The message without its path (it comes from the file) and kind code.
fn body(p: &Problem, lang: Lang) -> String {
    let message = p.message(lang);
    let rest = message.strip_prefix(p.path.as_str()).unwrap_or(&message);
    rest.replace(p.kind.as_str(), " ")
}

/// English words (2+ ASCII letters) left in a Chinese text outside quotes,
/// other than the allowed ones.
fn latin_words(text: &str) -> Vec<String> {
    unquoted(text)
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2 && !ALLOWED_LATIN.contains(w))
        .map(str::to_string)
        .collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{303F}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// What is wrong with a problem's two messages, if anything.
fn check_languages(p: &Problem) -> Result<(), String> {
    let zh = body(p, Lang::Zh);
    let words = latin_words(&zh);
    if !words.is_empty() {
        return Err(format!(
            "English {words:?} in the Chinese message: {}",
            p.message(Lang::Zh)
        ));
    }
    if !zh.chars().any(is_cjk) {
        return Err(format!("no Chinese in: {}", p.message(Lang::Zh)));
    }
    // The kind's code closes the Chinese message: Chinese comes first.
    if !p
        .message(Lang::Zh)
        .ends_with(&format!("（{}）", p.kind.as_str()))
    {
        return Err(format!("kind code not last: {}", p.message(Lang::Zh)));
    }
    let en = unquoted(&body(p, Lang::En));
    if en.chars().any(is_cjk) {
        return Err(format!(
            "Chinese in the English message: {}",
            p.message(Lang::En)
        ));
    }
    Ok(())
}

fn problems_of(text: &str) -> Vec<Problem> {
    match model::load(text) {
        Ok(l) => l.warnings,
        Err(p) => p.0,
    }
}

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/datasets/bad"))
        .expect("tests/datasets/bad")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn minimal() -> String {
    std::fs::read_to_string(root().join("tests/datasets/good/minimal.json")).expect("minimal")
}

/// The minimal file with 2,001 zones, 40 indicators and 50 years: 4,002,000
/// places for values, over the limit of 4,000,000 (by hand).
fn grid_over_the_limit() -> String {
    let mut file: serde_json::Value = serde_json::from_str(&minimal()).expect("minimal");
    let copies = |item: &serde_json::Value, n: usize, prefix: &str| -> serde_json::Value {
        (0..n)
            .map(|i| {
                let mut x = item.clone();
                x["id"] = format!("{prefix}{i}").into();
                x
            })
            .collect::<Vec<_>>()
            .into()
    };
    file["zones"] = copies(&file["zones"][1].clone(), 2_001, "z");
    file["indicators"] = copies(&file["indicators"][0].clone(), 40, "i");
    file["meta"]["years"] = (1973..2023).collect::<Vec<i32>>().into();
    file.to_string()
}

/// Every problem the validator gives on the corpus, on a file over the size
/// limit, on a file with more than 1,000 problems, on a file with too many
/// places for values and on JSON syntax errors.
fn every_problem() -> Vec<Problem> {
    let mut all = Vec::new();
    for file in corpus() {
        let bytes = std::fs::read(&file).expect("readable");
        all.extend(match model::load_bytes(&bytes) {
            Ok(l) => l.warnings,
            Err(p) => p.0,
        });
    }
    let limit = model::limits::MAX_FILE_BYTES;
    all.extend(problems_of(&" ".repeat(limit + 1)));
    let row = r#"{"zone": "a", "indicator": "gdp", "year": 2022, "value": "x", "status": "illustrative"}"#;
    let text = minimal().replacen(
        "\"observations\": [",
        &format!("\"observations\": [{},", vec![row; 1500].join(",")),
        1,
    );
    all.extend(problems_of(&text));
    all.extend(problems_of(&grid_over_the_limit()));
    for broken in [
        "",
        "{",
        "[1, 2",
        "{\"a\": \"b",
        "{\"a\" 1}",
        "[1 2]",
        "{\"a\": 1 \"b\": 2}",
        "{\"a\": tru}",
        "[,]",
        "\"\\q\"",
        "[01]",
        "[1e999]",
        "\"\\uD800\"",
        "\"a\u{1}\"",
        "{1: 2}",
        "[1,]",
        "{} x",
        "\"\\u12\"",
        &"[".repeat(200),
    ] {
        all.extend(problems_of(broken));
    }
    all
}

#[test]
fn every_message_is_in_one_language() {
    let problems = every_problem();
    let failures: Vec<String> = problems
        .iter()
        .filter_map(|p| check_languages(p).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} messages:\n{}",
        failures.len(),
        problems.len(),
        failures.join("\n")
    );
    for kind in ProblemKind::ALL {
        assert!(
            problems.iter().any(|p| p.kind == *kind),
            "no problem of kind {} was checked",
            kind.as_str()
        );
    }
}

#[test]
fn json_syntax_errors_read_in_chinese_with_their_position() {
    let p = &problems_of("{\"a\": 1,}")[0];
    assert_eq!(p.kind, ProblemKind::InvalidJson);
    assert_eq!(
        p.found.en(),
        "trailing comma at line 1 column 9",
        "serde_json's own message, for machines"
    );
    assert_eq!(p.found.zh(), "第 1 行第 9 列：多余的逗号");
}

/// One of each phrase, so a phrase no corpus file reaches is still checked.
/// The match below has no wildcard: a new phrase fails to compile until it is
/// added here.
fn every_phrase() -> Vec<Phrase> {
    use Phrase as P;
    let ids = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let mut all = vec![
        P::Nothing,
        P::Quoted("zone c!".into()),
        P::QuotedAgain("C1".into()),
        P::JsonDocument,
        P::JsonSyntax {
            en: "some future serde_json message at line 3 column 4".into(),
            zh: "语法错误",
            line: 3,
            column: 4,
        },
        P::AtMostBytes(20),
        P::Bytes(21),
        P::SchemaField,
        P::NoSchemaField,
        P::UsableDataset,
        P::UnusableDataset,
        P::AtMostProblems(1000),
        P::More,
        P::Object,
        P::Array,
        P::Text,
        P::IdText,
        P::Number,
        P::NumberOrNull,
        P::Boolean,
        P::Field("tolerance".into()),
        P::FieldOnce,
        P::OneOf(ids(&["id", "name", "leading_industries"])),
        P::AtMostItems(50),
        P::Items(73),
        P::AtMostGrid(4_000_000),
        P::Grid(5_000, 200, 50),
        P::NonEmptyText,
        P::DisplayableText,
        P::CharacterAt(5, 7),
        P::Utf8Text,
        P::NotUtf8(BadEncoding {
            byte: 40,
            line: 3,
            column: 7,
            guess: Guess::Gbk,
        }),
        P::NotUtf8(BadEncoding {
            byte: 0,
            line: 1,
            column: 1,
            guess: Guess::Utf16,
        }),
        P::NotUtf8(BadEncoding {
            byte: 9,
            line: 1,
            column: 10,
            guess: Guess::Unknown,
        }),
        P::AtMostChars(200),
        P::Chars(201),
        P::IdLike,
        P::EmptyArray,
        P::WholeNumber,
        P::WholeNumberIn(1, 169),
        P::Count,
        P::NumberAtLeastZero,
        P::NumberAtLeastZeroOrNull,
        P::PositiveNumber,
        P::Share,
        P::Score,
        P::Coefficient,
        P::CosineThreshold,
        P::CoefficientInDimension,
        P::WeightsSumTo100,
        P::SumOf("90".into()),
        P::TotalAtLeast("120.5".into()),
        P::TotalWithShare {
            total: "100".into(),
            share: Some("1.205".into()),
        },
        P::TotalWithShare {
            total: "0".into(),
            share: None,
        },
        P::AscendingYears,
        P::Years(vec![2022, 2021]),
        P::OneOfYears(vec![2021, 2022]),
        P::ValuesFor(2021),
        P::NoValueForAnyZone,
        P::UnusedId,
        P::UnusedClaimId,
        P::OneEntryPerRow,
        P::OneRankingPerZoneYear,
        P::OneTotalPer,
        P::OneAveragePer,
        P::SecondEntryFor("a/gdp/2021".into()),
        P::SecondEntrySameKey,
        P::SecondRankingFor(2022),
        P::EntryForEveryZone {
            indicator: "gdp".into(),
            year: 2021,
        },
        P::NoneForZones {
            count: 7,
            shown: ids(&["a", "b", "c", "d", "e"]),
            more: true,
        },
        P::ValuePerYear(5),
        P::AtLeastOneCheck,
        P::NationalZone,
        P::NationalOrRegionalZone,
        P::SubParkRow("a-p1/gdp/2022".into()),
        P::NoParent,
        P::ParentOfSubPark,
        P::ParentChain,
        P::Chain(ids(&["a-p1", "a-p2", "a-p1"])),
    ];
    for f in [
        Found::Null,
        Found::Bool(true),
        Found::Number("-5".into()),
        Found::Text {
            shown: "n/a \"quoted\" 中文".into(),
            cut: true,
        },
        Found::Array(3),
        Found::Object,
    ] {
        all.push(P::Value(f));
    }
    for list in [
        IdList::Source,
        IdList::Zone,
        IdList::NationalZone,
        IdList::Indicator,
        IdList::Unit,
        IdList::Dimension,
        IdList::Industry,
        IdList::MetroArea,
        IdList::Benchmark,
        IdList::ContextFigure,
        IdList::Claim,
    ] {
        all.push(P::IdOf(list));
    }
    for level in [Level::National, Level::Regional, Level::SubPark] {
        all.push(P::ZoneOfLevel(level));
        all.push(P::ParentOnLevel(level));
        all.push(P::IdWithLevel("b".into(), level));
    }
    for p in &all {
        // Exhaustive: no wildcard.
        match p {
            P::Value(_) | P::Nothing | P::Quoted(_) | P::QuotedAgain(_) | P::JsonDocument => {}
            P::JsonSyntax { .. } | P::AtMostBytes(_) | P::Bytes(_) | P::SchemaField => {}
            P::NoSchemaField | P::UsableDataset | P::UnusableDataset | P::AtMostProblems(_) => {}
            P::More | P::Object | P::Array | P::Text | P::IdText | P::Number => {}
            P::NumberOrNull | P::Boolean | P::Field(_) | P::OneOf(_) | P::AtMostItems(_) => {}
            P::FieldOnce | P::AtMostGrid(_) | P::Grid(..) => {}
            P::Items(_) | P::NonEmptyText | P::AtMostChars(_) | P::Chars(_) | P::IdLike => {}
            P::EmptyArray | P::WholeNumber | P::WholeNumberIn(..) | P::Count => {}
            P::NumberAtLeastZero | P::NumberAtLeastZeroOrNull | P::PositiveNumber => {}
            P::Share | P::Score | P::Coefficient | P::CosineThreshold => {}
            P::CoefficientInDimension | P::WeightsSumTo100 | P::SumOf(_) => {}
            P::TotalAtLeast(_) | P::TotalWithShare { .. } | P::AscendingYears | P::Years(_) => {}
            P::OneOfYears(_) | P::ValuesFor(_) | P::NoValueForAnyZone | P::IdOf(_) => {}
            P::UnusedId | P::UnusedClaimId | P::OneEntryPerRow | P::OneRankingPerZoneYear => {}
            P::OneTotalPer | P::OneAveragePer | P::SecondEntryFor(_) => {}
            P::SecondEntrySameKey | P::SecondRankingFor(_) | P::EntryForEveryZone { .. } => {}
            P::NoneForZones { .. } | P::AtLeastOneCheck | P::NationalZone => {}
            P::NationalOrRegionalZone | P::ZoneOfLevel(_) | P::SubParkRow(_) | P::NoParent => {}
            P::ParentOnLevel(_) | P::ParentOfSubPark | P::IdWithLevel(..) => {}
            P::ParentChain | P::Chain(_) | P::DisplayableText | P::CharacterAt(..) => {}
            P::Utf8Text | P::NotUtf8(_) => {}
            P::ValuePerYear(_) => {}
        }
    }
    all
}

#[test]
fn every_phrase_of_every_kind_is_in_one_language() {
    let mut failures = Vec::new();
    for kind in ProblemKind::ALL {
        for phrase in every_phrase() {
            let p = Problem {
                severity: Severity::Error,
                path: "zones[0].x".into(),
                kind: *kind,
                expected: phrase.clone(),
                found: phrase,
            };
            if let Err(e) = check_languages(&p) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_checker_finds_english_and_chinese_where_they_do_not_belong() {
    // A test that cannot fail is a defect: the rules catch what they are for.
    assert_eq!(
        latin_words("应为 no parent，实际为 \"n/a\""),
        ["no", "parent"]
    );
    assert!(latin_words("应为 JSON 文档或 null，实际为 \"gdp\" 12.5").is_empty());
    assert!(unquoted("found \"甲 \\\" 乙\" here")
        .chars()
        .all(|c| !is_cjk(c)));
    assert!("check the unit (万)".chars().any(is_cjk));
}

/// The example messages of docs/DATA.md ("Problems") are what the validator
/// says: each row's English and Chinese are the messages of one problem of
/// [`every_problem`] (the size limits' rows: of a 25,165,824-byte file and of
/// the capped list).
#[test]
fn docs_examples_are_real_messages() {
    let docs = std::fs::read_to_string(root().join("docs/DATA.md")).expect("docs/DATA.md");
    let mut problems = every_problem();
    problems.extend(problems_of(&" ".repeat(25_165_824)));
    let mut rows = 0;
    for line in docs.lines() {
        let Some(rest) = line.strip_prefix("| `") else {
            continue;
        };
        let Some((kind, rest)) = rest.split_once("` | ") else {
            continue;
        };
        let Some(kind) = ProblemKind::from_name(kind) else {
            continue;
        };
        let Some((severity, example)) = rest.split_once(" | ") else {
            continue;
        };
        let example = example.strip_suffix(" |").unwrap_or(example);
        let Some((en, zh)) = example.split_once("<br>") else {
            panic!("no <br> in the row of {}", kind.as_str());
        };
        rows += 1;
        assert!(
            problems.iter().any(|p| p.kind == kind
                && p.severity.as_str() == severity
                && p.message(Lang::En) == en
                && p.message(Lang::Zh) == zh),
            "docs/DATA.md's example for {} is not a message of the validator:\n{en}\n{zh}",
            kind.as_str()
        );
    }
    assert_eq!(rows, ProblemKind::ALL.len());
}
