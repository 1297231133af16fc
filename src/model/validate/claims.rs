//! `claims`: statements about the data with the checks that test them.

use super::*;

impl Validator {
    pub(super) fn claims(&mut self, root: &Obj<'_>) -> Option<Vec<Claim>> {
        let Some(node) = root.get_non_null("claims") else {
            return Some(Vec::new());
        };
        let items = self.w.array(&node, MAX_LIST)?;
        let mut ids = Ids::default();
        let mut parsed = Vec::new();
        for n in items.iter() {
            let Some(obj) = self.w.object(
                &n,
                &["id", "text", "chart", "checks", "contradicts", "ours"],
            ) else {
                parsed.push(None);
                continue;
            };
            if let Some(idn) = self.w.required(&obj, "id") {
                if let Some(id) = self.w.id(&idn) {
                    if !ids.insert(&id) {
                        self.w.error(
                            &idn.path,
                            K::DuplicateId,
                            P::UnusedClaimId,
                            P::QuotedAgain(id),
                        );
                    }
                }
            }
            parsed.push(Some(obj));
        }
        let mut out = Some(Vec::new());
        for obj in parsed {
            let claim = obj.and_then(|obj| self.claim(&obj, &ids));
            match (claim, out.as_mut()) {
                (Some(c), Some(v)) => v.push(c),
                _ => out = None,
            }
        }
        out
    }

    fn claim(&mut self, obj: &Obj<'_>, ids: &Ids) -> Option<Claim> {
        let id = obj.get("id").and_then(|n| n.as_str().map(str::to_string));
        let text = self.required_text(obj, "text", MAX_TEXT_CHARS);
        let chart = self.w.required(obj, "chart").and_then(|n| {
            let id = self.w.id(&n)?;
            if !CHART_IDS.contains(&id.as_str()) {
                // Still a usable claim: it is checked, and shown without a chart.
                self.w.warn(
                    &n.path,
                    K::UnknownChart,
                    P::OneOf(CHART_IDS.iter().map(|c| c.to_string()).collect()),
                    P::Quoted(id.clone()),
                );
            }
            Some(id)
        });
        let checks = self.w.required(obj, "checks").and_then(|n| {
            let checks = self.list(&n, MAX_CHECKS, Self::check)?;
            if checks.is_empty() {
                self.w
                    .error(&n.path, K::InvalidCheck, P::AtLeastOneCheck, P::EmptyArray);
                return None;
            }
            Some(checks)
        });
        let contradicts = match obj.get_non_null("contradicts") {
            None => Some(Vec::new()),
            Some(n) => self.w.array(&n, MAX_LIST).and_then(|items| {
                let mut out = Some(Vec::new());
                for c in items.iter() {
                    let found = self.w.id(&c).and_then(|id| match ids.get(&id) {
                        Some(i) => Some(i),
                        None => {
                            self.w.error(
                                &c.path,
                                K::UnknownReference,
                                P::IdOf(IdList::Claim),
                                P::Quoted(id),
                            );
                            None
                        }
                    });
                    match (found, out.as_mut()) {
                        (Some(i), Some(v)) => v.push(i),
                        _ => out = None,
                    }
                }
                out
            }),
        };
        let ours = match obj.get_non_null("ours") {
            None => Some(None),
            Some(_) => self.required_text(obj, "ours", MAX_TEXT_CHARS).map(Some),
        };
        Some(Claim {
            id: id?,
            text: text?,
            chart: chart?,
            checks: checks?,
            contradicts: contradicts?,
            ours: ours?,
        })
    }

    fn check(&mut self, node: &Node<'_>) -> Option<Check> {
        const KINDS: &[&str] = &[
            "count_zones",
            "sum",
            "share",
            "count_where",
            "rank_count",
            "mean_vs_reference",
            "benchmark",
            "context",
            "similar_pairs",
            "gini",
        ];
        // The kind decides which fields are known, so read it first.
        let untyped = self.w.map(node)?;
        let kind_node = self.w.required(&untyped, "kind")?;
        let kind = KINDS[self.w.choice(&kind_node, KINDS)?];
        let fields: &[&str] = match kind {
            "count_zones" => &["kind", "zones", "op", "value", "tolerance"],
            "sum" | "gini" => &[
                "kind",
                "indicator",
                "year",
                "zones",
                "op",
                "value",
                "tolerance",
            ],
            "share" => &[
                "kind",
                "indicator",
                "year",
                "zones",
                "variant",
                "op",
                "value",
                "tolerance",
            ],
            "count_where" => &[
                "kind",
                "indicator",
                "year",
                "zones",
                "where",
                "op",
                "value",
                "tolerance",
            ],
            "rank_count" => &["kind", "year", "from", "to", "op", "value", "tolerance"],
            "mean_vs_reference" => &["kind", "indicator", "year", "zones", "op", "tolerance"],
            "benchmark" => &[
                "kind",
                "benchmark",
                "indicator",
                "year",
                "op",
                "value",
                "tolerance",
            ],
            "context" => &["kind", "figure", "op", "value", "tolerance"],
            _ => &["kind", "zones", "threshold", "op", "value", "tolerance"],
        };
        let obj = self.w.object(node, fields)?;
        let op = self.op(&obj);
        let zones = match obj.get_non_null("zones") {
            None => Some(ZoneFilter::default()),
            Some(n) => self.zone_filter(&n),
        };
        let indicator = |s: &mut Self| {
            s.measure(&obj, "indicator", false).and_then(|m| {
                if let Measure::Indicator(i) = m {
                    Some(i)
                } else {
                    None
                }
            })
        };
        let value = |s: &mut Self| s.required_number(&obj, "value");
        Some(match kind {
            "count_zones" => {
                let value = value(self);
                Check::CountZones {
                    zones: zones?,
                    op: op?,
                    value: value?,
                }
            }
            "sum" | "gini" => {
                let (indicator, year, value) = (indicator(self), self.year(&obj), value(self));
                let (indicator, year, zones, op, value) = (indicator?, year?, zones?, op?, value?);
                if kind == "sum" {
                    Check::Sum {
                        indicator,
                        year,
                        zones,
                        op,
                        value,
                    }
                } else {
                    Check::Gini {
                        indicator,
                        year,
                        zones,
                        op,
                        value,
                    }
                }
            }
            "share" => {
                let (measure, year, value) = (
                    self.measure(&obj, "indicator", true),
                    self.year(&obj),
                    value(self),
                );
                let variant = match obj.get_non_null("variant") {
                    None => Some(None),
                    Some(n) => self.w.id(&n).map(Some),
                };
                Check::Share {
                    measure: measure?,
                    year: year?,
                    zones: zones?,
                    variant: variant?,
                    op: op?,
                    value: value?,
                }
            }
            "count_where" => {
                let (indicator, year, value) = (indicator(self), self.year(&obj), value(self));
                let condition = self.w.required(&obj, "where").and_then(|n| {
                    let o = self.w.object(&n, &["op", "value", "tolerance"])?;
                    let op = self.op(&o);
                    let threshold = self.required_number(&o, "value");
                    Some((op?, threshold?))
                });
                let (value_op, threshold) = condition?;
                Check::CountWhere {
                    indicator: indicator?,
                    year: year?,
                    zones: zones?,
                    value_op,
                    threshold,
                    op: op?,
                    value: value?,
                }
            }
            "rank_count" => {
                let year = self.year(&obj);
                let from = self
                    .w
                    .required(&obj, "from")
                    .and_then(|n| self.w.integer(&n, 1, 10_000));
                let to = self
                    .w
                    .required(&obj, "to")
                    .and_then(|n| self.w.integer(&n, 1, 10_000));
                let value = value(self);
                Check::RankCount {
                    year: year?,
                    from: from? as u32,
                    to: to? as u32,
                    op: op?,
                    value: value?,
                }
            }
            "mean_vs_reference" => {
                let (indicator, year) = (indicator(self), self.year(&obj));
                Check::MeanVsReference {
                    indicator: indicator?,
                    year: year?,
                    zones: zones?,
                    op: op?,
                }
            }
            "benchmark" => {
                let b = self.required_lookup(
                    &obj,
                    "benchmark",
                    |s| &s.benchmarks,
                    K::UnknownReference,
                    IdList::Benchmark,
                );
                let (measure, year, value) = (
                    self.measure(&obj, "indicator", true),
                    self.year(&obj),
                    value(self),
                );
                Check::Benchmark {
                    benchmark: b?,
                    measure: measure?,
                    year: year?,
                    op: op?,
                    value: value?,
                }
            }
            "context" => {
                let f = self.required_lookup(
                    &obj,
                    "figure",
                    |s| &s.context,
                    K::UnknownReference,
                    IdList::ContextFigure,
                );
                let value = value(self);
                Check::Context {
                    figure: f?,
                    op: op?,
                    value: value?,
                }
            }
            _ => {
                let threshold = self.w.required(&obj, "threshold").and_then(|n| {
                    let x = self.w.number(&n)?;
                    if !(0.0..=1.0).contains(&x) {
                        self.w
                            .error(&n.path, K::OutOfRange, P::CosineThreshold, n.describe());
                        return None;
                    }
                    Some(x)
                });
                let value = value(self);
                Check::SimilarPairs {
                    zones: zones?,
                    threshold: threshold?,
                    op: op?,
                    value: value?,
                }
            }
        })
    }

    /// `op` (">", ">=", "<", "<=", "=", "≈") and, for "≈", `tolerance`.
    fn op(&mut self, obj: &Obj<'_>) -> Option<Op> {
        const OPS: &[&str] = &[">", ">=", "<", "<=", "=", "≈"];
        let n = self.w.required(obj, "op")?;
        let i = self.w.choice(&n, OPS)?;
        Some(match i {
            0 => Op::Gt,
            1 => Op::Ge,
            2 => Op::Lt,
            3 => Op::Le,
            4 => Op::Eq,
            _ => {
                let t = self.w.required(obj, "tolerance")?;
                Op::Approx(self.non_negative(&t, false)?)
            }
        })
    }

    fn zone_filter(&mut self, node: &Node<'_>) -> Option<ZoneFilter> {
        let obj = self
            .w
            .object(node, &["level", "county_level", "metro_area"])?;
        let level = match obj.get_non_null("level") {
            None => Some(None),
            Some(n) => self.w.choice(&n, LEVELS).map(|i| Some(LEVEL_VALUES[i])),
        };
        let county = match obj.get_non_null("county_level") {
            None => Some(None),
            Some(n) => self.w.boolean(&n).map(Some),
        };
        let metro = self.optional_metro_area(&obj);
        Some(ZoneFilter {
            level: level?,
            county_level: county?,
            metro_area: metro?,
        })
    }
}
