use super::*;

#[test]
fn formats_as_people_write_them() {
    // Worked out by hand from the report's own figures.
    assert_eq!(grouped(11196.0, 0), "11,196");
    assert_eq!(grouped(1234567.891, 2), "1,234,567.89");
    assert_eq!(grouped(-1000.0, 0), "-1,000");
    assert_eq!(grouped(-0.001, 1), "0.0");
    assert_eq!(grouped(999.0, 0), "999");
    assert_eq!(percent(0.56, 0), "56%");
    assert_eq!(percent(0.0291, 1), "2.9%");
    // A part larger than its whole (a national-scale file against the
    // region's totals: 17.807 → "1,780.7%"), and a sum of nothing (std's
    // f64 `Sum` of no value is -0.0): "0.0%", not "-0.0%"; a real
    // negative share keeps its sign.
    assert_eq!(percent(17.807, 1), "1,780.7%");
    assert_eq!(percent(-0.0, 1), "0.0%");
    assert_eq!(percent(Vec::<f64>::new().iter().sum(), 1), "0.0%");
    assert_eq!(percent(-0.012, 1), "-1.2%");
    assert_eq!(yi_yuan(17_312.0, Lang::Zh), "1.73万亿元");
    assert_eq!(yi_yuan(6425.0, Lang::Zh), "6,425亿元");
    assert_eq!(yi_yuan(6425.0, Lang::En), "CNY 642.5 billion");
    assert_eq!(yi_yuan(17_300.0, Lang::En), "CNY 1.73 trillion");
    // The report's 2022 GDP total, 17,386.4 亿元 = 1.73864 × 10¹² yuan,
    // to two places; a zone's 1,738.6 亿元 = 173.86 × 10⁹ yuan, to one.
    assert_eq!(yi_yuan(17_386.4, Lang::En), "CNY 1.74 trillion");
    assert_eq!(yi_yuan(1_738.6, Lang::En), "CNY 173.9 billion");
    assert_eq!(yi_yuan(20_000.0, Lang::Zh), "2万亿元");
    // Below 1 亿元 / a billion CNY: 0.911 亿元 = 9,110万元 = 91.1 million.
    assert_eq!(yi_yuan(0.911, Lang::Zh), "9,110万元");
    assert_eq!(yi_yuan(0.911, Lang::En), "CNY 91 million");
    assert_eq!(yi_yuan(0.05, Lang::En), "CNY 5.0 million");
    assert_eq!(yi_yuan(36.96, Lang::En), "CNY 3.7 billion");
    assert_eq!(yi_yuan(0.0, Lang::En), "CNY 0");
    // 45.2万元 = 452,000 yuan; a loss of 3.2 亿元 = 320 million yuan.
    assert_eq!(cny(452_000.0), "CNY 452,000");
    assert_eq!(yi_yuan(-3.2, Lang::En), "-CNY 320 million");
    assert_eq!(cny(-0.2), "CNY 0");
}

#[test]
fn finds_and_replaces_by_bytes_as_core_does() {
    // Expected: what str::find and str::replace give (core's search, the
    // independent reference), on ASCII, CJK and empty cases.
    for (text, needle) in [
        ("m³ per 10,000 CNY", "10,000 CNY"),
        ("10,000 CNY per person", "10,000 CNY"),
        ("高新区合计", "合计"),
        ("a at line 3 column 4", " at line "),
        ("abc", "abcd"),
        ("", "a"),
        ("abc", ""),
    ] {
        assert_eq!(find(text, needle), text.find(needle), "{text:?} {needle:?}");
    }
    for (text, from, to) in [
        ("100 million CNY", "100 million CNY", "CNY 100 million"),
        (
            "t per 10,000 CNY and 10,000 CNY",
            "10,000 CNY",
            "CNY 10,000",
        ),
        ("aaa", "aa", "b"),
        ("no match", "x", "y"),
    ] {
        assert_eq!(replaced(text, from, to), text.replace(from, to), "{text:?}");
    }
    // An empty pattern replaces nothing (core's would put `to` between
    // every character).
    assert_eq!(replaced("abc", "", "-"), "abc");
}

#[test]
fn fixed_writes_what_core_writes() {
    // Expected: core's `{:.*}` (the independent reference), on edge cases
    // and on 200,000 pseudo-random doubles of every magnitude at 0 to 6
    // places; ties (0.125 to two places) round half to even in both.
    let edges = [
        0.0,
        -0.0,
        0.5,
        1.5,
        2.5,
        0.125,
        0.375,
        -0.25,
        0.05,
        1e-300,
        5e-324,
        f64::MIN_POSITIVE,
        f64::MAX,
        -f64::MAX,
        1e21,
        123456.789,
        0.1 + 0.2,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        9.995,
        99.5,
        1e15 + 0.5,
    ];
    for value in edges {
        for decimals in 0..8 {
            assert_eq!(
                Fixed(value, decimals).to_string(),
                format!("{value:.decimals$}")
            );
        }
    }
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    for i in 0..200_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // Half of them any bit pattern, half with an exponent near 1.
        let value = match i % 2 {
            0 => f64::from_bits(state),
            _ => f64::from_bits(state >> 12 | (1000 + state % 60) << 52),
        };
        let decimals = (state % 7) as usize;
        assert_eq!(
            Fixed(value, decimals).to_string(),
            format!("{value:.decimals$}"),
            "{value:e} to {decimals} places"
        );
    }
}
