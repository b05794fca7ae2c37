import { formatShown, minimumBase, type DisclosureMode, type Shown } from '../src/figures/disclosure.ts';
import type { FiguresView } from '../src/figures/figures.ts';
import {
  otherRow,
  screeningCategories,
  type FigureRow,
  type SectionKey,
  type StatKey,
  type StatValue,
} from '../src/figures/figures.rules.ts';
import { periodLabel, periodShortLabel, type Period } from '../src/figures/periods.ts';
import {
  closeReasonLabels,
  formatDate,
  formatTime,
  goalAnswerLabels,
  lifeDomainLabels,
  outcomeLabels,
} from './labels.ts';
import type { LifeDomain } from '../src/referrals/referral.types.ts';

/**
 * The figures in words, once, for every form they take: the card in Teams, the CSV and the PDF for the jaarverslag.
 * Every number here already went through disclosure control; this only names and formats.
 */
export interface ChartSpec {
  /**
   * Only charts without a numeric axis (whose ticks Teams divides into decimals, "5.75 / 11.5"): bars with their
   * labels beside them and the whole number at each bar, and donuts of at least two slices. Every chart has a title.
   */
  type: 'donut' | 'horizontalBar';
  title: string;
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
  /** In place of a donut with a single visible slice: the same numbers in a sentence. */
  summary?: string;
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
  /** "Stand van 25 november 2026 11:17", in the network's timezone. */
  generated: string;
  sections: PresentedSection[];
  /** The aanmeldingen per period; absent when no period's count may be shown (a public view of a small network). */
  trend?: ChartSpec;
}

const sectionTitles: Record<SectionKey, string> = {
  intake: 'Aanmeldingen per aanmeldende partner',
  lifeDomains: 'Aanmeldingen per leefgebied',
  repeats: 'Herhaalde aanmeldingen',
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
  repeats: {
    yes: 'Herhaald: eerdere casus afgesloten in de 12 maanden ervoor',
    no: 'Niet herhaald',
    total: 'Aanmeldingen',
  },
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
    failed: `Niet uitgevoerd: ${closeReasonLabels.failed.toLowerCase()}`,
    changed: `Niet uitgevoerd: ${closeReasonLabels.changed.toLowerCase()}`,
    skipped: `Niet uitgevoerd: ${closeReasonLabels.skipped.toLowerCase()}`,
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
  repeatShare: 'Aandeel herhaalde aanmeldingen',
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

/** "67 %": Dutch, with a space. */
export const percentText = (value: number) => `${value} %`;
/** "3,5": Dutch, with a decimal comma. */
export const decimalText = (value: number) => String(value).replace('.', ',');

function statText(key: StatKey, kind: 'percentage' | 'median' | 'mean', v: StatValue): string {
  if ('withheld' in v) return v.withheld === 'base' ? '– (minder dan 10)' : '– (afgeschermd)';
  if (kind === 'percentage') return percentText(v.value);
  if (kind === 'mean') return decimalText(v.value);
  return key === 'screeningDays' ? `${v.value} werkdagen` : `${v.value} dagen`;
}

/** What the charts of the sections need of the figures: the shown cells as points, and the labels. */
interface Charting {
  period: Period;
  mode: DisclosureMode;
  points(pairs: [string, string][]): { x: string; y: number }[];
  valueOf(id: string): number | undefined;
  labelOf(section: SectionKey, row: FigureRow): string;
  /** Attendance per partner in percent, where it may be shown. */
  attendance: { x: string; y: number }[];
}

const bars = (title: string, legend: string, points: { x: string; y: number }[]): Pick<PresentedSection, 'chart'> =>
  points.length ? { chart: { type: 'horizontalBar', title, series: [{ legend, points }] } } : {};

/**
 * A donut of the visible slices, if there are two or more; one slice alone would read as "100 %", so it becomes a
 * sentence with the same numbers: "18 aanmeldingen, waarvan 12 aangenomen (67 %)". The percentage is of the two
 * shown counts, so it tells nothing they do not; only on a total of at least 10.
 */
function donut(
  c: Charting,
  spec: { title: string; legend: string; unit: string; total: number | undefined },
  slices: { x: string; y: number }[],
): Pick<PresentedSection, 'chart' | 'summary'> {
  const visible = slices.filter((p) => p.y > 0);
  if (visible.length >= 2)
    return { chart: { type: 'donut', title: spec.title, series: [{ legend: spec.legend, points: visible }] } };
  const only = visible[0];
  if (!only) return {};
  const part = `${only.y} ${only.x.toLowerCase()}`;
  if (spec.total === undefined) return { summary: `${part}; de andere aantallen zijn te klein om te tonen.` };
  const exact = (100 * only.y) / spec.total;
  const pct = c.mode === 'public' ? Math.round(exact / 5) * 5 : Math.round(exact);
  return {
    summary: `${spec.total} ${spec.unit}, waarvan ${part}${spec.total >= minimumBase ? ` (${percentText(pct)})` : ''}.`,
  };
}

/** The chart of a section, if it has one: bars where the labels are long, a donut (or its sentence) for the parts. */
function sectionChart(key: SectionKey, rows: FigureRow[], c: Charting): Pick<PresentedSection, 'chart' | 'summary'> {
  const period = periodLabel(c.period);
  const current = (k: string) => rows.find((r) => r.key === k)!.current;
  const parts = rows.filter((r) => !r.total);
  switch (key) {
    case 'intake':
      // A single row ("Overige organisaties") is the total itself: no chart of one bar.
      return parts.length < 2
        ? {}
        : bars(
            `Aanmeldingen per partner, ${period}`,
            'Aanmeldingen',
            c.points(parts.map((r) => [c.labelOf('intake', r), r.current])),
          );
    case 'screening':
      return donut(
        c,
        { title: `Screening, ${period}`, legend: 'Aanmeldingen', unit: 'aanmeldingen', total: c.valueOf('cur.intake') },
        c.points(screeningCategories.map((k) => [rowLabels.screening![k]!, current(k)])),
      );
    case 'stock':
      return bars(
        `Lopende casussen, ${period}`,
        'Casussen',
        c.points(['start', 'in', 'out', 'end'].map((k) => [rowLabels.stock![k]!, current(k)])),
      );
    case 'outcomes':
      return donut(
        c,
        {
          title: `Resultaat bij afsluiting, ${period}`,
          legend: 'Afgesloten',
          unit: 'afgesloten casussen',
          total: c.valueOf(current('total')),
        },
        c.points(parts.map((r) => [c.labelOf('outcomes', r), r.current])),
      );
    case 'attendance':
      return bars(`Aanwezig bij besprekingen (%), ${period}`, 'Aanwezig (%)', c.attendance);
    default:
      return {};
  }
}

export interface PresentOptions {
  informWithinDays: number;
  /** The network's timezone (FIGURES_TIME_ZONE): every time in the figures is in it. */
  timeZone: string;
}

export function presentFigures(view: FiguresView, options: PresentOptions): PresentedFigures {
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
  const charting: Charting = {
    period: figures.period,
    mode,
    points,
    valueOf,
    labelOf,
    attendance: figures.stats.attendance.flatMap((s) =>
      'value' in s.current && s.subject ? [{ x: organisation(s.subject), y: s.current.value }] : [],
    ),
  };

  const sections: PresentedSection[] = figures.sections.map((section) => {
    // Attendance: "12 van 15 (80%)" per partner, the percentage only where it may be shown.
    const attendance = (id: string, stat: StatValue | undefined) =>
      `${text(id)} van ${text(id.replace(/present$/, 'invited'))}${stat && 'value' in stat ? ` (${percentText(stat.value)})` : ''}`;
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
    Object.assign(result, sectionChart(section.key, section.rows, charting));
    if (section.key === 'informed')
      result.note = `Op tijd: binnen ${options.informWithinDays} dagen na het aannemen van de casus.`;
    if (section.key === 'attendance')
      result.note =
        'Per partner: bij hoeveel besprekingen waarvoor hij was uitgenodigd hij aanwezig was; het percentage alleen bij 10 of meer.';
    if (section.key === 'lifeDomains')
      result.note = 'Een casus kan op meer leefgebieden spelen: de aantallen tellen niet op tot het totaal.';
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
  const { chart: trend } = bars(
    `Aanmeldingen per ${trendKind}`,
    'Aanmeldingen',
    points(figures.trend.map((t) => [`${periodShortLabel(t.period)}${t.running ? ' (lopend)' : ''}`, t.cell])),
  );
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
    generated: `Stand van ${formatDate(view.generatedAt, options.timeZone)} ${formatTime(view.generatedAt, options.timeZone)}`,
    ...(trend ? { trend } : {}),
  };
}
