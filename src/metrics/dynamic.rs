//! Dynamic management over years (the report's section 二: 动态管理):
//! configurable rules that reward zones ranking high or rising fast (排名靠前、
//! 进位明显), warn zones that score poorly (约谈、通报), and name for exit
//! (撤销) zones warned several years running without improving. For each zone
//! and year: the tiers earned and, for each, the rule that fired with its
//! numbers. Deterministic: same scores and rules, same verdicts.
//!
//! Main types: [`Rules`], [`Verdict`], [`Tier`], [`Reason`].

use serde::Serialize;

use super::error::MetricsError;
use super::ranking::{competition_ranks, RankOrder};

/// The rules; a rule set to `None` never fires.
///
/// Ranks are standard competition ranks within each year, 1 = best.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rules {
    /// Reward: rank ≤ k (tied zones at the boundary all qualify).
    pub reward_top_k: Option<usize>,
    /// Reward: rose at least r places since the previous year.
    pub reward_rise: Option<usize>,
    /// Warning: among the bottom k, i.e. rank counted from the bottom
    /// (competition ranking of the scores, lowest first) ≤ k.
    pub warn_bottom_k: Option<usize>,
    /// Warning: score < s.
    pub warn_below: Option<f64>,
    /// Exit: warned in each of the last n years (this one included) and
    /// not improved over them: rank this year ≥ rank in the first year of
    /// the run (a smaller rank number is an improvement).
    pub exit_after: Option<usize>,
}

/// A tier a zone can earn in a year. A zone can earn several (a zone that
/// rose 5 places but is still in the bottom 3 is rewarded and warned; a zone
/// named for exit is also warned).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Reward,
    Warning,
    Exit,
}

/// Why a tier was earned: the rule and its numbers.
///
/// JSON: `{"rule": "top_k", "rank", "k"}`, `{"rule": "rise", "from_rank",
/// "to_rank", "places", "min_places"}`, `{"rule": "bottom_k",
/// "rank_from_bottom", "k"}`, `{"rule": "below_score", "score",
/// "threshold"}`, `{"rule": "exit", "warned_years", "since_year",
/// "rank_then", "rank_now"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum Reason {
    TopK {
        rank: usize,
        k: usize,
    },
    Rise {
        from_rank: usize,
        to_rank: usize,
        places: usize,
        min_places: usize,
    },
    BottomK {
        rank_from_bottom: usize,
        k: usize,
    },
    BelowScore {
        score: f64,
        threshold: f64,
    },
    Exit {
        warned_years: usize,
        since_year: i32,
        rank_then: usize,
        rank_now: usize,
    },
}

impl Reason {
    /// The tier this reason earns.
    pub fn tier(&self) -> Tier {
        match self {
            Reason::TopK { .. } | Reason::Rise { .. } => Tier::Reward,
            Reason::BottomK { .. } | Reason::BelowScore { .. } => Tier::Warning,
            Reason::Exit { .. } => Tier::Exit,
        }
    }
}

/// One zone in one year.
///
/// JSON: `{"zone", "year", "score", "rank", "rank_change", "tiers": [..],
/// "reasons": [Reason]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub zone: usize,
    pub year: i32,
    pub score: Option<f64>,
    pub rank: Option<usize>,
    /// Places gained since the previous year (positive = rose).
    pub rank_change: Option<i64>,
    /// Distinct tiers in the order reward, warning, exit.
    pub tiers: Vec<Tier>,
    pub reasons: Vec<Reason>,
}

/// Applies the rules to every zone and year.
///
/// `years` are strictly increasing, consecutive evaluations (t − 1 is the
/// entry before); `scores[t][i]` is zone i's composite score in `years[t]`,
/// `None` when it was not scored (no rank, no tier, and it breaks a warning
/// run). Verdicts are ordered by year, then zone.
pub fn dynamic_management(
    years: &[i32],
    scores: &[Vec<Option<f64>>],
    rules: &Rules,
) -> Result<Vec<Verdict>, MetricsError> {
    Ok(manage(years, scores, rules, false)?.verdicts)
}

/// The rules' verdicts with what they were computed on.
#[derive(Debug, Clone, PartialEq)]
pub struct Managed {
    /// Every zone in every year, by year, then zone.
    pub verdicts: Vec<Verdict>,
    /// Each zone's year of exit (none unless exit is modelled).
    pub exits: Vec<Option<i32>>,
    /// Each year's competition ranks, highest score first, of the zones
    /// still in the ranking.
    pub ranks: Vec<Vec<Option<usize>>>,
}

/// [`dynamic_management`], with exit modelled when `exit_out`: a zone
/// named for exit in year t is out of the ranks (and so of the tiers) of
/// every later year, and the others' ranks close up (the next bottom k
/// are warned). One pass, a year at a time: a year's verdicts depend only
/// on that year and the years before it, whose exits are known by then.
pub fn manage(
    years: &[i32],
    scores: &[Vec<Option<f64>>],
    rules: &Rules,
    exit_out: bool,
) -> Result<Managed, MetricsError> {
    if years.len() != scores.len() {
        return Err(MetricsError::shape(format!(
            "{} years but {} score lists: give one list per year",
            years.len(),
            scores.len()
        )));
    }
    if let Some(pair) = years.windows(2).find(|w| w[0] >= w[1]) {
        return Err(MetricsError::parameter(format!(
            "years must increase: {} comes after {}",
            pair[1], pair[0]
        )));
    }
    let zones = scores.first().map_or(0, Vec::len);
    if let Some(t) = scores.iter().position(|s| s.len() != zones) {
        return Err(MetricsError::shape(format!(
            "year {} has {} zones, year {} has {zones}",
            years[t],
            scores[t].len(),
            years[0]
        )));
    }
    if rules.exit_after == Some(0) {
        return Err(MetricsError::parameter(
            "exit_after is 0: use n >= 1 years, or None to disable exit",
        ));
    }
    let mut exits: Vec<Option<i32>> = vec![None; zones];
    let mut ranks: Vec<Vec<Option<usize>>> = Vec::with_capacity(years.len());
    // warned[t][i], filled as we go (exit looks back at earlier years).
    let mut warned = vec![vec![false; zones]; years.len()];
    let mut verdicts = Vec::with_capacity(years.len() * zones);
    for (t, &year) in years.iter().enumerate() {
        // The zones that left before this year are out of it.
        let scores: Vec<Option<f64>> = scores[t]
            .iter()
            .zip(&exits)
            .map(|(s, exit)| s.filter(|_| exit.is_none()))
            .collect();
        ranks.push(competition_ranks(&scores, RankOrder::HighestFirst));
        let ranks_from_bottom = competition_ranks(&scores, RankOrder::LowestFirst);
        let year_ranks = YearRanks {
            years: &years[..=t],
            ranks: &ranks,
            from_bottom: &ranks_from_bottom,
            rules,
        };
        for (zone, score) in scores.iter().enumerate() {
            let verdict = year_ranks.verdict(zone, *score, &mut warned);
            // Named for exit: out of the later years' rankings. (A zone
            // already out has no rank this year, so no new exit.)
            if exit_out && verdict.tiers.contains(&Tier::Exit) {
                exits[zone] = Some(year);
            }
            verdicts.push(verdict);
        }
    }
    Ok(Managed {
        verdicts,
        exits,
        ranks,
    })
}

/// What a year's verdicts read: the years up to it, their ranks, its
/// ranks from the bottom, the rules.
struct YearRanks<'a> {
    years: &'a [i32],
    ranks: &'a [Vec<Option<usize>>],
    from_bottom: &'a [Option<usize>],
    rules: &'a Rules,
}

impl YearRanks<'_> {
    /// Zone `zone`'s verdict in the last of the years, its warning noted
    /// in `warned` (`warned[t][zone]`, which exit reads back). A function
    /// called per zone, not the body of [`manage`]'s loop: V8 optimises a
    /// wasm function only for its later calls, and the 40,000 verdicts of
    /// 2,000 zones over 20 years in one call ran in its baseline code.
    #[inline(never)]
    fn verdict(&self, zone: usize, score: Option<f64>, warned: &mut [Vec<bool>]) -> Verdict {
        let YearRanks {
            years,
            ranks,
            from_bottom,
            rules,
        } = *self;
        let t = years.len() - 1;
        let year = years[t];
        let score = score.filter(|s| s.is_finite());
        let rank = ranks[t][zone];
        let previous_rank = if t > 0 { ranks[t - 1][zone] } else { None };
        let rank_change = rank
            .zip(previous_rank)
            .map(|(now, before)| before as i64 - now as i64);
        let mut reasons = Vec::new();
        if let (Some(rank), Some(k)) = (rank, rules.reward_top_k) {
            if rank <= k {
                reasons.push(Reason::TopK { rank, k });
            }
        }
        if let (Some(now), Some(before), Some(min_places)) =
            (rank, previous_rank, rules.reward_rise)
        {
            if now < before && before - now >= min_places {
                reasons.push(Reason::Rise {
                    from_rank: before,
                    to_rank: now,
                    places: before - now,
                    min_places,
                });
            }
        }
        if let (Some(rank_from_bottom), Some(k)) = (from_bottom[zone], rules.warn_bottom_k) {
            if rank_from_bottom <= k {
                reasons.push(Reason::BottomK {
                    rank_from_bottom,
                    k,
                });
            }
        }
        if let (Some(score), Some(threshold)) = (score, rules.warn_below) {
            if score < threshold {
                reasons.push(Reason::BelowScore { score, threshold });
            }
        }
        warned[t][zone] = reasons.iter().any(|r| r.tier() == Tier::Warning);
        if let (Some(n), Some(rank_now)) = (rules.exit_after, rank) {
            if t + 1 >= n && (t + 1 - n..=t).all(|u| warned[u][zone]) {
                let first = t + 1 - n;
                if let Some(rank_then) = ranks[first][zone] {
                    if rank_now >= rank_then {
                        reasons.push(Reason::Exit {
                            warned_years: n,
                            since_year: years[first],
                            rank_then,
                            rank_now,
                        });
                    }
                }
            }
        }
        let mut tiers: Vec<Tier> = Vec::new();
        for tier in [Tier::Reward, Tier::Warning, Tier::Exit] {
            if reasons.iter().any(|r| r.tier() == tier) {
                tiers.push(tier);
            }
        }
        Verdict {
            zone,
            year,
            score,
            rank,
            rank_change,
            tiers,
            reasons,
        }
    }
}

#[cfg(test)]
mod tests;
