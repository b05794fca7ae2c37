import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../cards/adaptive.ts';
import { figuresCard } from '../../cards/figures.card.ts';
import { figuresCsv } from '../../cards/figures.document.ts';
import { presentFigures } from '../../cards/figures.present.ts';
import type { FigureFact } from '../../src/figures/figures.rules.ts';
import { buildLedger, ledgerFigures } from '../../src/figures/ledger.ts';
import type { FiguresView } from '../../src/figures/figures.ts';
import type { DisclosureMode } from '../../src/figures/disclosure.ts';
import { parsePeriod, periodChoices, periodKey, previousPeriod, type Period } from '../../src/figures/periods.ts';
import { twoYearsOfFacts } from '../support/figure-facts.ts';

/**
 * The attacker of issue 19 (part 2): a stuurgroeplid who holds every report the bot gives of two years (every quarter
 * card, every year card with its trend, and the public CSV of each) and who knows how the figures hang together
 * (parts add up to their total, a year is the sum of its quarters, a stock starts where the previous period ended,
 * a trend point is that period's total). It reads only what is rendered (the card's text and charts, the CSV),
 * collects every number and every equation between them, and narrows each hidden cell by interval propagation.
 *
 * Protection rule (docs/domain.md#figures): no hidden cell ("<5", "x" or "*") can be narrowed to a single value.
 */

const zone = 'Europe/Amsterdam';
const now = new Date('2026-12-15T12:00:00Z');
const informWithinDays = 14;
const organisationNames: Record<string, string> = {
  police: 'Korps Politie',
  youth: 'Jeugdzorg',
  health: 'Mental Health',
  council: 'Openbaar Lichaam',
  prison: 'Justitiële Inrichting',
};

/** What the stuurgroep gets of one period: the card (internal) and the public CSV. */
interface Reports {
  period: Period;
  card: AdaptiveCard;
  csv: Uint8Array;
}

function reportsOf(facts: FigureFact[]): Reports[] {
  const intakesByMonth = new Map<string, number>();
  for (const f of facts)
    if (f.intakeMonth) intakesByMonth.set(f.intakeMonth, (intakesByMonth.get(f.intakeMonth) ?? 0) + 1);
  const choices = periodChoices(now, zone);
  // As produceFigures does after reading the facts: one ledger, every report read from it.
  const ledger = buildLedger({ facts, heldSessions: [], intakesByMonth, informWithinDays, choices });
  const view = (period: Period, mode: DisclosureMode): FiguresView => ({
    figures: ledgerFigures(ledger, period, mode),
    organisationNames,
    tableNames: {},
    choices,
    generatedAt: now,
  });
  return choices.map((period) => ({
    period,
    card: figuresCard(view(period, 'internal'), { informWithinDays, timeZone: zone }),
    csv: figuresCsv(presentFigures(view(period, 'public'), { informWithinDays, timeZone: zone })),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// What the attacker reads.

type Reading = { kind: 'exact'; value: number } | { kind: 'range'; lo: number; hi: number };

/** A count as rendered: exact internally, rounded to fives publicly; hidden marks by what the legend says. */
function reading(text: string, mode: DisclosureMode): Reading | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t))
    return mode === 'internal'
      ? { kind: 'exact', value: Number(t) }
      : { kind: 'range', lo: Math.max(0, Number(t) - 2), hi: Number(t) + 2 };
  if (mode === 'internal' && t === '<5') return { kind: 'range', lo: 0, hi: 4 };
  if (mode === 'internal' && t === 'x') return { kind: 'range', lo: 5, hi: Infinity };
  if (mode === 'public' && t === '*') return { kind: 'range', lo: 0, hi: Infinity };
  return undefined;
}

const hiddenMark = (text: string) => ['<5', 'x', '*'].includes(text.trim());

/** Short period labels of the charts and the CSV trend ("K3 2026", "2026") back to keys. */
function periodOfShort(label: string): string {
  const bare = label.replace(/ \(lopend\)$/, '');
  const q = /^K([1-4]) (\d{4})$/.exec(bare);
  return q ? `${q[2]}-Q${q[1]}` : bare;
}

class Attacker {
  constructor(readonly secretsOf: DisclosureMode) {}
  /** Bounds per variable: "period|section|row", or "period|section|row|present" for attendance. */
  readonly bounds = new Map<string, { lo: number; hi: number }>();
  readonly hidden = new Set<string>();
  /** Which rows each (period, section) has. */
  readonly rows = new Map<string, Set<string>>();

  observe(period: string, section: string, row: string, text: string, mode: DisclosureMode): void {
    const attendance = /^(\S+) van (\S+)/.exec(text);
    if (attendance) {
      this.observe(period, section, `${row}|present`, attendance[1]!, mode);
      this.observe(period, section, `${row}|invited`, attendance[2]!, mode);
      return;
    }
    const r = statistics.has(row) ? undefined : reading(text, mode);
    if (!r) return;
    const id = `${period}|${section}|${row}`;
    const key = `${period}|${section}`;
    if (!this.rows.has(key)) this.rows.set(key, new Set());
    this.rows.get(key)!.add(row);
    const b = this.bounds.get(id) ?? { lo: 0, hi: Infinity };
    const [lo, hi] = r.kind === 'exact' ? [r.value, r.value] : [r.lo, r.hi];
    this.bounds.set(id, { lo: Math.max(b.lo, lo), hi: Math.min(b.hi, hi) });
    // What the attacker already reads elsewhere is no secret to them: a secret is a cell hidden in the form it reads
    // best (the stuurgroep's own card for a stuurgroeplid, the CSV for a reader of the jaarverslag).
    if (hiddenMark(text) && mode === this.secretsOf) this.hidden.add(id);
  }

  readCard(period: Period, card: AdaptiveCard): void {
    const columns = [periodKey(previousPeriod(period)), periodKey(period)];
    let section = '';
    for (const element of card.body) {
      if (element.type === 'TextBlock' && element.weight === 'Bolder' && element.spacing === 'Medium')
        section = element.text as string;
      if (element.type === 'FactSet') {
        for (const fact of (element.facts as { title: string; value: string }[]).slice(1)) {
          const [prev, cur] = fact.value.split(' → ');
          this.observe(columns[0]!, section, fact.title, prev!, 'internal');
          this.observe(columns[1]!, section, fact.title, cur!, 'internal');
        }
      }
      if (
        element.type === 'Chart.HorizontalBar' &&
        /^Aanmeldingen per (kwartaal|jaar)$/.test(element.title as string)
      ) {
        for (const point of element.data as { x: string; y: number }[])
          this.observe(periodOfShort(point.x), intakeTitle, 'Totaal', String(point.y), 'internal');
      }
    }
  }

  readCsv(period: Period, csv: Uint8Array): void {
    const columns = [periodKey(previousPeriod(period)), periodKey(period)];
    const lines = new TextDecoder()
      .decode(csv)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    for (const [section, row, prev, cur] of lines.slice(1)) {
      if (/^Aanmeldingen per (kwartaal|jaar)$/.test(section!)) {
        this.observe(periodOfShort(row!), intakeTitle, 'Totaal', cur!, 'public');
        continue;
      }
      this.observe(columns[0]!, section!, row!, prev!, 'public');
      this.observe(columns[1]!, section!, row!, cur!, 'public');
    }
  }

  /** The equations the attacker knows, over the variables seen. */
  equations(): { plus: string[]; minus: string[] }[] {
    const eqs: { plus: string[]; minus: string[] }[] = [];
    const periods = [...new Set([...this.rows.keys()].map((k) => k.split('|')[0]!))];
    const has = (id: string) => this.bounds.has(id);
    const add = (plus: string[], minus: string[]) => {
      if ([...plus, ...minus].every(has)) eqs.push({ plus, minus });
    };
    const rowsOf = (p: string, s: string) => [...(this.rows.get(`${p}|${s}`) ?? [])];
    const v = (p: string, s: string, r: string) => `${p}|${s}|${r}`;
    const prevKey = (p: string) => periodKey(previousPeriod(parsePeriod(p)!));
    for (const p of periods) {
      // Parts add up to their total.
      for (const [section, total] of totals) {
        const parts = rowsOf(p, section).filter((r) => r !== total && !r.includes('|'));
        if (parts.length)
          add(
            parts.map((r) => v(p, section, r)),
            [v(p, section, total)],
          );
      }
      const s = sectionTitles;
      add(
        ['Aangenomen', 'Afgewezen', 'Meer informatie gevraagd of ingetrokken', 'Nog niet besloten'].map((r) =>
          v(p, s.screening, r),
        ),
        [v(p, intakeTitle, 'Totaal')],
      );
      add(
        ['Aangenomen', 'Afgewezen', 'Meer informatie gevraagd of ingetrokken'].map((r) => v(p, s.screening, r)),
        [v(p, s.screening, 'Besloten')],
      );
      add(
        [v(p, s.stock, 'Lopend aan het begin'), v(p, s.stock, 'Erbij (aangenomen)')],
        [v(p, s.stock, 'Eraf (afgesloten)'), v(p, s.stock, 'Lopend aan het eind')],
      );
      add([v(p, s.stock, 'Lopend aan het begin')], [v(prevKey(p), s.stock, 'Lopend aan het eind')]);
      add(
        [v(prevKey(p), s.shadow, 'Op de schaduwlijst aan het eind'), v(p, s.shadow, 'Op de schaduwlijst gezet')],
        [v(p, s.shadow, 'Van de schaduwlijst af'), v(p, s.shadow, 'Op de schaduwlijst aan het eind')],
      );
      add([v(p, s.throughput, 'Afgesloten')], [v(p, s.stock, 'Eraf (afgesloten)')]);
      add([v(p, s.outcomes, 'Afgesloten')], [v(p, s.stock, 'Eraf (afgesloten)')]);
      add([v(p, s.informed, 'Aangenomen casussen')], [v(p, s.stock, 'Erbij (aangenomen)')]);
      for (const r of rowsOf(p, s.attendance).filter((r) => r.endsWith('|present')))
        add([v(p, s.attendance, r)], [v(p, s.attendance, r.replace(/present$/, 'invited'))]); // (≤, loosened below)
      // A year is the sum of its quarters (every count but a stock level); its end is the fourth quarter's.
      if (!p.includes('-')) {
        const quarters = [1, 2, 3, 4].map((q) => `${p}-Q${q}`);
        for (const [key, rows] of this.rows) {
          const [period, section] = key.split('|') as [string, string];
          if (period !== p) continue;
          for (const r of rows) {
            if (r === 'Lopend aan het begin') add([v(p, section, r)], [v(quarters[0]!, section, r)]);
            else if (levels.has(r)) add([v(p, section, r)], [v(quarters[3]!, section, r)]);
            else
              add(
                quarters.map((q) => v(q, section, r)),
                [v(p, section, r)],
              );
          }
        }
      }
    }
    // present ≤ invited is no equation: drop those added above, and add the inequality as absent ≥ 0 instead.
    return eqs.filter((e) => !(e.plus.length === 1 && e.plus[0]!.endsWith('|present')));
  }

  /** Narrows every variable through the equations until nothing changes. */
  propagate(): void {
    const eqs = this.equations();
    // absent = invited − present ≥ 0 for attendance.
    for (const id of [...this.bounds.keys()].filter((k) => k.endsWith('|present'))) {
      const absent = `${id.replace(/present$/, 'absent')}`;
      this.bounds.set(absent, { lo: 0, hi: Infinity });
      eqs.push({ plus: [id, absent], minus: [id.replace(/present$/, 'invited')] });
    }
    for (let changed = true, round = 0; changed && round < 500; round++) {
      changed = false;
      for (const e of eqs) {
        const terms = [...e.plus.map((id) => ({ id, sign: 1 })), ...e.minus.map((id) => ({ id, sign: -1 }))];
        for (const t of terms) {
          let lo = 0;
          let hi = 0;
          for (const o of terms) {
            if (o === t) continue;
            const b = this.bounds.get(o.id)!;
            // sign_t x_t = −Σ sign_o x_o
            if (o.sign > 0) {
              lo -= b.hi;
              hi -= b.lo;
            } else {
              lo += b.lo;
              hi += b.hi;
            }
          }
          const [from, to] = t.sign > 0 ? [lo, hi] : [-hi, -lo];
          const b = this.bounds.get(t.id)!;
          const next = {
            lo: Number.isNaN(from) ? b.lo : Math.max(b.lo, Math.ceil(from)),
            hi: Number.isNaN(to) ? b.hi : Math.min(b.hi, Math.floor(to)),
          };
          if (next.lo !== b.lo || next.hi !== b.hi) {
            this.bounds.set(t.id, next);
            changed = true;
          }
        }
      }
    }
  }

  /** Hidden cells narrowed to one value (or fewer: a contradiction would be a bug in the reports). */
  pinned(): string[] {
    return [...this.hidden].filter((id) => {
      const b = this.bounds.get(id)!;
      return b.hi - b.lo < 1;
    });
  }
}

const sectionTitles = {
  screening: 'Screening van de aanmeldingen',
  throughput: 'Doorlooptijd',
  stock: 'Lopende casussen',
  shadow: 'Schaduwlijst',
  outcomes: 'Resultaat bij afsluiting',
  informed: 'Betrokkenen geïnformeerd',
  attendance: 'Aanwezigheid per partner bij de besprekingen',
};
const intakeTitle = 'Aanmeldingen per aanmeldende partner';
/** Sections whose rows add up to a total row. */
const totals: [string, string][] = [
  [intakeTitle, 'Totaal'],
  ['Resultaat bij afsluiting', 'Afgesloten'],
  ['Acties met een termijn in de periode', 'Totaal'],
  ['Betrokkenen geïnformeerd', 'Aangenomen casussen'],
  ['Evaluaties van de afgesloten casussen', 'Antwoorden'],
  ['Gegevens verwijderd na de bewaartermijn', 'Verwijderd'],
];
/** A statistic that can read as a count ("4"): not a cell. */
const statistics = new Set(['Samenwerking, gemiddeld (1-5)']);
/** Rows that are a stock at a moment, not a count over the period. */
const levels = new Set(['Lopend aan het begin', 'Lopend aan het eind', 'Op de schaduwlijst aan het eind']);

describe('an attacker holding every report of two years', () => {
  it('cannot narrow any hidden cell to one value: not by adding quarters up to the year, not through the trend, not from the CSV', () => {
    fc.assert(
      fc.property(twoYearsOfFacts, (facts) => {
        const reports = reportsOf(facts);
        // A stuurgroeplid holds every card and every CSV; a reader of the jaarverslag every CSV.
        const member = new Attacker('internal');
        const reader = new Attacker('public');
        for (const r of reports) {
          member.readCard(r.period, r.card);
          member.readCsv(r.period, r.csv);
          reader.readCsv(r.period, r.csv);
        }
        for (const attacker of [member, reader]) {
          attacker.propagate();
          const pinned = attacker.pinned().map((id) => `${attacker.secretsOf}: ${id} = ${attacker.bounds.get(id)!.lo}`);
          expect(pinned).toEqual([]);
        }
      }),
      { numRuns: 20 },
    );
  }, 180_000);
});
