//! The tones of the series charts, on the bundled dataset. Expected values
//! by what the charts mean: ranks run first to last, so scores never rise;
//! a Lorenz curve's cumulative share rises to the whole (1); the trends of
//! the selected zone are its values in the file; and a better rank plays
//! higher.

use super::Tones;
use crate::i18n::Lang;
use crate::model::load;
use crate::views::session::Session;
use crate::views::ChartId;

fn session(lang: Lang) -> Session {
    let loaded = load(include_str!("../../../www/data/zones.json")).expect("valid");
    Session::new(loaded, lang)
}

#[test]
fn the_ranking_plays_scores_first_to_last() {
    let s = session(Lang::En);
    let tones = Tones::of(s.view(ChartId::Ranking)).expect("tones");
    let scores: Vec<f64> = tones.values.iter().flatten().copied().collect();
    assert!(scores.len() >= 10, "{} scores", scores.len());
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(tones
        .meaning
        .contains("higher the pitch, the higher the score"));
}

#[test]
fn the_lorenz_curve_rises_to_the_whole() {
    let s = session(Lang::Zh);
    let tones = Tones::of(s.view(ChartId::Lorenz)).expect("tones");
    let shares: Vec<f64> = tones.values.iter().flatten().copied().collect();
    assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{shares:?}");
    assert!((shares.last().copied().unwrap_or(0.0) - 1.0).abs() < 1e-9);
    assert!(tones.meaning.contains("音越高"));
}

#[test]
fn the_trends_play_the_selected_zone_and_the_bump_its_rank() {
    let mut s = session(Lang::En);
    assert!(s.set_zone("z01"));
    let trends = Tones::of(s.view(ChartId::Trends)).expect("tones");
    let gdp = s.dataset.indicator_index("gdp").expect("gdp");
    let z01 = s.dataset.zone_index("z01").expect("z01");
    let expected = s.dataset.series(gdp, z01);
    assert_eq!(trends.values, expected);
    assert!(trends.meaning.starts_with("Zone A"), "{}", trends.meaning);

    let bump = Tones::of(s.view(ChartId::Bump)).expect("tones");
    assert!(bump.meaning.starts_with("Zone A"), "{}", bump.meaning);
    assert!(bump.values.iter().flatten().all(|&v| v >= 1.0));
}

#[test]
fn other_charts_have_no_tones() {
    let s = session(Lang::Zh);
    assert!(Tones::of(s.view(ChartId::Similarity)).is_none());
}
