//! The `--big` file: the dataset with its zones copied until it is near the
//! size limit, to measure the validator on; and the `--zones N` file, the
//! dataset at national scale (up to the 5,000-zone limit) to measure the
//! widget and `zone-monitor report` on.

use crate::indicators::INDICATORS;
use crate::rng::SplitMix64;
use crate::writer::{n, s, text, Json};
use crate::{Y, YEARS};
use std::collections::HashSet;

/// Copies of the 36 zones in the `--big` file: 36 × 31 = 1,116 zones (and the
/// 22 sub-parks), 1,116 × 27 indicators × 5 years = 150,660 observations,
/// a row a line: 19.3 MB, just under the 20 MB limit.
pub const BIG_COPIES: usize = 30;

/// Adds `copies` copies of every national and region-level zone, with their
/// observations (ids `z01-c1`, …), for measuring the validator on a file
/// near the size limit. The copies leave the claims' figures wrong, and the
/// region totals below the zones' sums (`share_over_one` warnings): it is a
/// file to measure, not to show.
pub fn copy_zones(dataset: &mut Json, copies: usize) {
    copy_zones_with(dataset, copies, usize::MAX, |_| true);
}

/// Indicators the national-scale files add to the bundled 27, so that they
/// have the 30 of issue 15's national scale: id, name, unit, kind,
/// dimension. Illustrative, like every value of those files.
const EXTRA: [(&str, &str, &str, &str, &str, &str); 3] = [
    (
        "digital_revenue_share",
        "数字经济营业收入占比",
        "Digital economy's share of revenue",
        "share",
        "share",
        "structure",
    ),
    (
        "green_patents",
        "绿色技术发明专利",
        "Green invention patents",
        "patents",
        "count",
        "green",
    ),
    (
        "specialised_smes",
        "专精特新企业",
        "Specialised and innovative SMEs",
        "enterprises",
        "count",
        "innovation",
    ),
];

/// The seed of the national-scale files' own draws (the added years and
/// indicators).
const SCALE_SEED: u64 = 15;

/// The dataset at national scale: every national and region-level zone
/// copied until the file has `zones` zones in all (sub-parks included; ids
/// `z01-c1`, …, each copy with its original's values), `years` years
/// ending with the report's (the years before 2018 grown backwards from
/// each zone's 2018–2022 growth), and the 30 indicators of [`EXTRA`] and
/// the bundled file, every value of every zone in every year. The file
/// must be written in the `series` form (a dataset from
/// `dataset(Form::Series)`): 2,000 zones × 20 years × 30 indicators are
/// 1.19 million values, 7.0 MB dense, where rows would be 145 MB. Like
/// `--big`, a file to measure, not to show: the copies leave the claims'
/// figures wrong and the region totals below the zones' sums.
pub fn national_scale(dataset: &mut Json, zones: usize, years: usize) {
    // The mixes' history is the bundled file's alone.
    if let Some(Json::Arr(items)) = field_mut(dataset, "zones") {
        for zone in items.iter_mut() {
            if let Json::Obj(f) = zone {
                f.retain(|(k, _)| *k != "industry_mix_history");
            }
        }
    }
    let zone_list: &[Json] = match field_mut(dataset, "zones") {
        Some(Json::Arr(items)) => items,
        _ => &[],
    };
    let have = zone_list.len();
    let copyable = zone_list
        .iter()
        .filter(|z| !matches!(z, Json::Obj(f) if f.iter().any(|(k, v)| *k == "level" && matches!(v, Json::Str(l) if l == "sub_park"))))
        .count()
        .max(1);
    let copies = zones.saturating_sub(have).div_ceil(copyable);
    let copied = copy_zones_with(dataset, copies, zones.saturating_sub(have), |_| false);
    let all_years: Vec<i32> = (0..years).map(|k| Y + 1 - (years - k) as i32).collect();
    let added = years - YEARS.len();
    if let Some(Json::Obj(meta)) = field_mut(dataset, "meta") {
        for (k, v) in meta.iter_mut() {
            if *k == "years" {
                *v = Json::Arr(all_years.iter().map(|y| n(f64::from(*y))).collect());
            }
        }
    }
    let mut ids = Vec::new();
    if let Some(Json::Arr(series)) = field_mut(dataset, "series") {
        for entry in series.iter_mut() {
            let kind = string_field(entry, "indicator")
                .and_then(|id| INDICATORS.iter().find(|d| d.id == id))
                .map_or("amount", |d| d.kind);
            let Json::Obj(f) = entry else { continue };
            for (k, v) in f.iter_mut() {
                match (*k, v) {
                    ("years", v) => {
                        *v = Json::Arr(all_years.iter().map(|y| n(f64::from(*y))).collect())
                    }
                    ("values", Json::Map(by_zone)) => {
                        let copies: Vec<(String, Json)> = copied
                            .iter()
                            .filter_map(|(from, to)| {
                                let values = by_zone.iter().find(|(z, _)| z == from)?.1.clone();
                                Some((to.clone(), values))
                            })
                            .collect();
                        by_zone.extend(copies);
                        for (_, values) in by_zone.iter_mut() {
                            if let Json::Arr(values) = values {
                                *values = grown_back(values, added, kind);
                            }
                        }
                        if ids.is_empty() {
                            ids = by_zone.iter().map(|(z, _)| z.clone()).collect();
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut rng = SplitMix64::new(SCALE_SEED);
        for (id, _, _, _, kind, _) in EXTRA {
            let values = ids
                .iter()
                .map(|z| {
                    let (base, rise) = match kind {
                        "share" => (rng.range(0.05, 0.5), rng.range(0.0, 0.02)),
                        _ => (rng.range(0.0, 40.0), rng.range(0.5, 3.0)),
                    };
                    let row = (0..years)
                        .map(|t| {
                            let x = base + rise * t as f64;
                            n(if kind == "count" {
                                x.round()
                            } else {
                                (x.min(1.0) * 1000.0).round() / 1000.0
                            })
                        })
                        .collect();
                    (z.clone(), Json::Arr(row))
                })
                .collect();
            series.push(Json::Obj(vec![
                ("indicator", s(id)),
                ("status", s("illustrative")),
                ("source", s("make-dataset")),
                (
                    "years",
                    Json::Arr(all_years.iter().map(|y| n(f64::from(*y))).collect()),
                ),
                ("values", Json::Map(values)),
            ]));
        }
    }
    if let Some(Json::Arr(indicators)) = field_mut(dataset, "indicators") {
        for (id, zh, en, unit, kind, dimension) in EXTRA {
            indicators.push(Json::Obj(vec![
                ("id", s(id)),
                ("name", text(zh, en)),
                ("unit", s(unit)),
                ("direction", s("higher")),
                ("kind", s(kind)),
                (
                    "description",
                    text(
                        "示意指标，仅见于全国规模的测量文件（make-dataset --zones）。",
                        "An illustrative indicator of the national-scale files to measure on (make-dataset --zones) only.",
                    ),
                ),
                ("dimension", s(dimension)),
                ("coefficient", n(1.0)),
            ]));
        }
    }
}

/// A zone's values over the bundled years with `added` earlier years
/// before them, grown backwards at the zone's own pace from its first to
/// its last value (clamped to 0.95–1.3 a year; an unknown first value
/// stays unknown), whole numbers for counts, shares at most 1.
fn grown_back(values: &[Json], added: usize, kind: &str) -> Vec<Json> {
    let num = |v: Option<&Json>| match v {
        Some(Json::Num(x)) => Some(*x),
        _ => None,
    };
    let (first, last) = (num(values.first()), num(values.last()));
    let pace = match (first, last) {
        (Some(a), Some(b)) if a > 0.0 && b > 0.0 => (b / a)
            .powf(1.0 / (values.len() - 1).max(1) as f64)
            .clamp(0.95, 1.3),
        _ => 1.0,
    };
    let mut out: Vec<Json> = (0..added)
        .map(|k| {
            let Some(a) = first else { return Json::Null };
            let x = a / pace.powi((added - k) as i32);
            n(match kind {
                "count" => x.round(),
                "share" => (x.min(1.0) * 10_000.0).round() / 10_000.0,
                _ => (x * 10.0).round() / 10.0,
            })
        })
        .collect();
    out.extend(values.iter().cloned());
    out
}

/// A field of an object, to change it.
fn field_mut<'a>(obj: &'a mut Json, key: &str) -> Option<&'a mut Json> {
    let Json::Obj(fields) = obj else { return None };
    fields.iter_mut().find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// A text field of an object.
fn string_field(obj: &Json, key: &str) -> Option<String> {
    let Json::Obj(f) = obj else { return None };
    f.iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| match v {
            Json::Str(s) => Some(s.clone()),
            _ => None,
        })
}

/// Adds up to `copies` copies of every national and region-level zone, at
/// most `limit` zones in all, with those of their observations `keep`
/// accepts. Returns each copy's original id and its own.
fn copy_zones_with(
    dataset: &mut Json,
    copies: usize,
    limit: usize,
    keep: impl Fn(&Json) -> bool,
) -> Vec<(String, String)> {
    let mut made = Vec::new();
    let Json::Obj(fields) = dataset else {
        return made;
    };
    let set = |obj: &mut Json, key: &str, value: Json| {
        if let Json::Obj(f) = obj {
            if let Some(slot) = f.iter_mut().find(|(k, _)| *k == key) {
                slot.1 = value;
            }
        }
    };
    // The ids of the copies made, so that observations follow their zone.
    let mut copied: HashSet<String> = HashSet::new();
    for (key, value) in fields.iter_mut() {
        let Json::Arr(items) = value else { continue };
        let originals: Vec<Json> = items.clone();
        let mut added = 0;
        for c in 1..=copies {
            for item in &originals {
                let mut copy = item.clone();
                match *key {
                    "zones" if string_field(item, "level").as_deref() != Some("sub_park") => {
                        if added == limit {
                            continue;
                        }
                        added += 1;
                        let id = string_field(item, "id").unwrap_or_default();
                        copied.insert(format!("{id}-c{c}"));
                        made.push((id.clone(), format!("{id}-c{c}")));
                        let zh = format!("{id}（副本 {c}）");
                        let en = format!("{id} (copy {c})");
                        set(&mut copy, "id", s(&format!("{id}-c{c}")));
                        set(&mut copy, "name", text(&zh, &en));
                        // The mixes' history stays with the originals: with it
                        // the copies would pass the size limit. (A key removed,
                        // not set to null: 5,000 nulls are 140 KB.)
                        // The mix's status too: the copies are measured, not read.
                        if let Json::Obj(f) = &mut copy {
                            f.retain(|(k, _)| *k != "industry_mix_history");
                            for (k, mix) in f.iter_mut() {
                                if let (true, Json::Obj(m)) = (*k == "industry_mix", mix) {
                                    m.retain(|(k, _)| *k != "status");
                                }
                            }
                        }
                    }
                    "observations" => {
                        let zone =
                            format!("{}-c{c}", string_field(item, "zone").unwrap_or_default());
                        if !keep(item) || !copied.contains(&zone) {
                            continue;
                        }
                        set(&mut copy, "zone", s(&zone));
                    }
                    _ => continue,
                }
                items.push(copy);
            }
        }
    }
    made
}
