//! What the measures mean, in plain words: for each measure a chart shows
//! (the two Gini coefficients, Theil, cosine similarity, the location
//! quotient, the composite score, TOPSIS), its name, one line on what it says, how to read a high
//! and a low value, and the report's sentence it backs (the dataset's claim
//! text, when a claim checks it). The page shows a chart's measures under
//! its summary (a line, and the rest behind a disclosure) and all of them
//! as the glossary on the data tab.

use serde::Serialize;

use crate::i18n::Lang;
use crate::model::Dataset;

/// One measure: `[term, line, reading]` in zh and en, the claim that
/// checks it ("" for none) and the charts that show it.
struct Measure {
    zh: [&'static str; 3],
    en: [&'static str; 3],
    claim: &'static str,
    charts: &'static [&'static str],
}

const MEASURES: &[Measure] = &[
    Measure {
        zh: [
            "基尼系数（按土地加权）",
            "GDP在园区土地上分布得是否均匀：0表示每平方千米产出相同，1表示全部产出集中在极少的土地上。",
            "越高越集中：少数园区用少量土地创造了大部分产出。它等于洛伦兹曲线与对角线之间面积的两倍。",
        ],
        en: [
            "Gini coefficient, land-weighted",
            "How evenly GDP is spread over the zones' land: 0 means every square kilometre produces the same, 1 that all output comes from a sliver of land.",
            "Higher means more concentrated: a few zones produce most of the output on little land. It is twice the area between the Lorenz curve and the diagonal.",
        ],
        claim: "",
        charts: &["lorenz"],
    },
    Measure {
        zh: [
            "各区GDP基尼系数",
            "不看面积、每个园区算一份时，GDP在园区之间的差距：0为完全平均，1为一家独占。",
            "越高差距越大；本项目以高于0.4为“发展不平衡”（报告未给出衡量方法）。它高于按土地加权的系数，因为产出多的园区土地也多。",
        ],
        en: [
            "Gini of GDP over zones",
            "The gap in GDP between zones, each zone counted once whatever its size: 0 is perfectly equal, 1 one zone with everything.",
            "Higher means a wider gap; above 0.4 we read as unbalanced growth (the report names no measure). It is higher than the land-weighted one because the zones with more output also have more land.",
        ],
        claim: "C19",
        charts: &["lorenz"],
    },
    Measure {
        zh: [
            "泰尔指数",
            "另一种不平衡的量度，可拆成两部分：国家级与市级两组之间的差距，和每组内部的差距。",
            "0为完全平均，越高越不平衡；组间部分占比大，说明差距主要在国家级与市级之间，而不是同级园区之间。",
        ],
        en: [
            "Theil index",
            "Another measure of imbalance, which splits in two: the gap between the national and the region-level groups, and the gaps within each group.",
            "0 is perfectly equal, higher more unequal; a large between-group part means the gap lies mostly between national and region-level zones, not among zones of one level.",
        ],
        claim: "",
        charts: &["theil"],
    },
    Measure {
        zh: [
            "余弦相似度",
            "两个园区的产业结构有多相像：比较各产业产值的构成，不看规模大小。",
            "1为结构完全相同，0为毫无重叠；本项目把0.8及以上视为相似（报告未给出数值）。",
        ],
        en: [
            "Cosine similarity",
            "How alike two zones' industry mixes are: the make-up of their output by industry is compared, not its size.",
            "1 is the same mix, 0 no industry in common; 0.8 or more we count as alike (the report gives no figure).",
        ],
        claim: "C18",
        charts: &["similarity"],
    },
    Measure {
        zh: [
            "区位熵",
            "某产业在一个园区产出中的比重，除以它在全部园区产出中的比重：衡量这个园区是否以该产业见长。",
            "大于1表示比平均更集中；本组件以1.25及以上为该园区的特色产业。几个相似园区特色相同，就是“一园一特色”没有做到。",
        ],
        en: [
            "Location quotient",
            "An industry's share of one zone's output divided by its share of all the zones' output: whether the zone stands out in that industry.",
            "Above 1 means more concentrated than average; this widget takes 1.25 or more as a zone's specialty. Similar zones sharing one specialty is 'one park, one specialty' not achieved.",
        ],
        claim: "C18",
        charts: &["industries"],
    },
    Measure {
        zh: [
            "综合得分",
            "各维度指标换算到0–100分后按权重相加，每个园区得到一个分数，据此排名并划分奖励、预警、退出。",
            "越高越好；分数取决于权重，拖动滑块可以看到排名对权重有多敏感。",
        ],
        en: [
            "Composite score",
            "Each dimension's indicators are scaled to 0–100 and added up with the weights: one score per zone, which ranks it and places it in the reward, warning or exit tier.",
            "Higher is better; the score depends on the weights: move the sliders to see how much the ranking does.",
        ],
        claim: "",
        charts: &["ranking", "profile", "stability", "bump"],
    },
    Measure {
        zh: [
            "TOPSIS（逼近理想解排序法）",
            "另一种评价方法：看每个园区离“各项都最好”的理想园区有多近，离“各项都最差”的有多远。",
            "贴近度在0到1之间，图表和排名中乘以100显示为0到100分，越高越好；与加权求和相比，某一项特别弱的园区得分更低。",
        ],
        en: [
            "TOPSIS (closeness to the ideal)",
            "Another evaluation method: how close each zone comes to an ideal zone that is best at everything, and how far from one that is worst at everything.",
            "The closeness runs from 0 to 1, shown times 100 as a score from 0 to 100 in the charts and the ranking; higher is better; unlike the weighted sum, it marks down a zone that is very weak on one indicator.",
        ],
        claim: "",
        charts: &["ranking"],
    },
];

/// A measure explained in one language, as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explained {
    pub term: &'static str,
    /// What the measure says, in one sentence.
    pub line: &'static str,
    /// How to read a high and a low value.
    pub reading: &'static str,
    /// The report's sentence the measure backs, with its claim id ("" for none).
    pub report: String,
}

/// The measures `chart` shows (every measure when `None`), in `lang`.
pub fn explain(dataset: &Dataset, chart: Option<&str>, lang: Lang) -> Vec<Explained> {
    MEASURES
        .iter()
        .filter(|m| chart.map_or(true, |c| m.charts.contains(&c)))
        .map(|m| {
            let [term, line, reading] = match lang {
                Lang::Zh => m.zh,
                Lang::En => m.en,
            };
            let report =
                dataset
                    .claims
                    .iter()
                    .find(|c| c.id == m.claim)
                    .map_or(String::new(), |c| {
                        let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
                        format!("{}{open}{}{close}", c.text.get(lang), c.id)
                    });
            Explained {
                term,
                line,
                reading,
                report,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
