import { describe, expect, it } from "vitest";
import { fieldworkState } from "./fieldworkState.ts";

const china = { start: "2025-04-11", end: "2025-04-22", timezone: "Asia/Shanghai" };

describe("fieldworkState", () => {
  it("reads the dates as whole days in the window's own time zone", () => {
    expect(fieldworkState(china, new Date("2025-04-10T15:59:59Z"))).toBe("before");
    expect(fieldworkState(china, new Date("2025-04-10T16:00:00Z"))).toBe("open");
    expect(fieldworkState(china, new Date("2025-04-22T15:59:59Z"))).toBe("open");
    expect(fieldworkState(china, new Date("2025-04-22T16:00:00Z"))).toBe("after");
  });
});
