import type { ChoiceLists } from "./choiceLists.ts";
import type { IssueLog } from "./issues.ts";
import type { LanguagePlan } from "./languagePlan.ts";
import type { SheetTable } from "./sheetTable.ts";
import { resolveName, surveyScope } from "./surveyScope.ts";
import type { SurveySymbol } from "./surveyTree.ts";
import { type ExpressionScope, translateExpression } from "./translateExpression.ts";
import type { LocalizedText, RawRow } from "./types.ts";
import { ExpressionError } from "./xpathParser.ts";

/** Everything the element builders share while converting one workbook. */
export interface ConvertContext {
  log: IssueLog;
  survey: SheetTable;
  languages: LanguagePlan;
  choices: ChoiceLists;
  externalChoices: ChoiceLists;
  usedLists: Set<string>;
  symbols: Map<string, SurveySymbol[]>;
}

/** Where a row sits: the repeats around it and, for `.`, its own name. */
export interface RowPlace {
  repeatPath: string[];
  currentName?: string;
}

export type Flag = boolean | { expression: string };

/** Translates one expression cell, logging an error that names the cell when it cannot. */
export function translateAt(
  context: ConvertContext,
  path: string,
  source: string,
  scope: ExpressionScope,
): string | undefined {
  try {
    return translateExpression(source, scope);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    context.log.error(path, `cannot translate ${JSON.stringify(source)}: ${error.message}`);
    return undefined;
  }
}

export function expressionAt(
  context: ConvertContext,
  row: RawRow,
  field: string,
  place: RowPlace,
): string | undefined {
  const source = context.survey.text(row, field);
  if (source === undefined) return undefined;
  // An Excel TRUE or FALSE cell in an expression column means true() or false().
  if (/^(true|false)$/i.test(source)) return source.toLowerCase();
  const scope = surveyScope(context.symbols, place.repeatPath, place.currentName);
  return translateAt(context, context.survey.path(row, field), source, scope);
}

const truthy = new Set(["yes", "true", "true()", "1"]);
const falsy = new Set(["no", "false", "false()", "0"]);

/** A yes/no column (required, read_only) that may also hold an expression. */
export function flagAt(context: ConvertContext, row: RawRow, field: string, place: RowPlace): Flag {
  const value = context.survey.text(row, field);
  if (value === undefined || falsy.has(value.toLowerCase())) return false;
  if (truthy.has(value.toLowerCase())) return true;
  const expression = expressionAt(context, row, field, place);
  return expression === undefined ? false : { expression };
}

/** Rewrites `${name}` in a text as SurveyJS `{name}`, warning where the name cannot be shown. */
export function pipeReferences(context: ConvertContext, path: string, text: string, place: RowPlace): string {
  return text.replace(/\$\{\s*([^}\s]+)\s*\}/g, (_whole, name: string) => {
    try {
      const target = resolveName(context.symbols, name, place.repeatPath);
      if (target.operand?.startsWith("{")) return target.operand;
      throw new ExpressionError(`\${${name}} is not a value SurveyJS can show in a text`);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      context.log.warn(path, `${error.message}; the text shows {${name}}, which stays empty`);
      return `{${name}}`;
    }
  });
}

/** A text field in every language, with `${name}` references piped. */
export function textAt(
  context: ConvertContext,
  table: SheetTable,
  row: RawRow,
  field: string,
  place: RowPlace,
): LocalizedText | undefined {
  const path = table.path(row, field);
  return context.languages.localize(table, row, field, (text) => pipeReferences(context, path, text, place));
}
