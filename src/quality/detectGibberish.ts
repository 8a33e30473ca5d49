import { foldWord, type Lexicon, latinWords, trigramsOf } from "./lexicon.ts";
import type { GibberishWhy } from "./reasons.ts";

const keyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"];
const keyboardNeighbours = new Set<string>();
for (const row of keyboardRows)
  for (let index = 0; index + 1 < row.length; index++) {
    keyboardNeighbours.add(row.slice(index, index + 2));
    keyboardNeighbours.add(row[index + 1] + row[index]);
  }

const chinese = /\p{Script=Han}/u;

/**
 * Says why an open answer is nonsense, or undefined when it reads as language: keyboard mashing, one
 * character or a short unit repeated, no letters at all, random Latin letters in a Chinese answer, or no
 * word of the language (each word judged against a lexicon by its letter trigrams and its vowels).
 */
export function detectGibberish(text: string, language: string, lexicon: Lexicon): GibberishWhy | undefined {
  const trimmed = text.trim();
  if (trimmed.length < 2) return undefined;
  if (!/\p{L}/u.test(trimmed)) return trimmed.length >= 3 ? "noLetters" : undefined;
  const compact = foldWord(trimmed).replace(/[\s\p{P}\p{S}]/gu, "");
  if (/(.)\1{3,}/u.test(compact) || (compact.length >= 6 && /^(.{1,4})\1{2,}$/u.test(compact)))
    return "repeated";
  const words = latinWords(trimmed).filter((word) => word.length >= 3);
  const mashed = words.filter((word) => word.length >= 4 && keyboardShare(word) >= 0.6);
  if (mashed.length > 0 && mashed.length * 2 >= words.length) return "keyboard";
  const originalWords = trimmed.match(/\p{L}+/gu) ?? [];
  const isName = (word: string) => /^\p{Lu}/u.test(word) || /\p{Ll}\p{Lu}/u.test(word);
  const names = new Set(originalWords.filter(isName).map(foldWord));
  const implausible = words.filter((word) => !names.has(word) && !isPlausibleWord(word, lexicon));
  if (language === "zh-cn" && chinese.test(trimmed)) {
    return implausible.some((word) => word.length >= 4) ? "latinInChinese" : undefined;
  }
  if (words.length === 0)
    return chinese.test(trimmed) ? undefined : compact.length >= 4 ? "noWords" : undefined;
  // A real word missing from the lexicon still shares many trigrams with it; random letters share few.
  const meanShare = words.reduce((sum, word) => sum + trigramShare(word, lexicon), 0) / words.length;
  return implausible.length === words.length && meanShare < 0.4 ? "noWords" : undefined;
}

/** Share of a word's neighbouring letters that sit next to each other on a QWERTY keyboard. */
function keyboardShare(word: string): number {
  let adjacent = 0;
  for (let index = 0; index + 1 < word.length; index++)
    if (keyboardNeighbours.has(word.slice(index, index + 2))) adjacent++;
  return adjacent / (word.length - 1);
}

const vowels = /[aeiouy]/g;

export function isPlausibleWord(word: string, lexicon: Lexicon): boolean {
  if (lexicon.words.has(word)) return true;
  const vowelShare = (word.match(vowels)?.length ?? 0) / word.length;
  if (word.length >= 4 && (vowelShare < 0.2 || vowelShare > 0.8)) return false;
  return trigramShare(word, lexicon) >= 0.6;
}

function trigramShare(word: string, lexicon: Lexicon): number {
  if (lexicon.words.has(word)) return 1;
  const trigrams = trigramsOf(word);
  return trigrams.filter((trigram) => lexicon.trigrams.has(trigram)).length / trigrams.length;
}
