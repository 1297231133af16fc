//! `industries`: the industries zones may name as leading or in their mix.

use super::*;

/// The report's lists an industry can be on (`other`: none of them).
pub(crate) const INDUSTRY_GROUPS: &[&str] =
    &["leading", "emerging", "digital", "traditional", "other"];

impl Validator {
    pub(super) fn industry(&mut self, node: &Node<'_>) -> Option<Industry> {
        let obj = self.w.object(node, &["id", "name", "groups"])?;
        let id = self
            .w
            .required(&obj, "id")
            .and_then(|n| self.register(|s| &mut s.industries, &n));
        let name = self.required_text(&obj, "name", MAX_NAME_CHARS);
        let groups = match obj.get_non_null("groups") {
            None => Some(Vec::new()),
            Some(n) => self.list(&n, INDUSTRY_GROUPS.len(), |s, g| {
                s.w.choice(g, INDUSTRY_GROUPS)
                    .map(|i| INDUSTRY_GROUPS[i].to_string())
            }),
        };
        Some(Industry {
            id: id?,
            name: name?,
            groups: groups?,
        })
    }
}
