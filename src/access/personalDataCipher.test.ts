import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ParallaxError } from "../errors.ts";
import { dataKeyFromEnvironment, personalDataCipher } from "./personalDataCipher.ts";

describe("personalDataCipher", () => {
  const cipher = personalDataCipher(randomBytes(32));
  const record = { name: "María José Pérez", email: "mj@example.org", phone: "+52 55 1234 5678" };

  it("round-trips a record and never writes it in the clear", () => {
    const sealed = cipher.seal("p1", record);
    expect(Buffer.from(sealed.ciphertext, "base64").toString("utf8")).not.toContain("María");
    expect(cipher.open("p1", sealed)).toEqual(record);
  });

  it("refuses a record moved to another id, altered, or opened with another key", () => {
    const sealed = cipher.seal("p1", record);
    expect(() => cipher.open("p2", sealed)).toThrow(ParallaxError);
    const altered = { ...sealed, ciphertext: Buffer.from("x".repeat(40)).toString("base64") };
    expect(() => cipher.open("p1", altered)).toThrow(ParallaxError);
    expect(() => personalDataCipher(randomBytes(32)).open("p1", sealed)).toThrow(
      /cannot be read with the configured key/,
    );
  });

  it("reads the key from the environment and says how to make one when it is malformed", () => {
    expect(dataKeyFromEnvironment({})).toBeUndefined();
    expect(dataKeyFromEnvironment({ PARALLAX_DATA_KEY: randomBytes(32).toString("base64") })?.length).toBe(
      32,
    );
    expect(() => dataKeyFromEnvironment({ PARALLAX_DATA_KEY: "c2hvcnQ=" })).toThrow(/32 bytes/);
  });
});
