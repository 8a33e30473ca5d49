import { ParallaxError } from "../errors.ts";
import { columnArray } from "./columnArray.ts";
import type { Design } from "./designTypes.ts";
import { asCategorical, type CategoricalColumn, type Frame, MISSING_CODE } from "./frame.ts";

export interface Domain {
  /** Level of each by-variable; null for the whole sample. */
  labels: Record<string, string> | null;
  /** 1 for rows in the domain; null for the whole sample. */
  mask: Uint8Array | null;
}

/**
 * The domains of svyby: the observed combinations of the by-variables among rows with nonzero
 * weight, in level order (the first variable varying fastest, as R's interaction orders them).
 */
export function domainsOf(design: Design, by: string | string[] | undefined, path: string): Domain[] {
  if (by === undefined) return [{ labels: null, mask: null }];
  const names = Array.isArray(by) ? by : [by];
  if (names.length === 0) return [{ labels: null, mask: null }];
  const sources = names.map((name) => design.frame.columns.get(name));
  // A report asks for the same domains hundreds of times: reuse them while the by-columns are the same objects.
  const key = names.join("\u0000");
  let cached = domainCache.get(design);
  const hit = cached?.get(key);
  if (hit?.sources.every((source, k) => source === sources[k])) return hit.domains;
  const domains = computeDomains(design, names, path);
  if (!cached) {
    cached = new Map();
    domainCache.set(design, cached);
  }
  cached.set(key, { sources, domains });
  return domains;
}

const domainCache = new WeakMap<Design, Map<string, { sources: unknown[]; domains: Domain[] }>>();

function computeDomains(design: Design, names: string[], path: string): Domain[] {
  const columns = names.map((name) => categoricalOf(design.frame, name, path));
  const n = design.n;
  const strides: number[] = [];
  let cells = 1;
  for (const column of columns) {
    strides.push(cells);
    cells *= column.levels.length;
  }
  const cell = columnArray(Int32Array, n);
  const present = new Uint8Array(cells);
  for (let i = 0; i < n; i++) {
    let code = 0;
    for (let k = 0; k < columns.length; k++) {
      const level = columns[k].codes[i];
      if (level === MISSING_CODE) {
        code = -1;
        break;
      }
      code += level * strides[k];
    }
    cell[i] = code;
    if (code >= 0 && design.weights[i] !== 0) present[code] = 1;
  }
  const domains: Domain[] = [];
  const masks: Array<Uint8Array | null> = new Array(cells).fill(null);
  for (let c = 0; c < cells; c++) {
    if (present[c] === 0) continue;
    const labels: Record<string, string> = {};
    names.forEach((name, k) => {
      labels[name] = columns[k].levels[Math.floor(c / strides[k]) % columns[k].levels.length];
    });
    const mask = columnArray(Uint8Array, n);
    masks[c] = mask;
    domains.push({ labels, mask });
  }
  for (let i = 0; i < n; i++) {
    const mask = cell[i] >= 0 ? masks[cell[i]] : null;
    if (mask !== null) mask[i] = 1;
  }
  return domains;
}

export function categoricalOf(frame: Frame, name: string, path: string): CategoricalColumn {
  const column = frame.columns.get(name);
  if (column === undefined) {
    throw new ParallaxError("SPEC_INVALID", `No column named ${name}`, [
      { path, message: `column ${name} is not in the data` },
    ]);
  }
  return asCategorical(column);
}

/** Degrees of freedom of `design[domain, ]`: PSUs minus strata among rows with nonzero weight. */
export function domainDegf(design: Design, mask: Uint8Array | null): number {
  let byMask = degfCache.get(design);
  if (!byMask) {
    byMask = new WeakMap();
    degfCache.set(design, byMask);
  }
  const key = mask ?? design;
  let degf = byMask.get(key);
  if (degf === undefined) {
    degf = countDegf(design, mask);
    byMask.set(key, degf);
  }
  return degf;
}

/** Degrees of freedom by design and domain mask: the masks of cached domains come back again and again. */
const degfCache = new WeakMap<Design, WeakMap<object, number>>();

function countDegf(design: Design, mask: Uint8Array | null): number {
  const psuSeen = columnArray(Uint8Array, design.nPsu);
  const strataSeen = new Uint8Array(design.nStrata);
  let psus = 0;
  let strata = 0;
  for (let i = 0; i < design.n; i++) {
    if (design.weights[i] === 0 || (mask !== null && mask[i] === 0)) continue;
    const psu = design.psu[i];
    if (psuSeen[psu] === 0) {
      psuSeen[psu] = 1;
      psus++;
    }
    const h = design.stratum[i];
    if (strataSeen[h] === 0) {
      strataSeen[h] = 1;
      strata++;
    }
  }
  return psus - strata;
}

/** Rows of `design[domain, ]` as nrow() counts them: all rows once calibrated (R keeps them), else the domain. */
export function domainRows(design: Design, mask: Uint8Array | null): number {
  if (mask === null || design.calibration.length > 0) return design.n;
  let rows = 0;
  for (let i = 0; i < mask.length; i++) rows += mask[i];
  return rows;
}
