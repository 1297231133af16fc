//! `national_rankings`: national zones' ranks, one per zone and year.

use super::*;

impl Validator {
    pub(super) fn rankings(
        &mut self,
        root: &Obj<'_>,
        main_index: &[Option<usize>],
    ) -> Option<Vec<Ranking>> {
        let Some(node) = root.get_non_null("national_rankings") else {
            return Some(Vec::new());
        };
        let items = self.w.array(&node, MAX_ROWS)?;
        let mut out = Some(Vec::new());
        let mut seen = Seen::default();
        for n in items.iter() {
            let r = self.ranking(&n, main_index);
            if let Some(r) = &r {
                if !seen.insert((r.zone as u64) << 32 | r.year as u32 as u64) {
                    self.w.error(
                        &n.path,
                        K::DuplicateEntry,
                        P::OneRankingPerZoneYear,
                        P::SecondRankingFor(r.year),
                    );
                    out = None;
                    continue;
                }
            }
            match (r, out.as_mut()) {
                (Some(r), Some(v)) => v.push(r),
                _ => out = None,
            }
        }
        out
    }

    fn ranking(&mut self, node: &Node<'_>, main_index: &[Option<usize>]) -> Option<Ranking> {
        let obj = self
            .w
            .object(node, &["zone", "year", "rank", "of", "status", "source"])?;
        let zone =
            self.required_lookup(&obj, "zone", |s| &s.zone_ids, K::UnknownZone, IdList::Zone);
        let zone = zone.and_then(|z| {
            if self.zone_refs[z]
                .level
                .is_some_and(|l| l != Level::National)
            {
                let path = obj.path_of("zone");
                let found = P::ZoneOfLevel(self.zone_refs[z].level.unwrap_or(Level::Regional));
                self.w
                    .error(&path, K::RankingNotNational, P::NationalZone, found);
                return None;
            }
            main_index.get(z).copied().flatten()
        });
        let year = self.year(&obj);
        let of = self
            .w
            .required(&obj, "of")
            .and_then(|n| self.w.integer(&n, 1, 10_000));
        let rank = self
            .w
            .required(&obj, "rank")
            .and_then(|n| self.w.integer(&n, 1, of.unwrap_or(10_000)));
        let status = self.status(&obj);
        let source = self.source_ref(&obj);
        Some(Ranking {
            zone: zone?,
            year: year?,
            rank: rank? as u32,
            of: of? as u32,
            status: status?,
            source: source?,
        })
    }
}
