import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ParallaxError } from "../errors.ts";
import { parseWeightingConfig, type WeightingConfig } from "../report/weighting/weightingConfig.ts";

/** The study's weighting.json (raking margins per population), or null when the study has none. */
export async function readStudyWeighting(studyDirectory: string): Promise<WeightingConfig | null> {
  const path = join(studyDirectory, "weighting.json");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ParallaxError("SPEC_INVALID", `${path} is not valid JSON`, [
      { path, message: (error as Error).message },
    ]);
  }
  return parseWeightingConfig(value, path);
}
