import { describe, expect, it } from "vitest";
import { codeColumns } from "./codeColumns.ts";
import { testCodebook } from "./testCodebook.ts";

const coded = [
  { codes: ["technology"] },
  { codes: ["electric_vehicles", "samba"] },
  { codes: ["other"] },
  { codes: [] },
];

describe("codeColumns", () => {
  it("makes one 0/1 column per code and net, missing for blank answers", () => {
    const { items, columns } = codeColumns(testCodebook(), coded);
    expect(items).toEqual([
      "technology",
      "electric_vehicles",
      "latin_america",
      "samba",
      "china_us",
      "none",
      "other",
      "tech_net",
    ]);
    expect(Array.from(columns.get("technology") ?? [])).toEqual([1, 0, 0, Number.NaN]);
    expect(Array.from(columns.get("samba") ?? [])).toEqual([0, 1, 0, Number.NaN]);
    expect(Array.from(columns.get("tech_net") ?? [])).toEqual([1, 1, 0, Number.NaN]);
  });
});
