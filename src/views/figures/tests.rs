use super::*;

#[test]
fn ordinals() {
    // By hand: English ordinal suffixes, 11–13 being the exceptions.
    let cases = [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (112, "112th"),
        (169, "169th"),
    ];
    for (n, expected) in cases {
        assert_eq!(ordinal(n), expected);
    }
}

#[test]
fn name_lists() {
    assert_eq!(name_list(&[], Lang::En), "");
    assert_eq!(name_list(&["Zone A"], Lang::En), "Zone A");
    assert_eq!(name_list(&["A", "B", "C"], Lang::En), "A, B and C");
    assert_eq!(name_list(&["甲", "乙", "丙"], Lang::Zh), "甲、乙和丙");
    // 2,001 names: the first 20 given, 1,981 counted (2,001 − 20, by hand).
    let many: Vec<String> = (1..=2_001).map(|i| format!("Z{i}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let first: Vec<String> = (1..=20).map(|i| format!("Z{i}")).collect();
    assert_eq!(
        name_list(&many, Lang::En),
        format!("{} and 1,981 more", first.join(", "))
    );
    assert_eq!(
        name_list(&many, Lang::Zh),
        format!("{}及另外1,981个", first.join("、"))
    );
    // 21 names: 20 and one more; 20 names: all of them.
    assert!(name_list(&many[..21], Lang::En).ends_with("Z20 and 1 more"));
    assert!(name_list(&many[..20], Lang::En).ends_with("Z19 and Z20"));
    // Left out: every name up to 20, then counted the same way.
    let missing: Vec<String> = many.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        left_out("GDP", "GDP", &missing[..2], Lang::En),
        "No GDP, left out: Z1, Z2"
    );
    assert_eq!(
        left_out("GDP", "GDP", &missing, Lang::Zh),
        format!("缺少GDP，未计入：{}及另外1,981个", first.join("、"))
    );
    assert_eq!(names_joined(&missing[..3], Lang::Zh), "Z1、Z2、Z3");
    assert_eq!(
        names_joined(&missing, Lang::En),
        format!("{} and 1,981 more", first.join(", "))
    );
}

/// The data's English units are plural nouns: after exactly "1" the first
/// word's "s" goes (a tester read "1 incubators"); by hand.
#[test]
fn one_of_a_unit_is_singular_in_english() {
    let dataset = crate::views::testing::bundled();
    let at = |id: &str| dataset.indicator_index(id).expect(id);
    let en = |id: &str, v: f64| indicator_value(&dataset, at(id), v, Lang::En);
    assert_eq!(en("national_incubators", 1.0), "1 incubator");
    assert_eq!(en("national_incubators", 2.0), "2 incubators");
    assert_eq!(en("national_incubators", 0.0), "0 incubators");
    assert_eq!(en("employees", 1.0), "1 person");
    assert_eq!(en("listed_companies", 1.0), "1 enterprise");
    assert_eq!(
        indicator_value(&dataset, at("national_incubators"), 1.0, Lang::Zh),
        "1个"
    );
    assert_eq!(
        en_counted("1", "patents per 10,000 employees"),
        "1 patent per 10,000 employees"
    );
    assert_eq!(en_counted("1.0", "patents"), "1.0 patents");
    assert_eq!(en_counted("1", "km²"), "1 km²");
    assert_eq!(en_counted("1", "place"), "1 place");
    assert_eq!(en_counted("1", "gross"), "1 gross");
    assert_eq!(en_counted("11", "zones"), "11 zones");
    // The regular rules, and what they leave alone (a review's list).
    for (plural, one) in [
        ("companies per zone", "1 company per zone"),
        ("facilities", "1 facility"),
        ("businesses", "1 business"),
        ("branches", "1 branch"),
        ("boxes", "1 box"),
        ("sizes", "1 size"),
        ("niches", "1 niche"),
        ("movies", "1 movie"),
        ("campus", "1 campus"),
        ("series", "1 series"),
        ("analysis", "1 analysis"),
        ("s", "1 s"),
        ("m²s", "1 m²s"),
    ] {
        assert_eq!(en_counted("1", plural), one, "{plural}");
    }
}

#[test]
fn every_unit_reads_in_both_languages() {
    // Each unit of the bundled file, worked by hand: the currency code first
    // in English, 万元 turned into yuan (45.2万元 = 452,000 yuan), a place as
    // an ordinal.
    let dataset = crate::views::testing::bundled();
    let at = |id: &str| dataset.indicator_index(id).expect(id);
    let cases = [
        ("gdp", 1_738.6, "1,739亿元", "CNY 173.9 billion"),
        ("gdp", 17_386.4, "1.74万亿元", "CNY 1.74 trillion"),
        (
            "innovation_platforms",
            2_046.0,
            "2,046个",
            "2,046 platforms",
        ),
        ("employees", 12_500.0, "12,500人", "12,500 persons"),
        (
            "tech_contract_per_employee",
            45.2,
            "45.2万元/人",
            "CNY 452,000 per person",
        ),
        (
            "energy_per_va",
            0.052,
            "0.052吨标准煤/万元",
            "0.052 t of standard coal per CNY 10,000",
        ),
        (
            "water_per_va",
            3.5,
            "3.50立方米/万元",
            "3.50 m³ per CNY 10,000",
        ),
        (
            "invention_patents_per_10k",
            61.3,
            "61.3件/万人",
            "61.3 patents per 10,000 employees",
        ),
        ("rd_intensity", 0.0291, "2.9%", "2.9%"),
    ];
    for (id, value, zh, en) in cases {
        assert_eq!(
            indicator_value(&dataset, at(id), value, Lang::Zh),
            zh,
            "{id}"
        );
        assert_eq!(
            indicator_value(&dataset, at(id), value, Lang::En),
            en,
            "{id}"
        );
    }
    assert_eq!(unit_label(&dataset, at("gdp"), Lang::En), "CNY 100 million");
    assert_eq!(unit_label(&dataset, at("gdp"), Lang::Zh), "亿元");
    assert_eq!(
        axis_title(&dataset, at("water_per_va"), Lang::En),
        "Water use per unit of value added (m³ per CNY 10,000)"
    );
}
