import { createHash } from "node:crypto";
import { canonicalJson } from "./canonicalJson.ts";

/** A content hash of a questionnaire, stable under key order, so a response names the exact version it answered. */
export function questionnaireVersion(json: unknown): string {
  return createHash("sha256").update(canonicalJson(json)).digest("hex").slice(0, 16);
}
