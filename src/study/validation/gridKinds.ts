import {
  type AnswerContext,
  type AnswerKind,
  type AnswerValidator,
  describeValue,
  type IssueSite,
  isPlainObject,
  pick,
  report,
} from "./compiledQuestion.ts";
import type { Condition, Values } from "./conditions.ts";
import { isEmptyAnswer } from "./isEmptyAnswer.ts";
import type { TextRules } from "./textRules.ts";

export interface GridOption {
  value: unknown;
  visibleIf: Condition | undefined;
}

export interface MatrixRules {
  rows: GridOption[];
  rowsVisibleIf: Condition | undefined;
  columns: GridOption[];
  columnsVisibleIf: Condition | undefined;
  eachRowRequired: boolean;
  eachRowUnique: boolean;
}

function visibleOptions(options: GridOption[], shared: Condition | undefined, values: Values): unknown[] {
  return options
    .filter((option) => {
      if (!option.visibleIf && !shared) return true;
      const withItem = { ...values, item: option.value };
      return (!option.visibleIf || option.visibleIf.run(withItem)) && (!shared || shared.run(withItem));
    })
    .map((option) => option.value);
}

/** matrix (single-choice grid): an object of visible row → visible column. */
export function matrixKind(rules: MatrixRules): AnswerKind {
  return {
    takesAnswer: true,
    checkShape(value, at, context) {
      if (!isPlainObject(value)) {
        report(context, at, "must be an object of row → column");
        return false;
      }
      const rows = visibleOptions(rules.rows, rules.rowsVisibleIf, context.values).map(String);
      const columns = visibleOptions(rules.columns, rules.columnsVisibleIf, context.values);
      let valid = true;
      for (const [row, column] of Object.entries(value)) {
        const site = { path: `${at.path}.${row}`, name: at.name };
        if (!rows.includes(row)) report(context, site, `has no row ${describeValue(row)}`);
        else if (!isEmptyAnswer(column) && !columns.includes(column)) {
          report(context, site, `${describeValue(column)} is not one of its columns`);
        } else continue;
        valid = false;
      }
      return valid;
    },
    checkRules(value, at, context) {
      const answers = isPlainObject(value) ? value : {};
      const rows = visibleOptions(rules.rows, rules.rowsVisibleIf, context.values).map(String);
      const given = rows.map((row) => answers[row]).filter((column) => !isEmptyAnswer(column));
      if (rules.eachRowRequired && !context.partial && given.length < rows.length) {
        report(context, at, "needs an answer in every row");
      }
      if (rules.eachRowUnique && new Set(given).size < given.length) {
        report(context, at, "needs a different answer in each row");
      }
    },
    sample(values, random) {
      const columns = visibleOptions(rules.columns, rules.columnsVisibleIf, values);
      const rows = visibleOptions(rules.rows, rules.rowsVisibleIf, values);
      const unused = [...columns];
      const answer: Record<string, unknown> = {};
      for (const row of rows) {
        const pool = rules.eachRowUnique ? unused : columns;
        if (pool.length === 0) break;
        const column = pick(pool, random);
        answer[String(row)] = column;
        if (rules.eachRowUnique) unused.splice(unused.indexOf(column), 1);
      }
      return answer;
    },
  };
}

export interface TextItem {
  name: string;
  required: boolean;
  rules: TextRules;
  validators: AnswerValidator[];
}

/** multipletext: an object of item → text or number, each item with its own rules and validators. */
export function multipleTextKind(items: TextItem[]): AnswerKind {
  const names = items.map((item) => item.name);
  return {
    takesAnswer: true,
    checkShape(value, at, context) {
      if (!isPlainObject(value)) {
        report(context, at, "must be an object of item → answer");
        return false;
      }
      let valid = true;
      for (const [key, itemValue] of Object.entries(value)) {
        const site = { path: `${at.path}.${key}`, name: `${at.name}.${key}` };
        const item = items[names.indexOf(key)];
        if (!item) report(context, site, "is not one of its items");
        else if (isEmptyAnswer(itemValue) || item.rules.checkShape(itemValue, site, context)) continue;
        valid = false;
      }
      return valid;
    },
    checkRules(value, at, context) {
      const answers = isPlainObject(value) ? value : {};
      for (const item of items)
        checkItem(
          item,
          answers[item.name],
          { path: `${at.path}.${item.name}`, name: `${at.name}.${item.name}` },
          context,
        );
    },
    sample(values, random) {
      return Object.fromEntries(items.map((item) => [item.name, item.rules.sample(values, random)]));
    },
  };
}

/** As survey-core's item editor: required first, then limits, then validators only if all passed. */
function checkItem(item: TextItem, value: unknown, at: IssueSite, context: AnswerContext): void {
  const before = context.issues.length;
  const empty = isEmptyAnswer(value);
  if (item.required && empty && !context.partial) report(context, at, "needs an answer");
  item.rules.checkRules(value, at, context);
  if (context.issues.length > before) return;
  for (const validator of item.validators) {
    if (empty && (!validator.runsOnEmpty || context.partial)) continue;
    const message = validator.check(value, context);
    if (message) report(context, at, message);
  }
}
