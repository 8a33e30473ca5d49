import type { TopLevelSpec } from "vega-lite";

export interface KeywordBar {
  /** The code's label in the chart's language. */
  label: string;
  estimate: number;
  low: number;
  high: number;
}

export interface KeywordPanel {
  /** The population's name in the chart's language. */
  title: string;
  /** The question as this population was asked it. */
  subtitle?: string;
  /** Highest share first. */
  bars: KeywordBar[];
}

export interface KeywordRankingChartInput {
  title: string;
  panels: KeywordPanel[];
}

const font = "'Noto Sans CJK SC', 'Noto Sans', 'DejaVu Sans', sans-serif";
const colours = ["#c8102e", "#1f5f9e", "#d99a00", "#2e8b57"];

/**
 * The keyword ranking: one panel per population, codes from the most mentioned down, each bar the share
 * of respondents mentioning the code with its 95% interval as a rule and the share written at its end.
 * Panels stack vertically, each with its own codes (populations answer with different codebooks).
 */
export function keywordRankingChartSpec(input: KeywordRankingChartInput): TopLevelSpec {
  // Whole percentages: the same in every language (no decimal separator to localise).
  const percent = (value: number) => `${(100 * value).toFixed(0)}%`;
  const panels = input.panels.map((panel, index) => {
    const values = panel.bars.map((bar, rank) => ({ ...bar, rank, text: percent(bar.estimate) }));
    const y = {
      field: "label",
      type: "nominal" as const,
      // The bars come ranked; a sort field would conflict between the layers.
      sort: null,
      title: null,
      axis: { labelLimit: 260 },
    };
    return {
      title: {
        text: panel.title,
        ...(panel.subtitle ? { subtitle: panel.subtitle, subtitleFontSize: 11, subtitleColor: "#555" } : {}),
        anchor: "start" as const,
        fontSize: 13,
      },
      width: 360,
      height: { step: 18 },
      data: { values },
      layer: [
        {
          mark: { type: "bar" as const, color: colours[index % colours.length], opacity: 0.85 },
          encoding: {
            y,
            x: {
              field: "estimate",
              type: "quantitative" as const,
              title: null,
              scale: { domain: [0, Math.min(1, Math.max(0.1, ...panel.bars.map((bar) => bar.high)) * 1.15)] },
              axis: { format: ".0%", tickCount: 5 },
            },
          },
        },
        {
          mark: { type: "rule" as const, color: "#222", strokeWidth: 1.2 },
          encoding: { y, x: { field: "low", type: "quantitative" as const }, x2: { field: "high" } },
        },
        {
          mark: { type: "text" as const, align: "left" as const, dx: 4, fontSize: 10, color: "#222" },
          encoding: { y, x: { field: "high", type: "quantitative" as const }, text: { field: "text" } },
        },
      ],
    };
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: input.title, anchor: "start", fontSize: 15 },
    config: {
      font,
      view: { stroke: null },
      axis: { labelFontSize: 11, grid: false, domainColor: "#888", tickColor: "#888" },
    },
    vconcat: panels,
    spacing: 24,
  } as TopLevelSpec;
}
