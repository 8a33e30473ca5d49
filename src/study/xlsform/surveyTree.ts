import type { IssueLog } from "./issues.ts";
import { parseType, type RowType } from "./parseType.ts";
import type { SheetTable } from "./sheetTable.ts";
import type { MetadataField, RawRow } from "./types.ts";

export type QuestionType = Extract<RowType, { kind: "select" } | { kind: "plain" }>;

export type SurveyNode =
  | { kind: "question"; row: RawRow; name: string; type: QuestionType }
  | { kind: "group" | "repeat"; row: RawRow; name: string; children: SurveyNode[] }
  | { kind: "loop"; row: RawRow; name: string; list: string; children: SurveyNode[] };

/** A name an expression may refer to, with the repeats that enclose it (outermost first). */
export interface SurveySymbol {
  name: string;
  kind: "question" | "calculate" | "repeat" | "group" | "metadata";
  metadataType?: string;
  selectMultiple: boolean;
  repeatPath: string[];
  row: RawRow;
}

export interface SurveyTree {
  nodes: SurveyNode[];
  symbols: Map<string, SurveySymbol[]>;
  metadata: MetadataField[];
}

export const metadataTypes = new Set([
  "start",
  "end",
  "today",
  "deviceid",
  "subscriberid",
  "simserial",
  "phonenumber",
  "username",
  "email",
  "audit",
  "start-geopoint",
  "background-audio",
]);

// Characters that would break a SurveyJS `{name}` reference or an XLSForm `${name}` one.
const unusableName = /[\s{}()'",$]/;

interface OpenContainer {
  node: Extract<SurveyNode, { children: SurveyNode[] }>;
  structure: "group" | "repeat" | "loop";
}

/** Nests the survey sheet's rows by begin/end group, repeat and loop, and names what each row declares. */
export function buildSurveyTree(table: SheetTable, log: IssueLog): SurveyTree {
  const root: SurveyNode[] = [];
  const stack: OpenContainer[] = [];
  const symbols = new Map<string, SurveySymbol[]>();
  const metadata: MetadataField[] = [];
  const repeatPath = () => stack.filter((open) => open.structure === "repeat").map((open) => open.node.name);
  const siblings = () => stack[stack.length - 1]?.node.children ?? root;

  const declare = (symbol: SurveySymbol) => {
    const same = symbols.get(symbol.name) ?? [];
    const clash = same.find((other) => other.repeatPath.join("/") === symbol.repeatPath.join("/"));
    if (clash) {
      log.error(
        table.path(symbol.row, "name"),
        `the name "${symbol.name}" is already used in row ${clash.row.rowNumber}; SurveyJS needs it to be unique`,
      );
      return false;
    }
    same.push(symbol);
    symbols.set(symbol.name, same);
    return true;
  };

  for (const row of table.rows) {
    const typeCell = table.text(row, "type");
    if (typeCell === undefined) {
      log.error(table.path(row, "type"), "the row has values but no type");
      continue;
    }
    const type = parseType(typeCell);
    if (type.kind === "end") {
      const open = stack.pop();
      if (!open) {
        log.error(table.path(row, "type"), `"${typeCell}" has no matching begin`);
      } else if (open.structure !== type.structure) {
        log.error(
          table.path(row, "type"),
          `"${typeCell}" closes the ${open.structure} "${open.node.name}" begun in row ${open.node.row.rowNumber}`,
        );
      }
      continue;
    }
    if (type.kind === "unknown") {
      log.error(table.path(row, "type"), `"${typeCell}" is not an XLSForm question type`);
      continue;
    }
    const name = table.text(row, "name");
    if (name === undefined) {
      log.error(table.path(row, "name"), `the ${typeCell} row has no name`);
      continue;
    }
    if (unusableName.test(name)) {
      log.error(
        table.path(row, "name"),
        `"${name}" cannot be a question name: no spaces, quotes, braces or $`,
      );
      continue;
    }
    const path = repeatPath();
    if (type.kind === "begin" || type.kind === "begin-loop") {
      const node =
        type.kind === "begin-loop"
          ? { kind: "loop" as const, row, name, list: type.list, children: [] }
          : { kind: type.structure, row, name, children: [] };
      declare({
        name,
        kind: type.kind === "begin" && type.structure === "repeat" ? "repeat" : "group",
        selectMultiple: false,
        repeatPath: path,
        row,
      });
      siblings().push(node);
      stack.push({ node, structure: type.kind === "begin-loop" ? "loop" : type.structure });
      continue;
    }
    if (type.kind === "plain" && (metadataTypes.has(type.type) || type.type.startsWith("uri:"))) {
      if (
        declare({
          name,
          kind: "metadata",
          metadataType: type.type,
          selectMultiple: false,
          repeatPath: path,
          row,
        })
      ) {
        metadata.push({ name, type: type.type, row: row.rowNumber });
      }
      continue;
    }
    const kind = type.kind === "plain" && type.type === "calculate" ? "calculate" : "question";
    const selectMultiple = type.kind === "select" && type.mode !== "one";
    if (declare({ name, kind, selectMultiple, repeatPath: path, row })) {
      siblings().push({ kind: "question", row, name, type });
    }
  }
  for (const open of stack) {
    log.error(table.path(open.node.row, "type"), `the ${open.structure} "${open.node.name}" is never ended`);
  }
  return { nodes: root, symbols, metadata };
}
