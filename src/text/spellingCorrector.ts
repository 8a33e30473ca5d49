/** Finds the one known word an unknown word is a single typing slip away from. */
export interface SpellingCorrector {
  /** The known word one edit from `word`, or null when there is none, or several (an ambiguous slip). */
  correct(word: string): string | null;
}

/** Beyond this many remembered answers the memo starts afresh, so memory stays bounded on any input. */
const memoLimit = 50_000;

/**
 * Respondents type fast: "desarollo", "crecimento", "inteligencia artifical", "tecnology". One edit
 * (a letter left out, added, changed, or two neighbours swapped) is the commonest slip, and among long
 * words it rarely turns one real word into another. Words shorter than `minLength` are never corrected:
 * there a single edit often is another word ("parts" → "party"). Lookup uses a deletion index (every
 * known word and its one-letter deletions), so correcting costs a few map lookups per letter.
 */
export function createSpellingCorrector(known: Iterable<string>, minLength: number): SpellingCorrector {
  const words = new Set<string>();
  const byDeletion = new Map<string, Set<string>>();
  const index = (key: string, word: string) => {
    const list = byDeletion.get(key) ?? new Set<string>();
    list.add(word);
    byDeletion.set(key, list);
  };
  for (const word of known) {
    if (word.length < minLength || words.has(word)) continue;
    words.add(word);
    index(word, word);
    for (const deleted of deletions(word)) index(deleted, word);
  }
  const memo = new Map<string, string | null>();

  const search = (word: string): string | null => {
    if (word.length < minLength || words.has(word)) return null;
    const candidates = new Set<string>();
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of byDeletion.get(key) ?? []) {
        if (candidate !== word && oneEditApart(word, candidate)) candidates.add(candidate);
      }
    }
    return candidates.size === 1 ? [...candidates][0] : null;
  };

  return {
    correct(word: string): string | null {
      if (word.length < minLength) return null;
      let found = memo.get(word);
      if (found === undefined) {
        found = search(word);
        if (memo.size >= memoLimit) memo.clear();
        memo.set(word, found);
      }
      return found;
    },
  };
}

function deletions(word: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < word.length; i++) result.push(word.slice(0, i) + word.slice(i + 1));
  return result;
}

/** True when one insertion, deletion, substitution or swap of neighbours turns `a` into `b`. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA + restB <= 1) return true; // one letter added or left out
  if (restA === 1 && restB === 1) return true; // one letter changed
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}
