// The numbers ECharts draws in the side-by-side benchmark: the focus year's
// zones ranked by composite score, from two `zone-monitor report --json`
// outputs (the default weights and changed ones), with the zones' Chinese
// names (the widget's default language). Run by build.sh (build_echarts_bench).
//
//   node tools/bench/ranking.mjs INITIAL.json CHANGED.json > ranking.json

import { readFileSync } from "node:fs";

function ranked(path) {
  const report = JSON.parse(readFileSync(path, "utf8"));
  const names = new Map(report.zones.map((z) => [z.index, z.name.zh ?? z.name.en]));
  const year = report.evaluation.years.find((y) => y.year === report.year);
  return {
    year: report.year,
    weights: year.dimension_weights,
    rows: year.zones
      .filter((z) => z.rank != null)
      .sort((a, b) => a.rank - b.rank)
      .map((z) => ({ name: names.get(z.zone), score: z.score })),
  };
}

const [initial, changed] = process.argv.slice(2).map(ranked);
if (!initial || !changed) {
  console.error("usage: node tools/bench/ranking.mjs INITIAL.json CHANGED.json");
  process.exit(2);
}
console.log(JSON.stringify({ year: initial.year, initial: initial.rows, changed: changed.rows, weights: { initial: initial.weights, changed: changed.weights } }));
