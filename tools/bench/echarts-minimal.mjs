// ECharts tree-shaken to what the benchmark's chart needs (a ranked bar chart
// with labels and tooltips on a canvas), as the ECharts handbook's "import on
// demand" shows. Bundled by tools/bundle's esbuild into
// www/bench-echarts/echarts-minimal.js (./build.sh bench), exposing the same
// `echarts` global as the full echarts.min.js, so that one page script
// (www/bench-echarts.js) drives both.
import { init, use } from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);
globalThis.echarts = { init };
