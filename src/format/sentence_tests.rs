use super::{capitalised, in_sentence};

#[test]
fn labels_inside_and_at_the_start_of_sentences() {
    assert_eq!(in_sentence("Land area"), "land area");
    assert_eq!(in_sentence("GDP"), "GDP");
    assert_eq!(in_sentence("R&D staff"), "R&D staff");
    assert_eq!(in_sentence("高技术企业"), "高技术企业");
    assert_eq!(in_sentence(""), "");
    assert_eq!(capitalised("national"), "National");
    assert_eq!(capitalised("高新区"), "高新区");
}
