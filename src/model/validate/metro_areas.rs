//! `metro_areas`: the metropolitan areas zones may belong to.

use super::*;

impl Validator {
    pub(super) fn metro_area(&mut self, node: &Node<'_>) -> Option<MetroArea> {
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
