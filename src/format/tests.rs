use super::*;

#[test]
fn formats_as_people_write_them() {
    // Worked out by hand from the report's own figures.
    assert_eq!(grouped(11196.0, 0), "11,196");
    assert_eq!(grouped(1234567.891, 2), "1,234,567.89");
    assert_eq!(grouped(-1000.0, 0), "-1,000");
    assert_eq!(grouped(-0.001, 1), "0.0");
    assert_eq!(grouped(999.0, 0), "999");
    assert_eq!(percent(0.56, 0), "56%");
    assert_eq!(percent(0.0291, 1), "2.9%");
    assert_eq!(yi_yuan(17_312.0, Lang::Zh), "1.73万亿元");
    assert_eq!(yi_yuan(6425.0, Lang::Zh), "6,425亿元");
    assert_eq!(yi_yuan(6425.0, Lang::En), "642.5 billion CNY");
    assert_eq!(yi_yuan(17_300.0, Lang::En), "1.73 trillion CNY");
    assert_eq!(yi_yuan(20_000.0, Lang::Zh), "2万亿元");
    // Below 1 亿元 / a billion CNY: 0.911 亿元 = 9,110万元 = 91.1 million.
    assert_eq!(yi_yuan(0.911, Lang::Zh), "9,110万元");
    assert_eq!(yi_yuan(0.911, Lang::En), "91 million CNY");
    assert_eq!(yi_yuan(0.05, Lang::En), "5.0 million CNY");
    assert_eq!(yi_yuan(36.96, Lang::En), "3.7 billion CNY");
    assert_eq!(yi_yuan(0.0, Lang::En), "0.0 billion CNY");
}
