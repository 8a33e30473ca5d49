import type { ChoiceSet } from "./choiceSet.ts";
import {
  type AnswerContext,
  type AnswerKind,
  count,
  describeValue,
  type IssueSite,
  pick,
  report,
} from "./compiledQuestion.ts";
import type { Values } from "./conditions.ts";
import { isEmptyAnswer } from "./isEmptyAnswer.ts";

/** The text typed for "other", where the question stores it as a comment. */
function otherText(context: AnswerContext, commentKey: string): unknown {
  return context.values[commentKey];
}

function isOtherText(choices: ChoiceSet, known: unknown[], value: unknown): boolean {
  return choices.hasOther && !choices.othersAsComment && typeof value === "string" && !known.includes(value);
}

function needsOtherText(choices: ChoiceSet, selected: unknown[], commentKey: string, context: AnswerContext) {
  if (!choices.hasOther || !selected.includes(choices.otherValue)) return false;
  return !choices.othersAsComment || isEmptyAnswer(otherText(context, commentKey));
}

/** radiogroup and dropdown: one value among the visible choices. */
export function singleChoiceKind(
  choices: ChoiceSet,
  commentKey: string,
  hasCommentArea: boolean,
): AnswerKind {
  return {
    takesAnswer: true,
    checkShape(value, at, context) {
      const known = choices.visibleValues(context.values);
      if (known.includes(value) || isOtherText(choices, known, value)) return true;
      report(context, at, `${describeValue(value)} is not one of its choices`);
      return false;
    },
    checkRules(value, at, context) {
      if (context.partial || isEmptyAnswer(value)) return;
      if (needsOtherText(choices, [value], commentKey, context)) {
        report(context, otherSite(at, commentKey, choices), 'the "other" answer needs its text');
      }
    },
    commentAllowed: (value) =>
      hasCommentArea || (choices.hasOther && choices.othersAsComment && value === choices.otherValue),
    sample: (values, random) => pick(regularValues(choices, values), random),
  };
}

export interface MultipleChoiceLimits {
  minSelected: number;
  maxSelected: number;
}

/** checkbox and tagbox: distinct visible choices, exclusive ones alone, within the selection limits. */
export function multipleChoiceKind(
  choices: ChoiceSet,
  limits: MultipleChoiceLimits,
  commentKey: string,
  hasCommentArea: boolean,
): AnswerKind {
  return {
    takesAnswer: true,
    checkShape: (value, at, context) => checkChoiceList(choices, value, at, context),
    checkRules(value, at, context) {
      const selected = Array.isArray(value) ? value : [];
      const exclusive = selected.find((item) => choices.isExclusive(item));
      if (exclusive !== undefined && selected.length > 1) {
        report(context, at, `${describeValue(exclusive)} cannot be combined with other choices`);
      }
      if (limits.maxSelected > 0 && selected.length > limits.maxSelected) {
        report(context, at, `allows at most ${count(limits.maxSelected, "choice")}`);
      }
      if (context.partial) return;
      if (limits.minSelected > 0 && selected.length < limits.minSelected) {
        report(context, at, `needs at least ${count(limits.minSelected, "choice")}`);
      }
      if (needsOtherText(choices, selected, commentKey, context)) {
        report(context, otherSite(at, commentKey, choices), 'the "other" answer needs its text');
      }
    },
    commentAllowed: (value) =>
      hasCommentArea ||
      (choices.hasOther &&
        choices.othersAsComment &&
        Array.isArray(value) &&
        value.includes(choices.otherValue)),
    sample(values, random) {
      const regular = regularValues(choices, values).filter((value) => !choices.isExclusive(value));
      const pool = regular.length > 0 ? regular : regularValues(choices, values).slice(0, 1);
      const high = limits.maxSelected > 0 ? Math.min(limits.maxSelected, pool.length) : pool.length;
      const low = Math.min(Math.max(1, limits.minSelected), high);
      const count = low + Math.floor(random() * (high - low + 1));
      return shuffle(pool, random).slice(0, count);
    },
  };
}

/** ranking: every visible choice once, in order (a subset when select-to-rank is on). */
export function rankingKind(
  choices: ChoiceSet,
  limits: MultipleChoiceLimits,
  selectToRank: boolean,
): AnswerKind {
  return {
    takesAnswer: true,
    checkShape(value, at, context) {
      if (!checkChoiceList(choices, value, at, context)) return false;
      const ranked = value as unknown[];
      const known = choices.visibleValues(context.values);
      if (!selectToRank && ranked.length !== known.length) {
        report(context, at, `must rank all ${known.length} items`);
        return false;
      }
      return true;
    },
    checkRules(value, at, context) {
      const ranked = Array.isArray(value) ? value : [];
      if (!selectToRank) return;
      if (limits.maxSelected > 0 && ranked.length > limits.maxSelected) {
        report(context, at, `allows at most ${count(limits.maxSelected, "ranked item")}`);
      }
      if (!context.partial && limits.minSelected > 0 && ranked.length < limits.minSelected) {
        report(context, at, `needs at least ${count(limits.minSelected, "ranked item")}`);
      }
    },
    sample(values, random) {
      const ranked = shuffle(choices.visibleValues(values), random);
      if (!selectToRank) return ranked;
      const high = limits.maxSelected > 0 ? Math.min(limits.maxSelected, ranked.length) : ranked.length;
      const low = Math.min(Math.max(1, limits.minSelected), high);
      return ranked.slice(0, low + Math.floor(random() * (high - low + 1)));
    },
  };
}

function checkChoiceList(choices: ChoiceSet, value: unknown, at: IssueSite, context: AnswerContext): boolean {
  if (!Array.isArray(value)) {
    report(context, at, "must be a list of choices");
    return false;
  }
  const known = choices.visibleValues(context.values);
  let valid = true;
  value.forEach((item, index) => {
    const itemSite = { path: `${at.path}[${index}]`, name: at.name };
    if (!known.includes(item) && !isOtherText(choices, known, item)) {
      report(context, itemSite, `${describeValue(item)} is not one of its choices`);
      valid = false;
    } else if (value.indexOf(item) !== index) {
      report(context, itemSite, `${describeValue(item)} is chosen twice`);
      valid = false;
    }
  });
  return valid;
}

function otherSite(at: IssueSite, commentKey: string, choices: ChoiceSet): IssueSite {
  return choices.othersAsComment ? { path: `answers.${commentKey}`, name: at.name } : at;
}

/** Choices a generated answer may use: no "other", which would need its own text. */
function regularValues(choices: ChoiceSet, values: Values): unknown[] {
  const visible = choices
    .visibleValues(values)
    .filter((value) => !choices.hasOther || value !== choices.otherValue);
  return visible.length > 0 ? visible : choices.visibleValues(values);
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}
