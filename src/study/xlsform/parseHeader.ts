/** What a column header means: the field it fills and, for texts, the language. */
export interface ColumnMeaning {
  /** Canonical field (label, hint, relevant, …), or undefined when Parallax does not know the column. */
  field: string | undefined;
  language?: string;
}

const translatableFields = new Set([
  "label",
  "hint",
  "guidance_hint",
  "constraint_message",
  "required_message",
  "media:image",
  "media:audio",
  "media:video",
  "media:big-image",
]);

const fieldAliases: Record<string, string> = {
  type: "type",
  name: "name",
  list_name: "list_name",
  label: "label",
  caption: "label",
  hint: "hint",
  guidance_hint: "guidance_hint",
  required: "required",
  "jr:requiredmsg": "required_message",
  requiredmsg: "required_message",
  required_message: "required_message",
  relevant: "relevant",
  relevance: "relevant",
  show_if: "relevant",
  constraint: "constraint",
  "jr:constraintmsg": "constraint_message",
  constraintmsg: "constraint_message",
  constraint_message: "constraint_message",
  calculation: "calculation",
  calculate: "calculation",
  default: "default",
  read_only: "read_only",
  readonly: "read_only",
  appearance: "appearance",
  choice_filter: "choice_filter",
  repeat_count: "repeat_count",
  count: "repeat_count",
  "jr:count": "repeat_count",
  parameters: "parameters",
  rows: "rows",
  image: "media:image",
  audio: "media:audio",
  video: "media:video",
  "big-image": "media:big-image",
};

// Old-style `bind:…` and `control:…` headers name the XForm attribute the column sets.
const prefixedFields: Record<string, Set<string>> = {
  bind: new Set([
    "relevant",
    "constraint",
    "required",
    "calculate",
    "readonly",
    "jr:constraintmsg",
    "jr:requiredmsg",
  ]),
  control: new Set(["appearance", "jr:count"]),
  media: new Set(["image", "audio", "video", "big-image"]),
};

const namespacePrefixes = new Set(["jr", "odk", "orx"]);

function normalize(part: string): string {
  return part.trim().toLowerCase().replace(/\s+/g, "_");
}

/** `label::English (en)` → [label, English (en)]; `bind:jr:constraintMsg` → [bind, jr:constraintMsg]. */
export function splitHeader(header: string): string[] {
  const [first = "", ...rest] = header.split("::").map((part) => part.trim());
  return [...splitSingleColons(first), ...rest];
}

function splitSingleColons(header: string): string[] {
  const parts: string[] = [];
  for (const part of header.split(":")) {
    const previous = parts[parts.length - 1];
    if (previous !== undefined && namespacePrefixes.has(previous.toLowerCase())) {
      parts[parts.length - 1] = `${previous}:${part.trim()}`;
    } else {
      parts.push(part.trim());
    }
  }
  return parts;
}

function withLanguage(field: string, rest: string[]): ColumnMeaning {
  if (rest.length === 0) return { field };
  if (!translatableFields.has(field) || rest.length > 1) return { field: undefined };
  return { field, language: rest[0] };
}

/** Reads a survey or choices header in any letter case, in the current and the old XLSForm spellings. */
export function parseHeader(header: string): ColumnMeaning {
  const [first = "", ...rest] = splitHeader(header.trim());
  const base = normalize(first);
  const allowed = prefixedFields[base];
  if (allowed && rest.length > 0) {
    const attribute = normalize(rest[0]);
    if (!allowed.has(attribute)) return { field: undefined };
    const field = base === "media" ? `media:${attribute}` : fieldAliases[attribute];
    return withLanguage(field, rest.slice(1));
  }
  const field = fieldAliases[base];
  if (!field) return { field: undefined };
  return withLanguage(field, rest);
}
