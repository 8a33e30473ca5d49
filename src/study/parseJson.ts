import { ParallaxError } from "../errors.ts";
import { locateJsonError } from "./locateJsonError.ts";

/** Parses JSON text, turning a syntax error into a STUDY_INVALID error naming the file, line and column. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = Math.max(0, locateJsonError(text));
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    const found =
      offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : "unexpected end of file";
    throw new ParallaxError("STUDY_INVALID", `${file} is not valid JSON`, [
      { path: `${file}:${line}:${column}`, message: error instanceof SyntaxError ? found : String(error) },
    ]);
  }
}
