import { describe, expect, it } from "vitest";
import { createRandom } from "./random.ts";

describe("createRandom", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("makes version-4 UUIDs and log-normal draws around their median", () => {
    const random = createRandom(7);
    expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const draws = Array.from({ length: 4001 }, () => random.logNormal(600, 0.3)).sort((a, b) => a - b);
    expect(draws[2000]).toBeGreaterThan(570);
    expect(draws[2000]).toBeLessThan(630);
  });
});
