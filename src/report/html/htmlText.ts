/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function table(header: string[], rows: string[][], className = ""): string {
  const head = header.map((cell) => `<th>${cell}</th>`).join("");
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("");
  return `<table${className ? ` class="${className}"` : ""}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function figure(svg: string, caption: string, kind: string): string {
  return `<figure class="chart" data-chart="${kind}">${svg}<figcaption>${caption}</figcaption></figure>`;
}
