import { readdirSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { presentFigures } from '../../cards/figures.present.ts';
import { figuresCsv, figuresPdf } from '../../cards/figures.document.ts';
import { inzageDocument } from '../../cards/inzage.document.ts';
import { formatDate, formatIsoDate, formatTime } from '../../cards/labels.ts';
import { cardFixtures, figuresView, inzageFixture, lateEvening } from './card-fixtures.ts';

/**
 * Issue 20 (part 7): everything a person reads is Dutch and every time is local. Every card fixture and every
 * document is rendered; every text a person reads in it is collected and checked for English words, for machine
 * dates (ISO, UTC, "Z") and for a moment shown in UTC or Amsterdam time instead of the table's (or the network's)
 * timezone, which in the fixtures is Bonaire's (America/Kralendijk, four hours behind UTC).
 */

// Every card module's exports are wrapped, so that a fixture's build tells which builders it called and with what.
const recorder = vi.hoisted(() => {
  const state = { called: new Set<string>(), args: [] as unknown[] };
  const wrap = (module: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(module).map(([name, value]) => [
        name,
        typeof value === 'function'
          ? (...args: unknown[]) => {
              state.called.add(name);
              state.args.push(args);
              return (value as (...a: unknown[]) => unknown)(...args);
            }
          : value,
      ]),
    );
  return { state, wrap };
});
type Module = Record<string, unknown>;
vi.mock('../../cards/action.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/agenda.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/case-reference.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/cases.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/confidentiality.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/consent.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/figures.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/handover.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/help.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/inzage.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/lifecycle.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/logbook.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/meeting.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/members.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/notices.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/pushed.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/reassessment.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/referral.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/screening.card.ts', async (original) => recorder.wrap(await original<Module>()));
vi.mock('../../cards/tables.card.ts', async (original) => recorder.wrap(await original<Module>()));

const cardsDir = new URL('../../cards/', import.meta.url);
const cardModules = readdirSync(cardsDir).filter((f) => f.endsWith('.card.ts'));
/** Every exported function of cards/*.card.ts that builds a card: by convention its name ends in "Card". */
const builders = cardModules.flatMap((file) =>
  [...readFileSync(new URL(file, cardsDir), 'utf8').matchAll(/^export (?:async )?function (\w+Card)\b/gm)].map(
    (m) => m[1]!,
  ),
);

const local = 'America/Kralendijk';

// ---------------------------------------------------------------------------------------------------------------
// What a person reads.

/** Keys whose string a person reads, in any element, action, input or chart. */
const visibleKeys = new Set([
  'text',
  'title',
  'label',
  'placeholder',
  'errorMessage',
  'altText',
  'tooltip',
  'fallbackText',
  'speak',
  'legend',
  'xAxisTitle',
  'yAxisTitle',
  'x',
]);
/** Inputs whose value is shown as text; a date, time, choice or toggle value is a machine value behind a picker. */
const textInputs = new Set(['Input.Text', 'Input.Number']);

function visibleTexts(node: unknown, out: string[] = [], parentKey = ''): string[] {
  if (Array.isArray(node)) {
    for (const n of node) visibleTexts(n, out, parentKey);
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  const o = node as Record<string, unknown>;
  // A fact shows its value, and so does a text input; a choice's value is what the bot gets back.
  const valueShown = parentKey === 'facts' || textInputs.has(o.type as string);
  for (const [key, value] of Object.entries(o)) {
    if (key === 'data' || key === 'verb' || key === 'url' || key === 'refresh') continue;
    if (typeof value === 'string') {
      if (visibleKeys.has(key) || (key === 'value' && valueShown)) out.push(value);
    } else visibleTexts(value, out, key);
  }
  return out;
}

/** The words of the presented figures (everything but a section's key and a chart's type). */
function presentedTexts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) if (key !== 'key' && key !== 'type') presentedTexts(v, out);
  return out;
}

/** The texts a PDF draws: its content streams inflated, each shown string decoded (WinAnsi, as pdf-lib writes). */
function pdfTexts(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes).toString('latin1');
  const texts: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      content = m[1]!;
    }
    for (const shown of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
      texts.push(Buffer.from(shown[1]!, 'hex').toString('latin1'));
  }
  return texts;
}

// ---------------------------------------------------------------------------------------------------------------
// What must not be there.

/** English words that have no Dutch double (Dutch "open", "status", "april", "team", "link" are fine). */
const englishWords = [
  'invalid',
  'input',
  'required',
  'expected',
  'received',
  'error',
  'errors',
  'warning',
  'failed',
  'success',
  'submit',
  'cancel',
  'cancelled',
  'save',
  'saved',
  'close',
  'closed',
  'delete',
  'deleted',
  'edit',
  'update',
  'updated',
  'created',
  'pending',
  'active',
  'case',
  'cases',
  'meeting',
  'meetings',
  'action',
  'actions',
  'member',
  'members',
  'user',
  'name',
  'date',
  'time',
  'today',
  'tomorrow',
  'yesterday',
  'yes',
  'no',
  'none',
  'null',
  'undefined',
  'nan',
  'true',
  'false',
  'unknown',
  'the',
  'and',
  'with',
  'without',
  'please',
  'click',
  'not',
  'found',
  'must',
  'should',
  'string',
  'number',
  'array',
  'contain',
  'character',
  'characters',
  'least',
  'than',
  'select',
  'choose',
  'loading',
  'summary',
  'minutes',
  'agenda item',
  'january',
  'february',
  'march',
  'may',
  'june',
  'july',
  'august',
  'october',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];
/** Only in capitals: "AM" and "PM" of a 12-hour clock, a timezone's name, a lone "Z". */
const capitalWords = ['AM', 'PM', 'UTC', 'GMT', 'CET', 'CEST', 'AST', 'Z'];
const wordPattern = (w: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`, flags);
const forbidden: [what: string, pattern: RegExp][] = [
  ...englishWords.map((w): [string, RegExp] => [`English "${w}"`, wordPattern(w, 'iu')]),
  ...capitalWords.map((w): [string, RegExp] => [`"${w}"`, wordPattern(w, 'u')]),
  ['"Invalid Date"', /invalid date/i],
  ['an ISO timestamp', /\d{4}-\d{2}-\d{2}T/],
  ['an ISO date', /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/],
  ['an offset "+00:00"', /\+\d{2}:?\d{2}(?!\d)/],
  ['a "Z" after a time', /\d{2}:\d{2}(:\d{2})?(\.\d+)?Z/],
];

/** Every Date in a value (the arguments a builder got), and every string in it. */
function datesAndStrings(value: unknown, dates: Date[] = [], strings: string[] = [], seen = new Set<object>()) {
  if (value instanceof Date) dates.push(value);
  else if (typeof value === 'string') strings.push(value);
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const v of Object.values(value)) datesAndStrings(v, dates, strings, seen);
  }
  return { dates, strings };
}

const dayMonth = (at: Date, zone: string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: zone, day: 'numeric', month: 'long' }).format(at);

/**
 * How each moment a builder was given would read in UTC or in Amsterdam (its clock time, its day), where that
 * differs from how it reads on Bonaire and no other moment or text of the view reads so legitimately.
 */
function wrongZoneReadings(input: unknown): [what: string, pattern: RegExp][] {
  const { dates, strings } = datesAndStrings(input);
  const valid = dates.filter((d) => !Number.isNaN(d.getTime()));
  const allowed = new Set<string>([
    ...valid.flatMap((d) => [formatTime(d, local), dayMonth(d, local)]),
    ...strings.flatMap((s) => s.match(/\d{1,2}:\d{2}/g) ?? []),
    ...strings.filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s)).map((s) => formatIsoDate(s).replace(/ \d{4}$/, '')),
  ]);
  const found = new Map<string, RegExp>();
  for (const d of valid)
    for (const zone of ['UTC', 'Europe/Amsterdam']) {
      const time = formatTime(d, zone);
      if (!allowed.has(time)) found.set(`${time} (${zone})`, new RegExp(`(?<![\\d:])${time}(?![\\d])`));
      const day = dayMonth(d, zone);
      if (!allowed.has(day)) found.set(`${day} (${zone})`, wordPattern(day, 'iu'));
    }
  return [...found].map(([what, pattern]): [string, RegExp] => [`a moment in ${what}`, pattern]);
}

function problemsIn(texts: string[], input?: unknown): string[] {
  const checks = [...forbidden, ...(input === undefined ? [] : wrongZoneReadings(input))];
  return texts.flatMap((text) =>
    checks.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${what} in ${JSON.stringify(text)}`),
  );
}

// ---------------------------------------------------------------------------------------------------------------

describe('every card fixture reads in Dutch, with every time local', () => {
  it.each(cardFixtures)('%s', (_name, build) => {
    recorder.state.args.length = 0;
    const card = build();
    const texts = visibleTexts(card);
    expect(texts.length).toBeGreaterThan(0);
    expect(problemsIn(texts, [...recorder.state.args])).toEqual([]);
  });

  it('every card builder in cards/*.card.ts has a fixture', () => {
    recorder.state.called.clear();
    for (const [, build] of cardFixtures) build();
    expect(builders.length).toBeGreaterThan(40);
    expect(builders.filter((b) => !recorder.state.called.has(b))).toEqual([]);
  });
});

describe('every document reads in Dutch, with every time local', () => {
  it('the inzage document: the texts written, and the texts its PDF draws', async () => {
    const { pdf, text } = await inzageDocument(inzageFixture, local);
    expect(text.join('\n')).toContain(`${formatDate(lateEvening, local)} 22:30`);
    expect(problemsIn(text, inzageFixture)).toEqual([]);
    const drawn = pdfTexts(pdf);
    expect(drawn.join(' ')).toContain('Inzage');
    expect(problemsIn(drawn, inzageFixture)).toEqual([]);
  });

  it.each(['internal', 'public'] as const)('the figures (%s): what is presented', (mode) => {
    const view = figuresView(mode);
    const presented = presentFigures(view, { informWithinDays: 14, timeZone: local });
    expect(problemsIn(presentedTexts(presented), view)).toEqual([]);
  });

  it('the public figures CSV', () => {
    const view = figuresView('public');
    const csv = new TextDecoder().decode(figuresCsv(presentFigures(view, { informWithinDays: 14, timeZone: local })));
    const cells = csv.split(/\r\n/).flatMap((line) => line.split(';'));
    expect(cells.length).toBeGreaterThan(10);
    expect(problemsIn(cells, view)).toEqual([]);
  });

  it('the public figures PDF: the texts it draws', async () => {
    const view = figuresView('public');
    const drawn = pdfTexts(await figuresPdf(presentFigures(view, { informWithinDays: 14, timeZone: local })));
    expect(drawn.length).toBeGreaterThan(10);
    expect(problemsIn(drawn, view)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find English, machine dates and a moment shown in UTC', () => {
    const at = { at: lateEvening };
    expect(problemsIn(['Invalid input'], at)).toHaveLength(2);
    expect(problemsIn(['Required'], at)).toHaveLength(1);
    expect(problemsIn(['tot 02:30 UTC'], at)).toEqual(
      expect.arrayContaining([expect.stringContaining('"UTC"'), expect.stringContaining('02:30 (UTC)')]),
    );
    expect(problemsIn(['op 5 december 2026'], at)).toEqual([
      expect.stringContaining('5 december (UTC)'),
      expect.stringContaining('5 december (Europe/Amsterdam)'),
    ]);
    expect(problemsIn(['2026-12-05T02:30:00.000Z'], at).length).toBeGreaterThan(0);
    expect(problemsIn(['op 2026-12-04'], at)).toEqual([expect.stringContaining('an ISO date')]);
    expect(problemsIn(['om 03:30'], at)).toEqual([expect.stringContaining('03:30 (Europe/Amsterdam)')]);
    expect(problemsIn(['Op 4 december 2026 om 22:30 is de casus open; status: april, ZVH-2026-0007.'], at)).toEqual([]);
  });

  it('collect what a person reads and leave out what a machine reads', () => {
    const texts = visibleTexts({
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: 'Tekst' },
        { type: 'FactSet', facts: [{ title: 'Titel', value: 'Waarde' }] },
        { type: 'Input.Date', id: 'd', label: 'Datum', value: '2026-12-04' },
        { type: 'Input.ChoiceSet', id: 'c', label: 'Keuze', value: 'x', choices: [{ title: 'Een', value: 'one' }] },
        { type: 'Input.Text', id: 't', label: 'Vrij', value: 'Ingevuld', placeholder: 'Hint', errorMessage: 'Fout' },
      ],
      actions: [{ type: 'Action.Execute', title: 'Knop', verb: 'case.open', data: { x: 'none' } }],
    });
    expect(texts).toEqual([
      'Tekst',
      'Titel',
      'Waarde',
      'Datum',
      'Keuze',
      'Een',
      'Vrij',
      'Ingevuld',
      'Hint',
      'Fout',
      'Knop',
    ]);
  });
});
