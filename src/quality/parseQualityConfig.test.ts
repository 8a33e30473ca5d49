import { describe, expect, it } from "vitest";
import { ParallaxError } from "../errors.ts";
import { parseQualityConfig } from "./parseQualityConfig.ts";
import { defaultQualityConfig } from "./qualityConfig.ts";

describe("parseQualityConfig", () => {
  it("fills what is not given from the defaults", () => {
    const config = parseQualityConfig({ rules: { speeder: { relativeDuration: 0.3 } } });
    expect(config.rules.speeder.relativeDuration).toBe(0.3);
    expect(config.rules.speeder.fastQuestionShare).toBe(defaultQualityConfig.rules.speeder.fastQuestionShare);
  });

  it("names every wrong setting by its JSON path", () => {
    try {
      parseQualityConfig(
        { rules: { speeder: { relativeDuration: "fast", severity: "maybe" }, nope: {} } },
        "q.json",
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ParallaxError);
      const paths = (error as ParallaxError).details.map((detail) => detail.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          "q.json: $.rules.speeder.relativeDuration",
          "q.json: $.rules.speeder.severity",
          "q.json: $.rules.nope",
        ]),
      );
    }
  });
});
