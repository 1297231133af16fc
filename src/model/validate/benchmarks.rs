//! `benchmarks`: named sets of figures to compare the region with.

use super::*;

impl Validator {
    pub(super) fn benchmark(&mut self, node: &Node<'_>) -> Option<Benchmark> {
        let obj = self.w.object(node, &["id", "name", "values"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.benchmarks, &n));
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        let values = self.w.required(&obj, "values").and_then(|n| {
            self.list(&n, MAX_LIST, |s, v| {
                let obj =
                    s.w.object(v, &["indicator", "year", "value", "status", "source"])?;
                let measure = s.measure(&obj, "indicator", true);
                let year = s.year(&obj);
                let figure = s.figure(&obj, measure);
                Some(BenchmarkValue {
                    measure: measure?,
                    year: year?,
                    figure: figure?,
                })
            })
        });
        Some(Benchmark {
            id: id?,
            name: name?,
            values: values?,
        })
    }
}
