/** What a survey row's `type` cell asks for. */
export type RowType =
  | {
      kind: "select";
      mode: "one" | "multiple" | "rank";
      list: string;
      orOther: boolean;
      source: ChoiceSource;
    }
  | { kind: "begin"; structure: "group" | "repeat" }
  | { kind: "begin-loop"; list: string }
  | { kind: "end"; structure: "group" | "repeat" | "loop" }
  | { kind: "plain"; type: string }
  | { kind: "unknown"; written: string };

/** Where a select's choices come from: the choices sheet, external_choices, or a file beside the form. */
export type ChoiceSource = { from: "choices" } | { from: "external" } | { from: "file"; file: string };

const selectKeywords: Record<string, { mode: "one" | "multiple" | "rank"; source?: "external" | "file" }> = {
  select_one: { mode: "one" },
  "select one": { mode: "one" },
  "select one from": { mode: "one" },
  "select one using": { mode: "one" },
  "add select one prompt using": { mode: "one" },
  select1: { mode: "one" },
  select_multiple: { mode: "multiple" },
  "select multiple": { mode: "multiple" },
  "select multiple from": { mode: "multiple" },
  "select multiple using": { mode: "multiple" },
  "select all that apply": { mode: "multiple" },
  "select all that apply from": { mode: "multiple" },
  "add select multiple prompt using": { mode: "multiple" },
  rank: { mode: "rank" },
  select_one_external: { mode: "one", source: "external" },
  select_multiple_external: { mode: "multiple", source: "external" },
  select_one_from_file: { mode: "one", source: "file" },
  select_multiple_from_file: { mode: "multiple", source: "file" },
};

// Every spelling pyxform accepts, mapped to one canonical type.
const plainAliases: Record<string, string> = {
  text: "text",
  string: "text",
  "q string": "text",
  "add text prompt": "text",
  integer: "integer",
  int: "integer",
  "q int": "integer",
  "add integer prompt": "integer",
  decimal: "decimal",
  "q decimal": "decimal",
  "add decimal prompt": "decimal",
  range: "range",
  date: "date",
  "q date": "date",
  "add date prompt": "date",
  time: "time",
  datetime: "datetime",
  "date time": "datetime",
  "q date time": "datetime",
  "q datetime": "datetime",
  "add date time prompt": "datetime",
  "add datetime prompt": "datetime",
  note: "note",
  "q note": "note",
  "add note prompt": "note",
  acknowledge: "acknowledge",
  trigger: "acknowledge",
  "q acknowledge": "acknowledge",
  "add acknowledge prompt": "acknowledge",
  geopoint: "geopoint",
  gps: "geopoint",
  location: "geopoint",
  "q geopoint": "geopoint",
  "q location": "geopoint",
  "add location prompt": "geopoint",
  geotrace: "geotrace",
  geoshape: "geoshape",
  barcode: "barcode",
  "q barcode": "barcode",
  "add barcode prompt": "barcode",
  image: "image",
  photo: "image",
  "q image": "image",
  "q picture": "image",
  "add image prompt": "image",
  audio: "audio",
  "q audio": "audio",
  "add audio prompt": "audio",
  video: "video",
  "q video": "video",
  "add video prompt": "video",
  file: "file",
  calculate: "calculate",
  "q calculate": "calculate",
  "add calculate prompt": "calculate",
  hidden: "hidden",
  "phone number": "phone number",
  percentage: "percentage",
  start: "start",
  "start time": "start",
  "get start time": "start",
  end: "end",
  "end time": "end",
  "get end time": "end",
  today: "today",
  "get today": "today",
  deviceid: "deviceid",
  "device id": "deviceid",
  imei: "deviceid",
  "get device id": "deviceid",
  subscriberid: "subscriberid",
  "subscriber id": "subscriberid",
  "get subscriber id": "subscriberid",
  simserial: "simserial",
  "sim id": "simserial",
  "get sim id": "simserial",
  phonenumber: "phonenumber",
  "get phone number": "phonenumber",
  username: "username",
  email: "email",
  audit: "audit",
  "start-geopoint": "start-geopoint",
  "background-audio": "background-audio",
  osm: "osm",
  include: "include",
  "xml-external": "xml-external",
  "csv-external": "csv-external",
};

const structureKeywords: Record<string, RowType> = {
  "begin group": { kind: "begin", structure: "group" },
  begin_group: { kind: "begin", structure: "group" },
  "end group": { kind: "end", structure: "group" },
  end_group: { kind: "end", structure: "group" },
  "begin repeat": { kind: "begin", structure: "repeat" },
  begin_repeat: { kind: "begin", structure: "repeat" },
  "end repeat": { kind: "end", structure: "repeat" },
  end_repeat: { kind: "end", structure: "repeat" },
  "end loop": { kind: "end", structure: "loop" },
  end_loop: { kind: "end", structure: "loop" },
};

function selectType(written: string): RowType | undefined {
  const orOther = /\s+(?:or_other|or specify other)$/i.exec(written);
  const body = orOther ? written.slice(0, orOther.index) : written;
  const keywords = Object.keys(selectKeywords).sort((a, b) => b.length - a.length);
  const lower = body.toLowerCase();
  for (const keyword of keywords) {
    if (!lower.startsWith(`${keyword} `)) continue;
    const list = body.slice(keyword.length).trim();
    if (list === "" || /\s/.test(list)) return undefined;
    const meaning = selectKeywords[keyword] as (typeof selectKeywords)[string];
    const source: ChoiceSource =
      meaning.source === "file"
        ? { from: "file", file: list }
        : meaning.source === "external"
          ? { from: "external" }
          : { from: "choices" };
    return { kind: "select", mode: meaning.mode, list, orOther: orOther !== null, source };
  }
  return undefined;
}

/** Reads a type cell in any of the spellings pyxform accepts (`select_one x or_other`, `select one from x`, …). */
export function parseType(cell: string): RowType {
  const written = cell.trim().replace(/\s+/g, " ");
  const lower = written.toLowerCase();
  const structure = structureKeywords[lower];
  if (structure) return structure;
  const loop = /^begin[ _]loop over (\S+)$/i.exec(written);
  if (loop?.[1]) return { kind: "begin-loop", list: loop[1] };
  // An OpenStreetMap question names the list of tags it offers.
  if (/^osm \S+$/i.test(written)) return { kind: "plain", type: "osm" };
  const select = selectType(written);
  if (select) return select;
  const plain = plainAliases[lower] ?? (lower.startsWith("uri:") ? lower : undefined);
  if (plain) return { kind: "plain", type: plain };
  return { kind: "unknown", written };
}
