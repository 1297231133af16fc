//! `region_totals` and `reference_averages`: figures for the whole region
//! and for a reference group, and the value/status/source triple they share
//! with benchmarks.

use super::*;
use crate::format::Fixed;

impl Validator {
    /// Warns where the zones' sum exceeds the region's total: a share over 1
    /// means a unit, a year or a total is wrong.
    pub(super) fn totals_cover_zones(&mut self, ds: &Dataset) {
        for (i, total) in ds.region_totals.iter().enumerate() {
            let Some(value) = total.figure.value else {
                continue;
            };
            let Some(zones) = ds.values(total.measure, total.year) else {
                continue;
            };
            let sum: f64 = zones.iter().flatten().sum();
            if exceeds_whole(sum, value) {
                self.w.warn(
                    &format!("region_totals[{i}].value"),
                    K::ShareOverOne,
                    // The sum of decimals rounded off its float noise
                    // ("662190.8", not "662190.7999999988": a tester).
                    P::TotalAtLeast(json::number_text((sum * 1e6).round() / 1e6)),
                    P::TotalWithShare {
                        total: json::number_text(value),
                        share: (value > 0.0).then(|| share_text(sum / value)),
                    },
                );
            }
        }
    }

    pub(super) fn region_total(&mut self, node: &Node<'_>) -> Option<RegionTotal> {
        let obj = self.w.object(
            node,
            &["indicator", "year", "variant", "value", "status", "source"],
        )?;
        let measure = self.measure(&obj, "indicator", true);
        let year = self.year(&obj);
        let variant = match obj.get_non_null("variant") {
            None => Some(None),
            Some(n) => self.w.id(&n).map(Some),
        };
        let figure = self.figure(&obj, measure);
        Some(RegionTotal {
            measure: measure?,
            year: year?,
            variant: variant?,
            figure: figure?,
        })
    }

    /// `value` (number ≥ 0 or null), `status`, `source`.
    pub(super) fn figure(&mut self, obj: &Obj<'_>, measure: Option<Measure>) -> Option<Figure> {
        let value = self.w.required(obj, "value").and_then(|n| {
            let x = self.w.nullable_number(&n)?;
            match (x, measure) {
                (Some(x), Some(Measure::Indicator(i))) => self.check_value(&n, i, x).map(Some),
                (Some(x), _) if x < 0.0 => {
                    self.w.error(
                        &n.path,
                        K::NegativeValue,
                        P::NumberAtLeastZero,
                        n.describe(),
                    );
                    None
                }
                _ => Some(x),
            }
        });
        let status = self.status(obj);
        let source = self.source_ref(obj);
        Some(Figure {
            value: value?,
            status: status?,
            source: source?,
        })
    }

    pub(super) fn reference_average(&mut self, node: &Node<'_>) -> Option<ReferenceAverage> {
        let obj = self
            .w
            .object(node, &["indicator", "year", "value", "status", "source"])?;
        let measure = self.measure(&obj, "indicator", false);
        let year = self.year(&obj);
        let figure = self.figure(&obj, measure);
        let Measure::Indicator(indicator) = measure? else {
            return None;
        };
        Some(ReferenceAverage {
            indicator,
            year: year?,
            figure: figure?,
        })
    }
}

/// A share as a message shows it: three decimals, or as a number is written
/// when it is huge (a total of 1e-300 under a sum of 1: not 300 digits).
fn share_text(share: f64) -> String {
    if share < 1e15 {
        Fixed(share, 3).to_string()
    } else {
        json::number_text(share)
    }
}
