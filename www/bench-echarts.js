// The ECharts side of the browser benchmark (tests/e2e/bench.mjs, run by
// ./build.sh bench): the chart the widget's evaluation tab leads with, the
// zones ranked by composite score with their names and a tooltip each, drawn
// by ECharts from the numbers the widget's own analysis computed
// (bench-echarts/ranking.json, written by build.sh from `zone-monitor report
// --json` on www/data/zones.json, at the default weights and at changed ones).
// bench-echarts-full.html loads the whole echarts.min.js before this script,
// bench-echarts-min.html the tree-shaken bundle; both set the global `echarts`.
//
// Animation is off: the widget draws its first chart without one, and the
// benchmark times the first painted chart, not an entrance.

const host = document.getElementById("chart");
const response = await fetch(new URL("bench-echarts/ranking.json", import.meta.url));
const ranking = await response.json();

function option(rows) {
  const names = rows.map((r) => r.name);
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: "item",
      // Text, not HTML: the names come from data.
      formatter: (p) => {
        const span = document.createElement("span");
        span.textContent = `${p.name}: ${p.value.toFixed(1)}`;
        return span;
      },
    },
    xAxis: { type: "value", min: 0, max: 100 },
    yAxis: { type: "category", data: names, inverse: true, axisLabel: { interval: 0 } },
    series: [{
      type: "bar",
      data: rows.map((r) => r.score),
      label: { show: true, position: "right", formatter: (p) => p.value.toFixed(1) },
    }],
  };
}

const chart = echarts.init(host, null, { renderer: "canvas" });
chart.setOption(option(ranking.initial));
performance.mark("chart:drawn");
document.body.dataset.ready = "true";
document.dispatchEvent(new CustomEvent("bench:drawn"));

// For the benchmark: the weight change (one setOption with the ranking at the
// other weights) and the bar positions for the hover.
let changed = false;
window.benchChart = {
  chart,
  reweigh() {
    changed = !changed;
    chart.setOption(option(changed ? ranking.changed : ranking.initial));
  },
  bars() {
    const rows = changed ? ranking.changed : ranking.initial;
    return rows.map((r, i) => {
      const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [r.score / 2, i]);
      return { x, y, label: `${r.name}: ${r.score.toFixed(1)}` };
    });
  },
};
// A keypress on the button is the INP-like measure's input, as a weight
// slider's arrow key is the widget's.
document.getElementById("reweigh").addEventListener("keydown", (event) => {
  if (event.key === "ArrowRight") window.benchChart.reweigh();
});
document.getElementById("reweigh").addEventListener("click", () => window.benchChart.reweigh());
