import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AaporCounts, emptyCounts } from "./aaporCounts.ts";
import { computeRates, estimateEligibility } from "./computeRates.ts";

function counts(partial: Partial<AaporCounts>): AaporCounts {
  return { ...emptyCounts(), ...partial };
}

describe("computeRates", () => {
  it("matches a hand-computed example for every rate, with e estimated", () => {
    // I=400 P=50 R=150 NC=200 O=50 UH=80 UO=20 NE=50
    // I+P = 450, R+NC+O = 400, UH+UO = 100, contacted (I+P)+R+O = 650
    // e = (I+P+R+NC+O) / (I+P+R+NC+O+NE) = 850 / 900 = 17/18, so e(UH+UO) = 1700/18 and
    // (I+P) + (R+NC+O) + e(UH+UO) = 850 + 1700/18 = 17000/18
    const result = computeRates(counts({ I: 400, P: 50, R: 150, NC: 200, O: 50, UH: 80, UO: 20, NE: 50 }));
    expect(result.e).toMatchObject({ value: 17 / 18, source: "estimated" });
    const expected = {
      RR1: 400 / 950, // I / (450 + 400 + 100)
      RR2: 450 / 950, // (I+P) / 950
      RR3: (400 * 18) / 17000, // I / (17000/18)
      RR4: (450 * 18) / 17000,
      RR5: 400 / 850, // I / (450 + 400)
      RR6: 450 / 850,
      COOP1: 400 / 650, // I / ((I+P) + R + O)
      COOP2: 450 / 650,
      COOP3: 400 / 600, // I / ((I+P) + R)
      COOP4: 450 / 600,
      REF1: 150 / 950,
      REF2: (150 * 18) / 17000,
      REF3: 150 / 850,
      CON1: 650 / 950, // 650 / (650 + NC 200 + U 100)
      CON2: (650 * 18) / 17000, // 650 / (650 + 200 + 1700/18)
      CON3: 650 / 850,
    };
    for (const [name, value] of Object.entries(expected)) {
      expect(result.rates[name as keyof typeof expected].value, name).toBeCloseTo(value, 12);
    }
    expect(result.rates.RR1.value).toBeCloseTo(0.421053, 6);
    expect(result.rates.RR3.value).toBeCloseTo(0.423529, 6);
    expect(result.rates.COOP4.value).toBe(0.75);
  });

  it("reproduces a published RR3 worked example with e given", () => {
    // A US federal information-collection request (OMB ICR 202202-0920-014, attachment 14) computes
    // RR = C / (C + R + NC + O + e·U) with C = 300, R = 0, NC = 0, O = 5, e = 0.9:
    // U = 150 → 300 / (300 + 0 + 0 + 5 + 0.9·150) = 300 / 440 = 68%;  U = 100 → 300 / 395 = 76%.
    const wide = computeRates(counts({ I: 300, O: 5, UH: 150 }), { e: 0.9 });
    expect(wide.e).toEqual({ value: 0.9, source: "given" });
    expect(wide.rates.RR3.value).toBeCloseTo(300 / 440, 12);
    expect(Math.round((wide.rates.RR3.value ?? 0) * 100)).toBe(68);
    const narrow = computeRates(counts({ I: 300, O: 5, UO: 100 }), { e: 0.9 });
    expect(Math.round((narrow.rates.RR3.value ?? 0) * 100)).toBe(76);
    // With no partials RR4 = RR3, and RR1 counts every unknown case as eligible: 300 / 455.
    expect(narrow.rates.RR4.value).toBe(narrow.rates.RR3.value);
    expect(wide.rates.RR1.value).toBeCloseTo(300 / 455, 12);
  });

  it("gives null with a reason where a denominator is zero", () => {
    const none = computeRates(emptyCounts());
    expect(none.e.value).toBeNull();
    expect(none.e.reason).toMatch(/no case's eligibility was determined/);
    for (const rate of Object.values(none.rates)) {
      expect(rate.value).toBeNull();
      expect(rate.reason).toMatch(/denominator is 0/);
    }
    const onlyNonContacts = computeRates(counts({ NC: 10 }));
    expect(onlyNonContacts.rates.RR1.value).toBe(0);
    expect(onlyNonContacts.rates.COOP1).toMatchObject({ value: null });
    expect(onlyNonContacts.rates.CON3.value).toBe(0);
  });

  it("gives null for the e-rates when e cannot be estimated and unknown cases exist", () => {
    const result = computeRates(counts({ UH: 5 }));
    expect(result.rates.RR3.value).toBeNull();
    expect(result.rates.RR3.reason).toMatch(/--e/);
    expect(result.rates.RR1.value).toBe(0);
    expect(computeRates(counts({ UH: 5 }), { e: 0.5 }).rates.RR3.value).toBe(0);
  });

  it("refuses an e outside [0, 1] and negative counts", () => {
    expect(() => computeRates(emptyCounts(), { e: 1.5 })).toThrow(/proportion/);
    expect(() => computeRates(emptyCounts(), { e: Number.NaN })).toThrow(/proportion/);
    expect(() => computeRates(counts({ I: -1 }))).toThrow(/non-negative/);
  });

  it("keeps AAPOR's orderings and the closed form of RR3 under estimated e (property)", () => {
    const count = fc.integer({ min: 0, max: 5000 });
    const arbitraryCounts = fc.record({
      I: count,
      P: count,
      R: count,
      NC: count,
      O: count,
      UH: count,
      UO: count,
      NE: count,
    });
    fc.assert(
      fc.property(arbitraryCounts, (c) => {
        fc.pre(c.I + c.P + c.R + c.NC + c.O > 0);
        const { e, rates } = computeRates(c);
        const value = (name: keyof typeof rates) => rates[name].value as number;
        const eligible = c.I + c.P + c.R + c.NC + c.O;
        const unknown = c.UH + c.UO;
        expect(e.value).toBeCloseTo(estimateEligibility(c).value as number, 15);
        // With e = E/(E+NE): RR3 = I(E+NE) / (E(E+NE+U)).
        expect(value("RR3")).toBeCloseTo(
          (c.I * (eligible + c.NE)) / (eligible * (eligible + c.NE + unknown)),
          12,
        );
        expect(value("RR1")).toBeLessThanOrEqual(value("RR3") + 1e-12);
        expect(value("RR3")).toBeLessThanOrEqual(value("RR5") + 1e-12);
        expect(value("RR1")).toBeLessThanOrEqual(value("RR2") + 1e-12);
        expect(value("REF1")).toBeLessThanOrEqual(value("REF3") + 1e-12);
        expect(value("CON1")).toBeLessThanOrEqual(value("CON3") + 1e-12);
        for (const rate of Object.values(rates)) {
          if (rate.value !== null) expect(rate.value).toBeGreaterThanOrEqual(0);
          if (rate.value !== null) expect(rate.value).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { seed: 20250503, numRuns: 500 },
    );
  });
});
