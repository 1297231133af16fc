//! Industry structure of zones (claim C18: industries converge, "一园一特色" is
//! not achieved): similarity between zones' industry mixes (UNIDO's structural
//! similarity coefficient, i.e. the cosine), the Krugman specialisation index,
//! location quotients, the Herfindahl concentration, the most similar pairs,
//! each zone's most distinctive industry, and a zone order for a heatmap.
//!
//! An industry matrix is given as one row per zone (`&[Vec<f64>]`), one
//! column per industry in the same order for every zone; values are outputs
//! (or employment) and must be finite and ≥ 0.
//!
//! Main types: [`SimilarPair`], [`DistinctiveIndustry`], [`KrugmanReference`].

use serde::Serialize;

/// Cosine similarity of two industry mixes (same industry order).
///
/// S = Σ_k a_k b_k / (√Σ a_k² · √Σ b_k²). 1 means identical structure, 0 none
/// in common. This is UNIDO's structural similarity coefficient. `None` when
/// the lengths differ, a vector is all zero, or a value is negative or not
/// finite.
pub fn cosine(a: &[f64], b: &[f64]) -> Option<f64> {
    cosine_with_norms((a, norm(a)?), (b, norm(b)?))
}

/// √Σ a_k² of a mix, `None` when it is all zero or a value is negative or
/// not finite: what [`cosine`] divides by, worked out once per zone when a
/// zone meets every other (n norms instead of n² at 5,000 zones).
pub fn norm(mix: &[f64]) -> Option<f64> {
    if mix.iter().any(|v| !v.is_finite() || *v < 0.0) {
        return None;
    }
    let norm = mix.iter().map(|x| x * x).sum::<f64>().sqrt();
    (norm != 0.0).then_some(norm)
}

/// [`cosine`] of two mixes given with their [`norm`]s.
pub fn cosine_with_norms((a, norm_a): (&[f64], f64), (b, norm_b): (&[f64], f64)) -> Option<f64> {
    if a.len() != b.len() {
        return None;
    }
    // The same sum as `PairPass::compare_row`'s, in the same order from the
    // same start, so that a claim and a chart count a pair at the threshold
    // alike (std's `Sum` of f64 has started at +0.0 in some releases).
    let mut dot = -0.0;
    for (x, y) in a.iter().zip(b) {
        dot += x * y;
    }
    Some((dot / (norm_a * norm_b)).min(1.0))
}

/// Cosine similarity of every pair of zones: M_ij = [`cosine`](row_i, row_j).
///
/// Symmetric; the diagonal is 1 for a zone with any output and `None` for an
/// all-zero zone (as is its whole row).
pub fn cosine_matrix(zones: &[Vec<f64>]) -> Vec<Vec<Option<f64>>> {
    let n = zones.len();
    let norms: Vec<Option<f64>> = zones.iter().map(|z| norm(z)).collect();
    let mut matrix = vec![vec![None; n]; n];
    for i in 0..n {
        let Some(norm_i) = norms[i] else { continue };
        for j in i..n {
            let Some(norm_j) = norms[j] else { continue };
            let s = if i == j {
                Some(1.0)
            } else {
                cosine_with_norms((&zones[i], norm_i), (&zones[j], norm_j))
            };
            matrix[i][j] = s;
            matrix[j][i] = s;
        }
    }
    matrix
}

/// Two zones whose similarity reaches a threshold.
///
/// JSON: `{"a": usize, "b": usize, "similarity": f64}` with a < b.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarPair {
    pub a: usize,
    pub b: usize,
    pub similarity: f64,
}

/// The pairs (a < b) with M_ab ≥ `threshold`, most similar first (ties by a,
/// then b). Undefined similarities are skipped.
pub fn similar_pairs(matrix: &[Vec<Option<f64>>], threshold: f64) -> Vec<SimilarPair> {
    most_similar_pairs(matrix, threshold, usize::MAX).0
}

/// The first `limit` of [`similar_pairs`], and how many pairs there are in
/// all. Memory stays O(limit) however many pairs pass the threshold: at
/// 5,000 zones of similar industries, all 12.5 million pairs can.
pub fn most_similar_pairs(
    matrix: &[Vec<Option<f64>>],
    threshold: f64,
    limit: usize,
) -> (Vec<SimilarPair>, usize) {
    let cell = |a: usize, b: usize| matrix.get(a)?.get(b).copied().flatten();
    most_similar_pairs_by(matrix.len(), cell, threshold, limit)
}

/// [`most_similar_pairs`] of `n` zones whose similarities `similarity(a,
/// b)` gives, so that they need not be stored.
pub fn most_similar_pairs_by(
    n: usize,
    similarity: impl Fn(usize, usize) -> Option<f64>,
    threshold: f64,
    limit: usize,
) -> (Vec<SimilarPair>, usize) {
    let mut top = TopPairs::new(threshold, limit);
    for a in 0..n {
        for b in a + 1..n {
            if let Some(s) = similarity(a, b) {
                top.offer(a, b, s);
            }
        }
    }
    top.finish()
}

/// The most similar pairs as they arrive in (a, b) order: every pair from
/// the threshold up counted, the first `limit` in [`most_similar_pairs`]'
/// order kept. Memory stays O(limit).
struct TopPairs {
    threshold: f64,
    limit: usize,
    pairs: Vec<SimilarPair>,
    count: usize,
    /// Once `limit` pairs are kept, the last of them: a pair that does not
    /// come before it cannot be listed. Pairs arrive in (a, b) order, so a
    /// pair as similar as the last comes after it.
    last_kept: Option<f64>,
}

impl TopPairs {
    fn new(threshold: f64, limit: usize) -> TopPairs {
        TopPairs {
            threshold,
            limit,
            pairs: Vec::new(),
            count: 0,
            last_kept: None,
        }
    }

    fn order(x: &SimilarPair, y: &SimilarPair) -> std::cmp::Ordering {
        y.similarity
            .total_cmp(&x.similarity)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    }

    fn offer(&mut self, a: usize, b: usize, similarity: f64) {
        if similarity < self.threshold || similarity.is_nan() {
            return;
        }
        self.count += 1;
        if self.limit == 0 || self.last_kept.is_some_and(|last| similarity <= last) {
            return;
        }
        self.pairs.push(SimilarPair { a, b, similarity });
        // Keep the first `limit` in the order, sorting when the list has
        // doubled.
        if self.pairs.len() >= self.limit.saturating_mul(2).max(1024) {
            crate::order::sort_by(&mut self.pairs, TopPairs::order);
            self.pairs.truncate(self.limit);
            self.last_kept = self.pairs.last().map(|p| p.similarity);
        }
    }

    fn finish(mut self) -> (Vec<SimilarPair>, usize) {
        crate::order::sort_by(&mut self.pairs, TopPairs::order);
        self.pairs.truncate(self.limit);
        (self.pairs, self.count)
    }
}

/// What a zone's industry mix is compared with in the Krugman index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KrugmanReference {
    /// The sum of all other zones (Krugman's "rest of the region").
    RestOfZones,
    /// The sum of all zones, this one included.
    AllZones,
}

/// Krugman specialisation index of a mix against a reference mix:
/// K = Σ_k |s_k − r_k|, with s_k = a_k / Σ a and r_k = b_k / Σ b.
///
/// 0 for the same structure, 2 for no industry in common. Krugman (1991),
/// Geography and Trade. `None` when the lengths differ, a vector sums to
/// zero, or a value is negative or not finite.
pub fn krugman(mix: &[f64], reference: &[f64]) -> Option<f64> {
    if mix.len() != reference.len()
        || mix
            .iter()
            .chain(reference)
            .any(|v| !v.is_finite() || *v < 0.0)
    {
        return None;
    }
    let total_mix: f64 = mix.iter().sum();
    let total_ref: f64 = reference.iter().sum();
    if total_mix <= 0.0 || total_ref <= 0.0 {
        return None;
    }
    Some(
        mix.iter()
            .zip(reference)
            .map(|(a, b)| (a / total_mix - b / total_ref).abs())
            .sum(),
    )
}

/// Krugman index of every zone against the rest of the zones or all zones.
pub fn krugman_indices(zones: &[Vec<f64>], reference: KrugmanReference) -> Vec<Option<f64>> {
    let totals = industry_totals(zones);
    zones
        .iter()
        .map(|mix| {
            let totals = totals.as_ref()?;
            match reference {
                KrugmanReference::AllZones => krugman(mix, totals),
                KrugmanReference::RestOfZones => {
                    let rest: Vec<f64> = totals
                        .iter()
                        .zip(mix)
                        .map(|(t, x)| (t - x).max(0.0))
                        .collect();
                    krugman(mix, &rest)
                }
            }
        })
        .collect()
}

/// Location quotients zone × industry against the zones' total:
/// LQ_ik = (x_ik / X_i) / (X_k / X), with X_i the zone's total, X_k the
/// industry's total over zones and X the grand total.
///
/// LQ > 1: the industry weighs more in the zone than in the zones together.
/// Sources: the standard regional-science quotient (Isard 1960; UNIDO uses it
/// for specialisation). A cell is `None` when the zone's total, the
/// industry's total or the grand total is zero, or the rows are ragged or
/// hold a negative or non-finite value.
pub fn location_quotients(zones: &[Vec<f64>]) -> Vec<Vec<Option<f64>>> {
    let Some(totals) = industry_totals(zones) else {
        return zones.iter().map(|row| vec![None; row.len()]).collect();
    };
    let grand: f64 = totals.iter().sum();
    zones
        .iter()
        .map(|row| {
            let zone_total: f64 = row.iter().sum();
            row.iter()
                .zip(&totals)
                .map(|(x, industry_total)| {
                    if zone_total <= 0.0 || *industry_total <= 0.0 || grand <= 0.0 {
                        None
                    } else {
                        Some((x / zone_total) / (industry_total / grand))
                    }
                })
                .collect()
        })
        .collect()
}

/// Herfindahl–Hirschman index of one zone's mix: H = Σ_k s_k², s_k = x_k / Σ x.
///
/// 1 when one industry is everything, 1/K when K industries are equal.
/// `None` for an empty or all-zero mix, or a negative or non-finite value.
pub fn herfindahl(mix: &[f64]) -> Option<f64> {
    if mix.iter().any(|v| !v.is_finite() || *v < 0.0) {
        return None;
    }
    let total: f64 = mix.iter().sum();
    if total <= 0.0 {
        return None;
    }
    Some(mix.iter().map(|x| (x / total).powi(2)).sum())
}

/// A zone's industry with the highest location quotient.
///
/// JSON: `{"industry": usize, "location_quotient": f64}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistinctiveIndustry {
    pub industry: usize,
    pub location_quotient: f64,
}

/// Each zone's most distinctive industry: argmax_k LQ_ik (ties: the lowest
/// industry index). `None` for a zone with no defined quotient.
pub fn most_distinctive(
    location_quotients: &[Vec<Option<f64>>],
) -> Vec<Option<DistinctiveIndustry>> {
    location_quotients
        .iter()
        .map(|row| {
            let mut best: Option<DistinctiveIndustry> = None;
            for (industry, lq) in row.iter().enumerate() {
                if let Some(lq) = lq {
                    if best.as_ref().map_or(true, |b| *lq > b.location_quotient) {
                        best = Some(DistinctiveIndustry {
                            industry,
                            location_quotient: *lq,
                        });
                    }
                }
            }
            best
        })
        .collect()
}

/// One merge of an agglomerative clustering: a row of SciPy's linkage
/// matrix. Clusters are numbered as SciPy numbers them: zone i is cluster i,
/// and the cluster made by merge m is cluster n + m.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// The two clusters merged, `a < b`.
    pub a: usize,
    pub b: usize,
    /// Their average distance, 1 − cosine averaged over every pair of zones
    /// across the two.
    pub distance: f64,
    /// Zones in the merged cluster.
    pub size: usize,
}

/// Average-linkage (UPGMA) hierarchical clustering of the zones on the
/// distance d = 1 − cosine (an undefined cosine counts as d = 1, nothing in
/// common): start with every zone a cluster; repeatedly merge the two
/// clusters with the least average distance between their zones
/// (d(I, J) = Σ_{i∈I, j∈J} d_ij / (|I||J|)); ties go to the pair with the
/// lowest cluster numbers. The same merges as SciPy's
/// `linkage(squareform(1 − M), "average")` when no distances tie.
///
/// O(n³) time and O(n²) memory: for the heatmap's few dozen zones, not for
/// thousands.
pub fn average_linkage(matrix: &[Vec<Option<f64>>]) -> Vec<Merge> {
    let n = matrix.len();
    let distance = |i: usize, j: usize| {
        1.0 - matrix[i]
            .get(j)
            .copied()
            .flatten()
            .unwrap_or(0.0)
            .clamp(0.0, 1.0)
    };
    // Slot i holds the cluster `ids[i]` of `sizes[i]` zones while `alive`.
    let mut d: Vec<Vec<f64>> = vec![vec![0.0; n]; n];
    for (i, row) in d.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            *cell = distance(i, j);
        }
    }
    let mut ids: Vec<usize> = (0..n).collect();
    let mut sizes = vec![1usize; n];
    let mut alive = vec![true; n];
    let mut merges = Vec::with_capacity(n.saturating_sub(1));
    for step in 0..n.saturating_sub(1) {
        // (distance, lower id, higher id, slot i, slot j)
        let mut best: Option<(f64, usize, usize, usize, usize)> = None;
        for i in (0..n).filter(|i| alive[*i]) {
            for j in (i + 1..n).filter(|j| alive[*j]) {
                let (lo, hi) = (ids[i].min(ids[j]), ids[i].max(ids[j]));
                let better = best.map_or(true, |(bd, blo, bhi, _, _)| {
                    d[i][j] < bd || (d[i][j] == bd && (lo, hi) < (blo, bhi))
                });
                if better {
                    best = Some((d[i][j], lo, hi, i, j));
                }
            }
        }
        let Some((distance, a, b, i, j)) = best else {
            break;
        };
        let (si, sj) = (sizes[i] as f64, sizes[j] as f64);
        for k in (0..n).filter(|k| alive[*k] && *k != i && *k != j) {
            let merged = (si * d[i][k] + sj * d[j][k]) / (si + sj);
            d[i][k] = merged;
            d[k][i] = merged;
        }
        alive[j] = false;
        sizes[i] += sizes[j];
        ids[i] = n + step;
        merges.push(Merge {
            a,
            b,
            distance,
            size: sizes[i],
        });
    }
    merges
}

/// The zones in the order of the clustering's tree, read left to right
/// (each merge's cluster `a` before its `b`): SciPy's `leaves_list`. Zones
/// of a cluster stay side by side, so groups show as blocks on a heatmap.
pub fn leaf_order(merges: &[Merge], n: usize) -> Vec<usize> {
    if merges.is_empty() {
        return (0..n).collect();
    }
    let mut order = Vec::with_capacity(n);
    // Depth first from the root, the left child on top of the stack.
    let mut stack = vec![n + merges.len() - 1];
    while let Some(cluster) = stack.pop() {
        match cluster.checked_sub(n).and_then(|m| merges.get(m)) {
            Some(merge) => {
                stack.push(merge.b);
                stack.push(merge.a);
            }
            None => order.push(cluster),
        }
    }
    // Zones no merge reached (a clustering cut short) keep their place at the end.
    let mut seen = vec![false; n];
    for z in &order {
        if let Some(s) = seen.get_mut(*z) {
            *s = true;
        }
    }
    order.extend((0..n).filter(|z| !seen[*z]));
    order
}

/// The flat clusters the tree has at `max_distance`: zones joined by merges
/// at that distance or less (SciPy's `fcluster(Z, max_distance,
/// "distance")`; average linkage never merges lower than a merge before it,
/// so this is the tree cut at that height). `cluster[zone]` is the zone's
/// cluster, numbered from 0 in the order of `leaf_order`.
pub fn flat_clusters(merges: &[Merge], n: usize, max_distance: f64) -> Vec<usize> {
    // Union–find over clusters 0..n + merges.
    let mut parent: Vec<usize> = (0..n + merges.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (m, merge) in merges.iter().enumerate() {
        if merge.distance <= max_distance && merge.a < n + m && merge.b < n + m {
            for child in [merge.a, merge.b] {
                let r = root(&mut parent, child);
                parent[r] = n + m;
            }
        }
    }
    let mut label: Vec<Option<usize>> = vec![None; n + merges.len()];
    let mut cluster = vec![0; n];
    let mut next = 0;
    for zone in leaf_order(merges, n) {
        let r = root(&mut parent, zone);
        let l = *label[r].get_or_insert_with(|| {
            next += 1;
            next - 1
        });
        if let Some(c) = cluster.get_mut(zone) {
            *c = l;
        }
    }
    cluster
}

/// The pairs of zones counted in one pass, with each zone's nearest twins
/// and the most similar pairs, without the n × n matrix: O(n²·k) time for k
/// industries and O(n) memory (5,000 zones: 12.5 million pairs, a few
/// hundred KB of results instead of a 400 MB matrix).
#[derive(Debug, Clone, PartialEq)]
pub struct PairStats {
    /// Pairs with a defined cosine.
    pub pairs: usize,
    /// Of these, at or above the threshold.
    pub above: usize,
    /// Mean cosine over the pairs.
    pub mean: Option<f64>,
    /// Each zone's most similar other zones, most similar first (ties: the
    /// lower zone index), at most the number asked.
    pub nearest: Vec<Vec<(usize, f64)>>,
    /// The first pairs of [`most_similar_pairs`], as many as asked.
    pub listed: Vec<SimilarPair>,
}

/// [`PairStats`] of the mixes `zones` (one row per zone): twins up to
/// `twins` per zone, pairs similar from `threshold` up, the first `listed`
/// of them kept.
pub fn pair_stats(zones: &[&[f64]], threshold: f64, twins: usize, listed: usize) -> PairStats {
    let n = zones.len();
    let mut pass = PairPass {
        zones,
        norms: zones.iter().map(|z| norm(z)).collect(),
        twins,
        nearest: vec![Vec::new(); n],
        bar: vec![f64::NEG_INFINITY; n],
        pairs: 0,
        sum: 0.0,
        top: TopPairs::new(threshold, listed),
    };
    for a in 0..n {
        pass.compare_row(a);
    }
    let (listed, above) = pass.top.finish();
    let pairs = pass.pairs;
    PairStats {
        pairs,
        above,
        mean: (pairs > 0).then(|| pass.sum / pairs as f64),
        nearest: pass.nearest,
        listed,
    }
}

/// [`pair_stats`]' pass over every pair a < b, in (a, b) order.
struct PairPass<'a> {
    zones: &'a [&'a [f64]],
    norms: Vec<Option<f64>>,
    twins: usize,
    nearest: Vec<Vec<(usize, f64)>>,
    /// Per zone, the similarity a twin must beat: its last twin's once it
    /// has `twins`, else −∞.
    bar: Vec<f64>,
    pairs: usize,
    sum: f64,
    top: TopPairs,
}

impl PairPass<'_> {
    /// Zone `a` against every zone after it. A function of its own, called
    /// once per zone, not inlined: V8 runs a wasm function in its baseline
    /// code until a later call, so the 2 million pairs of 2,000 zones in
    /// one call ran unoptimised (three times slower, measured).
    #[inline(never)]
    fn compare_row(&mut self, a: usize) {
        let Some(norm_a) = self.norms[a] else { return };
        let mix_a = self.zones[a];
        for b in a + 1..self.zones.len() {
            let Some(norm_b) = self.norms[b] else {
                continue;
            };
            let mix_b = self.zones[b];
            if mix_b.len() != mix_a.len() {
                continue;
            }
            // cosine_with_norms' sum, in its order from its start (the
            // same bits: a test checks).
            let mut dot = -0.0;
            for k in 0..mix_a.len() {
                dot += mix_a[k] * mix_b[k];
            }
            let s = (dot / (norm_a * norm_b)).min(1.0);
            self.pairs += 1;
            self.sum += s;
            if self.twins > 0 {
                if s > self.bar[a] {
                    self.keep(a, b, s);
                }
                if s > self.bar[b] {
                    self.keep(b, a, s);
                }
            }
            if s >= self.top.threshold {
                self.top.offer(a, b, s);
            }
        }
    }

    /// Puts `other` among `zone`'s twins, most similar first; a later zone
    /// of the same similarity comes after (zones arrive in index order).
    fn keep(&mut self, zone: usize, other: usize, s: f64) {
        let list = &mut self.nearest[zone];
        let at = list.iter().position(|(_, x)| s > *x).unwrap_or(list.len());
        list.insert(at, (other, s));
        list.truncate(self.twins);
        if list.len() == self.twins {
            self.bar[zone] = list.last().map_or(f64::NEG_INFINITY, |t| t.1);
        }
    }
}

/// What a group of zones has in common, by their mixes: the industries
/// ranked by the smallest share any of them has in it (its output in the
/// industry over its total), highest first, those every zone has output
/// in, at most `limit` (ties: the lower industry index). For two zones, the
/// industries both make most of.
pub fn shared_industries(mixes: &[&[f64]], limit: usize) -> Vec<usize> {
    let Some(width) = mixes.iter().map(|m| m.len()).min() else {
        return Vec::new();
    };
    let totals: Vec<f64> = mixes.iter().map(|m| m.iter().sum()).collect();
    if totals.iter().any(|t| !t.is_finite() || *t <= 0.0) {
        return Vec::new();
    }
    let mut common: Vec<(usize, f64)> = Vec::new();
    for k in 0..width {
        let mut least = f64::INFINITY;
        for (m, t) in mixes.iter().zip(&totals) {
            least = least.min(m[k] / t);
        }
        if least > 0.0 {
            common.push((k, least));
        }
    }
    crate::order::sort_by(&mut common, |x, y| y.1.total_cmp(&x.1));
    common.truncate(limit);
    let mut industries = Vec::with_capacity(common.len());
    for (k, _) in common {
        industries.push(k);
    }
    industries
}

/// Mean similarity over all pairs of zones: (2 / (n(n−1))) Σ_{a<b} M_ab,
/// over the defined cells. A single number for "industries converge" (C18):
/// near 1, the zones make the same things. `None` with no defined pair.
pub fn mean_pairwise_similarity(matrix: &[Vec<Option<f64>>]) -> Option<f64> {
    let (sum, count) = matrix
        .iter()
        .enumerate()
        .flat_map(|(a, row)| row.iter().skip(a + 1).flatten())
        .fold((0.0, 0usize), |(sum, count), x| (sum + x, count + 1));
    (count > 0).then(|| sum / count as f64)
}

/// Every industry-structure measure of one year, for the report.
///
/// JSON: `{"similarity", "pairs", "mean_similarity", "similar_pairs", "pairs_above",
/// "heatmap_order", "krugman_rest", "krugman_all", "location_quotients",
/// "herfindahl", "most_distinctive"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StructureReport {
    /// [`cosine_matrix`], empty above [`MATRIX_ZONES`] zones.
    pub similarity: Vec<Vec<Option<f64>>>,
    /// Pairs with a defined similarity.
    pub pairs: usize,
    /// [`mean_pairwise_similarity`] (worked out pair by pair,
    /// [`pair_stats`]).
    pub mean_similarity: Option<f64>,
    /// The first [`LISTED_PAIRS`] of [`similar_pairs`] at the threshold
    /// given.
    pub similar_pairs: Vec<SimilarPair>,
    /// How many pairs [`similar_pairs`] has in all.
    pub pairs_above: usize,
    /// Each zone's most similar other zone ([`pair_stats`]).
    #[serde(skip)]
    pub nearest: Vec<Vec<(usize, f64)>>,
    /// The [`leaf_order`] of the [`average_linkage`] tree: similar zones
    /// side by side. Empty above [`CLUSTER_ZONES`] zones.
    pub heatmap_order: Vec<usize>,
    /// [`krugman_indices`] against the rest of the zones.
    pub krugman_rest: Vec<Option<f64>>,
    /// [`krugman_indices`] against all zones.
    pub krugman_all: Vec<Option<f64>>,
    /// [`location_quotients`].
    pub location_quotients: Vec<Vec<Option<f64>>>,
    /// [`herfindahl`] per zone.
    pub herfindahl: Vec<Option<f64>>,
    /// [`most_distinctive`].
    pub most_distinctive: Vec<Option<DistinctiveIndustry>>,
}

/// The most similar pairs [`structure_report`] lists (all of them are
/// counted): 36 zones have 630 pairs; 5,000 zones have 12.5 million.
pub const LISTED_PAIRS: usize = 1_000;

/// The most zones [`structure_report`] makes the similarity matrix for
/// (1,000 zones: a million cells, 16 MB); above, the cosines are worked out
/// pair by pair and never stored (5,000 zones would be 400 MB).
pub const MATRIX_ZONES: usize = 1_000;

/// The most zones [`structure_report`] clusters for its heatmap order
/// ([`average_linkage`] is O(n³)); above, the order is empty.
pub const CLUSTER_ZONES: usize = 200;

/// Computes every structure measure of an industry matrix (one row per zone).
pub fn structure_report(zones: &[Vec<f64>], pair_threshold: f64) -> StructureReport {
    let rows: Vec<&[f64]> = zones.iter().map(Vec::as_slice).collect();
    let stats = pair_stats(&rows, pair_threshold, 1, LISTED_PAIRS);
    structure_report_with(zones, &stats)
}

/// [`structure_report`] from the pairs already compared: `stats` is
/// [`pair_stats`] of the same rows at the threshold wanted, with at least
/// one twin and [`LISTED_PAIRS`] listed (more twins do no harm: the report
/// keeps each zone's first). The pass over every pair is most of the
/// work at national scale (2,000 zones: 2 million pairs), and the
/// specialisation tab's two charts need it for the same zones.
pub fn structure_report_with(zones: &[Vec<f64>], stats: &PairStats) -> StructureReport {
    let n = zones.len();
    let similarity = if n <= MATRIX_ZONES {
        cosine_matrix(zones)
    } else {
        Vec::new()
    };
    let location_quotients = location_quotients(zones);
    let heatmap_order = if n <= CLUSTER_ZONES {
        leaf_order(&average_linkage(&similarity), n)
    } else {
        Vec::new()
    };
    StructureReport {
        pairs: stats.pairs,
        mean_similarity: stats.mean,
        similar_pairs: stats.listed.clone(),
        pairs_above: stats.above,
        nearest: stats
            .nearest
            .iter()
            .map(|t| t[..t.len().min(1)].to_vec())
            .collect(),
        heatmap_order,
        krugman_rest: krugman_indices(zones, KrugmanReference::RestOfZones),
        krugman_all: krugman_indices(zones, KrugmanReference::AllZones),
        herfindahl: zones.iter().map(|z| herfindahl(z)).collect(),
        most_distinctive: most_distinctive(&location_quotients),
        location_quotients,
        similarity,
    }
}

/// Σ over zones of each industry, or `None` for ragged rows or bad values.
fn industry_totals(zones: &[Vec<f64>]) -> Option<Vec<f64>> {
    let width = zones.first()?.len();
    let mut totals = vec![0.0; width];
    for row in zones {
        if row.len() != width || row.iter().any(|v| !v.is_finite() || *v < 0.0) {
            return None;
        }
        for (t, x) in totals.iter_mut().zip(row) {
            *t += x;
        }
    }
    Some(totals)
}

#[cfg(test)]
mod tests;
