import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ParallaxError } from "../errors.ts";
import { parseWeightingConfig, type WeightingConfig } from "../report/weighting/weightingConfig.ts";

/** The study's weighting.json, or null when it has none (the report is then unweighted, and says so). */
export async function readWeighting(directory: string): Promise<WeightingConfig | null> {
  const path = join(directory, "weighting.json");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return null;
  }
  try {
    return parseWeightingConfig(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new ParallaxError("SPEC_INVALID", `${path} is not valid JSON`, [
        { path, message: error.message },
      ]);
    throw error;
  }
}
