//! The report's claims C1–C19 (docs/CLAIMS.md), each with its text, the
//! chart that shows it (one of `zone_monitor::model::CHART_IDS`) and the
//! declarative checks that decide whether the data supports it.

use crate::writer::{n, s, text, Json};

fn obj(fields: Vec<(&'static str, Json)>) -> Json {
    Json::Obj(fields)
}

fn zones(level: Option<&str>, county: Option<bool>) -> Json {
    let mut f = Vec::new();
    if let Some(l) = level {
        f.push(("level", s(l)));
    }
    if let Some(c) = county {
        f.push(("county_level", Json::Bool(c)));
    }
    Json::Obj(f)
}

fn count_zones(level: Option<&str>, op: &str, value: f64) -> Json {
    obj(vec![
        ("kind", s("count_zones")),
        ("zones", zones(level, None)),
        ("op", s(op)),
        ("value", n(value)),
    ])
}

fn sum(indicator: &str, level: Option<&str>, op: &str, value: f64, tolerance: Option<f64>) -> Json {
    let mut f = vec![
        ("kind", s("sum")),
        ("indicator", s(indicator)),
        ("year", n(2022.0)),
    ];
    if level.is_some() {
        f.push(("zones", zones(level, None)));
    }
    f.extend([("op", s(op)), ("value", n(value))]);
    if let Some(t) = tolerance {
        f.push(("tolerance", n(t)));
    }
    obj(f)
}

fn share(
    indicator: &str,
    variant: Option<&str>,
    op: &str,
    value: f64,
    tolerance: Option<f64>,
) -> Json {
    let mut f = vec![
        ("kind", s("share")),
        ("indicator", s(indicator)),
        ("year", n(2022.0)),
    ];
    if let Some(v) = variant {
        f.push(("variant", s(v)));
    }
    f.extend([("op", s(op)), ("value", n(value))]);
    if let Some(t) = tolerance {
        f.push(("tolerance", n(t)));
    }
    obj(f)
}

fn rank_count(from: f64, to: f64, op: &str, value: f64) -> Json {
    obj(vec![
        ("kind", s("rank_count")),
        ("year", n(2022.0)),
        ("from", n(from)),
        ("to", n(to)),
        ("op", s(op)),
        ("value", n(value)),
    ])
}

fn mean_vs_reference(indicator: &str) -> Json {
    obj(vec![
        ("kind", s("mean_vs_reference")),
        ("indicator", s(indicator)),
        ("year", n(2022.0)),
        ("op", s("<")),
    ])
}

fn count_where(indicator: &str, z: Json, op: &str, value: f64) -> Json {
    obj(vec![
        ("kind", s("count_where")),
        ("indicator", s(indicator)),
        ("year", n(2022.0)),
        ("zones", z),
        ("where", obj(vec![("op", s("=")), ("value", n(0.0))])),
        ("op", s(op)),
        ("value", n(value)),
    ])
}

fn context(figure: &str, value: f64) -> Json {
    obj(vec![
        ("kind", s("context")),
        ("figure", s(figure)),
        ("op", s("=")),
        ("value", n(value)),
    ])
}

fn benchmark(id: &str, value: f64) -> Json {
    obj(vec![
        ("kind", s("benchmark")),
        ("benchmark", s(id)),
        ("indicator", s("listed_companies")),
        ("year", n(2022.0)),
        ("op", s("=")),
        ("value", n(value)),
    ])
}

fn claim(
    id: &str,
    zh: &str,
    en: &str,
    chart: &str,
    checks: Vec<Json>,
    contradicts: &[&str],
) -> Json {
    let mut f = vec![
        ("id", s(id)),
        ("text", text(zh, en)),
        ("chart", s(chart)),
        ("checks", Json::Arr(checks)),
    ];
    if !contradicts.is_empty() {
        f.push((
            "contradicts",
            Json::Arr(contradicts.iter().map(|c| s(c)).collect()),
        ));
    }
    obj(f)
}

pub fn claims() -> Json {
    Json::Arr(vec![
        claim(
            "C1",
            "全市现有12家国家级高新区、24家市级高新区和数十家国家高新区分园区。",
            "The region has 12 national and 24 region-level high-tech zones, plus dozens of sub-parks of national zones.",
            "headline",
            vec![
                count_zones(Some("national"), "=", 12.0),
                count_zones(Some("regional"), "=", 24.0),
                count_zones(None, "=", 36.0),
                count_zones(Some("sub_park"), ">=", 20.0),
            ],
            &[],
        ),
        claim(
            "C2",
            "全市国家高新区数量位居全省第四。",
            "The region's count of national zones ranks 4th in the province.",
            "headline",
            vec![context("national_zone_count_rank", 4.0)],
            &[],
        ),
        claim(
            "C3",
            "2022年，全市高新区实现地区生产总值超过1.73万亿元。",
            "In 2022 the zones' GDP exceeded CNY 1.73 trillion.",
            "headline",
            vec![sum("gdp", None, ">", 17_300.0, None)],
            &[],
        ),
        claim(
            "C4",
            "高技术产业增加值6425亿元。",
            "High-tech industry value added was CNY 642.5 billion.",
            "headline",
            vec![sum("high_tech_va", None, "=", 6_425.0, None)],
            &[],
        ),
        claim(
            "C5",
            "36家高新区占全市不到3%的国土面积。",
            "The 36 zones occupy under 3% of the region's land.",
            "shares",
            vec![share("land_km2", None, "<", 0.03, None)],
            &[],
        ),
        claim(
            "C6",
            "创造了全市超32%的GDP总量。",
            "They produce over 32% of the region's GDP.",
            "shares",
            vec![share("gdp", None, ">", 0.32, None)],
            &[],
        ),
        claim(
            "C7",
            "创造了全市40%的技术合同成交额。",
            "They account for 40% of the region's technology-contract turnover.",
            "shares",
            vec![share("tech_contracts", None, "≈", 0.40, Some(0.005))],
            &[],
        ),
        claim(
            "C8",
            "拥有全市50%的高技术企业。",
            "They hold 50% of the region's high-tech enterprises.",
            "shares",
            vec![share("high_tech_enterprises", Some("C8"), "≈", 0.50, Some(0.005))],
            &["C9"],
        ),
        claim(
            "C9",
            "2022年，全市高新区拥有高技术企业11196家，占全市总数的56%。",
            "In 2022 the zones had 11,196 high-tech enterprises, 56% of the region's total.",
            "shares",
            vec![
                sum("high_tech_enterprises", None, "=", 11_196.0, None),
                share("high_tech_enterprises", None, "≈", 0.56, Some(0.005)),
            ],
            &["C8"],
        ),
        claim(
            "C10",
            "创造了全市54%以上的高技术产业增加值。",
            "They produce over 54% of the region's high-tech industry value added.",
            "shares",
            vec![share("high_tech_va", None, ">", 0.54, None)],
            &[],
        ),
        claim(
            "C11",
            "全市高新区市级以上创新平台超过2000家。",
            "The zones host over 2,000 innovation platforms at region level or above.",
            "headline",
            vec![sum("innovation_platforms", None, ">", 2_000.0, None)],
            &[],
        ),
        claim(
            "C12",
            "集聚了31个国家级、省级创新型产业集群，2022年新获批6个国家级创新型产业集群，新增数量位居全省第一。",
            "The zones hold 31 national or provincial innovative clusters; 6 national ones were approved in 2022, the most in the province.",
            "headline",
            vec![
                sum("innovative_clusters", None, "=", 31.0, None),
                sum("new_national_clusters", None, "=", 6.0, None),
                context("new_national_clusters_rank", 1.0),
            ],
            &[],
        ),
        claim(
            "C13",
            "全国169家国家高新区综合排名，位列前50的全市只有3家，一半排名在100位以后，还有2家排名垫底。",
            "Of 169 national zones ranked nationally, only 3 of the region's are in the top 50, half rank beyond 100, and 2 are at the very bottom (160th or lower).",
            "national_bands",
            vec![
                context("national_zones_evaluated", 169.0),
                rank_count(1.0, 50.0, "=", 3.0),
                rank_count(101.0, 169.0, "=", 6.0),
                rank_count(160.0, 169.0, "=", 2.0),
            ],
            &[],
        ),
        claim(
            "C14",
            "全市高新区大专以上人员、科技人员、科研活动经费内部支出的均值均低于全省平均水平。",
            "The zones' averages of college-educated staff, S&T staff and internal R&D spending are below the province's average.",
            "innovation",
            vec![
                mean_vs_reference("college_staff_share"),
                mean_vs_reference("st_staff"),
                mean_vs_reference("rd_spending_internal"),
            ],
            &[],
        ),
        claim(
            "C15",
            "部分县（市、区）国家高新区的国家级孵化器还没实现零的突破。",
            "Some national zones in counties have no national-level incubator.",
            "innovation",
            vec![count_where("national_incubators", zones(Some("national"), Some(true)), ">=", 1.0)],
            &[],
        ),
        claim(
            "C16",
            "全市12家国家高新区年发明专利授权量1.9万件。",
            "The 12 national zones were granted 19,000 invention patents in a year.",
            "innovation",
            vec![sum("invention_patents", Some("national"), "≈", 19_000.0, Some(500.0))],
            &[],
        ),
        claim(
            "C17",
            "高新区共有上市企业60家，上海张江高新区有360家、深圳高新区有189家；市内大部分高新区还没有一家上市公司。",
            "The zones have 60 listed companies, against 360 in Shanghai Zhangjiang and 189 in Shenzhen's zone; most zones have none.",
            "benchmarks",
            vec![
                sum("listed_companies", None, "=", 60.0, None),
                benchmark("zhangjiang", 360.0),
                benchmark("shenzhen", 189.0),
                count_where("listed_companies", zones(None, None), ">", 18.0),
            ],
            &[],
        ),
        claim(
            "C18",
            "园区间产业趋同、特色不特，“一园一特色”尚未实现。",
            "Industries converge between zones and their specialties are not distinct: 'one park, one specialty' is not achieved.",
            "similarity",
            vec![obj(vec![
                ("kind", s("similar_pairs")),
                ("threshold", n(0.8)),
                ("op", s(">")),
                ("value", n(0.5)),
            ])],
            &[],
        ),
        claim(
            "C19",
            "整体发展不平衡。",
            "Growth is unbalanced overall.",
            "lorenz",
            vec![obj(vec![
                ("kind", s("gini")),
                ("indicator", s("gdp")),
                ("year", n(2022.0)),
                ("op", s(">")),
                ("value", n(0.4)),
            ])],
            &[],
        ),
    ])
}

/// The readings and thresholds that are ours, not the report's (docs/CLAIMS.md,
/// "threshold from"), with the reason: the claim's `ours`, shown beside it.
const OURS: [(&str, &str, &str); 11] = [
    ("C1", "“数十家”按至少20家理解。", "“数十家” (dozens) read as at least 20."),
    ("C7", PERCENT_ZH, PERCENT_EN),
    ("C8", PERCENT_ZH, PERCENT_EN),
    ("C9", PERCENT_ZH, PERCENT_EN),
    ("C13", "“垫底”按全国第160位及以后理解（169家中的最后10位）。", "“垫底” (at the very bottom) read as 160th or lower (the last 10 of 169)."),
    ("C14", "“均值”按各园区的简单平均理解；全省平均为示意数值（报告未给出）。", "“均值” read as the unweighted mean over zones; the province's averages are illustrative (the report gives none)."),
    ("C15", "“部分”按至少1家理解。", "“部分” (some) read as at least one."),
    ("C16", "容差±500（1.9万末位的一半）为本项目所定。", "The tolerance of ±500 (half the last digit of 1.9万) is ours."),
    ("C17", "“大部分”按36家中超过一半（多于18家）理解。", "“大部分” (most) read as more than half of the 36 zones (over 18)."),
    ("C18", "报告未给出衡量方法和数值：产业结构相似系数≥0.8即视为相似、过半园区对相似即视为趋同，均为本项目所定。", "The report gives no measure or figure: a similarity of 0.8 or more counting as alike, and more than half of the pairs alike as convergence, are ours."),
    ("C19", "报告未给出衡量方法：用各园区GDP的基尼系数，以常被视为差距较大界线的0.4为阈值，均为本项目所定；园区面积不同，该系数部分反映规模差异。", "The report names no measure: the Gini of the zones' GDP, and 0.4, commonly read as the mark of high inequality, are ours; zones differ in size, so it partly measures size."),
];
const PERCENT_ZH: &str =
    "报告给出整数百分比；容差±0.5个百分点（四舍五入后等于该百分比）为本项目所定。";
const PERCENT_EN: &str = "The report states whole percentages; the tolerance of ±0.5 points (any share that rounds to it) is ours.";

/// The claims with their `ours` added after `contradicts`.
pub fn with_ours(claims: Json) -> Json {
    let Json::Arr(list) = claims else {
        return claims;
    };
    Json::Arr(
        list.into_iter()
            .map(|c| match c {
                Json::Obj(mut fields) => {
                    let id = fields.iter().find_map(|(k, v)| match (k, v) {
                        (&"id", Json::Str(id)) => Some(id.clone()),
                        _ => None,
                    });
                    if let Some((_, zh, en)) = OURS.iter().find(|(c, ..)| Some(*c) == id.as_deref())
                    {
                        fields.push(("ours", text(zh, en)));
                    }
                    Json::Obj(fields)
                }
                other => other,
            })
            .collect(),
    )
}
