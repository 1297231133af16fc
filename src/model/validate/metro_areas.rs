//! `metro_areas`: the metropolitan areas zones may belong to.

use super::*;

impl Validator {
    /// Reads `metro_areas`.
    pub(super) fn read_metro_areas(&mut self, node: Option<&Node<'_>>, parts: &mut Parts) {
        parts.metro_areas = self.optional_list(node, MAX_LIST, Self::metro_area);
    }

    fn metro_area(&mut self, node: &Node<'_>) -> Option<MetroArea> {
        let obj = self.w.object(node, &["id", "name"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.metro_areas, &n));
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        Some(MetroArea {
            id: id?,
            name: name?,
        })
    }
}
