import * as vega from "vega";
import * as vl from "vega-lite";
import type { ReportMessages } from "../messages/messages.ts";
import { type BarDatum, barChartSpec, type ChartKind } from "./chartSpecs.ts";

const decimalComma = new Set(["es", "pt"]);

/**
 * Renders charts to SVG in Node without a canvas. Each chart shape is compiled and parsed once per
 * renderer and reused with new data: compiling dominates the cost of a small chart.
 */
export function createChartRenderer(messages: ReportMessages) {
  const comma = decimalComma.has(messages.locale);
  vega.formatLocale({
    decimal: comma ? "," : ".",
    thousands: comma ? "." : ",",
    grouping: [3],
    currency: ["", ""],
    percent: "%",
  });
  const runtimes = new Map<string, vega.Runtime>();
  return {
    async bars(kind: ChartKind, groups: string[], data: BarDatum[]): Promise<string> {
      const key = `${kind}\u0000${groups.join("\u0000")}`;
      let runtime = runtimes.get(key);
      if (!runtime) {
        runtime = vega.parse(vl.compile(barChartSpec(kind, groups)).spec);
        runtimes.set(key, runtime);
      }
      const view = new vega.View(runtime, { renderer: "none" });
      view.data("table", data);
      try {
        return await view.toSVG();
      } finally {
        view.finalize();
      }
    },
  };
}

export type ChartRenderer = ReturnType<typeof createChartRenderer>;
