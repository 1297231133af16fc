//! `meta`: title, region, years, units and sources.

use super::*;

const SOURCE_KINDS: &[&str] = &["report", "policy", "news", "statistics", "generated"];

impl Validator {
    pub(super) fn meta(&mut self, node: &Node<'_>) -> Option<Meta> {
        let obj = self.w.object(
            node,
            &[
                "title",
                "region",
                "parent_region",
                "years",
                "units",
                "sources",
            ],
        )?;
        let title = self.required_text(&obj, "title", MAX_NAME_CHARS);
        let region = self.required_text(&obj, "region", MAX_NAME_CHARS);
        let parent_region = self.required_text(&obj, "parent_region", MAX_NAME_CHARS);
        if let Some(n) = self.w.required(&obj, "years") {
            self.years = self.years(&n);
        }
        let units = self
            .w
            .required(&obj, "units")
            .and_then(|n| self.list(&n, MAX_LIST, Self::unit));
        let sources = self
            .w
            .required(&obj, "sources")
            .and_then(|n| self.list(&n, MAX_LIST, Self::source));
        Some(Meta {
            title: title?,
            region: region?,
            parent_region: parent_region?,
            units: units?,
            sources: sources?,
        })
    }

    fn years(&mut self, node: &Node<'_>) -> Option<Vec<i32>> {
        let items = self.w.array(node, MAX_YEARS)?;
        let mut years = Vec::new();
        for n in items.iter() {
            years.push(self.w.integer(&n, 1900, 2100)? as i32);
        }
        if years.is_empty() || years.windows(2).any(|p| p[0] >= p[1]) {
            self.w.error(
                &node.path,
                K::InvalidYears,
                P::AscendingYears,
                P::Years(years),
            );
            return None;
        }
        Some(years)
    }

    fn unit(&mut self, node: &Node<'_>) -> Option<Unit> {
        let obj = self.w.object(node, &["id", "label"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.units, &n));
        let label = self.required_text(&obj, "label", MAX_NAME_CHARS);
        Some(Unit {
            id: id?,
            label: label?,
        })
    }

    fn source(&mut self, node: &Node<'_>) -> Option<Source> {
        let obj = self.w.object(node, &["id", "title", "date", "kind"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.sources, &n));
        let title = self.required_text(&obj, "title", MAX_NAME_CHARS);
        let date = self.required_string(&obj, "date", MAX_SHORT_CHARS);
        let kind = self
            .w
            .required(&obj, "kind")
            .and_then(|n| self.w.choice(&n, SOURCE_KINDS));
        Some(Source {
            id: id?,
            title: title?,
            date: date?,
            kind: SOURCE_KINDS[kind?].to_string(),
        })
    }
}
