//! The registry: every chart and every tab of the widget, declared once.
//!
//! A chart is one line of [`for_each_chart!`]: its variant, its module and
//! view type, its tab, and the reader's controls it responds to. Everything
//! else derives from the line by a macro:
//!
//! - `model::CHART_IDS`, the ids claims may name (the module's name is the
//!   id; the JSON Schema's enum and docs/DATA.md are checked against it by
//!   tests);
//! - in `views`: `ChartId` with `ALL`, `as_str`, `parse`, `tab` and
//!   `controls`, `View` and the dispatch of `build`, `title`, `summary` and
//!   `table` (the view type is `views::<module>::<View>`, built by
//!   `<View>::build(&Context)`);
//! - in `charts`: the dispatch of `preferred_height` and `draw` (the drawer is
//!   `charts::<module>::{draw, preferred_height}`);
//! - the tabs the page receives, each with its charts in registry order and
//!   the controls it shows (the union of its charts' and its own).
//!
//! A macro rather than a trait object: `draw` is generic over plotters'
//! `DrawingBackend`, which rules out `dyn`. The lists are plain tokens, so
//! every layer can expand them without importing a layer above it.
//! ARCHITECTURE.md, "Adding a chart", gives the steps.

/// Calls `$then!` with every chart, in the order of the tabs and, within a
/// tab, the order the page shows them.
///
/// `Variant(module::View) in Tab [controls];` — `Tab` is a variant of
/// [`for_each_tab!`]'s list; the controls are `views::Control` variants: a
/// change of one of them rebuilds the chart's view and the page draws the
/// chart again (a change of another leaves its card untouched, so every
/// control the view reads must be listed: a session test checks), and the
/// page shows a control on a tab when one of the tab's charts responds to it.
macro_rules! for_each_chart {
    ($then:ident) => {
        $then! {
            Shares(shares::SharesView) in Overview [Year];
            Ranking(ranking::RankingView) in Evaluation [Year, Level, Zone, Area, Weights];
            Profile(profile::ProfileView) in Evaluation [Year, Level, Zone, Area, Weights];
            Stability(stability::StabilityView) in Evaluation [Year, Level, Zone, Area, Weights];
            Lorenz(lorenz::LorenzView) in Imbalance [Year, Level, Zone, Area];
            Scatter(scatter::ScatterView) in Imbalance [Year, Zone, LogScale];
            Theil(theil::TheilView) in Imbalance [Year, Level, Area];
            Areas(areas::AreasView) in Imbalance [Year];
            Industries(industries::IndustriesView) in Specialisation [Level, Zone, Area];
            Similarity(similarity::SimilarityView) in Specialisation [Level, Zone, Area];
            Innovation(innovation::InnovationView) in Innovation [Year, Level, Zone, Area];
            Trends(trends::TrendsView) in Innovation [Zone, Indicator];
            Benchmarks(benchmarks::BenchmarksView) in Benchmarks [Year, Zone, LogScale];
            NationalBands(national_bands::NationalBandsView) in Benchmarks [Year, Zone];
            Bump(bump::BumpView) in Dynamic [Level, Zone, Area, Weights];
        }
    };
}
pub(crate) use for_each_chart;

/// Calls `$then!` with every tab, in the order the page shows them.
///
/// `Variant "id" ("中文", "English") [controls];` — the id is the tab's
/// name in the share link; the controls are those the tab itself responds
/// to besides its charts' (the data tab's table follows the year).
macro_rules! for_each_tab {
    ($then:ident) => {
        $then! {
            Overview "overview" ("概览", "Overview") [];
            Evaluation "evaluation" ("综合评价", "Evaluation") [];
            Imbalance "imbalance" ("发展不平衡", "Imbalance") [];
            Specialisation "specialisation" ("产业特色", "Specialisation") [];
            Innovation "innovation" ("创新能力", "Innovation") [];
            Benchmarks "benchmarks" ("对标", "Benchmarks") [];
            Dynamic "dynamic" ("动态管理", "Dynamic management") [];
            Data "data" ("数据与来源", "Data and sources") [Year];
        }
    };
}
pub(crate) use for_each_tab;
