//! `zones`: read in two passes, so parents resolve in any order and a
//! cycle of parents is reported once.

use super::*;

const ZONE_FIELDS: &[&str] = &[
    "id",
    "name",
    "level",
    "parent",
    "metro_area",
    "county_level",
    "land_km2",
    "leading_industries",
    "industry_mix",
    "industry_mix_history",
];

impl Validator {
    pub(super) fn zones(&mut self, node: &Node<'_>) -> Option<Vec<Zone>> {
        let Some(items) = self.w.array(node, MAX_ZONES) else {
            self.unread.push(node.path.clone());
            return None;
        };
        // First pass: ids, levels and parents, so references resolve in any
        // order. Unknown fields and everything else wait for the second pass.
        let mut objs = Vec::new();
        for n in items.iter() {
            let Some(obj) = self.w.map(&n) else {
                objs.push(None);
                continue;
            };
            let id = self
                .w
                .required(&obj, "id")
                .and_then(|n| self.register(|s| &mut s.zone_ids, &n));
            let level = self
                .w
                .required(&obj, "level")
                .and_then(|n| self.w.choice(&n, LEVELS))
                .map(|i| LEVEL_VALUES[i]);
            let parent_id = obj
                .get_non_null("parent")
                .and_then(|n| n.as_str().map(str::to_string));
            if id.is_some() {
                self.zone_refs.push(ZoneRef {
                    level,
                    parent_id,
                    path: obj.path.clone(),
                });
            }
            objs.push(id.map(|_| n));
        }
        let in_cycle = self.parent_cycles();
        let mut zones = Some(Vec::new());
        let mut k = 0;
        for n in objs {
            let Some(obj) = n.and_then(|n| self.w.object(&n, ZONE_FIELDS)) else {
                zones = None;
                continue;
            };
            let zone = self.zone(&obj, k, in_cycle[k]);
            k += 1;
            match (zone, zones.as_mut()) {
                (Some(z), Some(v)) => v.push(z),
                _ => zones = None,
            }
        }
        zones
    }

    /// Reports each cycle of parents once, at its first zone in file order;
    /// returns every zone on a cycle.
    fn parent_cycles(&mut self) -> Vec<bool> {
        let mut in_cycle = vec![false; self.zone_refs.len()];
        for start in 0..self.zone_refs.len() {
            if in_cycle[start] {
                continue;
            }
            let mut seen = vec![start];
            let mut at = start;
            while let Some(next) = self.zone_refs[at]
                .parent_id
                .as_ref()
                .and_then(|p| self.zone_ids.get(p))
            {
                if next == start {
                    let names: Vec<String> = seen
                        .iter()
                        .chain(std::iter::once(&start))
                        .map(|i| self.zone_ids.name(*i).to_string())
                        .collect();
                    let path = join(&self.zone_refs[start].path, "parent");
                    self.w
                        .error(&path, K::ParentCycle, P::ParentChain, P::Chain(names));
                    for i in &seen {
                        in_cycle[*i] = true;
                    }
                    break;
                }
                if seen.contains(&next) || seen.len() > self.zone_refs.len() {
                    break;
                }
                seen.push(next);
                at = next;
            }
        }
        in_cycle
    }

    /// Index in [`Dataset::zones`] of each zone in file order (`None` for
    /// sub-parks).
    pub(super) fn main_indices(&self) -> Vec<Option<usize>> {
        let mut next = 0;
        self.zone_refs
            .iter()
            .map(|z| {
                (z.level != Some(Level::SubPark)).then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
    }

    fn zone(&mut self, obj: &Obj<'_>, k: usize, in_cycle: bool) -> Option<Zone> {
        let zref = self.zone_refs[k].clone();
        let id = obj.get("id").and_then(|n| n.as_str().map(str::to_string))?;
        let name = self.required_text(obj, "name", MAX_NAME_CHARS);
        let parent = match (zref.level, obj.get_non_null("parent")) {
            (Some(Level::SubPark), None) => {
                self.w.error(
                    &obj.path_of("parent"),
                    K::MissingField,
                    P::ParentOfSubPark,
                    P::Nothing,
                );
                None
            }
            (Some(level), Some(n)) if level != Level::SubPark => {
                self.w.error(
                    &n.path,
                    K::InvalidParent,
                    P::NoParent,
                    P::ParentOnLevel(level),
                );
                None
            }
            (_, Some(n)) => {
                match self.lookup(&n, |s| &s.zone_ids, K::UnknownParent, IdList::NationalZone) {
                    Some(p) if !in_cycle => {
                        if self.zone_refs[p]
                            .level
                            .is_some_and(|l| l != Level::National)
                        {
                            let found = P::IdWithLevel(
                                n.as_str().unwrap_or("").to_string(),
                                self.zone_refs[p].level.unwrap_or(Level::National),
                            );
                            self.w.error(
                                &n.path,
                                K::InvalidParent,
                                P::IdOf(IdList::NationalZone),
                                found,
                            );
                            None
                        } else {
                            Some(Some(p))
                        }
                    }
                    _ => None,
                }
            }
            (None, None) => Some(None),
            (Some(_), None) => Some(None),
        };
        let metro_area = self.optional_metro_area(obj);
        let county_level = match obj.get_non_null("county_level") {
            None => Some(false),
            Some(n) => self.w.boolean(&n),
        };
        let land = self
            .w
            .required(obj, "land_km2")
            .and_then(|n| self.non_negative(&n, true));
        let leading = match obj.get_non_null("leading_industries") {
            None => Some(Vec::new()),
            Some(n) => self.list(&n, MAX_LIST, |s, i| {
                s.lookup(i, |s| &s.industries, K::UnknownIndustry, IdList::Industry)
            }),
        };
        let mix = match obj.get_non_null("industry_mix") {
            None => Some(None),
            Some(n) => self.industry_mix(&n).map(Some),
        };
        let history = match obj.get_non_null("industry_mix_history") {
            None => Some(Vec::new()),
            Some(n) => self.industry_history(&n, mix.as_ref().and_then(|m| m.as_ref())),
        };
        Some(Zone {
            id,
            name: name?,
            level: zref.level?,
            parent: parent?,
            metro_area: metro_area?,
            county_level: county_level?,
            land_km2: land?,
            leading_industries: leading?,
            industry_mix: mix?,
            industry_history: history?,
        })
    }

    /// `industry_mix_history`: earlier years' mixes, in ascending years,
    /// all before `industry_mix`'s year (the years, if not, are reported
    /// at the field's path).
    fn industry_history(
        &mut self,
        node: &Node<'_>,
        latest: Option<&IndustryMix>,
    ) -> Option<Vec<IndustryMix>> {
        let mixes = self.list(node, MAX_LIST, |s, n| s.industry_mix(n))?;
        let mut years: Vec<i32> = mixes.iter().map(|m| m.year).collect();
        years.extend(latest.map(|m| m.year));
        if years.windows(2).any(|w| w[0] >= w[1]) {
            self.w.error(
                &node.path,
                K::InvalidYears,
                P::AscendingYears,
                P::Years(years),
            );
            return None;
        }
        Some(mixes)
    }

    fn industry_mix(&mut self, node: &Node<'_>) -> Option<IndustryMix> {
        let obj = self.w.object(node, &["year", "unit", "values", "status"])?;
        let year = self.year(&obj);
        let status = match obj.get_non_null("status") {
            None => Some(None),
            Some(_) => self.status(&obj).map(Some),
        };
        let unit = self.required_lookup(&obj, "unit", |s| &s.units, K::UnknownUnit, IdList::Unit);
        let values_node = self.w.required(&obj, "values")?;
        let values_obj = self.w.data_map(&values_node);
        let values = values_obj.and_then(|o| {
            let mut values = Some(vec![0.0; self.industries.len()]);
            for (key, n) in o.entries() {
                let x = self.non_negative(&n, false);
                match self.industries.get(key) {
                    Some(i) => {
                        if let (Some(x), Some(v)) = (x, values.as_mut()) {
                            v[i] = x;
                        }
                    }
                    None => {
                        self.w.error(
                            &n.path,
                            K::UnknownIndustry,
                            P::IdOf(IdList::Industry),
                            P::Quoted(key.to_string()),
                        );
                        values = None;
                    }
                }
                if x.is_none() {
                    values = None;
                }
            }
            values
        });
        Some(IndustryMix {
            year: year?,
            unit: unit?,
            values: values?,
            status: status?,
        })
    }
}
