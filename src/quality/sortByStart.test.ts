import { describe, expect, it } from "vitest";
import { sortByStart, startedOrder } from "./screenContext.ts";
import type { ScreenedResponse } from "./types.ts";

const response = (id: string, startedAt?: string, tag = ""): ScreenedResponse => ({
  id,
  population: "p",
  language: "en",
  mode: "web",
  answers: { tag },
  paradata: startedAt === undefined ? {} : { startedAt },
});

describe("sortByStart", () => {
  it("orders by start, then id, with missing starts first", () => {
    const responses = [
      response("c", "2024-05-02T10:00:00Z"),
      response("b", "2024-05-01T10:00:00Z"),
      response("a", "2024-05-02T10:00:00Z"),
      response("d"),
    ];
    expect(sortByStart(responses).map((r) => r.id)).toEqual(["d", "b", "a", "c"]);
  });

  it("gives the order of sorting with startedOrder, ties included, and leaves its input alone", () => {
    const responses = Array.from({ length: 200 }, (_, k) =>
      response(`r${k % 7}`, `2024-05-0${1 + (k % 3)}T0${k % 5}:00:00Z`, String(k)),
    );
    const before = responses.map((r) => r.answers.tag);
    const expected = [...responses].sort(startedOrder).map((r) => r.answers.tag);
    expect(sortByStart(responses).map((r) => r.answers.tag)).toEqual(expected);
    expect(responses.map((r) => r.answers.tag)).toEqual(before);
  });
});
