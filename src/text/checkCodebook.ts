import type { ErrorDetail } from "../errors.ts";
import type { Code, Codebook, Net, PatternSet } from "./codebookTypes.ts";
import { NONE_CODE, OTHER_CODE, patternKinds } from "./codebookTypes.ts";
import { isTextLanguage } from "./language.ts";

const idPattern = /^[a-z][a-z0-9_]*$/;

/**
 * Checks the shape of a codebook value and returns it typed, or every problem found, each at a JSON
 * path (`$.codes[2].patterns.es.regex[0]`).
 */
export function checkCodebook(value: unknown): { codebook: Codebook | null; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const fail = (path: string, message: string): false => {
    problems.push({ path, message });
    return false;
  };
  const isObject = (item: unknown, path: string): item is Record<string, unknown> =>
    (typeof item === "object" && item !== null && !Array.isArray(item)) || fail(path, "must be an object");
  const isText = (item: unknown, path: string): item is string =>
    (typeof item === "string" && item.trim() !== "") || fail(path, "must be a non-empty string");
  const isArray = (item: unknown, path: string): item is unknown[] =>
    Array.isArray(item) || fail(path, "must be an array");

  const checkLabel = (label: unknown, path: string) => {
    if (!isObject(label, path)) return;
    if (Object.keys(label).length === 0) fail(path, "must give the label in at least one language");
    for (const [language, text] of Object.entries(label)) isText(text, `${path}.${language}`);
  };

  const checkPatternSet = (set: unknown, language: string, path: string) => {
    if (!isObject(set, path)) return;
    for (const [kind, list] of Object.entries(set)) {
      const kindPath = `${path}.${kind}`;
      if (!(patternKinds as readonly string[]).includes(kind)) {
        fail(kindPath, `unknown pattern kind; use ${patternKinds.join(", ")}`);
        continue;
      }
      if (kind === "stems" && (language === "zh-cn" || language === "all")) {
        fail(kindPath, "stems apply to Spanish, Portuguese and English only; use words");
      }
      if (!isArray(list, kindPath)) continue;
      list.forEach((pattern, index) => {
        const itemPath = `${kindPath}[${index}]`;
        if (isText(pattern, itemPath) && kind === "regex") checkRegex(pattern, itemPath, fail);
      });
    }
  };

  const checkCode = (code: unknown, path: string): code is Code => {
    if (!isObject(code, path)) return false;
    const idOk = isText(code.id, `${path}.id`);
    if (idOk && !idPattern.test(code.id as string)) {
      fail(`${path}.id`, "must be lower-case letters, digits and underscores, starting with a letter");
    }
    checkLabel(code.label, `${path}.label`);
    const patterns = code.patterns ?? {};
    if (isObject(patterns, `${path}.patterns`)) {
      for (const [language, set] of Object.entries(patterns)) {
        if (language !== "all" && !isTextLanguage(language)) {
          fail(`${path}.patterns.${language}`, "unknown language; use zh-cn, es, pt, en or all");
          continue;
        }
        checkPatternSet(set, language, `${path}.patterns.${language}`);
      }
      const count = countPatterns(patterns as Code["patterns"]);
      if (code.id === OTHER_CODE && count > 0) {
        fail(`${path}.patterns`, "other is given to answers no pattern codes; it takes no patterns");
      } else if (code.id !== OTHER_CODE && count === 0) {
        fail(`${path}.patterns`, "must give at least one pattern");
      }
    }
    return idOk;
  };

  if (!isObject(value, "$")) return { codebook: null, problems };
  isText(value.question, "$.question");
  const ids = new Set<string>();
  const codeIds = new Set<string>();
  if (isArray(value.codes, "$.codes")) {
    value.codes.forEach((code, index) => {
      const path = `$.codes[${index}]`;
      if (!checkCode(code, path)) return;
      if (ids.has(code.id)) fail(`${path}.id`, `duplicate code id ${code.id}`);
      ids.add(code.id);
      codeIds.add(code.id);
    });
    for (const reserved of [OTHER_CODE, NONE_CODE]) {
      if (!ids.has(reserved)) fail("$.codes", `must include the reserved code ${reserved}`);
    }
  }
  const nets = value.nets ?? [];
  if (isArray(nets, "$.nets")) {
    nets.forEach((net, index) => {
      const path = `$.nets[${index}]`;
      if (!isObject(net, path)) return;
      if (isText(net.id, `${path}.id`)) {
        if (!idPattern.test(net.id)) fail(`${path}.id`, "must be lower-case letters, digits and underscores");
        if (ids.has(net.id)) fail(`${path}.id`, `${net.id} is already a code id`);
        ids.add(net.id);
      }
      checkLabel(net.label, `${path}.label`);
      if (isArray(net.codes, `${path}.codes`)) {
        if (net.codes.length === 0) fail(`${path}.codes`, "must list at least one code");
        net.codes.forEach((id, codeIndex) => {
          const codePath = `${path}.codes[${codeIndex}]`;
          if (isText(id, codePath) && !codeIds.has(id)) fail(codePath, `no code ${id} in this codebook`);
        });
      }
    });
  }
  if (problems.length > 0) return { codebook: null, problems };
  const codes = (value.codes as Code[]).map((code) => ({ ...code, patterns: code.patterns ?? {} }));
  return { codebook: { question: value.question as string, codes, nets: nets as Net[] }, problems };
}

function countPatterns(patterns: Code["patterns"]): number {
  let count = 0;
  for (const set of Object.values(patterns) as PatternSet[]) {
    if (typeof set !== "object" || set === null) continue;
    for (const list of Object.values(set)) if (Array.isArray(list)) count += list.length;
  }
  return count;
}

function checkRegex(pattern: string, path: string, fail: (path: string, message: string) => false): void {
  try {
    new RegExp(pattern, "u");
  } catch (error) {
    fail(path, `not a valid regular expression: ${(error as Error).message}`);
  }
}
