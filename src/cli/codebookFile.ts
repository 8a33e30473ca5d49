import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ParallaxError } from "../errors.ts";
import { readStudyFolder } from "../files/readStudyFolder.ts";
import type { LoadedStudy } from "../study/types.ts";
import { walkQuestions } from "../study/walkQuestions.ts";
import type { Codebook } from "../text/codebookTypes.ts";
import { isTextLanguage, type TextLanguage } from "../text/language.ts";
import { checkCodebookCoverage, parseCodebook } from "../text/parseCodebook.ts";

export interface CodebookTarget {
  study: string;
  question: string;
  population?: string;
}

export interface LocatedCodebook {
  study: LoadedStudy;
  question: string;
  /** Absolute path of the codebook file (it may not exist yet, for `codebook import`). */
  path: string;
  /** Shown in messages: relative to the study folder. */
  file: string;
  /** The populations whose answers this codebook codes. */
  populations: string[];
  /** Their answer languages, most expected first. */
  languages: TextLanguage[];
}

/**
 * Finds the codebook of a question: `codebooks/<population>.<question>.json`, or the shared
 * `codebooks/<question>.json`. `--population` is needed only where several populations ask the
 * question and at least one has its own codebook.
 */
export async function locateCodebook(target: CodebookTarget): Promise<LocatedCodebook> {
  const study = await readStudyFolder(target.study);
  const asking = populationsAsking(study, target.question);
  if (asking.length === 0) {
    throw new ParallaxError("NOT_FOUND", `No population asks a question named ${target.question}`, [
      { path: "--question", message: `not in any questionnaire of ${study.definition.id}` },
    ]);
  }
  const shared = `codebooks/${target.question}.json`;
  const own = (population: string) => `codebooks/${population}.${target.question}.json`;
  let populations: string[];
  let file: string;
  if (target.population !== undefined) {
    if (!asking.includes(target.population)) {
      throw new ParallaxError(
        "POPULATION_NOT_FOUND",
        `Population ${target.population} does not ask ${target.question}`,
        [{ path: "--population", message: `must be one of ${asking.join(", ")}` }],
      );
    }
    populations = [target.population];
    const hasOwn = await exists(join(study.directory, own(target.population)));
    file = hasOwn || !(await exists(join(study.directory, shared))) ? own(target.population) : shared;
  } else {
    const withOwn: string[] = [];
    for (const population of asking)
      if (await exists(join(study.directory, own(population)))) withOwn.push(population);
    if (asking.length > 1 && withOwn.length > 0) {
      throw new ParallaxError(
        "USAGE",
        `${target.question} is asked in ${asking.join(" and ")} with different codebooks`,
        [{ path: "--population", message: `name one of ${asking.join(", ")}` }],
      );
    }
    populations = asking;
    file = withOwn.length === 1 ? own(withOwn[0]) : shared;
  }
  const languages = new Set<TextLanguage>();
  for (const id of populations) {
    const population = study.definition.populations.find((candidate) => candidate.id === id);
    for (const language of population?.languages ?? []) if (isTextLanguage(language)) languages.add(language);
  }
  return {
    study,
    question: target.question,
    path: join(study.directory, file),
    file,
    populations,
    languages: [...languages],
  };
}

/** The populations whose questionnaire has a question of this name, in study order. */
export function populationsAsking(study: LoadedStudy, question: string): string[] {
  return study.definition.populations
    .filter((population) =>
      walkQuestions(study.questionnaires[population.id].json).some(
        (candidate) => candidate.name === question,
      ),
    )
    .map((population) => population.id);
}

/** Reads and checks the located codebook, including labels in every study language. */
export async function readCodebook(located: LocatedCodebook): Promise<Codebook> {
  let text: string;
  try {
    text = await readFile(located.path, "utf8");
  } catch {
    throw new ParallaxError("FILE_UNREADABLE", `No codebook for this question`, [
      { path: located.path, message: "no such file" },
    ]);
  }
  const codebook = parseCodebook(text, located.file);
  checkCodebookFits(codebook, located);
  return codebook;
}

export function checkCodebookFits(codebook: Codebook, located: LocatedCodebook): void {
  const problems = checkCodebookCoverage(codebook, {
    labelLanguages: located.study.definition.languages,
    answerLanguages: located.languages,
  });
  if (codebook.question !== located.question) {
    problems.unshift({ path: "$.question", message: `is ${codebook.question}, not ${located.question}` });
  }
  if (problems.length > 0) {
    throw new ParallaxError(
      "CODEBOOK_INVALID",
      `${located.file} does not fit the study`,
      problems.map((problem) => ({ path: `${located.file} ${problem.path}`, message: problem.message })),
    );
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
