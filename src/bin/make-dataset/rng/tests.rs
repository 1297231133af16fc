use super::SplitMix64;

#[test]
fn matches_the_reference_sequence() {
    // First outputs for seed 0, from the reference C implementation
    // (xoshiro.di.unimi.it/splitmix64.c).
    let mut r = SplitMix64::new(0);
    assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    assert_eq!(r.next_u64(), 0x06C4_5D18_8009_454F);
}
