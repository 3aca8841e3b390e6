import { html, type SafeHtml } from "../views/html";

// A horizontal stacked bar chart drawn on the server as SVG: no script, works in
// every browser and prints well. Labels are escaped by the html tag like any
// other text; colours are presentation attributes (CSP forbids inline styles).
export interface ChartSeries {
  name: string;
  color: string;
}

export interface ChartRow {
  label: string;
  values: number[];
}

export interface BarChartInput {
  id: string;
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  width?: number;
}

const LABEL_W = 150;
const ROW_H = 26;
const BAR_H = 18;
const TOP = 40;
const RIGHT_PAD = 70;

function niceMax(n: number): number {
  if (n <= 0) return 1;
  const mag = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * mag >= n) return step * mag;
  return 10 * mag;
}

export function barChartSvg(input: BarChartInput): SafeHtml {
  const width = input.width ?? 760;
  const plotW = width - LABEL_W - RIGHT_PAD;
  const height = TOP + input.rows.length * ROW_H + 10;
  const max = niceMax(Math.max(0, ...input.rows.map((r) => r.values.reduce((a, b) => a + b, 0))));
  const scale = (v: number) => (v / max) * plotW;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const legend = input.series.map(
    (s, i) => html`<rect x="${LABEL_W + i * 170}" y="6" width="14" height="14" fill="${s.color}"/><text x="${LABEL_W + i * 170 + 20}" y="18" font-size="13">${s.name}</text>`,
  );
  const grid = ticks.map(
    (t) => html`<line x1="${LABEL_W + scale(t)}" y1="${TOP - 6}" x2="${LABEL_W + scale(t)}" y2="${height - 8}" stroke="#d9dde3"/><text x="${LABEL_W + scale(t)}" y="${TOP - 10}" font-size="11" text-anchor="middle" fill="#5f6368">${Math.round(t).toLocaleString("th-TH")}</text>`,
  );
  const bars = input.rows.map((r, i) => {
    const y = TOP + i * ROW_H;
    let x = LABEL_W;
    const total = r.values.reduce((a, b) => a + b, 0);
    const segs = r.values.map((v, j) => {
      const w = scale(v);
      const seg = html`<rect x="${x.toFixed(1)}" y="${y + (ROW_H - BAR_H) / 2}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${input.series[j]?.color ?? "#888"}"><title>${r.label} · ${input.series[j]?.name ?? ""}: ${v.toLocaleString("th-TH")}</title></rect>`;
      x += w;
      return seg;
    });
    return html`<g><text x="${LABEL_W - 8}" y="${y + ROW_H / 2 + 5}" font-size="13" text-anchor="end">${r.label}</text>${segs}<text x="${(x + 6).toFixed(1)}" y="${y + ROW_H / 2 + 5}" font-size="12">${total.toLocaleString("th-TH")}</text></g>`;
  });
  return html`<svg xmlns="http://www.w3.org/2000/svg" id="${input.id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${input.id}-title" font-family="Sarabun, Tahoma, sans-serif">
<title id="${input.id}-title">${input.title}</title>
${legend}${grid}${bars}
</svg>`;
}
