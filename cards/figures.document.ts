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
  const trend = p.trend;
  for (const point of trend?.series[0]?.points ?? []) lines.push([trend?.title ?? '', point.x, '', String(point.y)]);
  lines.push(['Toelichting', p.legend, '', '']);
  lines.push(['Toelichting', `${p.generated}.`, '', '']);
  // Semicolons and a byte order mark: what Dutch Excel opens as columns, with ë and ï intact.
  return new TextEncoder().encode(`\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`);
}

const A4 = { width: 595.28, height: 841.89, margin: 36 };
// pdf-lib (some 10 MB once loaded) comes in only when a document is made: the colours are set then.
let ink: RGB;
let subtle: RGB;
let bar: RGB[] = [];

/**
 * A chart as bars across: each label in full on the left (shortened only if it cannot fit), the bar, and the whole
 * number at its end. No numeric axis, so no ticks. A donut is drawn the same way (a PDF has room for its labels).
 */
function drawChart(
  pageRef: PDFPage,
  font: PDFFont,
  chart: ChartSpec,
  box: { x: number; y: number; w: number; h: number },
): void {
  pageRef.drawText(printable(chart.title), { x: box.x, y: box.y + box.h - 9, size: 8, font, color: ink });
  const points = chart.series[0]?.points ?? [];
  const plot = { x: box.x, y: box.y, w: box.w, h: box.h - 16 };
  if (!points.length) {
    pageRef.drawText('(geen getoonde aantallen)', { x: plot.x, y: plot.y + plot.h / 2, size: 7, font, color: subtle });
    return;
  }
  const size = 6;
  const labelW = Math.min(
    plot.w * 0.5,
    Math.max(...points.map((p) => font.widthOfTextAtSize(printable(p.x), size))) + 4,
  );
  const max = Math.max(1, ...points.map((p) => p.y));
  const slot = Math.min(12, plot.h / points.length);
  const barRoom = plot.w - labelW - 16;
  points.forEach((p, i) => {
    const y = plot.y + plot.h - slot * (i + 1);
    let label = printable(p.x);
    while (label.length > 3 && font.widthOfTextAtSize(label, size) > labelW - 4) label = `${label.slice(0, -2)}…`;
    pageRef.drawText(label, { x: plot.x, y: y + 2, size, font, color: ink });
    const width = (barRoom * p.y) / max;
    if (width > 0) pageRef.drawRectangle({ x: plot.x + labelW, y: y + 1, width, height: slot * 0.7, color: bar[0]! });
    pageRef.drawText(String(p.y), { x: plot.x + labelW + width + 2, y: y + 2, size, font, color: ink });
  });
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
    printable(`${p.period}, naast ${p.previous}. ${p.generated}. ${p.legend}`),
    regular,
    7.5,
    A4.width - 2 * A4.margin,
  )) {
    page.drawText(line, { x: A4.margin, y: (y -= 10), size: 7.5, font: regular, color: subtle });
  }

  // Four charts, two by two: wide enough for their labels.
  const charts = [...(p.trend ? [p.trend] : []), ...p.sections.flatMap((s) => (s.chart ? [s.chart] : []))].slice(0, 4);
  const chartH = 92;
  const chartW = (A4.width - 2 * A4.margin - 16) / 2;
  for (let i = 0; i < charts.length; i += 2) {
    y -= 8 + chartH;
    for (const [j, c] of charts.slice(i, i + 2).entries())
      drawChart(page, regular, c, { x: A4.margin + j * (chartW + 16), y, w: chartW, h: chartH });
  }

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
