import { cellsFor } from "../../src/fieldwork/quotaCells.ts";
import type { QuotaCellState } from "../../src/store/quotaRepository.ts";
import type { Population } from "../../src/study/types.ts";

/** The cells these answers fall in that the last quota snapshot shows full. */
export function fullCellsFor(
  population: Population,
  snapshot: QuotaCellState[],
  answers: Record<string, unknown>,
): QuotaCellState[] {
  const full = snapshot.filter((cell) => cell.count >= cell.target);
  return cellsFor(population, answers).flatMap((cell) =>
    full.filter((state) => state.quotaId === cell.quotaId && state.cell === cell.cell),
  );
}

/** Whether choosing this site alone already places a respondent in a full cell (a quota by site only). */
export function siteIsFull(population: Population, snapshot: QuotaCellState[], site: string): boolean {
  if (!population.siteQuestion) return false;
  return fullCellsFor(population, snapshot, { [population.siteQuestion]: site }).length > 0;
}
