/** A respondent's answers in progress, kept on the device so a reload or a lost connection loses nothing. */
export interface SavedProgress {
  id: string;
  answers: Record<string, unknown>;
  pageNo: number;
}

function key(study: string, population: string): string {
  return `parallax:${study}:${population}`;
}

export function loadProgress(study: string, population: string): SavedProgress {
  try {
    const saved = localStorage.getItem(key(study, population));
    if (saved) return JSON.parse(saved) as SavedProgress;
  } catch {
    // Storage may be disabled (private mode): start afresh.
  }
  return { id: crypto.randomUUID(), answers: {}, pageNo: 0 };
}

export function saveProgress(study: string, population: string, progress: SavedProgress): void {
  try {
    localStorage.setItem(key(study, population), JSON.stringify(progress));
  } catch {
    // Without storage the response still goes through; only resuming after a reload is lost.
  }
}

export function clearProgress(study: string, population: string): void {
  try {
    localStorage.removeItem(key(study, population));
  } catch {
    // Nothing to clear.
  }
}
