import type { Kysely } from "kysely";
import { ParallaxError } from "../errors.ts";
import { screenStoredStudy } from "../fieldwork/screenStoredStudy.ts";
import { readQualityConfig } from "../files/readQualityConfig.ts";
import type { ScreenedResponse } from "../quality/types.ts";
import type { PopulationCodeShares } from "../report/openAnswerShares.ts";
import { type ValidResponseDesign, validResponseDesign } from "../report/validResponseDesign.ts";
import type { Database } from "../store/schema.ts";
import type { LoadedStudy } from "../study/types.ts";
import { readStudyWeighting } from "./readStudyWeighting.ts";

export interface StoredValidDesign extends ValidResponseDesign {
  /** Responses stored for the study, valid or not. */
  stored: number;
}

/**
 * The study's valid responses (after the quality screen with the study's quality.json and the reviewers'
 * decisions), weighted with its weighting.json when it has one.
 */
export async function storedValidDesign(
  db: Kysely<Database>,
  study: LoadedStudy,
): Promise<StoredValidDesign> {
  const quality = await readQualityConfig(study.directory);
  const screen = await screenStoredStudy(db, study, quality);
  const weighting = await readStudyWeighting(study.directory);
  return { ...validResponseDesign(study, screen.valid, weighting), stored: screen.responses.length };
}

/** A response's answer to an open question as text ("" when it left it blank). */
export function answerText(response: ScreenedResponse, question: string): string {
  const value = response.answers[question];
  return typeof value === "string" ? value : "";
}

export function checkLabelLanguage(study: LoadedStudy, language: string): void {
  if (!study.definition.languages.includes(language)) {
    throw new ParallaxError("USAGE", `The study is not published in "${language}"`, [
      { path: "--lang", message: `must be one of ${study.definition.languages.join(", ")}` },
    ]);
  }
}

export function weightingNote(shares: PopulationCodeShares): string {
  return shares.weighted
    ? "weighted to the study's margins (weighting.json)"
    : "unweighted: the study has no weighting for this population";
}

const percent = (value: number) => (Number.isFinite(value) ? `${(100 * value).toFixed(1)}%` : "–");

/** One line per code or net: label, share and its 95% interval. */
export function shareLines(
  shares: PopulationCodeShares["shares"],
  language: string,
  indent: string,
): string[] {
  return shares.map((row) => {
    const label = row.label[language] ?? row.label.en ?? row.code;
    const [low, high] = row.ci ?? [Number.NaN, Number.NaN];
    const name = `${row.kind === "net" ? "net " : ""}${row.code}`;
    return `${indent}${name.padEnd(26)} ${percent(row.estimate).padStart(6)}  [${percent(low)}, ${percent(high)}]  ${label}`;
  });
}
