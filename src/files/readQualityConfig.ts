import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ParallaxError } from "../errors.ts";
import { defaultQualityConfig, parseQualityConfig, type QualityConfig } from "../quality/index.ts";

/** The study's quality.json, or the rules' defaults when the study has none. */
export async function readQualityConfig(studyDirectory: string): Promise<QualityConfig> {
  const path = join(studyDirectory, "quality.json");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return defaultQualityConfig;
  }
  try {
    return parseQualityConfig(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new ParallaxError("STUDY_INVALID", `${path} is not valid JSON`, [
        { path, message: error.message },
      ]);
    throw error;
  }
}
