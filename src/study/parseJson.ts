import { ParallaxError } from "../errors.ts";

/** Parses JSON text, turning a syntax error into a STUDY_INVALID error naming the file, line and column. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    let where = file;
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split("\n").length;
      const column = before.length - before.lastIndexOf("\n");
      where = `${file}:${line}:${column}`;
    }
    throw new ParallaxError("STUDY_INVALID", `${file} is not valid JSON`, [
      { path: where, message: message.replace(/^JSON\.parse: /, "") },
    ]);
  }
}
