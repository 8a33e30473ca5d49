import { chartFont } from "../charts/chartSpecs.ts";

/** The report's only stylesheet, inlined: screen and A4 print, no chart or table cut across pages. */
export const reportStyles = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
html { font-family: ${chartFont}; font-size: 10.5pt; color: #1c1c1c; line-height: 1.45; }
body { margin: 0 auto; max-width: 180mm; padding: 0 4mm; }
h1 { font-size: 24pt; line-height: 1.2; margin: 0 0 6mm; }
h2 { font-size: 16pt; margin: 8mm 0 3mm; border-bottom: 2px solid #c8102e; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 12.5pt; margin: 6mm 0 2mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p, li { overflow-wrap: anywhere; }
.cover { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.cover .subtitle { font-size: 13pt; color: #444; }
.simulated { border: 3px solid #c8102e; color: #c8102e; font-weight: bold; padding: 4mm; margin: 6mm 0; font-size: 12pt; }
.simulated-mark { color: #c8102e; font-weight: bold; }
nav.toc ol { padding-left: 6mm; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc { break-after: page; }
section.major { break-before: page; }
section.concept { break-inside: auto; }
figure.chart { margin: 3mm 0; break-inside: avoid; page-break-inside: avoid; max-width: 100%; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 8.5pt; color: #555; margin-top: 1mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; break-inside: avoid; page-break-inside: avoid; table-layout: auto; }
th, td { border-bottom: 1px solid #ddd; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f3f3f3; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
.question { font-style: italic; color: #444; margin: 1mm 0; }

.nw { white-space: nowrap; }
.note { font-size: 8.5pt; color: #555; }
.test { font-size: 9pt; margin: 1mm 0 3mm; }
.sig { color: #c8102e; font-weight: bold; }
ol.findings li { margin-bottom: 2mm; }
`;
