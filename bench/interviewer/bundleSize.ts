/**
 * The interviewer app's JavaScript on first load, gzipped: the entry chunk and every chunk it imports statically
 * (what the browser must fetch before the app runs), apart from the chunks it loads lazily (SurveyJS locales).
 * Builds the web app into a temporary folder. Run: npx tsx bench/interviewer/bundleSize.ts
 * Exits 1 when the first load exceeds the budget (450 KB gzipped).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { packageRoot } from "../../src/files/packageRoot.ts";

const budgetBytes = 450 * 1024;
const outDir = mkdtempSync(join(tmpdir(), "parallax-bundle-"));
await build({
  configFile: join(packageRoot, "vite.config.ts"),
  logLevel: "warn",
  build: { outDir, emptyOutDir: true },
});

/** zlib's default level (6), as a web server compresses by default. */
const gzipped = (path: string) => gzipSync(readFileSync(join(outDir, path))).length;
const html = readFileSync(join(outDir, "interviewer.html"), "utf8");
const entry = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((match) => match[1]);
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map(
  (m) => m[1],
);

/** Follows static imports (`import … from "./x.js"` and bare `import "./x.js"`), not `import("./x.js")`. */
function staticClosure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(outDir, path), "utf8");
    for (const match of code.matchAll(
      /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g,
    )) {
      visit(join("assets", match[1]));
    }
  };
  for (const root of roots) visit(root);
  return seen;
}

const firstLoad = staticClosure([...entry, ...preloads]);
const lazy = [
  ...new Set(
    [...readFileSync(join(outDir, entry[0]), "utf8").matchAll(/import\(["'`]\.\/([^"'`]+\.js)["'`]\)/g)].map(
      (m) => join("assets", m[1]),
    ),
  ),
];
const rows = [...firstLoad].map((path) => ({ file: path, gzipBytes: gzipped(path) }));
const total = rows.reduce((sum, row) => sum + row.gzipBytes, 0);
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+\.css)"/g)].map((m) => m[1]);

const report = {
  firstLoadJs: rows,
  firstLoadJsGzipKB: Number((total / 1024).toFixed(1)),
  budgetKB: budgetBytes / 1024,
  lazyJs: lazy.map((path) => ({ file: path, gzipBytes: gzipped(path) })),
  css: css.map((path) => ({ file: path, gzipBytes: gzipped(path) })),
};
console.log(JSON.stringify(report, null, 2));
rmSync(outDir, { recursive: true, force: true });
if (total > budgetBytes) {
  console.error(
    `first-load JavaScript ${report.firstLoadJsGzipKB} KB gzipped exceeds ${budgetBytes / 1024} KB`,
  );
  process.exitCode = 1;
}
