//! The `--big` file: the dataset with its zones copied until it is near the
//! size limit, to measure the validator on.

use crate::writer::{s, text, Json};

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
    for (key, value) in fields.iter_mut() {
        let Json::Arr(items) = value else { continue };
        let originals: Vec<Json> = items.clone();
        for c in 1..=copies {
            for item in &originals {
                let mut copy = item.clone();
                match *key {
                    "zones" if field(item, "level").as_deref() != Some("sub_park") => {
                        let id = field(item, "id").unwrap_or_default();
                        let zh = format!("{id}（副本 {c}）");
                        let en = format!("{id} (copy {c})");
                        set(&mut copy, "id", s(&format!("{id}-c{c}")));
                        set(&mut copy, "name", text(&zh, &en));
                        // The mixes' history stays with the originals: with it
                        // the copies would pass the size limit.
                        set(&mut copy, "industry_mix_history", Json::Null);
                    }
                    "observations" => {
                        let zone = field(item, "zone").unwrap_or_default();
                        set(&mut copy, "zone", s(&format!("{zone}-c{c}")));
                    }
                    _ => continue,
                }
                items.push(copy);
            }
        }
    }
}
