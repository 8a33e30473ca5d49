import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ParallaxError } from "../errors.ts";
import { parseQuestionnaire } from "../study/parseQuestionnaire.ts";
import { parseStudyDefinition } from "../study/parseStudyDefinition.ts";
import { questionnaireVersion } from "../study/questionnaireVersion.ts";
import type { LoadedQuestionnaire, LoadedStudy } from "../study/types.ts";

/** Reads a study folder: study.json and the questionnaire of each population. */
export async function readStudyFolder(directory: string): Promise<LoadedStudy> {
  const absolute = resolve(directory);
  const definition = parseStudyDefinition(await readText(join(absolute, "study.json"), "study.json"));
  const questionnaires: Record<string, LoadedQuestionnaire> = {};
  for (const population of definition.populations) {
    const file = population.questionnaire;
    const json = parseQuestionnaire(await readText(join(absolute, file), file), file);
    questionnaires[population.id] = {
      population: population.id,
      file,
      json,
      version: questionnaireVersion(json),
    };
  }
  return { definition, directory: absolute, questionnaires };
}

async function readText(path: string, shownAs: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new ParallaxError("FILE_UNREADABLE", `Cannot read ${shownAs}`, [{ path, message: reason }]);
  }
}
