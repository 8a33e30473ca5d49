import { columnCopy } from "../stats/columnArray.ts";
import type { LoadedStudy, Population } from "../study/types.ts";
import { evaluateExpression } from "../study/validation/index.ts";
import type { QualityConfig } from "./qualityConfig.ts";
import { outlineQuestionnaire, type QuestionnaireOutline } from "./questionnaireOutline.ts";
import type { ScreenedResponse } from "./types.ts";

export interface PopulationScreen {
  population: Population;
  outline: QuestionnaireOutline;
}

export interface ScreenContext {
  study: LoadedStudy;
  config: QualityConfig;
  populations: Map<string, PopulationScreen>;
  /** Whether the response meets its population's eligibility rule (true when there is none). */
  isEligible(response: ScreenedResponse): boolean;
  /** Whether the question was shown to this respondent, given the answers. */
  isShown(response: ScreenedResponse, question: string): boolean;
}

const outlines = new WeakMap<object, QuestionnaireOutline>();

/** An expression's results by the values of its variables, one level per variable. */
interface ValueTrie {
  next: Map<unknown, ValueTrie>;
  result?: boolean;
}

/** What every rule needs about the study, computed once per screen; condition results cached per response. */
export function createScreenContext(study: LoadedStudy, config: QualityConfig): ScreenContext {
  const populations = new Map<string, PopulationScreen>();
  for (const population of study.definition.populations) {
    const questionnaire = study.questionnaires[population.id];
    if (!questionnaire) continue;
    let outline = outlines.get(questionnaire.json);
    if (!outline) {
      outline = outlineQuestionnaire(questionnaire.json);
      outlines.set(questionnaire.json, outline);
    }
    populations.set(population.id, { population, outline });
  }
  // An expression's value depends only on the answers it names, and a few distinct combinations of those
  // answers recur across thousands of responses: evaluate each combination once.
  // Answers that are primitives are looked up as they are, one level of maps per variable (no key text to
  // build per response); a list or object answer falls back to a key of their JSON texts.
  const results = new Map<string, boolean>();
  const variables = new Map<string, string[]>();
  const byValue = new Map<string, ValueTrie>();
  const holds = (expression: string, answers: Record<string, unknown>): boolean => {
    let names = variables.get(expression);
    if (!names) {
      names = [...new Set([...expression.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]))];
      variables.set(expression, names);
    }
    let node = byValue.get(expression);
    if (!node) {
      node = { next: new Map() };
      byValue.set(expression, node);
    }
    for (let index = 0; index < names.length && node; index++) {
      const value = answers[names[index]];
      if (value !== null && typeof value === "object") node = undefined;
      else {
        let child: ValueTrie | undefined = node.next.get(value);
        if (!child) {
          child = { next: new Map() };
          node.next.set(value, child);
        }
        node = child;
      }
    }
    if (node) {
      node.result ??= evaluateExpression(expression, answers) === true;
      return node.result;
    }
    let key = expression;
    for (const name of names) key += `\u0000${JSON.stringify(answers[name] ?? null)}`;
    let result = results.get(key);
    if (result === undefined) {
      // An expression over unanswered questions is unknown; SurveyJS hides the element then.
      result = evaluateExpression(expression, answers) === true;
      results.set(key, result);
    }
    return result;
  };
  return {
    study,
    config,
    populations,
    isEligible(response) {
      const rule = populations.get(response.population)?.population.eligibility;
      return rule === undefined || holds(rule, response.answers);
    },
    isShown(response, name) {
      const question = populations.get(response.population)?.outline.byName.get(name);
      if (!question) return false;
      return question.conditions.every((condition) => holds(condition, response.answers));
    },
  };
}

/** Seconds from paradata.startedAt to paradata.endedAt, or undefined when either is missing. */
export function durationSeconds(paradata: Record<string, unknown>): number | undefined {
  const start = Date.parse(String(paradata.startedAt ?? ""));
  const end = Date.parse(String(paradata.endedAt ?? ""));
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return undefined;
  return (end - start) / 1000;
}

/** The median (the mean of the two middle values for an even count), by selection rather than a full sort. */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  const copy = columnCopy(Float64Array, values);
  const middle = copy.length >> 1;
  let holdsNaN = false;
  for (let index = 0; index < copy.length && !holdsNaN; index++) holdsNaN = Number.isNaN(copy[index]);
  if (holdsNaN) {
    copy.sort();
    return copy.length % 2 === 1 ? copy[middle] : (copy[middle - 1] + copy[middle]) / 2;
  }
  const upper = selectInPlace(copy, middle);
  if (copy.length % 2 === 1) return upper;
  // Selection leaves every value below position `middle` no larger than it: the largest is the other middle.
  let lower = copy[0];
  for (let i = 1; i < middle; i++) if (copy[i] > lower) lower = copy[i];
  return (lower + upper) / 2;
}

/** The k-th smallest value (Hoare's quickselect); afterwards values before position k are no larger. */
function selectInPlace(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}

/** Median absolute deviation scaled by 1.4826, so it estimates the standard deviation of normal data. */
export function robustScale(values: number[], center = median(values)): number {
  return 1.4826 * median(values.map((value) => Math.abs(value - center)));
}

export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

/** Orders responses by when they started, then by id, so "the earlier response" is well defined. */
export function startedOrder(a: ScreenedResponse, b: ScreenedResponse): number {
  const aStart = String(a.paradata.startedAt ?? "");
  const bStart = String(b.paradata.startedAt ?? "");
  if (aStart !== bStart) return aStart < bStart ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The responses in startedOrder, sorted once on keys read up front: a comparator that reads paradata on
 * every comparison costs more than the rest of a rule at a hundred thousand responses. Stable, as
 * `[...responses].sort(startedOrder)` is, so ties keep the same order.
 */
export function sortByStart<T extends ScreenedResponse>(responses: readonly T[]): T[] {
  const starts = responses.map((response) => String(response.paradata.startedAt ?? ""));
  const order = Array.from(responses.keys()).sort(startedRowOrder(responses, starts));
  return order.map((index) => responses[index]);
}

/** startedOrder of rows of `responses`, given each row's start text. */
export function startedRowOrder(
  responses: readonly ScreenedResponse[],
  starts: readonly string[],
): (a: number, b: number) => number {
  return (a, b) => {
    if (starts[a] !== starts[b]) return starts[a] < starts[b] ? -1 : 1;
    const aId = responses[a].id;
    const bId = responses[b].id;
    return aId < bId ? -1 : aId > bId ? 1 : 0;
  };
}
