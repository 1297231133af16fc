//! Helpers for the views' and charts' tests: the bundled dataset, and a view
//! built from a dataset with the reader's state tweaked.

use crate::claims::evaluate;
use crate::i18n::Lang;
use crate::model::{load, Dataset};

use super::{Context, ViewState};

/// The bundled dataset, www/data/zones.json.
pub fn bundled() -> Dataset {
    load(include_str!("../../www/data/zones.json"))
        .expect("the bundled dataset is valid")
        .dataset
}

/// What `build` makes of `dataset` (its claims evaluated) for a reader of
/// `lang` in the latest year, after `tweak` has changed the state.
pub fn build_with<T>(
    dataset: &Dataset,
    lang: Lang,
    tweak: impl FnOnce(&mut ViewState),
    build: impl FnOnce(&Context) -> T,
) -> T {
    let claims = evaluate(dataset);
    let mut state = ViewState {
        lang,
        ..ViewState::initial(dataset)
    };
    tweak(&mut state);
    build(&Context {
        dataset,
        claims: &claims,
        state: &state,
    })
}
