import type { FiguresView } from '../src/figures/figures.ts';
import { periodKey, periodLabel } from '../src/figures/periods.ts';
import { card, execute, heading, paragraph, subheading, type AdaptiveCard, type Element } from './adaptive.ts';
import { presentFigures, type ChartSpec, type PresentedSection } from './figures.present.ts';
import { formatTime } from './labels.ts';
import { Verb } from './verbs.ts';

/**
 * A chart as Teams draws it in a 1.5 card, under its title: bars without a numeric axis (the whole number stands at
 * each bar, the label beside it in full), or a donut. The same numbers stand beside it in text.
 */
export function chartElements(chart: ChartSpec): Element[] {
  // The title as text too: not every Teams client draws a chart's own title.
  const caption: Element = { type: 'TextBlock', text: chart.title, weight: 'Bolder', wrap: true, spacing: 'Small' };
  const first = chart.series[0]?.points ?? [];
  switch (chart.type) {
    case 'donut':
      return [
        caption,
        { type: 'Chart.Donut', title: chart.title, data: first.map((p) => ({ legend: p.x, value: p.y })) },
      ];
    case 'horizontalBar':
      return [caption, { type: 'Chart.HorizontalBar', title: chart.title, displayMode: 'AbsoluteNoAxis', data: first }];
  }
}

/** The numbers in text, for screen readers and for whoever reads the card without its charts: "previous → current". */
function sectionElements(section: PresentedSection, columns: { previous: string; current: string }): Element[] {
  return [
    subheading(section.title),
    ...(section.chart ? chartElements(section.chart) : []),
    ...(section.summary ? [paragraph(section.summary)] : []),
    {
      type: 'FactSet',
      facts: [
        { title: ' ', value: `${columns.previous} → ${columns.current}` },
        ...section.rows.map((r) => ({ title: r.label, value: `${r.previous} → ${r.current}` })),
      ],
    },
    ...(section.note ? [paragraph(section.note, { subtle: true })] : []),
  ];
}

export interface FiguresCardOptions {
  informWithinDays: number;
  /** In a channel everyone reads it: no period choice or download (those answer the clicker in personal chat). */
  shared?: boolean;
  timeZone: string;
}

/** `cijfers`: a period's kengetallen beside the previous one, with charts and the same numbers in text. */
export function figuresCard(view: FiguresView, options: FiguresCardOptions): AdaptiveCard {
  const p = presentFigures(view, options);
  const columns = { previous: p.previous, current: p.period };
  const current = periodKey(view.figures.period);
  const choose: Element[] = options.shared
    ? []
    : [
        {
          type: 'Input.ChoiceSet',
          id: 'period',
          label: 'Periode',
          style: 'compact',
          value: current,
          choices: view.choices.map((c) => ({ title: periodLabel(c), value: periodKey(c) })),
        },
      ];
  return card(
    [
      heading(p.title),
      paragraph(`${p.period}, naast ${p.previous}. ${p.generated}.`, { subtle: true }),
      paragraph(p.legend, { subtle: true }),
      ...choose,
      ...(p.trend ? chartElements(p.trend) : []),
      ...p.sections.flatMap((s) => sectionElements(s, columns)),
    ],
    options.shared
      ? []
      : [
          execute('Toon periode', Verb.figuresShow),
          execute('Openbare versie downloaden', Verb.figuresExport, { period: current }, { associatedInputs: 'none' }),
        ],
  );
}

/** The public export: a CSV and a one-page PDF, each behind a link that works once and for ten minutes. */
export function figuresExportCard(view: {
  period: string;
  csvUrl: string;
  pdfUrl: string;
  expiresAt: Date;
  timeZone: string;
}): AdaptiveCard {
  return card(
    [
      heading(`Kengetallen ${view.period}: openbare versie`),
      paragraph(
        'Voor het jaarverslag: aantallen afgerond op vijftallen, kleine aantallen niet getoond. Zonder persoonsgegevens.',
      ),
      paragraph(`Elke link werkt één keer en tot ${formatTime(view.expiresAt, view.timeZone)}.`, { subtle: true }),
    ],
    [
      { type: 'Action.OpenUrl', title: 'Tabel (CSV)', url: view.csvUrl },
      { type: 'Action.OpenUrl', title: 'Rapport (PDF)', url: view.pdfUrl },
    ],
  );
}

export function steeringChannelLinkedCard(): AdaptiveCard {
  return card([
    heading('Stuurgroep gekoppeld'),
    paragraph(
      'In dit kanaal verschijnen voortaan op de eerste werkdag na elk kwartaal de kengetallen van dat kwartaal, zonder persoonsgegevens.',
    ),
  ]);
}
