import { describe, expect, it } from "vitest";
import { shortName, spssName } from "./savNames.ts";

describe("spssName", () => {
  it("keeps valid names and makes the others valid and unique, ignoring case", () => {
    const taken = new Set<string>();
    expect(spssName("likes.football", taken)).toBe("likes.football");
    expect(spssName("pet_name-Comment", taken)).toBe("pet_name_Comment");
    expect(spssName("2nd", taken)).toBe("v2nd");
    expect(spssName("total.", taken)).toBe("total");
    expect(spssName("by", taken)).toBe("by_");
    expect(spssName("Likes.Football", taken)).toBe("Likes.Football_2");
    expect(spssName("年龄", taken)).toBe("年龄");
  });

  it("stays within 64 bytes, suffix included", () => {
    const taken = new Set<string>();
    const long = "a".repeat(80);
    expect(spssName(long, taken)).toBe("a".repeat(64));
    expect(spssName(long, taken)).toBe(`${"a".repeat(62)}_2`);
  });
});

describe("shortName", () => {
  it("is upper-case ASCII, at most 8 bytes, starts with a letter and is unique", () => {
    const taken = new Set<string>();
    const names = ["likes.football", "likes.food", "likes.music", "年龄", "2nd"].map((name) =>
      shortName(name, taken),
    );
    expect(names).toEqual(["LIKESFOO", "LIKESF_2", "LIKESMUS", "V", "V2ND"]);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Z0-9_]{0,7}$/);
  });
});
