import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { readStudyFolder } from "../files/readStudyFolder.ts";
import { conceptInfos } from "../report/model/conceptQuestions.ts";
import type { LoadedStudy } from "../study/types.ts";
import type { Codebook } from "../text/codebookTypes.ts";
import { parseCodebook } from "../text/parseCodebook.ts";

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function readStudyIfFolder(study: string): Promise<LoadedStudy | null> {
  return (await isDirectory(study)) ? readStudyFolder(study) : null;
}

/** The codebook of each open question, by `<population>.<question>`: its own file, else the shared one. */
export async function readOpenCodebooks(study: LoadedStudy): Promise<Map<string, Codebook>> {
  const codebooks = new Map<string, Codebook>();
  if (!study.directory) return codebooks;
  for (const info of conceptInfos(study).filter((candidate) => candidate.kind === "open")) {
    for (const question of info.questions) {
      for (const file of [
        `codebooks/${question.population}.${question.question}.json`,
        `codebooks/${question.question}.json`,
      ]) {
        let text: string;
        try {
          text = await readFile(join(study.directory, file), "utf8");
        } catch {
          continue;
        }
        codebooks.set(`${question.population}.${question.question}`, parseCodebook(text, file));
        break;
      }
    }
  }
  return codebooks;
}
