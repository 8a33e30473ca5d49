import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonicalJson.ts";

describe("canonicalJson", () => {
  it("sorts keys at every level by UTF-16 code units", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, B: "x", é: true, "~": 0 })).toBe(
      '{"B":"x","a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1,"~":0,"é":true}',
    );
  });

  it("gives equal text for equal values whatever their key order", () => {
    const one = { id: "1", answers: { q1: "a", q2: [1, 2] }, paradata: {} };
    const other = { paradata: {}, answers: { q2: [1, 2], q1: "a" }, id: "1" };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it("drops undefined members, writes undefined items as null, and escapes as JSON does", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
    expect(canonicalJson({ 'q"1': "line\nbreak \u2028 \ud800" })).toBe(
      JSON.stringify({ 'q"1': "line\nbreak \u2028 \ud800" }),
    );
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson([])).toBe("[]");
    expect(canonicalJson({})).toBe("{}");
    expect(canonicalJson(1.5e-7)).toBe("1.5e-7");
  });
});
