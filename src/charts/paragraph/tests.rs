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
    // (5 trimmed) fit, so the first line is "ab cd" and "ef" starts the
    // next; "ef" alone: 5 measurements, the same lines as a token at a time.
    calls.set(0);
    assert_eq!(wrap_by("ab cd ef", 5, &width), ["ab cd", "ef"]);
    assert_eq!(calls.get(), 5);
}

/// A long text is not measured to its end for every line: each line is
/// searched from the length of the one before. 667 words of "lorem" in 300
/// px lines at 13 px (0.6 em: 7.8 px a character), by hand: six words and
/// their five spaces are 35 characters, 273 px, and a seventh ends at 319.8
/// px, so six words a line and 112 lines. Counted: under 10 measurements
/// and 10 lines' bytes a line (measuring the whole rest of the text for
/// every line grows with the square of its length).
#[test]
fn a_long_text_is_measured_about_a_line_at_a_time() {
    let text = "lorem ".repeat(666) + "ipsum";
    let (calls, bytes) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
    let width = |s: &str| {
        calls.set(calls.get() + 1);
        bytes.set(bytes.get() + s.len());
        estimate_width(s, 13.0)
    };
    let lines = wrap_by(&text, 300, &width);
    assert_eq!(lines[0], "lorem ".repeat(6).trim_end());
    assert_eq!(lines.len(), 112); // 667 words, 6 a line
    assert!(calls.get() < 10 * lines.len(), "{} calls", calls.get());
    assert!(bytes.get() < 10 * 36 * lines.len(), "{} bytes", bytes.get());
}

/// The line breaker gives the lines the greedy breaker before issue 15
/// gave (a token at a time, kept here as the reference: fd857f0's
/// `wrap_by`), on 20,000 pseudo-random texts of words, spaces, CJK
/// characters and punctuation, at widths from 1 to 80, by two measures.
#[test]
fn searched_breaks_are_the_greedy_ones() {
    const PIECES: [&str; 14] = [
        "a", "bb", "cccc", " ", "  ", "高", "新", "区", "，", "。", "（", "）", ".", "W",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let count = |s: &str| s.chars().count() as i32;
    let estimate = |s: &str| estimate_width(s, 13.0);
    for _ in 0..20_000 {
        let len = next(40);
        let text: String = (0..len)
            .map(|_| PIECES[next(PIECES.len() as u64) as usize])
            .collect();
        let max = 1 + next(80) as i32;
        assert_eq!(
            wrap_by(&text, max, &count),
            token_at_a_time(&text, max, &count),
            "{text:?} {max}"
        );
        let max = 1 + next(400) as i32;
        assert_eq!(
            wrap_by(&text, max, &estimate),
            token_at_a_time(&text, max, &estimate),
            "{text:?} {max}"
        );
    }
}

/// fd857f0's `wrap_by`, as it was: the reference of the test above.
fn token_at_a_time(text: &str, max_width: i32, width: &dyn Fn(&str) -> i32) -> Vec<String> {
    // Tokens: a run of spaces, a run of non-wide non-space characters (a
    // word), or one wide character with any punctuation that follows it.
    let mut tokens: Vec<String> = Vec::new();
    for c in text.chars() {
        let glue = match tokens.last() {
            None => false,
            Some(last) => {
                let prev = last.chars().last().unwrap_or(' ');
                closes(c)
                    || (opens(prev) && c != ' ')
                    || (c == ' ' && prev == ' ')
                    || (!is_wide(c) && c != ' ' && !is_wide(prev) && prev != ' ')
            }
        };
        match tokens.last_mut() {
            Some(last) if glue => last.push(c),
            _ => tokens.push(c.to_string()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens {
        let candidate = format!("{line}{token}");
        // Measured and within the line: nothing more to check (each token
        // costs one measurement; a browser's is a call out of the wasm).
        let fits = !line.is_empty() && width(candidate.trim_end()) <= max_width;
        if line.is_empty() || fits {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = token.trim_start().to_string();
        }
        if fits {
            continue;
        }
        // A token wider than a line on its own: break it by characters.
        // The longest prefix that fits, by halving (widths grow with the
        // prefix): a character at a time measured a 4,000-character word
        // some 10⁷ times.
        while width(line.trim_end()) > max_width && line.chars().count() > 1 {
            let chars: Vec<char> = line.chars().collect();
            let fits = |keep: usize| width(&chars[..keep].iter().collect::<String>()) <= max_width;
            // At least one character a line; fits(lo) or lo == 1, !fits(hi).
            let (mut lo, mut hi) = (1, chars.len());
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if fits(mid) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let keep = lo;
            lines.push(chars[..keep].iter().collect());
            line = chars[keep..].iter().collect();
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}
