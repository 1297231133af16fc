//! The indicators: the national evaluation's, the report's, and ratios
//! derived from them, each with its unit, direction, kind and dimension.

use crate::writer::{opt, s, text, Json};

pub struct IndicatorDef {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub unit: &'static str,
    pub direction: &'static str,
    pub kind: &'static str,
    pub dimension: Option<(&'static str, f64)>,
    pub desc_zh: &'static str,
    pub desc_en: &'static str,
}

macro_rules! ind {
    ($id:literal, $zh:literal, $en:literal, $unit:literal, $dir:literal, $kind:literal, $dim:expr, $dzh:literal, $den:literal) => {
        IndicatorDef {
            id: $id,
            zh: $zh,
            en: $en,
            unit: $unit,
            direction: $dir,
            kind: $kind,
            dimension: $dim,
            desc_zh: $dzh,
            desc_en: $den,
        }
    };
}

pub const INDICATORS: &[IndicatorDef] = &[
    ind!(
        "gdp",
        "地区生产总值",
        "GDP",
        "yi_yuan",
        "higher",
        "amount",
        Some(("quality", 1.0)),
        "园区地区生产总值（C3、C6）。",
        "The zone's gross domestic product (C3, C6)."
    ),
    ind!(
        "revenue",
        "营业收入",
        "Operating revenue",
        "yi_yuan",
        "higher",
        "amount",
        Some(("quality", 0.8)),
        "园区企业营业收入合计。",
        "Total operating revenue of the zone's enterprises."
    ),
    ind!(
        "tax_revenue",
        "实缴税费",
        "Taxes paid",
        "yi_yuan",
        "higher",
        "amount",
        Some(("quality", 0.8)),
        "园区企业实缴税费合计。",
        "Total taxes paid by the zone's enterprises."
    ),
    ind!(
        "listed_companies",
        "上市企业数",
        "Listed companies",
        "enterprises",
        "higher",
        "count",
        Some(("quality", 1.2)),
        "境内外上市企业数（C17）。",
        "Companies listed at home or abroad (C17)."
    ),
    ind!(
        "high_tech_va",
        "高技术产业增加值",
        "High-tech industry value added",
        "yi_yuan",
        "higher",
        "amount",
        Some(("structure", 1.2)),
        "高技术产业增加值（C4、C10）。",
        "Value added of high-tech industries (C4, C10)."
    ),
    ind!(
        "high_tech_enterprises",
        "高技术企业数",
        "High-tech enterprises",
        "enterprises",
        "higher",
        "count",
        Some(("structure", 1.0)),
        "高技术企业数量（C8、C9）。",
        "Number of high-tech enterprises (C8, C9)."
    ),
    ind!(
        "gazelle_enterprises",
        "瞪羚企业数",
        "Gazelle enterprises",
        "enterprises",
        "higher",
        "count",
        Some(("structure", 1.0)),
        "高成长瞪羚企业数量。",
        "Number of fast-growing 'gazelle' enterprises."
    ),
    ind!(
        "bachelor_share",
        "本科及以上学历人员占比",
        "Share of staff with a bachelor's degree or above",
        "share",
        "higher",
        "share",
        Some(("structure", 0.8)),
        "本科及以上学历从业人员占从业人员的比例。",
        "Employees with a bachelor's degree or above, as a share of all employees."
    ),
    ind!(
        "innovative_clusters",
        "创新型产业集群数",
        "Innovative industrial clusters",
        "clusters",
        "higher",
        "count",
        Some(("structure", 0.8)),
        "国家级、省级创新型产业集群数（C12）。",
        "National or provincial innovative industrial clusters (C12)."
    ),
    ind!(
        "rd_staff_share",
        "R&D全时人员占从业人员比例",
        "R&D full-time staff share of employees",
        "share",
        "higher",
        "share",
        Some(("innovation", 1.2)),
        "R&D全时当量人员占从业人员的比例。",
        "Full-time-equivalent R&D staff as a share of employees."
    ),
    ind!(
        "rd_intensity",
        "企业内部研发经费支出占营业收入比例",
        "Internal R&D spending / revenue",
        "share",
        "higher",
        "share",
        Some(("innovation", 1.2)),
        "企业R&D经费内部支出与营业收入之比。",
        "Enterprises' internal R&D spending divided by operating revenue."
    ),
    ind!(
        "invention_patents_per_10k",
        "万人发明专利授权数",
        "Invention patents granted per 10,000 employees",
        "patents_per_10k",
        "higher",
        "ratio",
        Some(("innovation", 1.0)),
        "当年发明专利授权量 ÷ 从业人员 × 10⁴。",
        "Invention patents granted in the year ÷ employees × 10⁴."
    ),
    ind!(
        "tech_contract_per_employee",
        "从业人员人均技术合同成交额",
        "Technology-contract turnover per employee",
        "wan_yuan_per_person",
        "higher",
        "ratio",
        Some(("innovation", 1.0)),
        "技术合同成交额（万元）÷ 从业人员。",
        "Technology-contract turnover (10,000 CNY) ÷ employees."
    ),
    ind!(
        "innovation_platforms",
        "市级以上创新平台数",
        "Innovation platforms at region level or above",
        "platforms",
        "higher",
        "count",
        Some(("innovation", 0.8)),
        "市级及以上重点实验室、工程技术中心等创新平台（C11）。",
        "Key laboratories, engineering centres and other platforms at region level or above (C11)."
    ),
    ind!(
        "national_incubators",
        "国家级孵化器数",
        "National-level incubators",
        "incubators",
        "higher",
        "count",
        Some(("innovation", 0.8)),
        "国家级科技企业孵化器数量（C15）。",
        "National-level technology business incubators (C15)."
    ),
    ind!(
        "energy_per_va",
        "单位增加值综合能耗",
        "Energy use per unit of value added",
        "tce_per_wan_yuan",
        "lower",
        "ratio",
        Some(("green", 1.2)),
        "综合能源消费量 ÷ 增加值；越低越好。",
        "Total energy use ÷ value added; lower is better."
    ),
    ind!(
        "water_per_va",
        "单位增加值用水量",
        "Water use per unit of value added",
        "m3_per_wan_yuan",
        "lower",
        "ratio",
        Some(("green", 1.0)),
        "用水量 ÷ 增加值；越低越好。",
        "Water use ÷ value added; lower is better."
    ),
    ind!(
        "exports",
        "出口总额",
        "Exports",
        "yi_yuan",
        "higher",
        "amount",
        Some(("openness", 1.0)),
        "园区企业出口总额。",
        "Total exports of the zone's enterprises."
    ),
    ind!(
        "foreign_invested_enterprises",
        "外资企业数",
        "Foreign-invested enterprises",
        "enterprises",
        "higher",
        "count",
        Some(("openness", 0.8)),
        "外商投资企业数量。",
        "Number of foreign-invested enterprises."
    ),
    ind!(
        "overseas_rd_institutions",
        "境外研发机构数",
        "R&D institutions abroad",
        "institutions",
        "higher",
        "count",
        Some(("openness", 1.2)),
        "园区企业设立的境外研发机构数量。",
        "R&D institutions the zone's enterprises run abroad."
    ),
    ind!(
        "employees",
        "从业人员",
        "Employees",
        "persons",
        "neutral",
        "count",
        None,
        "年末从业人员数。",
        "Employees at year end."
    ),
    ind!(
        "tech_contracts",
        "技术合同成交额",
        "Technology-contract turnover",
        "yi_yuan",
        "higher",
        "amount",
        None,
        "登记的技术合同成交额（C7）。",
        "Registered technology-contract turnover (C7)."
    ),
    ind!(
        "invention_patents",
        "发明专利授权量",
        "Invention patents granted",
        "patents",
        "higher",
        "count",
        None,
        "当年发明专利授权量（C16）。",
        "Invention patents granted in the year (C16)."
    ),
    ind!(
        "new_national_clusters",
        "新获批国家级创新型产业集群",
        "New national innovative industrial clusters",
        "clusters",
        "higher",
        "count",
        None,
        "当年新获批的国家级创新型产业集群数（C12）。",
        "National innovative industrial clusters approved in the year (C12)."
    ),
    ind!(
        "college_staff_share",
        "大专以上学历人员占比",
        "Share of staff with college education or above",
        "share",
        "higher",
        "share",
        None,
        "大专及以上学历从业人员占比（C14）。",
        "Employees with college education or above, as a share of employees (C14)."
    ),
    ind!(
        "st_staff",
        "科技活动人员",
        "S&T staff",
        "persons",
        "higher",
        "count",
        None,
        "从事科技活动的人员数（C14）。",
        "Persons engaged in science and technology activities (C14)."
    ),
    ind!(
        "rd_spending_internal",
        "科研活动经费内部支出",
        "Internal spending on R&D activities",
        "yi_yuan",
        "higher",
        "amount",
        None,
        "科研活动经费内部支出（C14）。",
        "Internal spending on research activities (C14)."
    ),
];

/// `indicators`: [`INDICATORS`] as the file writes them.
pub fn indicators() -> Json {
    Json::Arr(
        INDICATORS
            .iter()
            .map(|d| {
                Json::Obj(vec![
                    ("id", s(d.id)),
                    ("name", text(d.zh, d.en)),
                    ("unit", s(d.unit)),
                    ("direction", s(d.direction)),
                    ("kind", s(d.kind)),
                    ("description", text(d.desc_zh, d.desc_en)),
                    (
                        "dimension",
                        d.dimension.map_or(Json::Null, |(dim, _)| s(dim)),
                    ),
                    ("coefficient", opt(d.dimension.map(|(_, c)| c))),
                ])
            })
            .collect(),
    )
}
