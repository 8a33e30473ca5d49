import * as vega from "vega";
import * as vl from "vega-lite";
import { describe, expect, it } from "vitest";
import { keywordRankingChartSpec } from "./keywordRankingChart.ts";

const input = {
  title: "¿Qué palabras le vienen a la mente?",
  panels: [
    {
      title: "Adultos chinos",
      bars: [
        { label: "Fútbol", estimate: 0.32, low: 0.28, high: 0.36 },
        { label: "Pasión", estimate: 0.18, low: 0.15, high: 0.21 },
      ],
    },
    { title: "Adultos de ALC", bars: [{ label: "Tecnología", estimate: 0.4, low: 0.37, high: 0.43 }] },
  ],
};

describe("keywordRankingChartSpec", () => {
  it("stacks one ranked panel per population, most mentioned first", () => {
    const spec = keywordRankingChartSpec(input) as unknown as {
      vconcat: Array<{ data: { values: Array<{ label: string; rank: number; text: string }> } }>;
    };
    expect(spec.vconcat).toHaveLength(2);
    expect(spec.vconcat[0].data.values.map((bar) => [bar.label, bar.rank, bar.text])).toEqual([
      ["Fútbol", 0, "32%"],
      ["Pasión", 1, "18%"],
    ]);
  });

  it("renders to SVG in Node with the labels in the chosen language", async () => {
    const view = new vega.View(vega.parse(vl.compile(keywordRankingChartSpec(input)).spec), {
      renderer: "none",
    });
    const svg = await view.toSVG();
    view.finalize();
    expect(svg.startsWith("<svg")).toBe(true);
    for (const text of ["Fútbol", "Pasión", "Tecnología", "Adultos chinos", "32%"])
      expect(svg).toContain(text);
  });
});
