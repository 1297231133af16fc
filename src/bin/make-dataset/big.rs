//! The `--big` file: the dataset with its zones copied until it is near the
//! size limit, to measure the validator on; and the `--zones N` file, the
//! dataset at national scale (up to the 5,000-zone limit) to measure the
//! widget and `zone-monitor report` on.

use crate::writer::{s, text, Json};
use crate::Y;
use std::collections::HashSet;

/// Copies of the 36 zones in the `--big` file: 36 × 29 = 1,044 zones (and the
/// 22 sub-parks), 1,044 × 27 indicators × 5 years = 140,940 observations,
/// about 19 MB: just under the 20 MB limit.
pub const BIG_COPIES: usize = 28;

/// Adds `copies` copies of every national and region-level zone, with their
/// observations (ids `z01-c1`, …), for measuring the validator on a file
/// near the size limit. The copies leave the claims' figures wrong, and the
/// region totals below the zones' sums (`share_over_one` warnings): it is a
/// file to measure, not to show.
pub fn copy_zones(dataset: &mut Json, copies: usize) {
    copy_zones_with(dataset, copies, usize::MAX, |_| true);
}

/// Copies every national and region-level zone until the file has `zones`
/// zones in all (sub-parks included; ids `z01-c1`, …). A copy carries every
/// indicator of the report's year, without a source, so that 5,000 zones
/// stay under the 20 MiB file limit (written without spaces or line breaks,
/// `writer::to_dense_string`: 17.0 MB; 20.7 MB pretty): every chart of that year
/// has every zone; the trends and the evaluation's earlier years have the
/// original zones. Like `--big`, a file to measure, not to show.
pub fn national_scale(dataset: &mut Json, zones: usize) {
    // The mixes' history is the bundled file's alone: at 5,000 zones every
    // byte counts against the 20 MB limit.
    if let Json::Obj(fields) = dataset {
        for (key, value) in fields.iter_mut() {
            if let ("zones", Json::Arr(items)) = (*key, value) {
                for zone in items.iter_mut() {
                    if let Json::Obj(f) = zone {
                        f.retain(|(k, _)| *k != "industry_mix_history");
                    }
                }
            }
        }
    }
    let zone_list: &[Json] = match dataset {
        Json::Obj(f) => f
            .iter()
            .find_map(|(k, v)| match (*k, v) {
                ("zones", Json::Arr(items)) => Some(&items[..]),
                _ => None,
            })
            .unwrap_or(&[]),
        _ => &[],
    };
    let have = zone_list.len();
    let copyable = zone_list
        .iter()
        .filter(|z| !matches!(z, Json::Obj(f) if f.iter().any(|(k, v)| *k == "level" && matches!(v, Json::Str(l) if l == "sub_park"))))
        .count()
        .max(1);
    let copies = zones.saturating_sub(have).div_ceil(copyable);
    let keep = |observation: &Json| {
        let Json::Obj(f) = observation else {
            return false;
        };
        f.iter()
            .any(|(k, v)| *k == "year" && matches!(v, Json::Num(y) if *y == f64::from(Y)))
    };
    copy_zones_with(dataset, copies, zones.saturating_sub(have), keep);
}

/// Adds up to `copies` copies of every national and region-level zone, at
/// most `limit` zones in all, with those of their observations `keep`
/// accepts.
fn copy_zones_with(dataset: &mut Json, copies: usize, limit: usize, keep: impl Fn(&Json) -> bool) {
    let Json::Obj(fields) = dataset else {
        return;
    };
    let field = |obj: &Json, key: &str| -> Option<String> {
        let Json::Obj(f) = obj else { return None };
        f.iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| match v {
                Json::Str(s) => Some(s.clone()),
                _ => None,
            })
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
                    "zones" if field(item, "level").as_deref() != Some("sub_park") => {
                        if added == limit {
                            continue;
                        }
                        added += 1;
                        let id = field(item, "id").unwrap_or_default();
                        copied.insert(format!("{id}-c{c}"));
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
                        let zone = format!("{}-c{c}", field(item, "zone").unwrap_or_default());
                        if !keep(item) || !copied.contains(&zone) {
                            continue;
                        }
                        set(&mut copy, "zone", s(&zone));
                        if let (Json::Obj(f), false) = (&mut copy, limit == usize::MAX) {
                            f.retain(|(k, _)| *k != "source");
                        }
                    }
                    _ => continue,
                }
                items.push(copy);
            }
        }
    }
}
