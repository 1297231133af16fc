//! Issue 16: a 200-character name with no break (the longest the validator
//! allows) stays inside every chart at a phone's width (the Lorenz curve
//! drew the selected zone's name whole, 2,600 px wide). Each `<text>` of
//! the SVG with a piece of the name, measured by the layout's own estimate
//! (`paragraph::estimate_width`, the rule line breaks follow), must lie
//! within the drawing; a text shortened with "…" was fitted by the
//! backend's own measure and is left to it.

use crate::charts::paragraph::estimate_width;
use crate::charts::style::LIGHT;
use crate::exercise::svg;
use crate::i18n::Lang;
use crate::views::session::Session;
use crate::views::ChartId;

/// (x, anchor, font size in px, text) of each `<text>` element.
fn texts(svg: &str) -> Vec<(f64, String, f64, String)> {
    let attr = |tag: &str, name: &str| {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(tag[start..start + tag[start..].find('"')?].to_string())
    };
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let tag = &t[..t.find('>')?];
            let body = &t[t.find('>')? + 1..t.find("</text>")?];
            // plotters writes the size in points: 1 px = 1/1.24 of its unit.
            let size = attr(tag, "font-size")?.parse::<f64>().ok()? * 1.24;
            Some((
                attr(tag, "x")?.parse().ok()?,
                attr(tag, "text-anchor").unwrap_or_default(),
                size,
                body.trim()
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&"),
            ))
        })
        .collect()
}

#[test]
fn a_long_unbroken_name_stays_inside_every_chart() {
    let mut file: serde_json::Value =
        serde_json::from_str(include_str!("../../../www/data/zones.json")).expect("JSON");
    let first = file["zones"][0]["id"].as_str().expect("an id").to_string();
    file["zones"][0]["name"] = serde_json::json!({ "zh": "高".repeat(200), "en": "W".repeat(200) });
    let loaded = crate::model::load(&file.to_string()).expect("valid");
    let mut session = Session::new(loaded, Lang::Zh);
    let mut outside = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        session.set_lang(lang);
        session.set_zone(&first);
        for &id in ChartId::ALL {
            let drawn = svg(session.view(id), 360, &LIGHT).expect("draws");
            // The texts with a piece of the name: axis labels and the rest
            // are laid out by rules of their own.
            let named = texts(&drawn)
                .into_iter()
                .filter(|t| t.3.contains("高高高高") || t.3.contains("WWWW"))
                // Shortened with "…" by the backend's measure (in the
                // browser the canvas's): it fits by that measure.
                .filter(|t| !t.3.ends_with('…'));
            for (x, anchor, size, text) in named {
                let w = f64::from(estimate_width(&text, size));
                let (left, right) = match anchor.as_str() {
                    "end" => (x - w, x),
                    "middle" => (x - w / 2.0, x + w / 2.0),
                    _ => (x, x + w),
                };
                if left < -1.0 || right > 361.0 {
                    outside.push(format!(
                        "{} {lang:?}: {left:.0}..{right:.0}: {text}",
                        id.as_str()
                    ));
                }
            }
        }
    }
    assert!(
        outside.is_empty(),
        "{} texts outside 0..360:\n{}",
        outside.len(),
        outside.join("\n")
    );
}
