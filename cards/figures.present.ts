import { formatShown, type Shown } from '../src/figures/disclosure.ts';
import type { FiguresView } from '../src/figures/figures.ts';
import {
  otherRow,
  type FigureRow,
  type SectionKey,
  type StatKey,
  type StatValue,
} from '../src/figures/figures.rules.ts';
import { periodLabel, periodShortLabel } from '../src/figures/periods.ts';
import { goalAnswerLabels, lifeDomainLabels, outcomeLabels } from './labels.ts';
import type { LifeDomain } from '../src/referrals/referral.types.ts';

/**
 * The figures in words, once, for every form they take: the card in Teams, the CSV and the PDF for the jaarverslag.
 * Every number here already went through disclosure control; this only names and formats.
 */
export interface ChartSpec {
  type: 'line' | 'donut' | 'groupedBar' | 'horizontalBar';
  title: string;
  xAxisTitle?: string;
  yAxisTitle?: string;
  series: { legend: string; points: { x: string; y: number }[] }[];
}

export interface PresentedRow {
  label: string;
  previous: string;
  current: string;
  total?: boolean;
}

export interface PresentedSection {
  key: SectionKey | 'sessions';
  title: string;
  note?: string;
  rows: PresentedRow[];
  chart?: ChartSpec;
}

export interface PresentedFigures {
  title: string;
  period: string;
  previous: string;
  /** "K3 2026", for narrow columns. */
  periodShort: string;
  previousShort: string;
  /** What the marks mean, and that nothing here is about a person. */
  legend: string;
  sections: PresentedSection[];
  trend: ChartSpec;
}

const sectionTitles: Record<SectionKey, string> = {
  intake: 'Aanmeldingen per aanmeldende partner',
  lifeDomains: 'Aanmeldingen per leefgebied',
  screening: 'Screening van de aanmeldingen',
  throughput: 'Doorlooptijd',
  stock: 'Lopende casussen',
  shadowList: 'Schaduwlijst',
  outcomes: 'Resultaat bij afsluiting',
  actions: 'Acties met een termijn in de periode',
  informed: 'Betrokkenen geïnformeerd',
  attendance: 'Aanwezigheid per partner bij de besprekingen',
  evaluations: 'Evaluaties van de afgesloten casussen',
  deletion: 'Gegevens verwijderd na de bewaartermijn',
};

const rowLabels: Record<string, Record<string, string>> = {
  intake: { total: 'Totaal', unknown: 'Onbekend' },
  screening: {
    accepted: 'Aangenomen',
    rejected: 'Afgewezen',
    info: 'Meer informatie gevraagd of ingetrokken',
    open: 'Nog niet besloten',
    decided: 'Besloten',
  },
  throughput: { firstDiscussion: 'Voor het eerst besproken', closed: 'Afgesloten' },
  stock: {
    start: 'Lopend aan het begin',
    in: 'Erbij (aangenomen)',
    out: 'Eraf (afgesloten)',
    end: 'Lopend aan het eind',
  },
  shadowList: {
    placed: 'Op de schaduwlijst gezet',
    left: 'Van de schaduwlijst af',
    end: 'Op de schaduwlijst aan het eind',
  },
  outcomes: { ...outcomeLabels, total: 'Afgesloten' },
  actions: {
    onTime: 'Op tijd klaar',
    late: 'Te laat of niet klaar',
    pending: 'Termijn nog niet voorbij',
    total: 'Totaal',
  },
  informed: {
    inTime: 'Op tijd geïnformeerd',
    late: 'Te laat of niet',
    pending: 'Termijn loopt nog',
    total: 'Aangenomen casussen',
  },
  evaluations: {
    yes: `Doel bereikt: ${goalAnswerLabels.yes.toLowerCase()}`,
    partly: `Doel bereikt: ${goalAnswerLabels.partly.toLowerCase()}`,
    no: `Doel bereikt: ${goalAnswerLabels.no.toLowerCase()}`,
    total: 'Antwoorden',
  },
  deletion: { onTime: 'Op tijd (binnen een dag)', late: 'Te laat', total: 'Verwijderd' },
};

/** The rows that fold small partners or leefgebieden together (the ledger's recoding). */
const otherLabels = { organisations: 'Overige organisaties', lifeDomains: 'Overige leefgebieden' };

const statLabels: Record<StatKey, string> = {
  normWithin: 'Binnen 5 werkdagen besloten (norm)',
  screeningDays: 'Mediaan werkdagen tot het besluit',
  daysToFirstDiscussion: 'Mediaan dagen van aanmelding tot eerste bespreking',
  daysToClosure: 'Mediaan dagen van aanmelding tot afsluiting',
  actionsOnTime: 'Op tijd klaar',
  informedInTime: 'Op tijd geïnformeerd',
  deletedOnTime: 'Op tijd verwijderd',
  cooperation: 'Samenwerking, gemiddeld (1-5)',
  attendance: 'Aanwezig',
};

function statText(key: StatKey, kind: 'percentage' | 'median' | 'mean', v: StatValue): string {
  if ('withheld' in v) return v.withheld === 'base' ? '– (minder dan 10)' : '– (afgeschermd)';
  if (kind === 'percentage') return `${v.value}%`;
  if (kind === 'mean') return String(v.value).replace('.', ',');
  return key === 'screeningDays' ? `${v.value} werkdagen` : `${v.value} dagen`;
}

export function presentFigures(view: FiguresView, options: { informWithinDays: number }): PresentedFigures {
  const { figures } = view;
  const mode = figures.mode;
  const shown = (id: string): Shown => figures.shown[id] ?? { state: 'small' };
  const text = (id: string) => formatShown(shown(id), mode);
  const valueOf = (id: string): number | undefined => {
    const s = shown(id);
    return s.state === 'shown' ? s.value : undefined;
  };
  const organisation = (id: string) =>
    id === otherRow ? otherLabels.organisations : (view.organisationNames[id] ?? rowLabels.intake!.unknown!);
  const labelOf = (section: SectionKey, row: FigureRow) => {
    if (section === 'intake' && row.key !== 'total' && row.key !== 'unknown') return organisation(row.key);
    if (section === 'attendance') return organisation(row.key);
    if (section === 'lifeDomains')
      return row.key === otherRow ? otherLabels.lifeDomains : (lifeDomainLabels[row.key as LifeDomain] ?? row.key);
    return rowLabels[section]?.[row.key] ?? row.key;
  };
  const points = (pairs: [string, string][]) =>
    pairs.flatMap(([x, id]) => {
      const y = valueOf(id);
      return y === undefined ? [] : [{ x, y }];
    });

  const sections: PresentedSection[] = figures.sections.map((section) => {
    // Attendance: "12 van 15 (80%)" per partner, the percentage only where it may be shown.
    const attendance = (id: string, stat: StatValue | undefined) =>
      `${text(id)} van ${text(id.replace(/present$/, 'invited'))}${stat && 'value' in stat ? ` (${stat.value}%)` : ''}`;
    const attendanceStat = (key: string) => figures.stats.attendance.find((s) => s.subject === key);
    // Organisations by name, the small ones together ("Overige organisaties") after them; the order of the other
    // tables is their own.
    const rank = (r: FigureRow) => (r.total ? 2 : r.key === otherRow ? 1 : 0);
    const ordered =
      section.key === 'intake' || section.key === 'attendance'
        ? [...section.rows].sort(
            (a, b) => rank(a) - rank(b) || labelOf(section.key, a).localeCompare(labelOf(section.key, b), 'nl'),
          )
        : section.rows;
    const rows: PresentedRow[] = ordered.map((row) => ({
      label: labelOf(section.key, row),
      previous:
        section.key === 'attendance' ? attendance(row.previous, attendanceStat(row.key)?.previous) : text(row.previous),
      current:
        section.key === 'attendance' ? attendance(row.current, attendanceStat(row.key)?.current) : text(row.current),
      ...(row.total ? { total: true } : {}),
    }));
    for (const stat of section.key === 'attendance' ? [] : figures.stats[section.key]) {
      const label = stat.subject ? `${statLabels[stat.key]}: ${organisation(stat.subject)}` : statLabels[stat.key];
      rows.push({
        label,
        previous: statText(stat.key, stat.kind, stat.previous),
        current: statText(stat.key, stat.kind, stat.current),
      });
    }
    const result: PresentedSection = { key: section.key, title: sectionTitles[section.key], rows };
    const cur = (key: string) => section.rows.find((r) => r.key === key)!.current;
    const prev = (key: string) => section.rows.find((r) => r.key === key)!.previous;
    if (section.key === 'intake') {
      result.chart = {
        type: 'horizontalBar',
        title: `Aanmeldingen per partner, ${periodLabel(figures.period)}`,
        series: [
          {
            legend: 'Aanmeldingen',
            points: points(section.rows.filter((r) => !r.total).map((r) => [labelOf('intake', r), r.current])),
          },
        ],
      };
    }
    if (section.key === 'screening') {
      result.chart = {
        type: 'donut',
        title: `Screening, ${periodLabel(figures.period)}`,
        series: [
          {
            legend: 'Aanmeldingen',
            points: points(['accepted', 'rejected', 'info', 'open'].map((k) => [rowLabels.screening![k]!, cur(k)])),
          },
        ],
      };
    }
    if (section.key === 'stock') {
      const keys = ['start', 'in', 'out', 'end'];
      result.chart = {
        type: 'groupedBar',
        title: 'Lopende casussen: begin, erbij, eraf, eind',
        yAxisTitle: 'Casussen',
        series: [
          {
            legend: periodShortLabel(figures.previous),
            points: points(keys.map((k) => [rowLabels.stock![k]!, prev(k)])),
          },
          { legend: periodShortLabel(figures.period), points: points(keys.map((k) => [rowLabels.stock![k]!, cur(k)])) },
        ],
      };
    }
    if (section.key === 'outcomes') {
      result.chart = {
        type: 'donut',
        title: `Resultaat bij afsluiting, ${periodLabel(figures.period)}`,
        series: [
          {
            legend: 'Afgesloten',
            points: points(section.rows.filter((r) => !r.total).map((r) => [labelOf('outcomes', r), r.current])),
          },
        ],
      };
    }
    if (section.key === 'attendance') {
      const pct = figures.stats.attendance.flatMap((s) =>
        'value' in s.current && s.subject ? [{ x: organisation(s.subject), y: s.current.value }] : [],
      );
      if (pct.length)
        result.chart = {
          type: 'horizontalBar',
          title: `Aanwezig bij besprekingen (%), ${periodLabel(figures.period)}`,
          series: [{ legend: 'Aanwezig (%)', points: pct }],
        };
    }
    if (section.key === 'informed')
      result.note = `Op tijd: binnen ${options.informWithinDays} dagen na het aannemen van de casus.`;
    if (section.key === 'attendance')
      result.note =
        'Per partner: bij hoeveel besprekingen waarvoor hij was uitgenodigd hij aanwezig was; het percentage alleen bij 10 of meer.';
    if (section.key === 'lifeDomains')
      result.note = 'Een casus kan op meer leefgebieden spelen: de aantallen tellen niet op tot het totaal.';
    if (result.chart && result.chart.series.every((s) => !s.points.length)) delete result.chart;
    return result;
  });

  const held = figures.sessionsHeld;
  sections.push({
    key: 'sessions',
    title: 'Overleggen gehouden',
    note: 'Overleggen zijn geen personen: deze aantallen worden niet afgeschermd.',
    rows: [
      ...held.perTable.map((t) => ({
        label: view.tableNames[t.tableId] ?? 'Tafel',
        previous: String(t.previous),
        current: String(t.current),
      })),
      { label: 'Totaal', previous: String(held.previous), current: String(held.current), total: true },
    ],
  });

  const trendKind = figures.period.kind === 'quarter' ? 'kwartaal' : 'jaar';
  return {
    title:
      mode === 'public'
        ? `Kengetallen ${periodLabel(figures.period)} (openbaar)`
        : `Kengetallen ${periodLabel(figures.period)}`,
    period: periodLabel(figures.period),
    previous: periodLabel(figures.previous),
    periodShort: periodShortLabel(figures.period),
    previousShort: periodShortLabel(figures.previous),
    legend:
      mode === 'public'
        ? 'Openbare versie: aantallen afgerond op vijftallen; * = niet getoond (0 tot 7, of af te leiden uit een totaal). Percentages en medianen alleen bij 10 of meer (anders –). Zonder persoonsgegevens.'
        : 'Zonder persoonsgegevens. <5 = minder dan vijf; x = niet getoond, omdat anders een klein aantal uit een totaal af te leiden is. Percentages en medianen alleen bij 10 of meer. Verborgen aantallen staan niet in de grafieken.',
    sections,
    trend: {
      type: 'line',
      title: `Aanmeldingen per ${trendKind}`,
      xAxisTitle: trendKind === 'kwartaal' ? 'Kwartaal' : 'Jaar',
      yAxisTitle: 'Aanmeldingen',
      series: [
        { legend: 'Aanmeldingen', points: points(figures.trend.map((t) => [periodShortLabel(t.period), t.cell])) },
      ],
    },
  };
}
