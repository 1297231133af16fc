//! The reader's session: one dataset, the reader's choices ([`ViewState`])
//! and the views built for them, each once.
//!
//! The widget keeps one [`Session`] per element; the page only reports what
//! the reader did (`set_year`, `set_zone`, ...) and asks for views. A change
//! of a control drops the views of the charts that respond to it (the
//! registry says which) and nothing else, so a card's title, summary, table,
//! drawing and hit-testing all read one view, built on first use. The share
//! link is written and read here too ([`Session::params`],
//! [`Session::restore`]): the page only encodes the pairs into the URL.

use std::cell::OnceCell;

use super::evaluation::{
    self, aggregation_id, normalisation_id, slider_weights, weighting_id, Evaluated,
};
use super::{rules, ChartId, Context, Control, TabId, View, ViewState};
use crate::analysis::evaluation::{EvaluationSettings, EvaluationWeighting};
use crate::analysis::integration::Integration;
use crate::claims::ClaimResult;
use crate::i18n::Lang;
use crate::model::{Dataset, Level, Loaded, Problem};

/// What an integration's result depends on: the pair (national, partner),
/// the year, the indicator and the evaluation's settings.
type IntegrationFor = ((usize, usize), i32, usize, EvaluationSettings);

/// A loaded dataset and what the reader has chosen and seen of it.
#[derive(Debug)]
pub struct Session {
    pub dataset: Dataset,
    /// The dataset's claims checked, on first use (`claims`).
    claims: OnceCell<Vec<ClaimResult>>,
    /// The dataset's warnings (usable but suspicious values).
    pub warnings: Vec<Problem>,
    state: ViewState,
    /// The evaluation under `state.evaluation`, computed on first use and
    /// again only when the weights or the methods change.
    evaluated: OnceCell<Evaluated>,
    /// The similarity view before a zone is selected, for the filters it
    /// was last built for (a zone selection rebuilds only the selection).
    similarity: super::similarity::Kept,
    /// The trends' series, for the language and indicator they were last
    /// built for (a zone selection formats no value again).
    trends: super::trends::Kept,
    /// The integration last tried and its result, with what it was
    /// computed for (pair, year, indicator, settings): the page asks again
    /// after every change of the evaluation's controls.
    integration: Option<(IntegrationFor, Option<Integration>)>,
    /// How many times an integration was computed (for tests).
    integrations_computed: usize,
    /// Each chart's view for the current state, by `ChartId` position in
    /// `ChartId::ALL`; empty until asked for.
    views: Vec<OnceCell<View>>,
    /// Each chart's generation, in the same order: raised whenever its view
    /// is dropped (a control its registry line lists, a language), so that
    /// the page draws again, and writes its texts again, only the charts
    /// whose generation moved since it drew them (`generation`).
    generations: Vec<u32>,
}

impl Session {
    /// A session on `loaded` for a reader of `lang`, in the initial state.
    pub fn new(loaded: Loaded, lang: Lang) -> Session {
        let state = ViewState {
            lang,
            ..ViewState::initial(&loaded.dataset)
        };
        Session {
            dataset: loaded.dataset,
            claims: OnceCell::new(),
            warnings: loaded.warnings,
            state,
            evaluated: OnceCell::new(),
            similarity: Default::default(),
            trends: Default::default(),
            integration: None,
            integrations_computed: 0,
            views: ChartId::ALL.iter().map(|_| OnceCell::new()).collect(),
            generations: vec![0; ChartId::ALL.len()],
        }
    }

    pub fn state(&self) -> &ViewState {
        &self.state
    }

    pub fn lang(&self) -> Lang {
        self.state.lang
    }

    /// The view of chart `id` in the current state, built the first time it
    /// is asked for.
    pub fn view(&self, id: ChartId) -> &View {
        // The registry lists `ALL` in the order of the variants.
        self.views[id as usize].get_or_init(|| View::build(id, &self.context()))
    }

    /// The generation of chart `id`'s view: the same number as long as what
    /// the chart shows (its drawing, title, summary and table) is the same,
    /// another once a state part it reads has changed. What the chart reads
    /// is its registry line's controls and the language (tested:
    /// `a_chart_is_unchanged_by_a_state_part_it_does_not_list`); the theme,
    /// elder mode and the width change only the drawing, which the page
    /// redraws itself.
    pub fn generation(&self, id: ChartId) -> u32 {
        self.generations[id as usize]
    }

    /// The dataset's claims checked (computed on first use).
    pub fn claims(&self) -> &[ClaimResult] {
        self.context().claims()
    }

    /// The evaluation of every year under the reader's settings.
    pub fn evaluated(&self) -> &Evaluated {
        self.context().evaluated()
    }

    fn context(&self) -> Context<'_> {
        Context::new(
            &self.dataset,
            &self.claims,
            &self.state,
            &self.evaluated,
            &self.similarity,
            &self.trends,
        )
    }

    /// Drops the views of the charts that respond to `control` (the
    /// registry says which; every chart for `None`, a language) and moves
    /// their generations on.
    fn changed(&mut self, control: Option<Control>) {
        let all = ChartId::ALL.iter().zip(&mut self.views);
        for ((id, view), generation) in all.zip(&mut self.generations) {
            if control.map_or(true, |c| id.controls().contains(c)) {
                view.take();
                *generation = generation.wrapping_add(1);
            }
        }
    }

    /// Every view is in the reader's language: a new one drops them all.
    pub fn set_lang(&mut self, lang: Lang) {
        if self.state.lang != lang {
            self.state.lang = lang;
            self.changed(None);
        }
    }

    /// Opens a tab by id; false (and no change) for an unknown id.
    pub fn set_tab(&mut self, id: &str) -> bool {
        match TabId::parse(id) {
            Some(tab) => {
                self.state.tab = tab;
                true
            }
            None => false,
        }
    }

    /// Selects a year; false (and no change) when the data have no such year.
    pub fn set_year(&mut self, year: i32) -> bool {
        if !self.dataset.years.contains(&year) {
            return false;
        }
        if self.state.year != year {
            self.state.year = year;
            self.changed(Some(Control::Year));
        }
        true
    }

    /// Selects a zone by id ("" clears); false (and no change) for an
    /// unknown id.
    pub fn set_zone(&mut self, id: &str) -> bool {
        let zone = match id {
            "" => None,
            id => match self.dataset.zone_index(id) {
                Some(index) => Some(index),
                None => return false,
            },
        };
        if self.state.zone != zone {
            self.state.zone = zone;
            self.changed(Some(Control::Zone));
        }
        true
    }

    /// The selected zone's id, if any.
    pub fn zone_id(&self) -> Option<&str> {
        let zone = self.dataset.zones.get(self.state.zone?)?;
        Some(&zone.id)
    }

    /// Shows only zones of a level ("national", "regional"; "" for all);
    /// false (and no change) for another word.
    pub fn set_level(&mut self, level: &str) -> bool {
        let level = match level {
            "" => None,
            "national" => Some(Level::National),
            "regional" => Some(Level::Regional),
            _ => return false,
        };
        if self.state.level != level {
            self.state.level = level;
            self.changed(Some(Control::Level));
        }
        true
    }

    /// The level filter's id: "national", "regional", or "" for all.
    pub fn level_id(&self) -> &'static str {
        self.state.level.map_or("", Level::as_str)
    }

    /// Shows only zones of a metro area, by id ("" for all); false (and no
    /// change) for an id the data do not have.
    pub fn set_area(&mut self, id: &str) -> bool {
        let area = match id {
            "" => None,
            id => match self.dataset.metro_areas.iter().position(|a| a.id == id) {
                Some(i) => Some(i),
                None => return false,
            },
        };
        if self.state.area != area {
            self.state.area = area;
            self.changed(Some(Control::Area));
        }
        true
    }

    /// The area filter's id ("" for all).
    pub fn area_id(&self) -> &str {
        self.state
            .area
            .and_then(|a| self.dataset.metro_areas.get(a))
            .map_or("", |a| a.id.as_str())
    }

    /// The indicator the trends chart follows, by id ("" for the default);
    /// false (and no change) for an unknown id.
    pub fn set_indicator(&mut self, id: &str) -> bool {
        let indicator = match id {
            "" => None,
            id => match self.dataset.indicator_index(id) {
                Some(index) => Some(index),
                None => return false,
            },
        };
        if self.state.indicator != indicator {
            self.state.indicator = indicator;
            self.changed(Some(Control::Indicator));
        }
        true
    }

    /// The id of the indicator the trends chart follows, if one is chosen.
    pub fn indicator_id(&self) -> Option<&str> {
        let indicator = self.dataset.indicators.get(self.state.indicator?)?;
        Some(&indicator.id)
    }

    /// The id of the indicator the trends chart follows: the chosen one, or
    /// its default (`trends::default_indicator`).
    pub fn shown_indicator_id(&self) -> Option<&str> {
        let index = self
            .state
            .indicator
            .or_else(|| super::trends::default_indicator(&self.dataset))?;
        Some(&self.dataset.indicators.get(index)?.id)
    }

    pub fn set_log_scale(&mut self, on: bool) {
        if self.state.log_scale != on {
            self.state.log_scale = on;
            self.changed(Some(Control::LogScale));
        }
    }

    /// The charts' palette follows the page's colour scheme; views do not
    /// depend on it.
    pub fn set_dark(&mut self, dark: bool) {
        self.state.dark = dark;
    }

    /// Elder mode (长辈模式) on or off; views do not depend on it.
    pub fn set_elder(&mut self, on: bool) {
        self.state.elder = on;
    }

    /// Sets the reader's weight of each framework dimension (any scale:
    /// they are renormalised). `Err`, changing nothing, says in the reader's
    /// language why they cannot be used.
    pub fn set_weights(&mut self, weights: &[f64]) -> Result<(), String> {
        let settings = evaluation::with_dimension_weights(
            &self.dataset,
            &self.state.evaluation,
            weights,
            self.lang(),
        )?;
        self.apply_evaluation(settings)
    }

    /// Chooses the methods by id (`views::evaluation::NORMALISATIONS`,
    /// `WEIGHTINGS`, `AGGREGATIONS`). `Err`, changing nothing, for an
    /// unknown id or a combination the data cannot be evaluated with.
    pub fn set_methods(&mut self, methods: (&str, &str, &str)) -> Result<(), String> {
        let settings =
            evaluation::with_methods(&self.dataset, &self.state.evaluation, methods, self.lang())?;
        self.apply_evaluation(settings)
    }

    /// Sets the dynamic-management rules (five whole numbers, 0 switching
    /// a rule off: `views::rules::values`); `None`: the file's. `Err`,
    /// changing nothing, says why they cannot be used.
    pub fn set_rules(&mut self, values: Option<&[f64]>) -> Result<(), String> {
        let rules = match values {
            None => None,
            Some(values) => Some(rules::from_values(values).ok_or_else(|| {
                self.lang()
                    .pick(
                        "规则须为5个不小于0的数（名次和年数为整数，0表示关闭该规则）",
                        "the rules are 5 numbers of 0 or more (ranks and years whole; 0 turns a rule off)",
                    )
                    .to_string()
            })?),
        };
        self.apply_evaluation(EvaluationSettings {
            rules,
            ..self.state.evaluation.clone()
        })
    }

    /// Keeps zones named for exit in later years' rankings, for comparison
    /// (`true`), or takes them out from the year after (the default).
    pub fn set_keep_exited(&mut self, keep: bool) -> Result<(), String> {
        self.apply_evaluation(EvaluationSettings {
            keep_exited: keep,
            ..self.state.evaluation.clone()
        })
    }

    /// Tries an integration (整合、托管): the national zone `national` takes
    /// over the region-level zone `partner` (ids; an empty partner: none).
    /// `Err`, changing nothing, when the partner is not one the data offer
    /// for the zone (`analysis::integration::partners`).
    pub fn set_integration(&mut self, national: &str, partner: &str) -> Result<(), String> {
        if partner.is_empty() {
            self.state.integration = None;
            return Ok(());
        }
        let index = |id: &str| self.dataset.zones.iter().position(|z| z.id == id);
        let out = self.out_of_ranking();
        let pair = index(national).zip(index(partner)).filter(|(n, p)| {
            crate::analysis::integration::partners(&self.dataset, *n, &out)
                .iter()
                .any(|c| c.zone == *p)
        });
        match pair {
            Some(pair) => {
                self.state.integration = Some(pair);
                Ok(())
            }
            None => Err(self
                .lang()
                .pick(
                    "只能整合同一区域内的国家级高新区与市级高新区",
                    "integration takes a national zone and a region-level zone of the same area",
                )
                .to_string()),
        }
    }

    /// The zones out of the shown year's ranking, named for exit before it:
    /// not offered for integration.
    pub fn out_of_ranking(&self) -> Vec<usize> {
        self.evaluated().evaluation.as_ref().map_or_else(
            |_| Vec::new(),
            |e| crate::analysis::integration::out_of_ranking(e, self.state.year),
        )
    }

    /// The integration tried, evaluated with the reader's settings in the
    /// year shown, Gini and Theil of the indicator shown (GDP by default);
    /// `None` when none is tried for the selected zone (another zone
    /// selected shows no partner, so no result either). Computed again only
    /// when the pair, the year, the indicator or the settings change.
    pub fn integration(&mut self) -> Option<Integration> {
        let pair = self
            .state
            .integration
            .filter(|(national, _)| self.state.zone == Some(*national))?;
        let indicator = self
            .state
            .indicator
            .or_else(|| super::trends::default_indicator(&self.dataset))?;
        let key = (
            pair,
            self.state.year,
            indicator,
            self.state.evaluation.clone(),
        );
        if let Some((computed_for, result)) = &self.integration {
            if *computed_for == key {
                return result.clone();
            }
        }
        self.integrations_computed += 1;
        let result = super::integration::compute(
            &mut self.dataset,
            &self.state.evaluation,
            pair,
            self.state.year,
            indicator,
        );
        self.integration = Some((key, result.clone()));
        result
    }

    /// Back to the framework: min-max, the framework's weights, weighted sum.
    pub fn reset_evaluation(&mut self) -> Result<(), String> {
        self.apply_evaluation(EvaluationSettings::default())
    }

    /// Recomputes the evaluation with `settings` and keeps them, or leaves
    /// everything as it was and says why they cannot be used.
    fn apply_evaluation(&mut self, settings: EvaluationSettings) -> Result<(), String> {
        if self.evaluated.get().is_some_and(|e| e.is_for(&settings)) {
            self.state.evaluation = settings;
            return Ok(());
        }
        let evaluated = Evaluated::compute_after(&self.dataset, &settings, self.evaluated.get());
        if let Err(error) = &evaluated.evaluation {
            return Err(error.message.clone());
        }
        // The same settings (a reset before the evaluation was first
        // computed) leave the views as they are.
        let same = self.state.evaluation == settings;
        self.state.evaluation = settings;
        self.evaluated = OnceCell::from(evaluated);
        if !same {
            self.changed(Some(Control::Weights));
        }
        Ok(())
    }

    /// A weight change rehearsed (issue 15): the views of the open tab's
    /// charts that respond to the weights, built again, each handed to `draw`,
    /// with the evaluation computed again (from the data: a weight change keeps the
    /// normalised matrices, the rest it does as here). V8 runs a wasm
    /// function in baseline code until it has run a while, and optimises
    /// it in the background: the reader's first weight changes took 2-4
    /// times as long as later ones. The page rehearses a few in idle time
    /// after the tab is drawn. Nothing of the session changes (its state,
    /// views, generations and evaluation; tested).
    pub fn rehearse(&self, mut draw: impl FnMut(&View)) {
        let (claims, evaluated) = (OnceCell::new(), OnceCell::new());
        let context = Context::new(
            &self.dataset,
            &claims,
            &self.state,
            &evaluated,
            &self.similarity,
            &self.trends,
        );
        for id in self.state.tab.charts() {
            if id.controls().contains(Control::Weights) {
                draw(&View::build(id, &context));
            }
        }
    }

    /// The state as the share link's settings, in a fixed order; defaults
    /// are left out (no zone, all levels, the default indicator, linear
    /// axes, the framework's method).
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let state = &self.state;
        let mut params = vec![("view", state.tab.as_str().to_string())];
        if let Some(zone) = self.zone_id() {
            params.push(("zone", zone.to_string()));
        }
        params.push(("year", state.year.to_string()));
        if state.level.is_some() {
            params.push(("level", self.level_id().to_string()));
        }
        if state.area.is_some() {
            params.push(("area", self.area_id().to_string()));
        }
        if let Some(indicator) = self.indicator_id() {
            params.push(("indicator", indicator.to_string()));
        }
        if state.log_scale {
            params.push(("log", "1".to_string()));
        }
        let settings = &state.evaluation;
        let (n, w, a) = (
            normalisation_id(&settings.normalisation),
            weighting_id(&settings.weighting),
            aggregation_id(&settings.aggregation),
        );
        if let EvaluationWeighting::Dimensions { .. } = settings.weighting {
            // The weights need the methods they refine: written as the
            // framework's, then the reader's weights over them.
            params.push(("method", format!("{n}.framework.{a}")));
            // Whole numbers, as the sliders set them; weights on another
            // scale (any is allowed) as whole percentages of their sum,
            // since the link reads whole numbers.
            let weights = slider_weights(&self.dataset, settings);
            let whole = weights.iter().all(|w| w.fract() == 0.0);
            let scale = if whole {
                1.0
            } else {
                100.0 / weights.iter().sum::<f64>()
            };
            let weights: Vec<String> = weights
                .iter()
                .map(|w| format!("{}", (w * scale).round()))
                .collect();
            params.push(("weights", weights.join(",")));
        } else if (n, w, a) != ("min_max", "framework", "arithmetic") {
            params.push(("method", format!("{n}.{w}.{a}")));
        }
        if let Some(rules) = &settings.rules {
            let values = rules::values(rules).map(|v| v.to_string());
            // Commas: the score threshold may be a decimal ("7.5").
            params.push(("rules", values.join(",")));
        }
        if settings.keep_exited {
            params.push(("exited", "keep".to_string()));
        }
        if let Some((national, partner)) = state.integration {
            let id = |z: usize| self.dataset.zones.get(z).map_or("", |z| z.id.as_str());
            params.push(("integrate", format!("{}.{}", id(national), id(partner))));
        }
        if state.elder {
            params.push(("mode", "elder".to_string()));
        }
        params.push(("lang", state.lang.tag().to_string()));
        params
    }

    /// Restores the state from the share link's settings (as
    /// [`Session::params`] writes them; unknown keys are not ours and are
    /// left alone; of a key given twice the last counts). Returns each
    /// setting the data cannot use, as `key=value`: the page says they were
    /// ignored rather than drop them silently.
    pub fn restore(&mut self, params: &[(String, String)]) -> Vec<String> {
        // The language first (messages follow it), the zone before the
        // year, the methods before the weights they refine.
        const KEYS: [&str; 14] = [
            "lang",
            "mode",
            "view",
            "zone",
            "year",
            "level",
            "area",
            "indicator",
            "log",
            "method",
            "weights",
            "rules",
            "exited",
            "integrate",
        ];
        // The link holds the whole state: what it leaves out is the default
        // (see `params`), not whatever the reader had before. The mode is
        // the exception: it is how the reader reads, so a link without it
        // (or a `mode="elder"` page) leaves it as it is.
        if !params.iter().any(|(key, _)| KEYS.contains(&key.as_str())) {
            return Vec::new();
        }
        self.set_zone("");
        self.set_level("");
        self.set_area("");
        self.set_indicator("");
        self.set_log_scale(false);
        self.state.integration = None;
        if self.state.evaluation != EvaluationSettings::default() {
            // If the framework's own settings cannot evaluate this file, the
            // evaluation charts say so whatever the link asks; keep going.
            let _ = self.reset_evaluation();
        }
        let mut ignored = Vec::new();
        for key in KEYS {
            let Some((_, value)) = params.iter().rev().find(|(k, _)| k == key) else {
                continue;
            };
            if !self.restore_one(key, value) {
                ignored.push(format!("{key}={value}"));
            }
        }
        ignored
    }

    /// Applies one setting of the share link; false if the data cannot use it.
    fn restore_one(&mut self, key: &str, value: &str) -> bool {
        match key {
            "lang" => {
                let known = matches!(value, "zh" | "en");
                if known {
                    self.set_lang(Lang::from_tag(value));
                }
                known
            }
            "mode" => {
                let known = matches!(value, "elder" | "standard");
                if known {
                    self.set_elder(value == "elder");
                }
                known
            }
            "view" => self.set_tab(value),
            "zone" => self.set_zone(value),
            "year" => value.parse().is_ok_and(|year| self.set_year(year)),
            "level" => self.set_level(value),
            "area" => self.set_area(value),
            "indicator" => self.set_indicator(value),
            "log" => {
                let known = matches!(value, "0" | "1");
                if known {
                    self.set_log_scale(value == "1");
                }
                known
            }
            "method" => match value.split('.').collect::<Vec<_>>()[..] {
                [n, w, a] => self.set_methods((n, w, a)).is_ok(),
                _ => false,
            },
            "weights" => {
                // Whole percentages, as `params` writes them and the sliders
                // step (core's float parser would add ~15 KB to the module).
                let parsed: Option<Vec<f64>> = value
                    .split(',')
                    .map(|w| w.trim().parse::<u32>().ok().map(f64::from))
                    .collect();
                parsed.is_some_and(|weights| self.set_weights(&weights).is_ok())
            }
            "exited" => value == "keep" && self.set_keep_exited(true).is_ok(),
            "integrate" => value
                .split_once('.')
                .is_some_and(|(national, partner)| self.set_integration(national, partner).is_ok()),
            "rules" => {
                rules::parse(value).is_some_and(|values| self.set_rules(Some(&values)).is_ok())
            }
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests;
