import type { OutlineQuestion, QuestionnaireOutline } from "../quality/questionnaireOutline.ts";
import { gridsOf } from "../quality/rules/straightlinerRule.ts";
import type { QuestionnaireSampler } from "./drawAnswers.ts";
import { drawFromModel, isNearlyStraightlined } from "./drawAnswers.ts";
import { scaleTimings, type Timings } from "./drawTimings.ts";
import { gibberishAnswer } from "./openAnswers.ts";
import type { Random } from "./random.ts";
import type { FaultName } from "./types.ts";

export interface Draft {
  answers: Record<string, unknown>;
  timings: Timings;
  /** Faults the draft carries after injection, the injected one first. */
  faults: FaultName[];
}

/**
 * Corrupts a freshly drawn honest response with one fault. Duplicates are made elsewhere (they copy another
 * response). A straightliner whose constant answer is not the attention check's expected one has failed
 * that check too, and says so.
 */
export function injectFault(
  random: Random,
  fault: FaultName,
  draft: Draft,
  sampler: QuestionnaireSampler,
  language: string,
  pace: number,
): Draft {
  const answers = { ...draft.answers };
  const faults: FaultName[] = [fault];
  let timings = draft.timings;
  switch (fault) {
    case "speeder":
      // A tenth to a third of the typical time, whatever this respondent's own pace would have been.
      timings = scaleTimings(timings, (0.1 + 0.22 * random.next()) / pace);
      break;
    case "straightliner":
      straightline(random, sampler, answers, faults);
      break;
    case "attention":
      for (const [question, expected] of sampler.attention) {
        const wrong = (sampler.outline.byName.get(question)?.choices ?? []).filter(
          (value) => value !== expected,
        );
        // A wrong answer that happens to make the grid uniform would be a straightliner too: pick another.
        for (let attempt = 0; attempt < 20 && wrong.length > 0; attempt++) {
          answers[question] = random.pick(wrong);
          if (!isNearlyStraightlined(sampler, answers, 0.3)) break;
        }
      }
      break;
    case "gibberish": {
      const open = sampler.outline.questions.filter((question) => question.kind === "open");
      if (open.length > 0) answers[random.pick(open).name] = gibberishAnswer(random, language);
      break;
    }
    case "inconsistent":
      contradict(random, sampler, answers);
      break;
    case "incomplete":
      breakOff(random, sampler.outline, answers);
      break;
    default:
      break;
  }
  return { answers, timings, faults };
}

function straightline(
  random: Random,
  sampler: QuestionnaireSampler,
  answers: Record<string, unknown>,
  faults: FaultName[],
): void {
  const settings = sampler.quality.rules.straightliner;
  const grids = gridsOf(sampler.population, sampler.outline, settings.grids, settings.offScaleValues);
  if (grids.length === 0) return;
  const grid = random.pick(grids);
  const scale = [...grid.scale.keys()];
  const constant = random.int(scale.length);
  // Seven in ten give one answer throughout; the rest vary one statement by one step (near-zero variance).
  const varied = random.chance(0.3) ? random.int(grid.questions.length) : -1;
  grid.questions.forEach((question, index) => {
    let position = constant;
    if (index === varied) position = constant === 0 ? 1 : constant - 1;
    answers[question] = scale[position];
  });
  for (const [question, expected] of sampler.attention)
    if (grid.questions.includes(question) && answers[question] !== expected) faults.push("attention");
}

/** Ticks or unticks one box of a checkbox answer, keeping it within its limits. */
function toggleOneBox(random: Random, question: OutlineQuestion, answers: Record<string, unknown>): void {
  const ticked = (answers[question.name] as string[]).filter((value) => value !== "none");
  const offered = question.choices.filter((value) => value !== "none" && value !== "other");
  const untick =
    ticked.length > 1 && (ticked.length >= (question.maxSelected ?? offered.length) || random.chance(0.5));
  if (untick) ticked.splice(random.int(ticked.length), 1);
  else {
    const free = offered.filter((value) => !ticked.includes(value));
    if (free.length > 0) ticked.push(random.pick(free));
  }
  answers[question.name] = ticked;
}

function contradict(random: Random, sampler: QuestionnaireSampler, answers: Record<string, unknown>): void {
  const pairs = sampler.quality.rules.inconsistent.pairs.filter(
    (pair) =>
      (pair.population === undefined || pair.population === sampler.population) &&
      [pair.first, pair.second].every((side) => side.question in answers),
  );
  if (pairs.length === 0) return;
  const pair = random.pick(pairs);
  for (const side of [pair.first, pair.second]) {
    const question = sampler.outline.byName.get(side.question);
    if (side.values)
      answers[side.question] =
        question?.kind === "multiple" ? [random.pick(side.values)] : random.pick(side.values);
    else answers[side.question] = side.max ?? side.min;
  }
  if (pair.first.question === "age" || pair.second.question === "age") {
    // An impossible age must still be an eligible one, or the response is screened out instead.
    const side = pair.first.question === "age" ? pair.first : pair.second;
    answers.age = Math.max(18, Math.min(side.max ?? 99, 18 + random.int(3)));
  }
}

function breakOff(random: Random, outline: QuestionnaireOutline, answers: Record<string, unknown>): void {
  const pages = outline.pages;
  const stop = 2 + random.int(Math.max(1, pages.length - 3));
  const kept = new Set(pages.slice(0, stop));
  for (const question of outline.questions) if (!kept.has(question.page)) delete answers[question.name];
}

/** Changes a few closed answers of a copy to other values the model would give. */
export function perturb(
  random: Random,
  sampler: QuestionnaireSampler,
  answers: Record<string, unknown>,
  site: string,
  changes: number,
): void {
  // Answers that decide what else is shown stay as they were, so the copy remains a valid response.
  const deciding = new Set(
    sampler.outline.questions.flatMap((question) =>
      question.conditions.flatMap((condition) =>
        [...condition.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]),
      ),
    ),
  );
  for (const pair of sampler.quality.rules.inconsistent.pairs) {
    deciding.add(pair.first.question);
    deciding.add(pair.second.question);
  }
  const candidates = sampler.outline.questions.filter(
    (question) =>
      question.name in answers &&
      question.name !== sampler.siteQuestion &&
      !sampler.attention.has(question.name) &&
      !deciding.has(question.name) &&
      (question.kind === "single" || question.kind === "multiple"),
  );
  for (let change = 0; change < changes && candidates.length > 0; change++) {
    const question = candidates.splice(random.int(candidates.length), 1)[0];
    if (question.kind === "multiple") {
      toggleOneBox(random, question, answers);
      continue;
    }
    const model = sampler.model?.questions[question.name];
    const before = answers[question.name];
    for (let attempt = 0; attempt < 30; attempt++) {
      const value = model ? drawFromModel(random, model, question, site) : random.pick(question.choices);
      if (value !== before) {
        answers[question.name] = value;
        break;
      }
    }
  }
}
