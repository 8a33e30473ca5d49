import type { IssueLog } from "./issues.ts";
import type { SheetTable } from "./sheetTable.ts";
import type { RawRow } from "./types.ts";

export interface Choice {
  name: string;
  row: RawRow;
  table: SheetTable;
}

/** List name → its choices in sheet order. */
export type ChoiceLists = Map<string, Choice[]>;

/** Reads a choices (or external_choices) sheet; duplicate names in a list are errors unless allowed. */
export function readChoiceLists(
  table: SheetTable | undefined,
  allowDuplicates: boolean,
  log: IssueLog,
): ChoiceLists {
  const lists: ChoiceLists = new Map();
  if (!table) return lists;
  if (!table.column("list_name")) {
    if (table.rows.length > 0) log.error(`${table.sheet}!1`, "the sheet has no list_name column");
    return lists;
  }
  if (!table.column("name")) {
    if (table.rows.length > 0) log.error(`${table.sheet}!1`, "the sheet has no name column");
    return lists;
  }
  for (const row of table.rows) {
    const list = table.text(row, "list_name");
    const name = table.text(row, "name");
    if (list === undefined) {
      log.error(table.path(row, "list_name"), "the row has values but no list name");
      continue;
    }
    if (name === undefined) {
      log.error(table.path(row, "name"), `a choice of the list "${list}" has no name`);
      continue;
    }
    const choices = lists.get(list) ?? [];
    const duplicate = choices.find((choice) => choice.name === name);
    if (duplicate && !allowDuplicates) {
      log.error(
        table.path(row, "name"),
        `the list "${list}" already has a choice "${name}" (row ${duplicate.row.rowNumber}); set allow_choice_duplicates to yes in the settings sheet to allow it`,
      );
      continue;
    }
    choices.push({ name, row, table });
    lists.set(list, choices);
  }
  return lists;
}
