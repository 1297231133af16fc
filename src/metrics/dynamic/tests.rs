use super::*;

fn rules() -> Rules {
    Rules {
        reward_top_k: Some(1),
        reward_rise: Some(2),
        warn_bottom_k: Some(1),
        warn_below: Some(0.2),
        exit_after: Some(2),
    }
}

fn verdict(verdicts: &[Verdict], year: i32, zone: usize) -> &Verdict {
    verdicts
        .iter()
        .find(|v| v.year == year && v.zone == zone)
        .unwrap()
}

#[test]
fn rules_by_hand() {
    // Four zones over three years (scores):
    //   2020: A 0.9, B 0.5, C 0.4, D 0.1  → ranks 1, 2, 3, 4
    //   2021: A 0.8, B 0.3, C 0.9, D 0.15 → ranks 2, 3, 1, 4
    //   2022: A 0.7, B 0.6, C 0.65, D 0.1 → ranks 1, 3, 2, 4
    // 2020: A top 1 (reward); D bottom 1 and 0.1 < 0.2 (warning); no exit yet
    //       (exit needs 2 warned years).
    // 2021: C top 1 and rose 3 → 1 (2 places ≥ 2): two reward reasons;
    //       D warned again, rank 4 then and now: exit (warned 2 years, since 2020).
    // 2022: A top 1 again; D warned, 4 → 4, exit again (since 2021).
    //       B rose? 3 → 3, no.
    let scores = vec![
        vec![Some(0.9), Some(0.5), Some(0.4), Some(0.1)],
        vec![Some(0.8), Some(0.3), Some(0.9), Some(0.15)],
        vec![Some(0.7), Some(0.6), Some(0.65), Some(0.1)],
    ];
    let verdicts = dynamic_management(&[2020, 2021, 2022], &scores, &rules()).unwrap();
    assert_eq!(verdicts.len(), 12);
    assert_eq!(
        verdict(&verdicts, 2020, 0).reasons,
        vec![Reason::TopK { rank: 1, k: 1 }]
    );
    assert_eq!(
        verdict(&verdicts, 2020, 3).reasons,
        vec![
            Reason::BottomK {
                rank_from_bottom: 1,
                k: 1
            },
            Reason::BelowScore {
                score: 0.1,
                threshold: 0.2
            }
        ]
    );
    assert_eq!(verdict(&verdicts, 2020, 3).tiers, vec![Tier::Warning]);
    let c = verdict(&verdicts, 2021, 2);
    assert_eq!(
        c.reasons,
        vec![
            Reason::TopK { rank: 1, k: 1 },
            Reason::Rise {
                from_rank: 3,
                to_rank: 1,
                places: 2,
                min_places: 2
            }
        ]
    );
    assert_eq!(c.rank_change, Some(2));
    let d = verdict(&verdicts, 2021, 3);
    assert_eq!(d.tiers, vec![Tier::Warning, Tier::Exit]);
    assert_eq!(
        d.reasons.last(),
        Some(&Reason::Exit {
            warned_years: 2,
            since_year: 2020,
            rank_then: 4,
            rank_now: 4
        })
    );
    assert!(verdict(&verdicts, 2022, 1).tiers.is_empty());
    // The JSON of a reason names its rule.
    let json = serde_json::to_string(&Reason::TopK { rank: 1, k: 3 }).unwrap();
    assert_eq!(json, r#"{"rule":"top_k","rank":1,"k":3}"#);
}

#[test]
fn a_warned_zone_that_improves_does_not_exit() {
    // Zone 1 is below 0.5 both years but rises from 3rd to 2nd: warned twice,
    // improved, so no exit. Zone 2 is below too and falls from 2nd to 3rd: exit.
    let scores = vec![
        vec![Some(0.9), Some(0.1), Some(0.3)],
        vec![Some(0.9), Some(0.4), Some(0.2)],
    ];
    let rules = Rules {
        reward_top_k: None,
        reward_rise: None,
        warn_bottom_k: None,
        warn_below: Some(0.5),
        exit_after: Some(2),
    };
    let verdicts = dynamic_management(&[2021, 2022], &scores, &rules).unwrap();
    assert_eq!(verdict(&verdicts, 2022, 1).tiers, vec![Tier::Warning]);
    assert_eq!(
        verdict(&verdicts, 2022, 2).tiers,
        vec![Tier::Warning, Tier::Exit]
    );
}

#[test]
fn ties_and_missing_scores() {
    // Two zones tied at 1.0 are both 1st from the top and 1st from the
    // bottom: both get top-1 and bottom-1. A zone with no score gets nothing
    // and breaks any warning run.
    let scores = vec![vec![Some(1.0), Some(1.0), None]];
    let verdicts = dynamic_management(&[2022], &scores, &rules()).unwrap();
    assert_eq!(verdicts[0].tiers, vec![Tier::Reward, Tier::Warning]);
    assert_eq!(verdicts[1].tiers, vec![Tier::Reward, Tier::Warning]);
    assert!(verdicts[2].tiers.is_empty());
    assert_eq!(verdicts[2].rank, None);
}

#[test]
fn bad_inputs_are_errors() {
    assert!(dynamic_management(&[2022, 2021], &[vec![], vec![]], &rules()).is_err());
    assert!(dynamic_management(&[2022], &[], &rules()).is_err());
    let no_exit = Rules {
        exit_after: Some(0),
        ..rules()
    };
    assert!(dynamic_management(&[2022], &[vec![Some(1.0)]], &no_exit).is_err());
    assert_eq!(dynamic_management(&[], &[], &rules()).unwrap(), vec![]);
}
