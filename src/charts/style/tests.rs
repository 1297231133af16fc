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

#[test]
fn the_formula_gives_the_standards_extremes() {
    // Black on white is 21:1 and a colour against itself 1:1, by definition.
    assert!((contrast(RGBColor(0, 0, 0), BACKGROUND) - 21.0).abs() < 1e-9);
    assert!((contrast(BLUE, BLUE) - 1.0).abs() < 1e-12);
}

#[test]
fn text_has_at_least_4_5_to_1_and_marks_3_to_1() {
    for (name, colour) in [("TEXT", TEXT), ("TEXT_MUTED", TEXT_MUTED)] {
        let ratio = contrast(colour, BACKGROUND);
        assert!(ratio >= 4.5, "{name}: {ratio:.2}:1");
    }
    let marks = [
        ("BLUE", BLUE),
        ("VERMILLION", VERMILLION),
        ("REFERENCE", REFERENCE),
        ("MUTED_LINE", MUTED_LINE),
        ("GREEN", GREEN),
        ("PURPLE", PURPLE),
        ("HEAT_MID", HEAT_MID),
        ("HEAT_HIGH", HEAT_HIGH),
        ("TIER_REWARD", TIER_REWARD),
        ("TIER_WARNING", TIER_WARNING),
        ("TIER_EXIT", TIER_EXIT),
        ("TIER_NONE", TIER_NONE),
        ("LINE_MUTED", LINE_MUTED),
    ];
    for (name, colour) in marks {
        let ratio = contrast(colour, BACKGROUND);
        assert!(ratio >= 3.0, "{name}: {ratio:.2}:1");
    }
}

#[test]
fn no_text_is_smaller_than_12_px() {
    for size in [FONT_SMALL, FONT_BODY, FONT_TITLE] {
        assert!(size >= 12.0, "{size}");
    }
}
