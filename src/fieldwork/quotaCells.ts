import type { Population, QuestionnaireJson, QuotaDefinition, QuotaDimension } from "../study/types.ts";
import { walkQuestions } from "../study/walkQuestions.ts";

export interface QuotaCell {
  quotaId: string;
  /** The cell's levels joined with "|" in dimension order, e.g. "mx|female|18-29". */
  cell: string;
}

export interface QuotaCellTarget extends QuotaCell {
  target: number;
}

function levelOf(dimension: QuotaDimension, answer: unknown): string | undefined {
  if (answer === undefined || answer === null || answer === "") return undefined;
  if (!dimension.bands)
    return typeof answer === "string" || typeof answer === "number" ? String(answer) : undefined;
  const value = typeof answer === "number" ? answer : Number.NaN;
  return dimension.bands.find((band) => value >= band.min && value <= band.max)?.id;
}

/** The cell of one quota a set of answers falls in, or undefined while a question it depends on is unanswered. */
export function cellOf(quota: QuotaDefinition, answers: Record<string, unknown>): string | undefined {
  const levels: string[] = [];
  for (const dimension of quota.dimensions) {
    const level = levelOf(dimension, answers[dimension.question]);
    if (level === undefined) return undefined;
    levels.push(level);
  }
  return levels.join("|");
}

/** Every quota cell the answers place a respondent in (quotas still undecided are left out). */
export function cellsFor(population: Population, answers: Record<string, unknown>): QuotaCell[] {
  const cells: QuotaCell[] = [];
  for (const quota of population.quotas ?? []) {
    const cell = cellOf(quota, answers);
    if (cell !== undefined) cells.push({ quotaId: quota.id, cell });
  }
  return cells;
}

/** Every cell of every quota with its target: the cross product of each dimension's levels. */
export function allCells(population: Population, questionnaire: QuestionnaireJson): QuotaCellTarget[] {
  const questions = new Map(walkQuestions(questionnaire).map((question) => [question.name, question]));
  const cells: QuotaCellTarget[] = [];
  for (const quota of population.quotas ?? []) {
    let keys = [""];
    for (const dimension of quota.dimensions) {
      const levels = dimension.bands
        ? dimension.bands.map((band) => band.id)
        : (questions.get(dimension.question)?.choices ?? []).map((choice) =>
            String(typeof choice === "object" ? choice.value : choice),
          );
      keys = keys.flatMap((prefix) => levels.map((level) => (prefix ? `${prefix}|${level}` : level)));
    }
    for (const cell of keys) {
      cells.push({ quotaId: quota.id, cell, target: quota.targets[cell] ?? quota.defaultTarget ?? 0 });
    }
  }
  return cells;
}
