import { describe, expect, it } from "vitest";
import { createRandom } from "../../simulate/random.ts";
import { benfordDeviation, roundLastDigitExcess } from "./digitTests.ts";

describe("digit tests", () => {
  it("finds numbers spanning magnitudes close to Benford and uniform ones far from it", () => {
    const random = createRandom(3);
    const logUniform = Array.from({ length: 2000 }, () => 10 ** (1 + 4 * random.next()));
    const uniform = Array.from({ length: 2000 }, () => 100 + 800 * random.next());
    expect(benfordDeviation(logUniform)).toBeLessThan(0.01);
    expect(benfordDeviation(uniform)).toBeGreaterThan(0.04);
    expect(benfordDeviation([1, 2, 3])).toBeUndefined();
  });

  it("measures heaping on 0 and 5", () => {
    expect(roundLastDigitExcess([20, 25, 30, 35, 40])).toBeCloseTo(0.8);
    expect(roundLastDigitExcess([21, 22, 23, 24, 25, 26, 27, 28, 29, 30])).toBeCloseTo(0);
  });
});
