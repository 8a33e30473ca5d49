import type { ErrorDetail } from "../errors.ts";

/**
 * A small structural checker: each helper records a problem at a JSON path and returns whether the value
 * had the expected shape, so a caller can report every problem of a file at once instead of the first.
 */
export class ShapeChecker {
  readonly problems: ErrorDetail[] = [];

  constructor(private readonly file: string) {}

  fail(path: string, message: string): false {
    this.problems.push({ path: `${this.file} ${path}`, message });
    return false;
  }

  object(value: unknown, path: string): value is Record<string, unknown> {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return true;
    return this.fail(path, "must be an object");
  }

  string(value: unknown, path: string): value is string {
    if (typeof value === "string" && value.trim() !== "") return true;
    return this.fail(path, "must be a non-empty string");
  }

  array(value: unknown, path: string): value is unknown[] {
    if (Array.isArray(value)) return true;
    return this.fail(path, "must be an array");
  }

  stringArray(value: unknown, path: string): value is string[] {
    if (!this.array(value, path)) return false;
    return value.every((item, index) => this.string(item, `${path}[${index}]`));
  }

  nonNegativeInteger(value: unknown, path: string): value is number {
    if (typeof value === "number" && Number.isInteger(value) && value >= 0) return true;
    return this.fail(path, "must be a whole number of zero or more");
  }

  /** Text per language: an object whose values are non-empty strings. */
  localized(value: unknown, path: string): value is Record<string, string> {
    if (!this.object(value, path)) return false;
    return Object.entries(value).every(([language, text]) => this.string(text, `${path}.${language}`));
  }

  isoDate(value: unknown, path: string): value is string {
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) {
      return true;
    }
    return this.fail(path, "must be a date written YYYY-MM-DD");
  }
}
