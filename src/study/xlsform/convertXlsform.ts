import { ParallaxError } from "../../errors.ts";
import { buildElements, countQuestions } from "./buildElements.ts";
import { type ChoiceLists, readChoiceLists } from "./choiceLists.ts";
import type { ConvertContext } from "./convertContext.ts";
import { findSheets } from "./findSheets.ts";
import { cellPath, IssueLog } from "./issues.ts";
import { planLanguages } from "./languagePlan.ts";
import { paginate } from "./paginate.ts";
import { readSettings } from "./readSettings.ts";
import { buildSheetTable, type SheetTable } from "./sheetTable.ts";
import { buildSurveyTree } from "./surveyTree.ts";
import type { JsonObject, XlsformImport, XlsformWorkbook } from "./types.ts";

// Settings the import reads; an unreadable cell elsewhere in the settings sheet changes nothing.
const usedSettings = new Set([
  "form_title",
  "form_id",
  "version",
  "default_language",
  "allow_choice_duplicates",
]);

function reportUnreadable(workbook: XlsformWorkbook, log: IssueLog): void {
  for (const cell of workbook.unreadable) {
    const sheet = workbook.sheets.find((candidate) => candidate.name === cell.sheet);
    const header = sheet?.rows[0]?.cells[cell.column - 1];
    const path = cellPath(cell.sheet, cell.rowNumber, cell.column, header);
    const setting = header?.trim().toLowerCase().replace(/\s+/g, "_") ?? "";
    const isSheet = (name: string) => cell.sheet.trim().toLowerCase() === name;
    if (isSheet("survey") || isSheet("choices") || isSheet("external_choices") || usedSettings.has(setting)) {
      log.error(path, cell.reason);
    } else {
      log.warn(path, `${cell.reason}; the cell is not used`);
    }
  }
}

function reportListUse(lists: ChoiceLists, used: Set<string>, prefix: string, log: IssueLog): void {
  for (const [name, choices] of lists) {
    const [first] = choices;
    if (!first) continue;
    if (!used.has(`${prefix}${name}`)) {
      log.warn(first.table.path(first.row, "list_name"), `the list "${name}" is not used by any question`);
    }
    const unlabelled = choices.filter((choice) =>
      choice.table.columnsOf("label").every((column) => !choice.table.cell(choice.row, column)),
    );
    const firstUnlabelled = unlabelled[0];
    if (firstUnlabelled) {
      const { table, row } = firstUnlabelled;
      log.warn(
        table.column("label") ? table.path(row, "label") : table.path(row, "name"),
        `${unlabelled.length} choice(s) of the list "${name}" have no label; SurveyJS shows their names`,
      );
    }
  }
}

// Columns whose content Parallax knows but SurveyJS cannot show: pictures and sounds, guidance for interviewers.
function reportUnshownColumns(table: SheetTable, log: IssueLog): void {
  for (const column of table.columns) {
    const isMedia = column.field?.startsWith("media:") ?? false;
    if (!isMedia && column.field !== "guidance_hint") continue;
    const first = table.rows.find((row) => table.cell(row, column) !== undefined);
    if (!first) continue;
    const what = isMedia ? "media files are not imported" : "guidance hints are not shown";
    log.warn(table.columnPath(first, column), `${what}; the column "${column.header}" is ignored`);
  }
}

function listSizes(lists: ChoiceLists, prefix = ""): Record<string, number> {
  return Object.fromEntries([...lists].map(([name, choices]) => [`${prefix}${name}`, choices.length]));
}

/**
 * Converts an XLSForm, already read into rows of text, into a SurveyJS questionnaire. Throws
 * ParallaxError XLSFORM_INVALID listing every problem (sheet!cell (column): reason) when it cannot.
 */
export function convertXlsform(workbook: XlsformWorkbook): XlsformImport {
  const log = new IssueLog();
  reportUnreadable(workbook, log);
  const sheets = findSheets(workbook, log);
  const survey = buildSheetTable(sheets.survey, log, true);
  for (const field of ["type", "name"]) {
    if (!survey.column(field)) log.error(`${survey.sheet}!1`, `the survey sheet has no ${field} column`);
  }
  const settings = readSettings(sheets.settings);
  const allowDuplicates = /^(yes|true|1)$/i.test(settings.values.allow_choice_duplicates ?? "");
  const choicesTable = sheets.choices ? buildSheetTable(sheets.choices, log, false) : undefined;
  const externalTable = sheets.externalChoices
    ? buildSheetTable(sheets.externalChoices, log, false)
    : undefined;
  const choices = readChoiceLists(choicesTable, allowDuplicates, log);
  const externalChoices = readChoiceLists(externalTable, allowDuplicates, log);
  const textTables = [survey, choicesTable, externalTable].filter(
    (table): table is SheetTable => table !== undefined,
  );
  const languages = planLanguages(
    textTables,
    settings.values.default_language,
    settings.paths.default_language ?? "settings",
    log,
  );
  const tree = buildSurveyTree(survey, log);
  const context: ConvertContext = {
    log,
    survey,
    languages,
    choices,
    externalChoices,
    usedLists: new Set(),
    symbols: tree.symbols,
  };
  const built = buildElements(context, tree.nodes, []);
  reportListUse(choices, context.usedLists, "", log);
  reportListUse(externalChoices, context.usedLists, "external_choices:", log);
  for (const table of textTables) reportUnshownColumns(table, log);
  if (log.errors.length > 0) {
    throw new ParallaxError(
      "XLSFORM_INVALID",
      `The XLSForm cannot be imported: ${log.errors.length} problem(s)`,
      log.errors,
    );
  }
  const json: JsonObject = {};
  if (settings.values.form_title) json.title = settings.values.form_title;
  json.pages = paginate(context, built.elements);
  if (built.calculatedValues.length > 0) json.calculatedValues = built.calculatedValues;
  json.metadata = {
    source: "xlsform",
    formId: settings.values.form_id,
    version: settings.values.version,
    languages: languages.languages,
    fields: tree.metadata,
  };
  const elements = built.elements.map((entry) => entry.element);
  return {
    survey: json,
    warnings: log.warnings,
    languages: languages.languages,
    choiceLists: { ...listSizes(choices), ...listSizes(externalChoices, "external_choices:") },
    metadata: tree.metadata,
    questionCount: countQuestions(elements),
  };
}
