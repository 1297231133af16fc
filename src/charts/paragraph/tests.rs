use super::*;

#[test]
fn wraps_words_and_cjk() {
    // Widths by hand: 12 px, latin 7.2 px a character, CJK 12 px.
    assert_eq!(estimate_width("abc", 12.0), 22);
    assert_eq!(estimate_width("高新区", 12.0), 36);
    assert_eq!(wrap("one two three", 60, 12.0), ["one two", "three"]);
    // 5 CJK characters fit in 60 px; the comma stays with its character.
    assert_eq!(wrap("甲乙丙丁戊，己庚", 60, 12.0), ["甲乙丙丁", "戊，己庚"]);
    // An opening bracket stays with what it opens.
    assert_eq!(wrap("甲乙丙（C14）", 48, 12.0), ["甲乙丙", "（C14）"]);
    assert_eq!(wrap("", 60, 12.0), Vec::<String>::new());
    // A word longer than the line is broken.
    assert_eq!(wrap("abcdefghijkl", 40, 12.0), ["abcde", "fghij", "kl"]);
}

#[test]
fn wraps_by_any_measure_and_limits_lines() {
    use plotters::prelude::{IntoDrawingArea, SVGBackend};
    // One pixel a character: breaks fall where the count says.
    let count = |s: &str| s.chars().count() as i32;
    assert_eq!(wrap_by("ab cd ef", 5, &count), ["ab cd", "ef"]);
    // By the backend's measure, at most two lines: the second ends in "…".
    let mut svg = String::new();
    let area = SVGBackend::with_string(&mut svg, (200, 100)).into_drawing_area();
    let style = crate::charts::marks::text_style(12.0, &crate::charts::style::LIGHT.text);
    let text = "one two three four five six seven eight nine ten";
    let all = crate::charts::marks::wrap_text(&area, text, 60, usize::MAX, &style);
    let two = crate::charts::marks::wrap_text(&area, text, 60, 2, &style);
    assert!(all.len() > 2, "{all:?}");
    assert_eq!(two.len(), 2);
    assert_eq!(two[0], all[0]);
    assert!(two[1].ends_with('…'), "{two:?}");
}

#[test]
fn a_very_long_word_wraps_quickly_and_every_line_fits() {
    // Issue 16: a word of 4,000 characters (the longest claim text) broke
    // a character at a time, measuring each shorter prefix: ~10⁷ measures.
    // Counted, not timed: a line's break is searched, so the measures grow
    // with the lines times the log of the word, far under 10 a character.
    let word = "W".repeat(4000);
    let measures = std::cell::Cell::new(0_usize);
    let width = |s: &str| {
        measures.set(measures.get() + 1);
        estimate_width(s, 13.0)
    };
    let lines = wrap_by(&word, 300, &width);
    assert!(measures.get() < 40_000, "{} measures", measures.get());
    // By hand: 0.6 em × 13 px = 7.8 px a "W": 38 fit in 300 px (296.4).
    assert_eq!(lines[0].chars().count(), 38);
    assert_eq!(lines.concat(), word);
    assert!(lines.iter().all(|l| estimate_width(l, 13.0) <= 300));
}

/// The rest of a text that fits on the line is measured once: "a b c d" is
/// seven tokens (four words, three spaces); the first is measured alone
/// (might it be wider than a line?), then the six after it with it, in one
/// measurement: 2, counted by hand (a token at a time measured 7, and 13
/// before issue 15: a browser's measurement is a call out of the wasm).
#[test]
fn a_fitting_line_is_measured_once() {
    let calls = std::cell::Cell::new(0);
    let width = |s: &str| {
        calls.set(calls.get() + 1);
        s.chars().count() as i32
    };
    assert_eq!(wrap_by("a b c d", 100, &width), vec!["a b c d"]);
    assert_eq!(calls.get(), 2);
    // A break is searched by halving. "ab cd ef" in 5 px, counted by hand:
    // "ab" alone; the whole text (8, too wide); "ab cd" (5) and "ab cd "
    // (5 trimmed) fit, so the first line is "ab cd"; "ab cd ef" again; "ef"
    // alone: 6 measurements, the same lines as a token at a time.
    calls.set(0);
    assert_eq!(wrap_by("ab cd ef", 5, &width), ["ab cd", "ef"]);
    assert_eq!(calls.get(), 6);
}
