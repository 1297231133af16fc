use super::*;

#[test]
fn hatching_stays_inside_its_box() {
    let lines = hatch_lines((10, 0), (40, 10), 6, true);
    assert!(!lines.is_empty());
    for [a, b] in &lines {
        for (x, y) in [a, b] {
            assert!((10..=40).contains(x) && (0..=10).contains(y), "{a:?} {b:?}");
        }
        // 45°: as far across as up.
        assert_eq!(b.0 - a.0, a.1 - b.1);
    }
    assert!(hatch_lines((0, 0), (0, 10), 6, true).is_empty());
}

#[test]
fn zigzag_walks_every_other_line_backwards() {
    let lines = [[(0, 10), (10, 0)], [(6, 10), (16, 0)], [(12, 10), (20, 2)]];
    assert_eq!(
        zigzag(&lines),
        [(0, 10), (10, 0), (16, 0), (6, 10), (12, 10), (20, 2)]
    );
}

#[test]
fn rank_ticks_by_hand() {
    assert_eq!(rank_ticks(5, 10), [1, 2, 3, 4, 5]);
    assert_eq!(rank_ticks(36, 8), [1, 5, 10, 15, 20, 25, 30, 35]);
    assert_eq!(rank_ticks(1000, 6), [1, 200, 400, 600, 800, 1000]);
    assert_eq!(rank_ticks(0, 6), Vec::<usize>::new());
    // From rank 1,803 to 1,960 (158 ranks) in at most 6: steps of 50 from
    // the first multiple after 1,803.
    assert_eq!(rank_ticks_from(1803, 1960, 6), [1803, 1850, 1900, 1950]);
    // 1,859 to 1,960 (102 ranks) in at most 6: from a first rank off the
    // steps a step may give one multiple more, so it is chosen for 5:
    // 102 / 20 + 1 = 6 is too many, 102 / 50 + 1 = 3 is not. A multiple
    // within half a step of the first (100 after 99) is left out, else the
    // labels overlap (review: 1,859 then 1,860 before).
    assert_eq!(rank_ticks_from(1859, 1960, 6), [1859, 1900, 1950]);
    assert_eq!(rank_ticks_from(99, 200, 6), [99, 150, 200]);
    // Never more than asked, from any first rank.
    for first in 1..400 {
        for most in 2..12 {
            assert!(
                rank_ticks_from(first, first + 150, most).len() <= most,
                "{first} {most}"
            );
        }
    }
}

#[test]
fn star_corners_are_cos_and_sin_of_their_angles() {
    // Expected from the standard library's sin and cos (native build), the
    // functions the table replaces in the wasm.
    for (k, (cos, sin)) in STAR.iter().enumerate() {
        let angle = -std::f64::consts::FRAC_PI_2 + k as f64 * std::f64::consts::PI / 5.0;
        assert!((cos - angle.cos()).abs() < 1e-15, "cos, corner {k}");
        assert!((sin - angle.sin()).abs() < 1e-15, "sin, corner {k}");
    }
}
