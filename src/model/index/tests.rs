use super::*;

#[test]
fn ids_are_numbered_in_the_order_added() {
    let mut ids = Ids::default();
    assert_eq!(ids.get("a"), None);
    // Enough names to grow the table several times.
    for i in 0..1000 {
        assert!(ids.insert(&format!("z{i}")));
    }
    assert!(!ids.insert("z17"), "a second z17");
    assert_eq!(ids.len(), 1000);
    for i in 0..1000 {
        assert_eq!(ids.get(&format!("z{i}")), Some(i));
        assert_eq!(ids.name(i), format!("z{i}"));
    }
    assert_eq!(ids.get("z1000"), None);
    assert_eq!(ids.get(""), None);
    assert_eq!(ids.name(1000), "");
}

#[test]
fn seen_keys_are_seen_once() {
    let mut seen = Seen::default();
    // Keys that differ only in high bits, as packed keys do.
    let keys: Vec<u64> = (1..500)
        .flat_map(|i| [i, i << 32, (i << 32) | 7, u64::MAX - i])
        .collect();
    for k in &keys {
        assert!(seen.insert(*k), "{k}");
    }
    for k in &keys {
        assert!(!seen.insert(*k), "{k} again");
    }
}

#[test]
fn add_gives_the_number_of_a_name_new_or_not() {
    let mut ids = Ids::default();
    assert_eq!(ids.add("a"), (0, true));
    assert_eq!(ids.add("b"), (1, true));
    assert_eq!(ids.add("a"), (0, false));
    assert_eq!(ids.len(), 2);
}
