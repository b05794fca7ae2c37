import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import type { ChartSpec, PresentedFigures } from './figures.present.ts';
import { printable, wrap } from './pdf.ts';

/**
 * The public export for the jaarverslag, from the presented (already disclosed) figures: a CSV to work with and a
 * one-page PDF with the charts. Nothing is computed here, so nothing here can show more than the card's public form.
 */
export function figuresCsv(p: PresentedFigures): Uint8Array {
  const cell = (v: string) => (/[";\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [['Onderdeel', 'Regel', p.previous, p.period]];
  for (const s of p.sections) for (const r of s.rows) lines.push([s.title, r.label, r.previous, r.current]);
  for (const point of p.trend.series[0]?.points ?? []) lines.push([p.trend.title, point.x, '', String(point.y)]);
  lines.push(['Toelichting', p.legend, '', '']);
  // Semicolons and a byte order mark: what Dutch Excel opens as columns, with ë and ï intact.
  return new TextEncoder().encode(`\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`);
}

const A4 = { width: 595.28, height: 841.89, margin: 36 };
// pdf-lib (some 10 MB once loaded) comes in only when a document is made: the colours are set then.
let ink: RGB;
let subtle: RGB;
let bar: RGB[] = [];

function drawChart(
  pageRef: PDFPage,
  font: PDFFont,
  chart: ChartSpec,
  box: { x: number; y: number; w: number; h: number },
): void {
  pageRef.drawText(printable(chart.title), { x: box.x, y: box.y + box.h - 9, size: 8, font, color: ink });
  const plot = { x: box.x + 4, y: box.y + 14, w: box.w - 8, h: box.h - 36 };
  const series = chart.type === 'donut' || chart.type === 'horizontalBar' ? chart.series.slice(0, 1) : chart.series;
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))];
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.y)));
  if (!xs.length) {
    pageRef.drawText('(geen getoonde aantallen)', { x: plot.x, y: plot.y + plot.h / 2, size: 7, font, color: subtle });
    return;
  }
  pageRef.drawLine({
    start: { x: plot.x, y: plot.y },
    end: { x: plot.x + plot.w, y: plot.y },
    thickness: 0.5,
    color: subtle,
  });
  const slot = plot.w / xs.length;
  if (chart.type === 'line') {
    const pts = xs.map((x, i) => ({
      x: plot.x + slot * (i + 0.5),
      y: plot.y + (plot.h * (series[0]!.points.find((p) => p.x === x)?.y ?? 0)) / max,
      known: series[0]!.points.some((p) => p.x === x),
    }));
    for (let i = 1; i < pts.length; i++)
      pageRef.drawLine({ start: pts[i - 1]!, end: pts[i]!, thickness: 1.2, color: bar[0]! });
    pts.forEach((pt, i) => {
      pageRef.drawCircle({ x: pt.x, y: pt.y, size: 1.6, color: bar[0]! });
      const y = series[0]!.points.find((p) => p.x === xs[i])?.y;
      if (y !== undefined) pageRef.drawText(String(y), { x: pt.x - 3, y: pt.y + 3, size: 5.5, font, color: ink });
    });
  } else {
    const width = (slot * 0.7) / series.length;
    series.forEach((s, si) => {
      for (const p of s.points) {
        const i = xs.indexOf(p.x);
        const x = plot.x + slot * i + slot * 0.15 + width * si;
        pageRef.drawRectangle({ x, y: plot.y, width, height: (plot.h * p.y) / max, color: bar[si % bar.length]! });
        pageRef.drawText(String(p.y), { x, y: plot.y + (plot.h * p.y) / max + 1, size: 5.5, font, color: ink });
      }
    });
  }
  // Axis labels, shortened to their slot.
  xs.forEach((x, i) => {
    let label = printable(x);
    while (label.length > 3 && font.widthOfTextAtSize(label, 5.5) > slot - 2) label = `${label.slice(0, -2)}…`;
    pageRef.drawText(label, { x: plot.x + slot * i + 1, y: plot.y - 7, size: 5.5, font, color: subtle });
  });
  if (series.length > 1) {
    series.forEach((s, si) => {
      pageRef.drawRectangle({
        x: box.x + si * 40,
        y: box.y + box.h - 18,
        width: 5,
        height: 5,
        color: bar[si % bar.length]!,
      });
      pageRef.drawText(printable(s.legend), {
        x: box.x + 7 + si * 40,
        y: box.y + box.h - 18,
        size: 5.5,
        font,
        color: ink,
      });
    });
  }
}

/** One page: title, the charts in a row, and every section's table in two columns, the font shrunk until it fits. */
export async function figuresPdf(p: PresentedFigures): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  [ink, subtle, bar] = [rgb(0.13, 0.13, 0.13), rgb(0.4, 0.4, 0.4), [rgb(0.2, 0.42, 0.69), rgb(0.55, 0.71, 0.87)]];
  const pdf = await PDFDocument.create();
  pdf.setTitle(printable(p.title));
  pdf.setProducer('Casusbot');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - A4.margin;
  page.drawText(printable(p.title), { x: A4.margin, y: (y -= 16), size: 15, font: bold, color: ink });
  for (const line of wrap(
    printable(`${p.period}, naast ${p.previous}. ${p.legend}`),
    regular,
    7.5,
    A4.width - 2 * A4.margin,
  )) {
    page.drawText(line, { x: A4.margin, y: (y -= 10), size: 7.5, font: regular, color: subtle });
  }

  const charts = [
    p.trend,
    ...p.sections.flatMap((s) => (s.chart && s.chart.type !== 'horizontalBar' ? [s.chart] : [])),
  ].slice(0, 4);
  const chartH = 118;
  y -= 8 + chartH;
  const chartW = (A4.width - 2 * A4.margin - (charts.length - 1) * 10) / charts.length;
  charts.forEach((c, i) => drawChart(page, regular, c, { x: A4.margin + i * (chartW + 10), y, w: chartW, h: chartH }));

  // The tables: as many lines as fit in two columns; smaller type until all do.
  const columnW = (A4.width - 2 * A4.margin - 16) / 2;
  const top = y - 12;
  // Columns headed short ("K2 2026"); a withheld statistic is a dash (the legend says why).
  const lines = p.sections.flatMap((s) => [
    { text: s.title, values: [p.previousShort, p.periodShort], head: true },
    ...s.rows.map((r) => ({
      text: r.label,
      values: [r.previous, r.current].map((v) => (v.startsWith('–') ? '–' : v)),
      head: false,
    })),
  ]);
  let size = 7.5;
  const capacity = (sz: number) => 2 * Math.floor((top - A4.margin) / (sz * 1.32));
  while (capacity(size) < lines.length + p.sections.length && size > 4.5) size -= 0.25;
  const lineH = size * 1.32;
  const perColumn = Math.floor((top - A4.margin) / lineH);
  let column = 0;
  let row = 0;
  for (const line of lines) {
    if (line.head && row > 0) row++; // a blank line before each section
    if (row + (line.head ? 2 : 1) > perColumn) {
      column++;
      row = 0;
      if (column > 1) break;
    }
    const x = A4.margin + column * (columnW + 16);
    const ly = top - row * lineH;
    const font = line.head ? bold : regular;
    let label = printable(line.text);
    const valueW = 110;
    while (label.length > 3 && font.widthOfTextAtSize(label, size) > columnW - valueW - 4)
      label = `${label.slice(0, -2)}…`;
    page.drawText(label, { x, y: ly, size, font, color: ink });
    line.values.forEach((v, i) => {
      const text = printable(v);
      const right = x + columnW - (1 - i) * (valueW / 2);
      page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y: ly, size, font, color: ink });
    });
    row++;
  }
  return pdf.save();
}
