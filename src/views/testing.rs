//! Helpers for the views' and charts' tests: the bundled dataset, and a view
//! built from a dataset for a given reader's state.

use std::cell::OnceCell;

use super::evaluation::Evaluated;
use crate::analysis::evaluation::EvaluationSettings;
use crate::claims::evaluate;
use crate::i18n::Lang;
use crate::model::{load, Dataset, Level};

use super::{Context, ViewState};

/// The bundled dataset, www/data/zones.json.
pub fn bundled() -> Dataset {
    load(include_str!("../../www/data/zones.json"))
        .expect("the bundled dataset is valid")
        .dataset
}

/// The state of a reader of `lang` in `year`, listing zones of `level` with
/// the zone at index `zone` selected; everything else as on first load.
pub fn state(
    dataset: &Dataset,
    year: i32,
    level: Option<Level>,
    zone: Option<usize>,
    lang: Lang,
) -> ViewState {
    ViewState {
        lang,
        year,
        level,
        zone,
        ..ViewState::initial(dataset)
    }
}

/// The first-load state of a reader of `lang` in the latest year, with
/// the evaluation under `settings`.
pub fn evaluating(dataset: &Dataset, settings: &EvaluationSettings, lang: Lang) -> ViewState {
    ViewState {
        evaluation: settings.clone(),
        ..state(dataset, latest(dataset), None, None, lang)
    }
}

/// What `build` makes of `dataset` (its claims evaluated) for `state`.
pub fn build_in<T>(dataset: &Dataset, state: &ViewState, build: impl FnOnce(&Context) -> T) -> T {
    let claims = OnceCell::from(evaluate(dataset));
    build(&Context::new(
        dataset,
        &claims,
        state,
        &OnceCell::new(),
        &Default::default(),
        &Default::default(),
    ))
}

/// Like [`build_in`], with the evaluation given rather than computed from
/// `state.evaluation` (a test that alters the evaluation's result).
pub fn build_evaluated<T>(
    dataset: &Dataset,
    state: &ViewState,
    evaluated: Evaluated,
    build: impl FnOnce(&Context) -> T,
) -> T {
    let claims = OnceCell::from(evaluate(dataset));
    let cell = OnceCell::from(evaluated);
    build(&Context::new(
        dataset,
        &claims,
        state,
        &cell,
        &Default::default(),
        &Default::default(),
    ))
}

/// What `build` makes of `dataset` (its claims evaluated) for a reader of
/// `lang` in the latest year, after `tweak` has changed the state.
pub fn build_with<T>(
    dataset: &Dataset,
    lang: Lang,
    tweak: impl FnOnce(&mut ViewState),
    build: impl FnOnce(&Context) -> T,
) -> T {
    let mut state = ViewState {
        lang,
        ..ViewState::initial(dataset)
    };
    tweak(&mut state);
    build_in(dataset, &state, build)
}

/// The last year of `dataset`'s data (where a chart ignores the year).
pub fn latest(dataset: &Dataset) -> i32 {
    dataset.years.last().copied().unwrap_or_default()
}
