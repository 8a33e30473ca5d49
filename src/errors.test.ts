import { describe, expect, it } from "vitest";
import { errorCatalogue, formatError, ParallaxError } from "./errors.ts";

describe("ParallaxError", () => {
  it("takes its status and exit code from the catalogue", () => {
    const error = new ParallaxError("RESPONSE_INVALID", undefined, [
      { path: "answers.age", message: "must be a number" },
    ]);
    expect(error.status).toBe(422);
    expect(error.message).toBe(errorCatalogue.RESPONSE_INVALID.message);
    expect(formatError(error)).toBe(
      "error RESPONSE_INVALID: The response is invalid\n  answers.age: must be a number",
    );
  });
});
