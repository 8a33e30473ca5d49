/**
 * An interview as the device keeps it, from the first answer until the server has accepted it (and after,
 * marked uploaded). Each record carries a checksum of its content, so a record damaged on the device or edited
 * outside the app is recognised and held back instead of being sent or silently dropped.
 */
export type InterviewState = "in_progress" | "pending" | "uploaded" | "rejected";

export interface SubmissionBody {
  id: string;
  language: string;
  mode: "f2f";
  questionnaireVersion: string;
  answers: Record<string, unknown>;
  paradata: Record<string, unknown>;
}

export interface InterviewRecord {
  id: string;
  study: string;
  population: string;
  site: string;
  language: string;
  /** The version the interview was begun with; it is sent, and checked by the server, with that version. */
  questionnaireVersion: string;
  state: InterviewState;
  answers: Record<string, unknown>;
  pageNo: number;
  /** Start, timings, pauses, device, interviewer and consent, gathered while interviewing. */
  paradata: Record<string, unknown>;
  /** Kept apart from the answers; present only when the respondent agreed to it. */
  location?: { latitude: number; longitude: number; accuracy: number; at: string };
  /** Frozen when the interview ends, so every retry sends exactly the same body. */
  body?: SubmissionBody;
  serverStatus?: string;
  rejection?: { message: string; details: Array<{ path: string; message: string }> };
  createdAt: string;
  updatedAt: string;
  checksum: string;
}

/** A record that failed its checks: kept as found, shown, never sent. */
export interface DamagedRecord {
  id: string;
  raw: unknown;
  reason: string;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** 64 bits from two FNV-1a passes: catches damage and careless edits; the server still checks everything. */
export function contentChecksum(value: unknown): string {
  const text = canonical(value);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

export function sealRecord(record: Omit<InterviewRecord, "checksum">): InterviewRecord {
  const { checksum: _old, ...content } = record as InterviewRecord;
  return { ...content, checksum: contentChecksum(content) };
}

const states = new Set<InterviewState>(["in_progress", "pending", "uploaded", "rejected"]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks a record read from the device: its shape, and that its content still matches its checksum. */
export function checkRecord(raw: unknown, key: string): InterviewRecord | DamagedRecord {
  if (!isPlainObject(raw)) return { id: key, raw, reason: "not an object" };
  const id = typeof raw.id === "string" ? raw.id : key;
  const shapeProblem =
    typeof raw.id !== "string"
      ? "id"
      : typeof raw.study !== "string" || typeof raw.population !== "string"
        ? "study/population"
        : typeof raw.language !== "string" || typeof raw.questionnaireVersion !== "string"
          ? "language/questionnaireVersion"
          : !states.has(raw.state as InterviewState)
            ? "state"
            : !isPlainObject(raw.answers) || !isPlainObject(raw.paradata)
              ? "answers/paradata"
              : raw.state === "pending" && !isPlainObject(raw.body)
                ? "body"
                : undefined;
  if (shapeProblem) return { id, raw, reason: `missing or malformed ${shapeProblem}` };
  const { checksum, ...content } = raw;
  if (checksum !== contentChecksum(content)) return { id, raw, reason: "checksum does not match" };
  if (isPlainObject(raw.body) && raw.body.id !== raw.id)
    return { id, raw, reason: "body belongs to another id" };
  return raw as unknown as InterviewRecord;
}

export function isDamaged(record: InterviewRecord | DamagedRecord): record is DamagedRecord {
  return "reason" in record && "raw" in record;
}
