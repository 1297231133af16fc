use super::*;

fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-12, "{actual} != {expected}");
}

#[test]
fn gini_by_hand() {
    // [1, 2, 3, 4]: Σ|xi−xj| over ordered pairs = 2·(1+2+3+1+2+1) = 20;
    // 2 n² μ = 2·16·2.5 = 80; G = 20/80 = 0.25.
    close(gini(&[1.0, 2.0, 3.0, 4.0]).unwrap(), 0.25);
    // All equal: no inequality.
    assert_eq!(gini(&[5.0, 5.0, 5.0]), Some(0.0));
    // One holds everything among n = 4: G = (n−1)/n = 0.75.
    close(gini(&[0.0, 0.0, 0.0, 8.0]).unwrap(), 0.75);
    // One zone: 0.
    assert_eq!(gini(&[3.0]), Some(0.0));
    assert_eq!(gini(&[]), None);
    assert_eq!(gini(&[0.0, 0.0]), None);
    assert_eq!(gini(&[1.0, -1.0]), None);
}

#[test]
fn lorenz_of_gdp_over_land_by_hand() {
    // GDP [6, 2, 2] on land [1, 1, 2]: densities 6, 2, 1 → order 2, 1, 0.
    // X = 2/4, 3/4, 4/4; Y = 2/10, 4/10, 10/10.
    // Σ ΔX (Y_k + Y_{k−1}) = 0.5·0.2 + 0.25·0.6 + 0.25·1.4 = 0.1 + 0.15 + 0.35 = 0.6;
    // G = 1 − 0.6 = 0.4.
    let curve = lorenz(&[6.0, 2.0, 2.0], &[1.0, 1.0, 2.0]).unwrap();
    let zones: Vec<usize> = curve.points.iter().map(|p| p.zone).collect();
    assert_eq!(zones, vec![2, 1, 0]);
    close(curve.points[0].cum_weight_share, 0.5);
    close(curve.points[1].cum_value_share, 0.4);
    close(curve.points[2].cum_weight_share, 1.0);
    close(curve.gini, 0.4);
}

#[test]
fn lorenz_with_equal_weights_is_the_plain_gini() {
    // Equal land: the trapezoid area gives the same 0.25 as gini([1,2,3,4]).
    close(lorenz(&[4.0, 1.0, 3.0, 2.0], &[1.0; 4]).unwrap().gini, 0.25);
    // Same density everywhere: on the diagonal.
    close(lorenz(&[2.0, 4.0], &[1.0, 2.0]).unwrap().gini, 0.0);
    assert_eq!(lorenz(&[1.0], &[0.0]), None);
    assert_eq!(lorenz(&[1.0, 2.0], &[1.0]), None);
    assert_eq!(lorenz(&[], &[]), None);
}

#[test]
fn theil_t_and_l_by_hand() {
    // [1, 3]: μ = 2. T = ½(0.5 ln 0.5 + 1.5 ln 1.5) = ½(−0.346574 + 0.608198)
    // = 0.130812. L = ½(ln 2 + ln(2/3)) = ½ ln(4/3) = 0.143841.
    close(
        theil_t(&[1.0, 3.0]).unwrap(),
        0.5 * (0.5 * 0.5f64.ln() + 1.5 * 1.5f64.ln()),
    );
    close(theil_l(&[1.0, 3.0]).unwrap(), 0.5 * (4.0f64 / 3.0).ln());
    // One holds all among 4: T = ln 4; L undefined (zeros).
    close(theil_t(&[0.0, 0.0, 0.0, 5.0]).unwrap(), 4.0f64.ln());
    assert_eq!(theil_l(&[0.0, 1.0]), None);
    assert_eq!(theil_t(&[2.0, 2.0]), Some(0.0));
    assert_eq!(theil_t(&[]), None);
    assert_eq!(theil_t(&[0.0]), None);
}

#[test]
fn theil_t_split_by_hand() {
    // Groups {1, 3} (label 0) and {4, 4} (label 1); total 12, n = 4.
    // s_0 = 4/12 = 1/3, s_1 = 2/3, p_0 = p_1 = 1/2.
    // between = 1/3 ln(2/3) + 2/3 ln(4/3); within = 1/3·T([1,3]) + 2/3·0.
    let d = theil_decomposition(&[1.0, 4.0, 3.0, 4.0], &[0, 1, 0, 1], TheilKind::T).unwrap();
    let between = (1.0 / 3.0) * (2.0f64 / 3.0).ln() + (2.0 / 3.0) * (4.0f64 / 3.0).ln();
    close(d.between, between);
    close(d.within, theil_t(&[1.0, 3.0]).unwrap() / 3.0);
    close(d.total, theil_t(&[1.0, 4.0, 3.0, 4.0]).unwrap());
    assert_eq!(d.groups.len(), 2);
    assert_eq!(d.groups[1].theil, Some(0.0));
}

#[test]
fn theil_l_split_by_hand() {
    // Same groups. between = ½ ln(½ / ⅓) + ½ ln(½ / ⅔) = ½ ln(3/2) + ½ ln(3/4);
    // within = ½ L([1,3]) + ½·0.
    let d = theil_decomposition(&[1.0, 4.0, 3.0, 4.0], &[0, 1, 0, 1], TheilKind::L).unwrap();
    close(d.between, 0.5 * 1.5f64.ln() + 0.5 * 0.75f64.ln());
    close(d.within, 0.5 * theil_l(&[1.0, 3.0]).unwrap());
    close(d.total, theil_l(&[1.0, 4.0, 3.0, 4.0]).unwrap());
    // One group: everything is within.
    let one = theil_decomposition(&[1.0, 3.0], &[7, 7], TheilKind::L).unwrap();
    close(one.between, 0.0);
    assert_eq!(theil_decomposition(&[1.0], &[0, 1], TheilKind::T), None);
}

#[test]
fn coefficient_of_variation_by_hand() {
    // [2, 4, 4, 4, 5, 5, 7, 9]: μ = 5, population σ = 2, CV = 0.4.
    close(
        coefficient_of_variation(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).unwrap(),
        0.4,
    );
    assert_eq!(coefficient_of_variation(&[3.0]), Some(0.0));
    assert_eq!(coefficient_of_variation(&[0.0, 0.0]), None);
    assert_eq!(coefficient_of_variation(&[]), None);
}

#[test]
fn weighted_gini_and_group_ids() {
    // Same as the Lorenz case above: 0.4.
    close(
        weighted_gini(&[6.0, 2.0, 2.0], &[1.0, 1.0, 2.0]).unwrap(),
        0.4,
    );
    // Labels numbered in sorted order.
    let (ids, labels) = group_ids(&["metro", "other", "metro"]);
    assert_eq!(ids, vec![0, 1, 0]);
    assert_eq!(labels, vec!["metro", "other"]);
}

#[test]
fn imbalance_report_skips_missing_zones() {
    // Zones: GDP [6, missing, 2, 2], land [1, 5, 1, 2], groups [0, 0, 1, 1].
    // Zone 1 is dropped; the rest is the Lorenz case above (G = 0.4) with its
    // zone indices mapped back: order 3, 2, 0.
    // Plain Gini of [6, 2, 2]: Σ|xi−xj| = 2·(4+4+0) = 16; 2n²μ = 2·9·(10/3) = 60;
    // G = 16/60 = 0.2667.
    let report = imbalance_report(
        &[Some(6.0), None, Some(2.0), Some(2.0)],
        Some(&[Some(1.0), Some(5.0), Some(1.0), Some(2.0)]),
        &[0, 0, 1, 1],
    );
    assert_eq!((report.zones_used, report.missing), (3, 1));
    close(report.gini.unwrap(), 16.0 / 60.0);
    let curve = report.lorenz.unwrap();
    assert_eq!(
        curve.points.iter().map(|p| p.zone).collect::<Vec<_>>(),
        vec![3, 2, 0]
    );
    close(curve.gini, 0.4);
    // Groups after dropping zone 1: [0, 1, 1] over [6, 2, 2].
    let t = report.theil_t.unwrap();
    close(t.total, theil_t(&[6.0, 2.0, 2.0]).unwrap());
    assert_eq!(t.groups[0].zones, 1);
    // No weights: no curve; wrong group length: no splits.
    let bare = imbalance_report(&[Some(1.0), Some(2.0)], None, &[0]);
    assert_eq!(bare.lorenz, None);
    assert_eq!(bare.theil_t, None);
    assert!(bare.gini.is_some());
}
