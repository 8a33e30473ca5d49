import { describe, expect, it } from "vitest";
import type { DispositionCount } from "../../store/dispositionCounts.ts";
import { formatRatesTable } from "./formatRatesTable.ts";
import { ratesReport } from "./ratesReport.ts";

function count(
  sample: DispositionCount["sample"],
  siteId: string | null,
  disposition: DispositionCount["disposition"],
  n: number,
  mode = "web",
): DispositionCount {
  return { populationId: "adults", siteId, mode, sample, disposition, count: n };
}

const counts: DispositionCount[] = [
  count("invited", "ar", "complete", 6),
  count("invited", "ar", "partial", 1),
  count("invited", "ar", "refusal", 1),
  count("invited", "ar", "break_off", 1),
  count("invited", "ar", "unknown_eligibility", 2),
  count("invited", "ar", "not_eligible", 1),
  count("invited", "mx", "complete", 3, "f2f"),
  count("invited", "mx", "non_contact", 1, "f2f"),
  count("open", "mx", "complete", 20),
  count("open", "mx", "break_off", 5),
  count("open", "mx", "not_eligible", 4),
  count("open", "mx", "quota_full", 1),
];

describe("ratesReport", () => {
  it("computes rates per population from invitations only and keeps opt-in cases apart", () => {
    const report = ratesReport("mini", counts, { populations: [{ id: "adults", sites: ["ar", "mx"] }] });
    expect(report.groups).toHaveLength(1);
    const [adults] = report.groups;
    expect(adults.invited.counts).toEqual({ I: 9, P: 1, R: 2, NC: 1, O: 0, UH: 2, UO: 0, NE: 1 });
    // RR1 = I / ((I+P) + (R+NC+O) + (UH+UO)) = 9 / (10 + 3 + 2) = 9/15
    expect(adults.invited.rates.RR1.value).toBeCloseTo(9 / 15, 12);
    // e = 13 / 14; RR3 = 9 / (13 + 2·13/14)
    expect(adults.invited.e.value).toBeCloseTo(13 / 14, 12);
    expect(adults.invited.rates.RR3.value).toBeCloseTo(9 / (13 + (2 * 13) / 14), 12);
    expect(adults.optIn.counts).toMatchObject({ I: 20, R: 5, NE: 5 });
    expect(adults.optIn.completionRate.value).toBeCloseTo(20 / 25, 12);
    expect(adults.optIn.notApplicable).toHaveLength(16);
    expect(report.optInNote).toMatch(/response rates should not be reported for opt-in samples/);
  });

  it("groups by site in the study's order and lists sites without cases", () => {
    const report = ratesReport("mini", counts, {
      by: "site",
      e: 1,
      populations: [{ id: "adults", sites: ["mx", "ar", "cl"] }],
    });
    expect(report.groups.map((group) => group.siteId)).toEqual(["mx", "ar", "cl"]);
    const [mx, ar, cl] = report.groups;
    expect(mx.invited.rates.RR1.value).toBeCloseTo(3 / 4, 12);
    // With e = 1, RR3 equals RR1: 6 / (7 + 2 + 2).
    expect(ar.invited.rates.RR3.value).toBeCloseTo(6 / 11, 12);
    expect(ar.invited.e).toEqual({ value: 1, source: "given" });
    expect(cl.invited.cases).toBe(0);
    expect(cl.invited.rates.RR1.value).toBeNull();
  });

  it("groups by mode", () => {
    const report = ratesReport("mini", counts, { by: "mode" });
    expect(report.groups.map((group) => group.mode)).toEqual(["f2f", "web"]);
  });

  it("prints aligned tables with the counts, n/a reasons and the opt-in statement", () => {
    const text = formatRatesTable(
      ratesReport("mini", counts, { by: "site", populations: [{ id: "adults", sites: ["ar", "mx", "cl"] }] }),
    );
    expect(text).toContain("adults/ar");
    expect(text).toMatch(/adults\/ar\s+6\s+1\s+2\s+0\s+0\s+2\s+0\s+1\s+12\s+0\.9000/);
    expect(text).toMatch(/adults\/mx\s+75\.0%/);
    expect(text).toContain("adults/cl: RR1, RR2");
    expect(text).toContain("Not applicable to opt-in samples: RR1–RR6, COOP1–COOP4, REF1–REF3, CON1–CON3");
    const lines = text.split("\n");
    const header = lines.findIndex((line) => line.startsWith("site") && line.includes("RR1"));
    // Every row of a table has the header's width: the columns line up.
    expect(lines[header + 2].length).toBe(lines[header].length);
  });
});
