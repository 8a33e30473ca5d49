import { resolve } from "node:path";
import { defineConfig } from "vite";

/** The web apps, built once into dist/web and served by `parallax serve`. */
export default defineConfig({
  root: resolve(import.meta.dirname, "web"),
  base: "/",
  build: {
    outDir: resolve(import.meta.dirname, "dist/web"),
    emptyOutDir: true,
    // survey-core alone is about 312 KB gzipped; the interviewer and admin apps will be split from it.
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: {
        respondent: resolve(import.meta.dirname, "web/respondent.html"),
        interviewer: resolve(import.meta.dirname, "web/interviewer.html"),
        admin: resolve(import.meta.dirname, "web/admin.html"),
      },
    },
  },
  oxc: { jsx: { runtime: "automatic" } },
});
