#!/usr/bin/env python3
"""Writes tests/datasets/good/minimal.json and the broken corpus
tests/datasets/bad/*.json with their .expect files.

Each broken file is the minimal file with one mistake (a few with several).
Its .expect file lists, one per line and in the order the validator reports
them, exactly the problems expected: `severity kind path`. The expectations
are written here by hand from the schema rules (docs/DATA.md), not copied
from the validator's output.

Run from the repository root: python3 tests/datasets/make_corpus.py
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def t(zh, en):
    return {"zh": zh, "en": en}


def obs(zone, ind, year, value):
    return {"zone": zone, "indicator": ind, "year": year, "value": value, "status": "illustrative"}


BASE = {
    "schema": "zone-monitor/1",
    "meta": {
        "title": t("测试数据", "Test data"),
        "region": t("全市", "the region"),
        "parent_region": t("全省", "the province"),
        "years": [2021, 2022],
        "units": [
            {"id": "yi_yuan", "label": t("亿元", "100 million CNY")},
            {"id": "enterprises", "label": t("家", "enterprises")},
            {"id": "share", "label": t("比例", "share")},
            {"id": "place", "label": t("位", "place")},
        ],
        "sources": [{"id": "report", "title": t("报告", "Report"), "date": "2023", "kind": "report"}],
    },
    "framework": {
        "name": t("评价", "Evaluation"),
        "dimensions": [
            {"id": "quality", "name": t("质量", "Quality"), "weight": 60},
            {"id": "innovation", "name": t("创新", "Innovation"), "weight": 40},
        ],
        "tiers": {
            "reward_top": 1,
            "reward_rise": 5,
            "warning_bottom": 1,
            "warning_score_below": 40,
            "exit_after_warned_years": 2,
        },
    },
    "indicators": [
        {"id": "gdp", "name": t("地区生产总值", "GDP"), "unit": "yi_yuan", "direction": "higher", "kind": "amount",
         "description": t("GDP", "GDP"), "dimension": "quality", "coefficient": 1},
        {"id": "hte", "name": t("高技术企业", "High-tech enterprises"), "unit": "enterprises", "direction": "higher",
         "kind": "count", "description": t("数量", "Count"), "dimension": "innovation", "coefficient": 1.2},
        {"id": "rd", "name": t("研发强度", "R&D intensity"), "unit": "share", "direction": "higher", "kind": "share",
         "description": t("比例", "Share"), "dimension": None, "coefficient": None},
    ],
    "industries": [
        {"id": "electronics", "name": t("电子信息", "Electronics"), "groups": ["leading"]},
        {"id": "new_materials", "name": t("新材料", "New materials"), "groups": ["leading", "emerging"]},
    ],
    "metro_areas": [{"id": "metro", "name": t("都市圈", "Metro area")}],
    "zones": [
        {"id": "a", "name": t("甲高新区", "Zone A"), "level": "national", "parent": None, "metro_area": "metro",
         "county_level": False, "land_km2": 100, "leading_industries": ["electronics"],
         "industry_mix": {"year": 2022, "unit": "yi_yuan", "values": {"electronics": 10, "new_materials": 5}}},
        {"id": "b", "name": t("乙高新区", "Zone B"), "level": "regional", "metro_area": None, "county_level": True,
         "land_km2": 20, "industry_mix": {"year": 2022, "unit": "yi_yuan", "values": {"electronics": 2, "new_materials": 4}}},
        {"id": "a-p1", "name": t("甲高新区一园", "Zone A, Park 1"), "level": "sub_park", "parent": "a", "land_km2": 5},
    ],
    "observations": [
        obs(z, i, y, v)
        for (i, vals) in [("gdp", {"a": 100.5, "b": 20}), ("hte", {"a": 50, "b": 0}), ("rd", {"a": 0.03, "b": 0.01})]
        for y in [2021, 2022]
        for z, v in vals.items()
    ],
    "region_totals": [
        {"indicator": "gdp", "year": 2022, "value": 500, "status": "reported", "source": "report"},
        {"indicator": "land_km2", "year": 2022, "value": 10000, "status": "illustrative"},
    ],
    "reference_averages": [{"indicator": "rd", "year": 2022, "value": 0.04, "status": "illustrative"}],
    "national_rankings": [{"zone": "a", "year": 2022, "rank": 10, "of": 169, "status": "illustrative"}],
    "benchmarks": [{"id": "zj", "name": t("张江", "Zhangjiang"),
                    "values": [{"indicator": "hte", "year": 2022, "value": 360, "status": "reported", "source": "report"}]}],
    "context": [{"id": "rank4", "label": t("位次", "Place"), "year": 2022, "value": 4, "unit": "place",
                 "status": "reported", "source": "report"}],
    "claims": [
        {"id": "C1", "text": t("GDP 超过 100", "GDP over 100"), "chart": "headline",
         "checks": [{"kind": "sum", "indicator": "gdp", "year": 2022, "op": ">", "value": 100}]},
        {"id": "C2", "text": t("份额约 24%", "Share about 24%"), "chart": "shares",
         "checks": [{"kind": "share", "indicator": "gdp", "year": 2022, "op": "≈", "value": 0.24, "tolerance": 0.01}],
         "contradicts": ["C1"]},
    ],
}

# Rows of BASE["observations"]: gdp 2021 a,b (0,1), gdp 2022 (2,3), hte 2021 (4,5),
# hte 2022 (6,7), rd 2021 (8,9), rd 2022 (10,11).

CASES = []


def case(name, expect):
    def register(mutate):
        CASES.append((name, mutate, expect))
        return mutate
    return register


@case("invalid_json", ["error invalid_json "])
def _(d):
    return '{"schema": "zone-monitor/1", "meta": '


@case("root_is_array", ["error wrong_type "])
def _(d):
    return []


@case("wrong_schema_version", ["error wrong_schema schema"])
def _(d):
    d["schema"] = "zone-monitor/2"


@case("missing_schema", ["error wrong_schema schema"])
def _(d):
    del d["schema"]


@case("unknown_root_field", ["warning unknown_field extra"])
def _(d):
    d["extra"] = 1


@case("missing_zone_name", ["error missing_field zones[1].name"])
def _(d):
    del d["zones"][1]["name"]


@case("value_is_text", ["error wrong_type observations[3].value"])
def _(d):
    d["observations"][3]["value"] = "n/a"


@case("negative_land", ["error negative_value zones[0].land_km2"])
def _(d):
    d["zones"][0]["land_km2"] = -5


@case("zero_land", ["error out_of_range zones[1].land_km2"])
def _(d):
    d["zones"][1]["land_km2"] = 0


@case("negative_value", ["error negative_value observations[2].value"])
def _(d):
    d["observations"][2]["value"] = -1


@case("count_not_integer", ["error not_an_integer observations[6].value"])
def _(d):
    d["observations"][6]["value"] = 12.5


@case("share_over_one", ["warning share_over_one observations[10].value"])
def _(d):
    d["observations"][10]["value"] = 1.5


@case("unknown_zone", ["error unknown_zone observations[0].zone"])
def _(d):
    d["observations"][0]["zone"] = "zz"


@case("unknown_indicator", ["error unknown_indicator observations[5].indicator"])
def _(d):
    d["observations"][5]["indicator"] = "gpd"


@case("unknown_source", ["error unknown_source observations[1].source"])
def _(d):
    d["observations"][1]["source"] = "nowhere"


@case("year_out_of_range", ["error year_out_of_range observations[4].year"])
def _(d):
    d["observations"][4]["year"] = 2017


@case("duplicate_observation", ["error duplicate_entry observations[12]"])
def _(d):
    d["observations"].append(copy.deepcopy(d["observations"][0]))


@case("duplicate_zone_id", ["error duplicate_id zones[3].id"])
def _(d):
    z = copy.deepcopy(d["zones"][1])
    z["id"] = "a"
    d["zones"].append(z)


@case("duplicate_indicator_id", ["error duplicate_id indicators[3].id"])
def _(d):
    d["indicators"].append(copy.deepcopy(d["indicators"][0]))


@case("invalid_zone_id", ["error invalid_id zones[3].id"])
def _(d):
    z = copy.deepcopy(d["zones"][1])
    z["id"] = "zone c!"
    d["zones"].append(z)


@case("unknown_parent", ["error unknown_parent zones[2].parent"])
def _(d):
    d["zones"][2]["parent"] = "zz"


@case("parent_not_national", ["error invalid_parent zones[2].parent"])
def _(d):
    d["zones"][2]["parent"] = "b"


@case("parent_cycle", ["error parent_cycle zones[2].parent"])
def _(d):
    d["zones"][2]["parent"] = "a-p2"
    p2 = copy.deepcopy(d["zones"][2])
    p2["id"] = "a-p2"
    p2["parent"] = "a-p1"
    d["zones"].append(p2)


@case("parent_on_national_zone", ["error invalid_parent zones[0].parent"])
def _(d):
    d["zones"][0]["parent"] = "b"


@case("sub_park_without_parent", ["error missing_field zones[2].parent"])
def _(d):
    del d["zones"][2]["parent"]


@case("sub_park_value", ["error sub_park_value observations[12].zone"])
def _(d):
    d["observations"].append(obs("a-p1", "gdp", 2022, 3))


@case("unknown_level", ["error invalid_enum zones[1].level"])
def _(d):
    d["zones"][1]["level"] = "city"


@case("unknown_status", ["error invalid_enum observations[0].status"])
def _(d):
    d["observations"][0]["status"] = "guessed"


@case("missing_value_field", ["error missing_field observations[0].value"])
def _(d):
    del d["observations"][0]["value"]


@case("rank_beyond_of", ["error out_of_range national_rankings[0].rank"])
def _(d):
    d["national_rankings"][0]["rank"] = 170


@case("duplicate_ranking", ["error duplicate_entry national_rankings[1]"])
def _(d):
    d["national_rankings"].append(copy.deepcopy(d["national_rankings"][0]))


@case("ranking_regional_zone", ["error ranking_not_national national_rankings[0].zone"])
def _(d):
    d["national_rankings"][0]["zone"] = "b"


@case("unknown_unit", ["error unknown_unit indicators[0].unit"])
def _(d):
    d["indicators"][0]["unit"] = "yuan"


@case("unknown_dimension", ["error unknown_dimension indicators[1].dimension"])
def _(d):
    d["indicators"][1]["dimension"] = "green"


@case("weights_not_100", ["warning weights_not_100 framework.dimensions"])
def _(d):
    d["framework"]["dimensions"][1]["weight"] = 30


@case("years_not_ascending", ["error invalid_years meta.years"])
def _(d):
    d["meta"]["years"] = [2022, 2021]


@case("too_many_years", ["error too_many_items meta.years"])
def _(d):
    d["meta"]["years"] = list(range(1950, 2023))


@case("unknown_industry_in_mix", ["error unknown_industry zones[0].industry_mix.values.robots"])
def _(d):
    d["zones"][0]["industry_mix"]["values"]["robots"] = 3


@case("unknown_metro_area", ["error unknown_metro_area zones[1].metro_area"])
def _(d):
    d["zones"][1]["metro_area"] = "east"


@case("name_too_long", ["error string_too_long zones[0].name.zh"])
def _(d):
    d["zones"][0]["name"]["zh"] = "长" * 201


@case("empty_name", ["error empty_string zones[0].name.en"])
def _(d):
    d["zones"][0]["name"]["en"] = "  "


@case("check_unknown_kind", ["error invalid_enum claims[0].checks[0].kind"])
def _(d):
    d["claims"][0]["checks"][0]["kind"] = "median"


@case("approx_without_tolerance", ["error missing_field claims[1].checks[0].tolerance"])
def _(d):
    del d["claims"][1]["checks"][0]["tolerance"]


@case("contradicts_unknown_claim", ["error unknown_reference claims[1].contradicts[0]"])
def _(d):
    d["claims"][1]["contradicts"] = ["C9"]


@case("check_unknown_benchmark", ["error unknown_reference claims[0].checks[1].benchmark"])
def _(d):
    d["claims"][0]["checks"].append({"kind": "benchmark", "benchmark": "shenzhen", "indicator": "hte",
                                     "year": 2022, "op": "=", "value": 189})


@case("duplicate_claim_id", ["error duplicate_id claims[1].id"])
def _(d):
    d["claims"][1]["id"] = "C1"


@case("missing_row", ["warning missing_observation observations"])
def _(d):
    del d["observations"][0]


@case("year_without_data", ["warning year_without_data observations"])
def _(d):
    for o in d["observations"]:
        if o["year"] == 2021:
            o["value"] = None


@case("unknown_field_in_row", ["warning unknown_field observations[7].comment"])
def _(d):
    d["observations"][7]["comment"] = "checked"


@case("observations_not_array", ["error wrong_type observations"])
def _(d):
    d["observations"] = {}


@case("negative_region_total", ["error negative_value region_totals[0].value"])
def _(d):
    d["region_totals"][0]["value"] = -500


@case("region_total_unknown_indicator", ["error unknown_indicator region_totals[1].indicator"])
def _(d):
    d["region_totals"][1]["indicator"] = "land"


@case("tier_score_out_of_range", ["error out_of_range framework.tiers.warning_score_below"])
def _(d):
    d["framework"]["tiers"]["warning_score_below"] = 150


@case("coefficient_missing", ["error missing_field indicators[0].coefficient"])
def _(d):
    del d["indicators"][0]["coefficient"]


@case("unknown_source_kind", ["error invalid_enum meta.sources[0].kind"])
def _(d):
    d["meta"]["sources"][0]["kind"] = "blog"


@case("similarity_threshold_out_of_range", ["error out_of_range claims[0].checks[0].threshold"])
def _(d):
    d["claims"][0]["checks"][0] = {"kind": "similar_pairs", "threshold": 1.5, "op": ">", "value": 0.5}


@case("several_problems", [
    "error negative_value zones[0].land_km2",
    "warning unknown_field zones[1].colour",
    "error wrong_type observations[3].value",
    "error unknown_zone observations[5].zone",
    "error year_out_of_range national_rankings[0].year",
])
def _(d):
    d["zones"][0]["land_km2"] = -1
    d["zones"][1]["colour"] = "red"
    d["observations"][3]["value"] = "n/a"
    d["observations"][5]["zone"] = "c"
    d["national_rankings"][0]["year"] = 2030


@case("total_below_zones_sum", ["warning share_over_one region_totals[0].value"])
def _(d):
    d["region_totals"][0]["value"] = 100  # the zones' GDP sums to 120.5


@case("duplicate_region_total", ["error duplicate_entry region_totals[2]"])
def _(d):
    d["region_totals"].append(copy.deepcopy(d["region_totals"][0]))


@case("claim_unknown_chart", ["warning unknown_chart claims[0].chart"])
def _(d):
    # An unknown chart id is a warning: the claim is checked, shown without a chart.
    d["claims"][0]["chart"] = "pie"


@case("duplicate_field", ["error duplicate_field zones[0].industry_mix.values.electronics",
                          "error duplicate_field observations[0].value"])
def _(d):
    # JSON parsers differ on which of two equal keys wins: the file must say.
    text = json.dumps(d, ensure_ascii=False, indent=1)
    text = text.replace('"value": 100.5,', '"value": 100.5, "value": 101,', 1)
    text = text.replace('"electronics": 10,', '"electronics": 10, "electronics": 12,', 1)
    assert text.count('"value": 101') == 1 and text.count('"electronics": 12') == 1
    return text + "\n"


@case("claim_without_checks", ["error invalid_check claims[0].checks"])
def _(d):
    d["claims"][0]["checks"] = []


@case("html_in_names_is_text", [])
def _(d):
    # Names are text, never HTML: this file is valid; the page must escape it.
    d["zones"][0]["name"]["en"] = "<img src=x onerror=alert(1)>"


@case("names_with_control_characters", [
    "error invalid_character indicators[1].description.en",
    "error invalid_character zones[0].name.en",
    "error invalid_character zones[1].name.zh",
    "error invalid_character zones[2].name.en",
])
def _(d):
    # Issue 16: control characters and noncharacters passed and made the SVG
    # download invalid XML. Each is refused where it stands.
    d["indicators"][1]["description"]["en"] = "High-tech\u0000enterprises"
    d["zones"][0]["name"]["en"] = "Zone\u0007A"
    d["zones"][1]["name"]["zh"] = "乙\uffff"
    d["zones"][2]["name"]["en"] = "Zone A,\tPark 1"


@case("names_only_invisible", [
    "error empty_string indicators[0].name.en",
    "error empty_string zones[0].name.en",
    "error empty_string zones[1].name.en",
    "error empty_string zones[2].name.zh",
])
def _(d):
    # Issue 16: names that show as nothing (blank labels, "ahead of (71.9)").
    d["indicators"][0]["name"]["en"] = "\u200e\u200f\u202a\u202c"  # direction marks only
    d["zones"][0]["name"]["en"] = "\u200b"  # a zero-width space
    d["zones"][1]["name"]["en"] = "\u2800\u2800"  # braille blanks
    d["zones"][2]["name"]["zh"] = "\u3164 \ufeff"  # a Hangul filler, a space, a BOM


@case("unusual_visible_names", [])
def _(d):
    # Visible text with invisible characters inside it, astral characters,
    # combining marks and right-to-left script: all valid names.
    d["zones"][0]["name"]["en"] = "Zone\u200bA \U0001F3ED"
    d["zones"][1]["name"]["en"] = "Zo\u0308ne \u0628\u200f"
    d["zones"][2]["name"]["en"] = "\u2800Park\u3164"


def text_of(d):
    return json.dumps(d, ensure_ascii=False, indent=1) + "\n"


@case("utf8_with_bom", [])
def _(d):
    # Issue 16: one rule in the browser and the command-line tool: a UTF-8
    # byte-order mark at the start is allowed (Notepad writes one).
    return b"\xef\xbb\xbf" + text_of(d).encode("utf-8")


@case("not_utf8_gbk", ["error not_utf8 "])
def _(d):
    # A file saved as GBK: one encoding problem at the first bad byte, not
    # a type error on U+FFFD replacement characters.
    return text_of(d).encode("gbk")


@case("not_utf8_utf16", ["error not_utf8 "])
def _(d):
    # Windows' "Unicode": UTF-16 LE with its byte-order mark.
    return text_of(d).encode("utf-16")


@case("nan_value", ["error invalid_json "])
def _(d):
    # Issue 16: said "expected value"; now "NaN or Infinity, which JSON has
    # no number for" at its line and column (src/model/validate/tests.rs).
    return text_of(d).replace('"value": 100.5,', '"value": NaN,', 1)


@case("lone_surrogate_escape", ["error invalid_json "])
def _(d):
    # Issue 16: said "unexpected end of hex escape" for a complete escape.
    return text_of(d).replace('"Zone A"', '"Zone \\ud800A"', 1)


@case("root_is_empty_array", ["error wrong_type "])
def _(d):
    # Issue 16: said "an array of 0"; now "an empty array".
    return "[]\n"


@case("tiny_land_huge_gdp", [])
def _(d):
    # Issue 16: valid extremes that hung the log axes (5e-324 is the smallest
    # f64, 1e308 near the largest). The file is valid; every chart must draw.
    d["zones"][1]["land_km2"] = 5e-324
    for o in d["observations"]:
        if o["zone"] == "a" and o["indicator"] == "gdp":
            o["value"] = 1e308
    d["region_totals"][0]["value"] = 1.5e308  # at least the zones' sum


# The observations of BASE in the compact form, `series` (docs/DATA.md),
# written out by hand from the rows above, not converted by a program: the
# loader must read both files to the same dataset
# (tests/it/data.rs, series_and_observations_load_to_the_same_dataset).
SERIES = [
    {"indicator": "gdp", "status": "illustrative", "years": [2021, 2022],
     "values": {"a": [100.5, 100.5], "b": [20, 20]}},
    {"indicator": "hte", "status": "illustrative", "years": [2021, 2022],
     "values": {"a": [50, 50], "b": [0, 0]}},
    {"indicator": "rd", "status": "illustrative", "years": [2021, 2022],
     "values": {"a": [0.03, 0.03], "b": [0.01, 0.01]}},
]


def as_series(d):
    """BASE with its values as SERIES and no observations."""
    del d["observations"]
    d["series"] = copy.deepcopy(SERIES)
    return d


@case("minimal_series", [])
def _(d):
    as_series(d)


@case("both_forms", [])
def _(d):
    # gdp as rows, hte and rd as series: the two forms in one file.
    d["observations"] = [o for o in d["observations"] if o["indicator"] == "gdp"]
    d["series"] = copy.deepcopy(SERIES[1:])


@case("series_unknown_zone", ["error unknown_zone series[0].values.c"])
def _(d):
    as_series(d)["series"][0]["values"]["c"] = [1, 2]


@case("series_sub_park_value", ["error sub_park_value series[0].values.a-p1"])
def _(d):
    as_series(d)["series"][0]["values"]["a-p1"] = [1, 2]


@case("series_unknown_indicator", ["error unknown_indicator series[1].indicator"])
def _(d):
    as_series(d)["series"][1]["indicator"] = "land"


@case("series_missing_status", ["error missing_field series[0].status"])
def _(d):
    del as_series(d)["series"][0]["status"]


@case("series_unknown_source", ["error unknown_source series[2].source"])
def _(d):
    as_series(d)["series"][2]["source"] = "nowhere"


@case("series_unknown_field", ["warning unknown_field series[0].unit"])
def _(d):
    as_series(d)["series"][0]["unit"] = "yi_yuan"


@case("series_year_out_of_range", ["error year_out_of_range series[0].years[1]"])
def _(d):
    as_series(d)["series"][0]["years"] = [2021, 2030]


@case("series_years_not_ascending", ["error invalid_years series[1].years"])
def _(d):
    as_series(d)["series"][1]["years"] = [2022, 2021]


# A repeated year beside a wrong one: one problem each, not a
# duplicate_entry for every zone's second value (the years of the list are
# unsure, so its values are checked and not recorded).
@case("series_years_repeated_and_wrong", [
    "error year_out_of_range series[0].years[2]",
    "error invalid_years series[0].years",
])
def _(d):
    s = as_series(d)["series"][0]
    s["years"] = [2021, 2021, 2030]
    s["values"] = {"a": [100.5, 100.5, 1], "b": [20, 20, 1]}


@case("series_wrong_length", ["error wrong_length series[0].values.b"])
def _(d):
    as_series(d)["series"][0]["values"]["b"] = [20]


@case("series_values_not_object", ["error wrong_type series[2].values"])
def _(d):
    as_series(d)["series"][2]["values"] = [[0.03, 0.03], [0.01, 0.01]]


@case("series_value_is_text", ["error wrong_type series[0].values.a[1]"])
def _(d):
    as_series(d)["series"][0]["values"]["a"][1] = "n/a"


@case("series_negative_value", ["error negative_value series[0].values.b[0]"])
def _(d):
    as_series(d)["series"][0]["values"]["b"][0] = -5


@case("series_count_not_integer", ["error not_an_integer series[1].values.a[1]"])
def _(d):
    as_series(d)["series"][1]["values"]["a"][1] = 12.5


@case("series_share_over_one", ["warning share_over_one series[2].values.a[0]"])
def _(d):
    as_series(d)["series"][2]["values"]["a"][0] = 1.5


@case("series_value_given_twice", ["error duplicate_entry series[3].values.b[0]"])
def _(d):
    # b's 2022 gdp again, in a series of another status: which one is meant?
    as_series(d)["series"].append({"indicator": "gdp", "status": "reported", "source": "report",
                                   "years": [2022], "values": {"b": [21]}})


@case("series_value_also_in_observations", ["error duplicate_entry series[0].values.a[1]"])
def _(d):
    # observations are read first: the series' copy of a's 2022 gdp is the second.
    as_series(d)["observations"] = [obs("a", "gdp", 2022, 100.5)]


@case("series_missing_row", ["warning missing_observation series", "warning missing_observation series"])
def _(d):
    # b has no gdp in 2021 nor in 2022: a warning per indicator and year.
    del as_series(d)["series"][0]["values"]["b"]


@case("no_observations_nor_series", ["error missing_field observations"])
def _(d):
    del d["observations"]


def write(path, value):
    if isinstance(value, bytes):
        with open(path, "wb") as f:
            f.write(value)
        return
    with open(path, "w", encoding="utf-8") as f:
        if isinstance(value, str):
            f.write(value)
        else:
            json.dump(value, f, ensure_ascii=False, indent=1)
            f.write("\n")


def main():
    write(os.path.join(HERE, "good", "minimal.json"), BASE)
    for name, mutate, expect in CASES:
        d = copy.deepcopy(BASE)
        out = mutate(d)
        # A case with nothing expected is a valid file: it lives in good/.
        folder = "bad" if expect else "good"
        write(os.path.join(HERE, folder, name + ".json"), d if out is None else out)
        if not expect:
            continue
        with open(os.path.join(HERE, "bad", name + ".expect"), "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in expect))
    print(len(CASES), "cases")


main()
