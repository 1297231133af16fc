use super::*;

#[test]
fn wraps_words_and_cjk() {
    // Widths by hand: 12 px, latin 7.2 px a character, CJK 12 px.
    assert_eq!(estimate_width("abc", 12.0), 22);
    assert_eq!(estimate_width("高新区", 12.0), 36);
    assert_eq!(wrap("one two three", 60, 12.0), ["one two", "three"]);
    // 5 CJK characters fit in 60 px; the comma stays with its character.
    assert_eq!(wrap("甲乙丙丁戊，己庚", 60, 12.0), ["甲乙丙丁", "戊，己庚"]);
    // An opening bracket stays with what it opens.
    assert_eq!(wrap("甲乙丙（C14）", 48, 12.0), ["甲乙丙", "（C14）"]);
    assert_eq!(wrap("", 60, 12.0), Vec::<String>::new());
    // A word longer than the line is broken.
    assert_eq!(wrap("abcdefghijkl", 40, 12.0), ["abcde", "fghij", "kl"]);
}
