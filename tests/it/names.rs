//! Names from the data in every output (issue 16): for any name the
//! validator accepts, every chart's SVG export is well-formed XML (checked
//! by quick-xml, an independent parser, through `exercise::check_xml`) and
//! every table's CSV parses back to its cells (the csv crate, through
//! `exercise::check_csv`); and a name it refuses is refused with a problem
//! at the name's path.

use proptest::prelude::*;
use zone_monitor::charts::style;
use zone_monitor::exercise::{check_csv, check_xml, svg};
use zone_monitor::i18n::Lang;
use zone_monitor::model;
use zone_monitor::views::session::Session;
use zone_monitor::views::ChartId;

fn minimal() -> serde_json::Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/datasets/good/minimal.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("minimal.json")).expect("JSON")
}

/// Names to try: any Unicode (controls, noncharacters, bidi and zero-width
/// marks, astral characters included) and the characters XML and CSV treat
/// specially.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            prop_oneof![
                Just('<'),
                Just('>'),
                Just('&'),
                Just('"'),
                Just('\''),
                Just(','),
                Just('\n'),
                Just('\r'),
                Just('\t'),
                Just('\u{0}'),
                Just('\u{7}'),
                Just('\u{85}'),
                Just('\u{200B}'),
                Just('\u{200E}'),
                Just('\u{202E}'),
                Just('\u{2066}'),
                Just('\u{2800}'),
                Just('\u{3164}'),
                Just('\u{FEFF}'),
                Just('\u{FFFE}'),
                Just('\u{FFFF}'),
                Just('\u{FDD0}'),
                Just('\u{1F3ED}'),
                Just('='),
                Just('-'),
                Just('@'),
                Just('a'),
                Just('高'),
                Just(' '),
            ],
            1..24
        )
        .prop_map(|chars| chars.into_iter().collect()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn any_accepted_name_gives_valid_svg_and_csv(zh in name(), en in name()) {
        let mut file = minimal();
        file["zones"][0]["name"] = serde_json::json!({ "zh": zh, "en": en });
        let text = serde_json::to_string(&file).expect("JSON");
        let loaded = match model::load(&text) {
            Ok(loaded) => loaded,
            Err(problems) => {
                // Refused: at the name, and only there.
                for p in &problems.0 {
                    prop_assert!(p.path.starts_with("zones[0].name."), "{}", p);
                }
                return Ok(());
            }
        };
        let mut session = Session::new(loaded, Lang::Zh);
        for lang in [Lang::Zh, Lang::En] {
            session.set_lang(lang);
            session.set_zone("a");
            let notice = zone_monitor::views::ui::export_notice(&session.dataset, lang);
            for &id in ChartId::ALL {
                let view = session.view(id);
                let drawn = svg(view, 360, &style::LIGHT).map_err(TestCaseError::fail)?;
                check_xml(&drawn).map_err(|e| TestCaseError::fail(format!("{}: {e}", id.as_str())))?;
                check_csv(&view.table(), &notice).map_err(|e| TestCaseError::fail(format!("{}: {e}", id.as_str())))?;
            }
        }
    }
}

#[test]
fn the_issues_names_are_refused_at_their_path() {
    // Issue 16's examples, each refused with a problem at the name.
    for (name, kind) in [
        ("Zone\u{7}A", "invalid_character"),
        ("Zone\u{FFFF}", "invalid_character"),
        ("\u{200B}", "empty_string"),
        ("\u{2800}", "empty_string"),
        ("\u{3164}", "empty_string"),
        ("\u{200E}\u{200F}", "empty_string"),
    ] {
        let mut file = minimal();
        file["zones"][1]["name"]["en"] = name.into();
        let problems = model::load(&file.to_string()).expect_err(name).0;
        let found: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.kind.as_str(), p.path.as_str()))
            .collect();
        assert_eq!(found, [(kind, "zones[1].name.en")], "{name:?}");
    }
}
