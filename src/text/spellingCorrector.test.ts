import { describe, expect, it } from "vitest";
import { createSpellingCorrector, oneEditApart } from "./spellingCorrector.ts";

describe("oneEditApart", () => {
  it("accepts one letter left out, added, changed or two neighbours swapped", () => {
    expect(oneEditApart("desarollo", "desarrollo")).toBe(true);
    expect(oneEditApart("rainforrest", "rainforest")).toBe(true);
    expect(oneEditApart("ecomomia", "economia")).toBe(true);
    expect(oneEditApart("cutlura", "cultura")).toBe(true);
  });

  it("refuses two edits and equal words", () => {
    expect(oneEditApart("ecomonia", "economia")).toBe(false);
    expect(oneEditApart("tecnolojia", "tecnologia")).toBe(true);
    expect(oneEditApart("tecnolojya", "tecnologia")).toBe(false);
    expect(oneEditApart("cultura", "cultura")).toBe(false);
  });
});

describe("createSpellingCorrector", () => {
  const corrector = createSpellingCorrector(["desarrollo", "artificial", "crecimiento", "party"], 7);

  it("finds the known word one slip away", () => {
    expect(corrector.correct("desarollo")).toBe("desarrollo");
    expect(corrector.correct("artifical")).toBe("artificial");
    expect(corrector.correct("crecimento")).toBe("crecimiento");
  });

  it("leaves known words, short words and far words alone", () => {
    expect(corrector.correct("desarrollo")).toBeNull();
    expect(corrector.correct("parts")).toBeNull();
    expect(corrector.correct("deportes")).toBeNull();
  });

  it("corrects nothing when two known words are one slip away", () => {
    const ambiguous = createSpellingCorrector(["cultural", "culturas"], 7);
    expect(ambiguous.correct("culturaz")).toBeNull();
  });
});
