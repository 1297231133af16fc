//! `framework`: the evaluation's dimensions, weights and tier rules.

use super::*;

impl Validator {
    pub(super) fn framework(&mut self, node: &Node<'_>) -> Option<Framework> {
        let obj = self
            .w
            .object(node, &["name", "source", "dimensions", "tiers"])?;
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        let source = self.source_ref(&obj);
        let dims_node = self.w.required(&obj, "dimensions");
        let dimensions = dims_node
            .as_ref()
            .and_then(|n| self.list(n, MAX_LIST, Self::dimension));
        if let (Some(dims), Some(n)) = (&dimensions, &dims_node) {
            let total: f64 = dims.iter().map(|d| d.weight).sum();
            if !dims.is_empty() && (total - 100.0).abs() > 1e-6 {
                self.w.warn(
                    &n.path,
                    K::WeightsNot100,
                    P::WeightsSumTo100,
                    P::SumOf(total.to_string()),
                );
            }
        }
        let tiers = self.w.required(&obj, "tiers").and_then(|n| self.tiers(&n));
        Some(Framework {
            name: name?,
            source: source?,
            dimensions: dimensions?,
            tiers: tiers?,
        })
    }

    fn dimension(&mut self, node: &Node<'_>) -> Option<Dimension> {
        let obj = self.w.object(node, &["id", "name", "weight"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.dimensions, &n));
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        let weight = self
            .w
            .required(&obj, "weight")
            .and_then(|n| self.non_negative(&n, false));
        Some(Dimension {
            id: id?,
            name: name?,
            weight: weight?,
        })
    }

    fn tiers(&mut self, node: &Node<'_>) -> Option<TierRules> {
        const FIELDS: &[&str] = &[
            "reward_top",
            "reward_rise",
            "warning_bottom",
            "warning_score_below",
            "exit_after_warned_years",
        ];
        let obj = self.w.object(node, FIELDS)?;
        let count = |s: &mut Self, key: &str| {
            s.w.required(&obj, key)
                .and_then(|n| s.w.integer(&n, 0, 10_000))
                .map(|x| x as u32)
        };
        let reward_top = count(self, "reward_top");
        let reward_rise = count(self, "reward_rise");
        let warning_bottom = count(self, "warning_bottom");
        let exit_after = count(self, "exit_after_warned_years");
        let score = self.w.required(&obj, "warning_score_below").and_then(|n| {
            let x = self.w.number(&n)?;
            if !(0.0..=100.0).contains(&x) {
                self.w.error(&n.path, K::OutOfRange, P::Score, n.describe());
                return None;
            }
            Some(x)
        });
        Some(TierRules {
            reward_top: reward_top?,
            reward_rise: reward_rise?,
            warning_bottom: warning_bottom?,
            warning_score_below: score?,
            exit_after_warned_years: exit_after?,
        })
    }
}
