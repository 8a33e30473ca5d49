/**
 * Text normalisation shared by every tokenizer: Unicode NFKC (full-width letters and digits become
 * ASCII), lower case, and — for matching Latin-script words — accent folding, so "tecnología" typed
 * with or without its accent reaches the same pattern.
 */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

const combiningMarks = /\p{M}+/gu;

/** Removes accents and other combining marks (é → e, ç → c, ñ → n); Han characters are untouched. */
export function foldAccents(text: string): string {
  return text.normalize("NFD").replace(combiningMarks, "").normalize("NFC");
}

/** Normalised and accent-folded: the form Latin-script words are compared in. */
export function foldText(text: string): string {
  return foldAccents(normalizeText(text));
}

const hanCharacter = /\p{Script=Han}/u;
const hanRuns = /\p{Script=Han}+/gu;
const latinWords = /\p{Script=Latin}+/gu;

export function hasHan(text: string): boolean {
  return hanCharacter.test(text);
}

export function countHan(text: string): number {
  let count = 0;
  for (const run of text.matchAll(hanRuns)) count += run[0].length;
  return count;
}

export function countLatinWords(text: string): number {
  return Array.from(text.matchAll(latinWords)).length;
}

/** The Han-script parts of a text, joined by spaces (for the Chinese words inside a Latin-script answer). */
export function hanParts(text: string): string {
  return Array.from(text.matchAll(hanRuns), (match) => match[0]).join(" ");
}

/** The text with its Han-script parts blanked out (for the Latin words inside a Chinese answer). */
export function withoutHan(text: string): string {
  return text.replace(hanRuns, " ");
}
