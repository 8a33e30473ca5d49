import { makeFlag } from "../makeFlag.ts";
import type { GridConfig } from "../qualityConfig.ts";
import type { QuestionnaireOutline } from "../questionnaireOutline.ts";
import { reasons } from "../reasons.ts";
import type { ScreenContext } from "../screenContext.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

export interface ResolvedGrid {
  questions: string[];
  /** Position of each on-scale answer. */
  scale: Map<string, number>;
}

/** The grids of one population: configured ones whose questions it has, or runs found in the questionnaire. */
export function gridsOf(
  population: string,
  outline: QuestionnaireOutline,
  configured: GridConfig[],
  offScale: string[],
): ResolvedGrid[] {
  const lists =
    configured.length > 0
      ? configured
          .filter((grid) => grid.population === undefined || grid.population === population)
          .map((grid) => grid.questions)
      : findGrids(outline);
  const grids: ResolvedGrid[] = [];
  for (const questions of lists) {
    const first = outline.byName.get(questions[0]);
    if (!first || !questions.every((name) => outline.byName.has(name))) continue;
    const values = first.choices.filter((value) => !offScale.includes(value));
    grids.push({ questions, scale: new Map(values.map((value, index) => [value, index])) });
  }
  return grids;
}

/** Runs of three or more single-choice questions on one page sharing one list of choices. */
function findGrids(outline: QuestionnaireOutline): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let key = "";
  for (const question of outline.questions) {
    const own = question.kind === "single" ? `${question.page}|${question.choices.join(",")}` : "";
    if (own !== "" && own === key) run.push(question.name);
    else {
      if (run.length >= 3) runs.push(run);
      run = own === "" ? [] : [question.name];
      key = own;
    }
  }
  if (run.length >= 3) runs.push(run);
  return runs;
}

/** The same, or nearly the same, answer to every statement of a grid. */
export function straightlinerRule(responses: ScreenedResponse[], context: ScreenContext): Flag[] {
  const settings = context.config.rules.straightliner;
  const gridsByPopulation = new Map<string, ResolvedGrid[]>();
  for (const [id, screen] of context.populations)
    gridsByPopulation.set(id, gridsOf(id, screen.outline, settings.grids, settings.offScaleValues));
  const flags: Flag[] = [];
  for (const response of responses) {
    for (const grid of gridsByPopulation.get(response.population) ?? []) {
      const positions: number[] = [];
      for (const question of grid.questions) {
        const position = grid.scale.get(String(response.answers[question]));
        if (position !== undefined) positions.push(position);
      }
      if (positions.length < Math.max(settings.minAnswered, 2)) continue;
      const deviation = standardDeviation(positions);
      if (deviation <= settings.maxStandardDeviation) {
        flags.push(
          makeFlag(
            response,
            "straightliner",
            settings.severity,
            reasons.straightliner(grid.questions, deviation),
            {
              standardDeviation: Number(deviation.toFixed(3)),
            },
          ),
        );
        break;
      }
    }
  }
  return flags;
}

function standardDeviation(values: number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
}
