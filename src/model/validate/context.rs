//! `context`: single figures claims may refer to.

use super::*;

impl Validator {
    pub(super) fn context_figure(&mut self, node: &Node<'_>) -> Option<ContextFigure> {
        let obj = self.w.object(
            node,
            &["id", "label", "year", "value", "unit", "status", "source"],
        )?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.context, &n));
        let label = self.required_text(&obj, "label", MAX_NAME_CHARS);
        let year = self.year(&obj);
        let value = self.required_number(&obj, "value");
        let unit = self.required_lookup(&obj, "unit", |s| &s.units, K::UnknownUnit, IdList::Unit);
        let status = self.status(&obj);
        let source = self.source_ref(&obj);
        Some(ContextFigure {
            id: id?,
            label: label?,
            year: year?,
            value: value?,
            unit: unit?,
            status: status?,
            source: source?,
        })
    }
}
