import type { TopLevelSpec } from "vega-lite";

/** One bar: a weighted share with its 95% interval, labelled as the report rounds it. */
export interface BarDatum {
  category: string;
  group: string;
  estimate: number;
  low: number;
  high: number;
  label: string;
}

export type ChartKind = "groupedBars" | "bars";

export const chartFont = "'Noto Sans CJK SC', 'Noto Sans', 'DejaVu Sans', sans-serif";

const config = {
  font: chartFont,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, grid: false, domainColor: "#888", tickColor: "#888" },
  legend: { labelFontSize: 11, orient: "top", direction: "vertical", title: null, labelLimit: 400 },
};

const palette = ["#c8102e", "#1f5f9e", "#d99a00", "#2e8b57"];

/**
 * Horizontal bars with interval rules and a rounded label. `groupedBars` puts the populations side by side
 * within each category (colour = population); `bars` has one bar per category, coloured by its group.
 */
export function barChartSpec(kind: ChartKind, groups: string[]): TopLevelSpec {
  const y = {
    field: "category",
    type: "nominal" as const,
    sort: null,
    title: null,
    axis: { labelLimit: 160, minExtent: 170 },
  };
  const x = {
    field: "estimate",
    type: "quantitative" as const,
    title: null,
    scale: { domain: [0, 1] },
    axis: { format: ".0%", tickCount: 5 },
  };
  const color = {
    field: "group",
    type: "nominal" as const,
    scale: { domain: groups, range: palette.slice(0, Math.max(1, groups.length)) },
    legend: kind === "groupedBars" ? {} : null,
  };
  const offset =
    kind === "groupedBars" ? { yOffset: { field: "group", type: "nominal" as const, sort: groups } } : {};
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config,
    width: 380,
    height: { step: kind === "groupedBars" ? 13 : 16 },
    data: { name: "table" },
    layer: [
      { mark: { type: "bar", opacity: 0.85 }, encoding: { y, x, color, ...offset } },
      {
        mark: { type: "rule", color: "#222", strokeWidth: 1.2 },
        encoding: { y, ...offset, x: { field: "low", type: "quantitative" }, x2: { field: "high" } },
      },
      {
        mark: { type: "text", align: "left", dx: 4, fontSize: 10, color: "#222" },
        encoding: { y, ...offset, x: { field: "high", type: "quantitative" }, text: { field: "label" } },
      },
    ],
  } as TopLevelSpec;
}
