import { readFile } from "node:fs/promises";
import { ParallaxError } from "../errors.ts";
import type { ScreenedResponse } from "../quality/index.ts";

/** The study's quality.json over the defaults, or the defaults when the study has none. */

/** Reads responses.jsonl: one response a line, as `parallax simulate` writes it. */
export async function readResponsesJsonl(path: string): Promise<ScreenedResponse[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ParallaxError("FILE_UNREADABLE", `Cannot read ${path}`, [{ path, message: String(error) }]);
  }
  const responses: ScreenedResponse[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new ParallaxError("FILE_UNREADABLE", `Line ${index + 1} of ${path} is not JSON`, [
        { path: `${path}:${index + 1}`, message: (error as Error).message },
      ]);
    }
    const record = value as Record<string, unknown>;
    const problem =
      typeof record?.id !== "string"
        ? "id"
        : typeof record.population !== "string"
          ? "population"
          : typeof record.answers !== "object" || record.answers === null
            ? "answers"
            : undefined;
    if (problem)
      throw new ParallaxError("FILE_UNREADABLE", `Line ${index + 1} of ${path} is not a response`, [
        { path: `${path}:${index + 1}`, message: `${problem} is missing or of the wrong type` },
      ]);
    responses.push({
      id: record.id as string,
      population: record.population as string,
      site: typeof record.site === "string" ? record.site : null,
      language: String(record.language ?? ""),
      mode: String(record.mode ?? "web"),
      status: typeof record.status === "string" ? record.status : undefined,
      interviewer: typeof record.interviewer === "string" ? record.interviewer : null,
      answers: record.answers as Record<string, unknown>,
      paradata: (record.paradata as Record<string, unknown>) ?? {},
    });
  });
  return responses;
}

/** One CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
