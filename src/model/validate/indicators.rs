//! `indicators`: what is measured, in which unit and direction.

use super::*;

impl Validator {
    pub(super) fn indicator(&mut self, node: &Node<'_>) -> Option<Indicator> {
        const FIELDS: &[&str] = &[
            "id",
            "name",
            "unit",
            "direction",
            "kind",
            "description",
            "dimension",
            "coefficient",
        ];
        let obj = self.w.object(node, FIELDS);
        let obj = obj?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.indicators, &n));
        let kind = self
            .w
            .required(&obj, "kind")
            .and_then(|n| self.w.choice(&n, &["count", "amount", "share", "ratio"]));
        let kind = kind.map(|k| {
            [
                ValueKind::Count,
                ValueKind::Amount,
                ValueKind::Share,
                ValueKind::Ratio,
            ][k]
        });
        if id.is_some() {
            self.indicator_kinds.push(kind);
        }
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        let unit = self.required_lookup(&obj, "unit", |s| &s.units, K::UnknownUnit, IdList::Unit);
        let direction = self
            .w
            .required(&obj, "direction")
            .and_then(|n| self.w.choice(&n, &["higher", "lower", "neutral"]));
        let direction =
            direction.map(|d| [Direction::Higher, Direction::Lower, Direction::Neutral][d]);
        let description = self.required_text(&obj, "description", MAX_TEXT_CHARS);
        let dimension = match obj.get_non_null("dimension") {
            None => Some(None),
            Some(n) => self
                .lookup(
                    &n,
                    |s| &s.dimensions,
                    K::UnknownDimension,
                    IdList::Dimension,
                )
                .map(Some),
        };
        let coefficient = match (
            obj.get_non_null("dimension"),
            obj.get_non_null("coefficient"),
        ) {
            (_, Some(n)) => {
                let x = self.w.number(&n);
                match x {
                    Some(x) if x > 0.0 && x <= 10.0 => Some(Some(x)),
                    Some(_) => {
                        self.w
                            .error(&n.path, K::OutOfRange, P::Coefficient, n.describe());
                        None
                    }
                    None => None,
                }
            }
            (Some(_), None) => {
                self.w.error(
                    &obj.path_of("coefficient"),
                    K::MissingField,
                    P::CoefficientInDimension,
                    P::Nothing,
                );
                None
            }
            (None, None) => Some(None),
        };
        Some(Indicator {
            id: id?,
            name: name?,
            unit: unit?,
            direction: direction?,
            kind: kind?,
            description: description?,
            dimension: dimension?,
            coefficient: coefficient?,
        })
    }
}
