import { describe, expect, it } from "vitest";
import { createDesign, frameFromRows } from "../stats/index.ts";
import { testCodebook } from "../text/testCodebook.ts";
import { codeShares } from "./codeShares.ts";

const coded = [
  { codes: ["technology"] },
  { codes: ["electric_vehicles", "samba"] },
  { codes: ["other"] },
  { codes: [] },
];

describe("codeShares", () => {
  it("gives the weighted share of respondents with each code, with an interval", () => {
    const frame = frameFromRows([
      { w: 1, site: "ar" },
      { w: 3, site: "br" },
      { w: 2, site: "br" },
      { w: 5, site: "ar" },
    ]);
    const design = createDesign(frame, { weights: "w" });
    const shares = codeShares(design, testCodebook(), coded);
    const share = (code: string) => shares.find((row) => row.code === code);
    // Blank answer (weight 5) left out: technology 1/6, electric vehicles 3/6, the net 4/6.
    expect(share("technology")?.estimate).toBeCloseTo(1 / 6, 12);
    expect(share("electric_vehicles")?.estimate).toBeCloseTo(0.5, 12);
    expect(share("tech_net")).toMatchObject({ kind: "net", label: { en: "Technology (net)" } });
    expect(share("tech_net")?.estimate).toBeCloseTo(4 / 6, 12);
    const [low, high] = share("electric_vehicles")?.ci ?? [Number.NaN, Number.NaN];
    expect(low).toBeLessThan(0.5);
    expect(high).toBeGreaterThan(0.5);
    const bySite = codeShares(design, testCodebook(), coded, { by: "site" }).filter(
      (row) => row.code === "technology",
    );
    expect(bySite.map((row) => [row.domain?.site, row.estimate])).toEqual([
      ["ar", 1],
      ["br", 0],
    ]);
  });

  it("refuses coded answers that do not line up with the design", () => {
    const design = createDesign(frameFromRows([{ w: 1 }, { w: 2 }]), { weights: "w" });
    expect(() => codeShares(design, testCodebook(), coded)).toThrow(/do not line up/);
  });
});
