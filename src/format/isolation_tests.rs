//! Names wrapped in Unicode isolates. Expected strings written out by hand
//! from UAX #9's rules (X5a–X6a: an isolate initiator opens, PDI closes the
//! nearest open one, a PDI with none open is inert).

use super::isolated;

const FSI: &str = "\u{2068}";
const PDI: &str = "\u{2069}";

fn check(name: &str, expected: &str) {
    assert_eq!(isolated(name), expected, "{name:?}");
}

#[test]
fn plain_names_are_left_alone() {
    check("中关村科技园区", "中关村科技园区");
    check("Zhongguancun", "Zhongguancun");
    check("", "");
}

#[test]
fn right_to_left_names_and_overrides_are_isolated() {
    check("Zone\u{202E}", &format!("{FSI}Zone\u{202E}{PDI}"));
    check("מודיעין", &format!("{FSI}מודיעין{PDI}"));
    check("دبي", &format!("{FSI}دبي{PDI}"));
    check("a\u{200F}", &format!("{FSI}a\u{200F}{PDI}"));
}

#[test]
fn the_names_own_isolates_cannot_close_or_outlive_ours() {
    // An isolate left open in the name: one more PDI closes it.
    check("a\u{2067}b", &format!("{FSI}a\u{2067}b{PDI}{PDI}"));
    // A PDI with no opener in the name: one more FSI for it to close.
    check(
        "a\u{2069}\u{202E}b",
        &format!("{FSI}{FSI}a\u{2069}\u{202E}b{PDI}"),
    );
    // Balanced isolates need nothing more.
    check("\u{2066}a\u{2069}", &format!("{FSI}\u{2066}a\u{2069}{PDI}"));
}
