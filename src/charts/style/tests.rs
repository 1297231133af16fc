//! The palette against WCAG 2.1's contrast rules, computed with the
//! standard's own formula (relative luminance, 1.4.3 and 1.4.11): text at
//! least 4.5:1 on the chart background, marks at least 3:1, text at least
//! 12 px.

use super::*;
use plotters::style::RGBColor;

/// WCAG 2.1 relative luminance: L = 0.2126 R + 0.7152 G + 0.0722 B of the
/// linearised channels (c ≤ 0.03928: c / 12.92, else ((c + 0.055) / 1.055)^2.4).
fn luminance(RGBColor(r, g, b): RGBColor) -> f64 {
    let channel = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// (L_lighter + 0.05) / (L_darker + 0.05).
fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

const PALETTES: [(&str, &Palette); 2] = [("LIGHT", &LIGHT), ("DARK", &DARK)];

#[test]
fn the_formula_gives_the_standards_extremes() {
    // Black on white is 21:1 and a colour against itself 1:1, by definition.
    assert!((contrast(RGBColor(0, 0, 0), LIGHT.background) - 21.0).abs() < 1e-9);
    assert!((contrast(LIGHT.blue, LIGHT.blue) - 1.0).abs() < 1e-12);
}

/// `pairs` of (what, foreground, surface) each have at least `least`:1.
fn check(palette: &str, least: f64, pairs: &[(&str, RGBColor, RGBColor)]) {
    for &(name, colour, on) in pairs {
        let ratio = contrast(colour, on);
        assert!(
            ratio >= least,
            "{palette}: {name}: {ratio:.2}:1 < {least}:1"
        );
    }
}

#[test]
fn text_has_at_least_4_5_to_1_and_marks_3_to_1() {
    for (name, p) in PALETTES {
        let bg = p.background;
        check(
            name,
            4.5,
            &[("text", p.text, bg), ("text_muted", p.text_muted, bg)],
        );
        let marks = [
            ("blue", p.blue),
            ("vermillion", p.vermillion),
            ("reference", p.reference),
            ("muted_line", p.muted_line),
            ("green", p.green),
            ("purple", p.purple),
            ("heat_mid", p.heat_mid),
            ("heat_high", p.heat_high),
            ("tier_reward", p.tier_reward),
            ("tier_warning", p.tier_warning),
            ("tier_exit", p.tier_exit),
            ("tier_none", p.tier_none),
            ("line_muted", p.line_muted),
        ];
        check(name, 3.0, &marks.map(|(what, colour)| (what, colour, bg)));
    }
}

/// Decorations stay behind what is drawn on them: text in `text` and
/// `text_muted` keeps 4.5:1 on every tint, band, fill and grid line, labels
/// in the background colour on `blue` bars (benchmarks, Theil) too, and the
/// tier and reference marks keep 3:1 on the selected row's band and the
/// tints.
#[test]
fn what_is_drawn_on_decorations_stays_readable() {
    for (name, p) in PALETTES {
        let decorations = [
            ("grid", p.grid),
            ("tint_cool", p.tint_cool),
            ("tint_warm", p.tint_warm),
            ("lorenz_area", p.lorenz_area),
            ("heat_low", p.heat_low),
            ("within_fill", p.within_fill),
            ("highlight", p.highlight),
        ];
        for (what, on) in decorations {
            check(
                name,
                4.5,
                &[("text", p.text, on), ("text_muted", p.text_muted, on)],
            );
            if what != "grid" && what != "heat_low" {
                let marks = [
                    ("blue", p.blue),
                    ("vermillion", p.vermillion),
                    ("reference", p.reference),
                    ("tier_reward", p.tier_reward),
                    ("tier_warning", p.tier_warning),
                    ("tier_exit", p.tier_exit),
                    ("tier_none", p.tier_none),
                ];
                check(name, 3.0, &marks.map(|(mark, colour)| (mark, colour, on)));
            }
        }
        check(name, 4.5, &[("background on blue", p.background, p.blue)]);
    }
}

/// The similarity ramp moves away from the background step by step (pale to
/// dark on white, dark to pale on the dark background), so it reads in
/// order; and the dot of a cell below the threshold keeps 3:1 on every step.
#[test]
fn the_similarity_ramp_is_ordered_and_its_dots_show() {
    for (name, p) in PALETTES {
        let mut last = 1.0;
        for step in 0..=40 {
            let value = f64::from(step) / 40.0;
            let (cell, dot_in_background) = super::super::similarity::ramp(p, value, 0.0);
            let from_background = contrast(cell, p.background);
            assert!(
                from_background >= last,
                "{name}: the ramp turns back at {value}: {from_background:.2} < {last:.2}"
            );
            last = from_background;
            let dot = if dot_in_background {
                p.background
            } else {
                p.text
            };
            check(name, 3.0, &[("dot on the ramp", dot, cell)]);
        }
        assert!(last >= 3.0, "{name}: the ramp's high end: {last:.2}:1");
    }
}

#[test]
fn no_text_is_smaller_than_12_px() {
    for size in [FONT_SMALL, FONT_BODY, FONT_TITLE] {
        assert!(size >= 12.0, "{size}");
    }
}
