use super::*;

#[test]
fn ordinals() {
    // By hand: English ordinal suffixes, 11–13 being the exceptions.
    let cases = [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (112, "112th"),
        (169, "169th"),
    ];
    for (n, expected) in cases {
        assert_eq!(ordinal(n), expected);
    }
}

#[test]
fn name_lists() {
    assert_eq!(name_list(&[], Lang::En), "");
    assert_eq!(name_list(&["Zone A"], Lang::En), "Zone A");
    assert_eq!(name_list(&["A", "B", "C"], Lang::En), "A, B and C");
    assert_eq!(name_list(&["甲", "乙", "丙"], Lang::Zh), "甲、乙和丙");
}
