//! A chart's values as tones, for "listen to the chart" (sonification):
//! [`Tones`], the values the page plays as pitch, left to right (or first
//! to last), and the sentence that says what high and low pitch mean.
//!
//! Only the series charts have tones: the ranking (scores, first to last),
//! the trends (one zone's values over the years: the selected zone, or the
//! one with the largest latest value), the rank over the years (one zone's
//! rank, a better rank higher) and the Lorenz curve (cumulative shares along
//! the curve). The page maps the smallest value to the lowest pitch and the
//! largest to the highest; a missing value is played as a rest, not skipped.

use serde::Serialize;

use super::View;
use crate::i18n::Lang;

/// The values of one series of a chart in the order they are played, and
/// what the pitch means, in the reader's language.
#[derive(Debug, Serialize)]
pub struct Tones {
    pub values: Vec<Option<f64>>,
    /// What high and low pitch mean for this chart ("the higher the pitch,
    /// the higher the score"), said and shown beside the control.
    pub meaning: String,
}

impl Tones {
    /// The tones of `view`, or `None` for a chart that is not a series.
    pub fn of(view: &View) -> Option<Tones> {
        let (values, meaning) = match view {
            View::Ranking(v) => (
                v.rows.iter().map(|r| r.score).collect(),
                said(
                    v.lang,
                    "按排名从第一到最后播放综合得分：音越高，得分越高。",
                    "The composite scores from first to last: the higher the pitch, the higher the score.",
                ),
            ),
            View::Trends(v) => {
                let series = v.series.get(v.selected.or(v.labelled.first().copied())?)?;
                let span = (v.years.first()?, v.years.last()?);
                let meaning = match v.lang {
                    Lang::Zh => format!("{}{}–{}年的{}：音越高，数值越大。", series.name, span.0, span.1, v.y_title),
                    Lang::En => format!("{}, {} to {}, {}: the higher the pitch, the larger the value.", series.name, span.0, span.1, v.y_title),
                };
                (series.values.clone(), meaning)
            }
            View::Bump(v) => {
                let line = v.lines.iter().find(|l| l.selected).or(v.lines.first())?;
                let better = |rank: usize| (v.max_rank + 1).saturating_sub(rank) as f64;
                let meaning = match v.lang {
                    Lang::Zh => format!("{}历年的排名：音越高，排名越靠前。", line.name),
                    Lang::En => format!("{}'s rank over the years: the higher the pitch, the better the rank.", line.name),
                };
                (line.points.iter().map(|p| p.rank.map(better)).collect(), meaning)
            }
            View::Lorenz(v) => (
                v.points.iter().map(|p| Some(p.cum_value_share)).collect(),
                said(
                    v.lang,
                    "沿洛伦兹曲线从左到右播放累计份额：音越高，累计份额越大；升得越晚，分布越不均衡。",
                    "The cumulative shares along the Lorenz curve, left to right: the higher the pitch, the larger the share; the later it rises, the more unequal.",
                ),
            ),
            _ => return None,
        };
        Some(Tones { values, meaning })
    }
}

fn said(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_string()
}

#[cfg(test)]
mod tests;
