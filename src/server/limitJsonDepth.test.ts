import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "./limitJsonDepth.ts";

const nested = (depth: number) => JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`) as unknown;

describe("nestsDeeperThan", () => {
  it("counts objects and arrays as levels and scalars as none", () => {
    expect(nestsDeeperThan(1, 0)).toBe(false);
    expect(nestsDeeperThan({ a: 1 }, 1)).toBe(false);
    expect(nestsDeeperThan({ a: [1] }, 1)).toBe(true);
    expect(nestsDeeperThan({ a: { b: {} }, c: [] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: { b: {} }, c: [] }, 2)).toBe(true);
  });

  it("walks 500,000 levels without overflowing the stack", () => {
    expect(nestsDeeperThan(nested(64), 64)).toBe(false);
    expect(nestsDeeperThan(nested(65), 64)).toBe(true);
    expect(nestsDeeperThan(nested(500_000), 64)).toBe(true);
  });
});
