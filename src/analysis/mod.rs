//! Analysis: the dataset wired to the metrics engine. Functions from a
//! validated [`Dataset`] (and a year, and settings) to the result types the
//! chart views, the wasm handle and `zone-monitor report` read.
//!
//! `metrics` computes on slices and knows nothing of zones; this module picks
//! the columns (main zones only: sub-parks are counted in their parents),
//! says which zones it left out and why, and names zones and industries by
//! their ids next to their indices. Formulas are in docs/METRICS.md; the
//! report's keys in its section "The report command".
//!
//! - [`headline`]: sums and shares of every measure with a region total,
//!   land leverage (C3–C11, C16).
//! - [`imbalance`]: Gini, Lorenz over land, Theil T/L by level and by metro
//!   area, CV, for any indicator and year (C19).
//! - [`specialisation`]: industry-mix similarity, Krugman, LQ, Herfindahl
//!   (C18).
//! - [`innovation`]: intensities and levels against the region's and the
//!   reference averages, zones without a national incubator (C14–C15).
//! - [`benchmarks`]: listed companies against Zhangjiang and Shenzhen (C17).
//! - [`evaluation`]: the composite index for every year, dynamic management
//!   tiers, rank sensitivity.
//! - [`growth`]: year-on-year growth and CAGR.
//!
//! [`analyse`] runs all of them for one year: [`Analysis`]; [`report`] turns
//! it into what `zone-monitor report` prints (JSON and a summary for people).
//!
//! What each chart (by the chart id the claims use) reads:
//!
//! | chart | function | field |
//! |---|---|---|
//! | `shares`, `totals`, `patents` | [`headline::headline`] | `shares`, `sums` |
//! | `inequality` | [`imbalance::imbalance`] (any indicator) | `lorenz`, `gini`, `by_level`, `by_metro_area` |
//! | `similarity` | [`specialisation::specialisation`] | `similarity` in `heatmap_order`, `similar_pairs`, `per_zone` |
//! | `reference`, `incubators` | [`innovation::innovation`] | `levels`, `intensities`, `incubators` |
//! | `listed` | [`benchmarks::benchmarks`] | `rows` |
//! | ranking, sub-scores, tiers | [`evaluation::evaluate`] with the user's [`evaluation::EvaluationSettings`] | `years[t].zones`, `tiers`, `verdicts` |
//! | rank intervals | [`evaluation::sensitivity`] | `zones` |
//! | trends | [`growth::growth`] | `zones`, `total` |
//!
//! Zone indices point into [`Dataset::zones`], industry indices into
//! [`Dataset::industries`], indicator indices into [`Dataset::indicators`].
//! Every result that left a zone out lists it (`missing_zones`): nothing is
//! dropped silently.
//!
//! **Invariant:** like the rest of the core, this module never imports
//! wasm-bindgen, web-sys, js-sys or plotters.

pub mod areas;
pub mod benchmarks;
mod error;
pub mod evaluation;
pub mod growth;
pub mod headline;
pub mod imbalance;
pub mod industries;
pub mod innovation;
pub mod integration;
pub mod report;
pub mod specialisation;

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};

pub use error::{AnalysisError, AnalysisErrorKind};

use crate::metrics::sensitivity::SensitivitySpec;
use crate::model::{Dataset, Text};
use evaluation::EvaluationSettings;

/// A zh/en pair as it appears in results (the model's [`Text`] has no serde).
///
/// JSON: `{"zh", "en"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Name {
    pub zh: String,
    pub en: String,
}

impl From<&Text> for Name {
    fn from(text: &Text) -> Self {
        Name {
            zh: text.zh.clone(),
            en: text.en.clone(),
        }
    }
}

/// A zone id from the file, shared: cloning one does not copy the text
/// (a full analysis names zones a few thousand times).
///
/// JSON: the id as a string.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Arc<str>);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

// Hash and Eq of an `Id` are those of its text, as `Borrow` requires.
impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Id {
    fn from(id: &str) -> Self {
        Id(Arc::from(id))
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0.to_string()
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// The dataset with its zone ids made once, for the functions that name
/// many zones.
pub(crate) struct Context<'a> {
    pub dataset: &'a Dataset,
    zone_ids: Vec<Id>,
}

impl<'a> Context<'a> {
    pub fn new(dataset: &'a Dataset) -> Self {
        Context {
            dataset,
            zone_ids: dataset
                .zones
                .iter()
                .map(|z| Id::from(z.id.as_str()))
                .collect(),
        }
    }

    /// The zone's id (empty for an index out of range, which callers never
    /// pass).
    pub fn zone_id(&self, zone: usize) -> Id {
        self.zone_ids
            .get(zone)
            .cloned()
            .unwrap_or_else(|| Id::from(""))
    }

    /// The ids of the zones whose value is missing (or not finite).
    pub fn missing_zones(&self, values: &[Option<f64>]) -> Vec<Id> {
        values
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_some_and(f64::is_finite))
            .map(|(i, _)| self.zone_id(i))
            .collect()
    }
}

/// Everything [`analyse`] computes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnalysisSettings {
    /// The year to analyse; `None`: the latest year of the data.
    pub year: Option<i32>,
    /// The composite index. Its `year` is replaced by the analysis year.
    pub evaluation: EvaluationSettings,
    /// Zone pairs at or above this cosine similarity are listed (C18);
    /// `None`: [`specialisation::DEFAULT_SIMILARITY_THRESHOLD`].
    pub similarity_threshold: Option<f64>,
    /// The Monte Carlo sensitivity of the year's ranking; `None` skips it
    /// (it is the one costly part: 1,000 draws take milliseconds).
    pub sensitivity: Option<SensitivitySpec>,
}

impl AnalysisSettings {
    /// The defaults with the sensitivity analysis switched on
    /// ([`evaluation::DEFAULT_SENSITIVITY`]), as the report prints it.
    pub fn report() -> Self {
        AnalysisSettings {
            sensitivity: Some(evaluation::DEFAULT_SENSITIVITY),
            ..AnalysisSettings::default()
        }
    }
}

/// Every metric of one year of a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub year: i32,
    pub headline: headline::Headline,
    /// One per indicator, in [`Dataset::indicators`] order.
    pub imbalance: Vec<imbalance::Imbalance>,
    pub specialisation: specialisation::Specialisation,
    pub innovation: innovation::Innovation,
    pub benchmarks: benchmarks::Benchmarks,
    /// Every year of the data; `evaluation.settings.year` is the analysis year.
    pub evaluation: evaluation::Evaluation,
    pub sensitivity: Option<evaluation::Sensitivity>,
    /// One per indicator, in [`Dataset::indicators`] order, over all years.
    pub growth: Vec<growth::Growth>,
}

/// Runs every analysis for one year (see the module list above).
///
/// `Err` for a year the dataset does not cover or settings that do not fit
/// it; never panics on a valid dataset, whatever its missing values.
pub fn analyse(dataset: &Dataset, settings: &AnalysisSettings) -> Result<Analysis, AnalysisError> {
    let year = resolve_year(dataset, settings.year)?;
    let evaluation_settings = EvaluationSettings {
        year: Some(year),
        ..settings.evaluation.clone()
    };
    let context = Context::new(dataset);
    let evaluation = evaluation::evaluate_in(&context, &evaluation_settings)?;
    let sensitivity = settings
        .sensitivity
        .as_ref()
        .map(|spec| evaluation::sensitivity(dataset, &evaluation_settings, spec))
        .transpose()?;
    let threshold = settings
        .similarity_threshold
        .unwrap_or(specialisation::DEFAULT_SIMILARITY_THRESHOLD);
    let groupings = imbalance::Groupings::new(dataset);
    Ok(Analysis {
        year,
        headline: headline::headline(dataset, year)?,
        imbalance: (0..dataset.indicators.len())
            .map(|i| imbalance::imbalance_in(&context, &groupings, i, year))
            .collect::<Result<_, _>>()?,
        specialisation: specialisation::specialisation_in(&context, threshold),
        innovation: innovation::innovation(dataset, year)?,
        benchmarks: benchmarks::benchmarks(dataset, year)?,
        evaluation,
        sensitivity,
        growth: (0..dataset.indicators.len())
            .map(|i| growth::growth_in(&context, i))
            .collect::<Result<_, _>>()?,
    })
}

/// The year asked for, or the latest year of the data when `None`.
pub fn resolve_year(dataset: &Dataset, year: Option<i32>) -> Result<i32, AnalysisError> {
    match year {
        Some(y) if dataset.year_index(y).is_some() => Ok(y),
        Some(y) => Err(AnalysisError::new(
            AnalysisErrorKind::UnknownYear,
            format!(
                "the data has no year {y}: use one of {}",
                years_list(dataset)
            ),
        )),
        None => dataset.years.last().copied().ok_or_else(|| {
            AnalysisError::new(AnalysisErrorKind::UnknownYear, "the data has no years")
        }),
    }
}

fn years_list(dataset: &Dataset) -> String {
    dataset
        .years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The zone's id, made afresh (functions naming many zones use a
/// [`Context`]).
pub(crate) fn zone_id(dataset: &Dataset, zone: usize) -> Id {
    Id::from(dataset.zones.get(zone).map_or("", |z| z.id.as_str()))
}

/// The ids of the zones whose value is missing (or not finite) in a column.
pub(crate) fn missing_zones(dataset: &Dataset, values: &[Option<f64>]) -> Vec<Id> {
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.is_some_and(f64::is_finite))
        .map(|(i, _)| zone_id(dataset, i))
        .collect()
}

/// An indicator's column in a year, `Err` for an unknown indicator or year.
pub(crate) fn column(
    dataset: &Dataset,
    indicator: usize,
    year: i32,
) -> Result<&[Option<f64>], AnalysisError> {
    let Some(spec) = dataset.indicators.get(indicator) else {
        return Err(AnalysisError::new(
            AnalysisErrorKind::UnknownIndicator,
            format!(
                "no indicator {indicator}: the data has {}",
                dataset.indicators.len()
            ),
        ));
    };
    dataset
        .column_at(indicator, year)
        .map(|c| c.values.as_slice())
        .ok_or_else(|| {
            AnalysisError::new(
                AnalysisErrorKind::UnknownYear,
                format!(
                    "no column for {} in {year}: use one of {}",
                    spec.id,
                    years_list(dataset)
                ),
            )
        })
}

/// The index of an indicator by id, `Err` naming the id when unknown.
pub fn indicator_index(dataset: &Dataset, id: &str) -> Result<usize, AnalysisError> {
    dataset.indicator_index(id).ok_or_else(|| {
        AnalysisError::new(
            AnalysisErrorKind::UnknownIndicator,
            format!("the data has no indicator {id:?}"),
        )
    })
}

#[cfg(test)]
pub(crate) mod tests;
