import { createRequire } from 'node:module';
import type * as ACTypes from 'adaptivecards';

/**
 * Checks a card against the Adaptive Cards library itself (adaptivecards@3), held to schema 1.5.
 *
 * The package's `lib/` entry cannot be imported under Node ESM (extensionless imports); its UMD bundle needs no DOM
 * for parsing, validating and serialising, so it is loaded with require and typed from the package.
 */
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof ACTypes;

const phaseNames: Record<number, string> = { 0: 'parse', 1: 'toJSON', 2: 'validation' };

/**
 * Teams' chart elements (Chart.VerticalBar, Chart.Line, Chart.Donut, ...) are not in this library: they are
 * registered here with the properties and data shapes of Microsoft's documentation (and of the renderers in the
 * Agents Playground), so a chart with a wrong shape is a problem like any other.
 */
const point = (p: unknown) =>
  !!p &&
  typeof p === 'object' &&
  typeof (p as { y?: unknown }).y === 'number' &&
  Number.isFinite((p as { y: number }).y);
const seriesOf = (d: unknown) =>
  Array.isArray(d) &&
  d.every(
    (s) =>
      s &&
      typeof s === 'object' &&
      typeof (s as { legend?: unknown }).legend === 'string' &&
      Array.isArray((s as { values?: unknown }).values) &&
      (s as { values: unknown[] }).values.every((v) => point(v) && typeof (v as { x?: unknown }).x === 'string'),
  );
const chartShapes: Record<string, (data: unknown) => boolean> = {
  'Chart.VerticalBar': (d) =>
    Array.isArray(d) && d.every((p) => point(p) && typeof (p as { x?: unknown }).x === 'string'),
  'Chart.HorizontalBar': (d) =>
    Array.isArray(d) && d.every((p) => point(p) && typeof (p as { x?: unknown }).x === 'string'),
  'Chart.VerticalBar.Grouped': seriesOf,
  'Chart.Line': seriesOf,
  'Chart.Donut': (d) =>
    Array.isArray(d) &&
    d.every(
      (p) =>
        !!p &&
        typeof (p as { legend?: unknown }).legend === 'string' &&
        typeof (p as { value?: unknown }).value === 'number',
    ),
  'Chart.Pie': (d) =>
    Array.isArray(d) &&
    d.every(
      (p) =>
        !!p &&
        typeof (p as { legend?: unknown }).legend === 'string' &&
        typeof (p as { value?: unknown }).value === 'number',
    ),
};
const chartProblems: string[] = [];
for (const [typeName, shapeOk] of Object.entries(chartShapes)) {
  class Chart extends AC.CardElement {
    static readonly titleProperty = new AC.StringProperty(AC.Versions.v1_5, 'title');
    static readonly xAxisTitleProperty = new AC.StringProperty(AC.Versions.v1_5, 'xAxisTitle');
    static readonly yAxisTitleProperty = new AC.StringProperty(AC.Versions.v1_5, 'yAxisTitle');
    static readonly colorSetProperty = new AC.StringProperty(AC.Versions.v1_5, 'colorSet');
    // Chart.HorizontalBar: AbsoluteWithAxis (the default), AbsoluteNoAxis, PartToWhole (Microsoft.Teams.Cards).
    static readonly displayModeProperty = new AC.StringProperty(AC.Versions.v1_5, 'displayMode');
    static readonly dataProperty = new AC.CustomProperty<unknown>(
      AC.Versions.v1_5,
      'data',
      (_sender, _property, source) => {
        const data = (source as Record<string, unknown>).data;
        if (!Array.isArray(data) || !data.length) chartProblems.push(`${typeName}: no data`);
        else if (!shapeOk(data)) chartProblems.push(`${typeName}: data not in the documented shape`);
        return data;
      },
      (_sender, _property, target, value) => {
        (target as Record<string, unknown>).data = value;
      },
    );
    getJsonTypeName() {
      return typeName;
    }
    protected internalRender(): undefined {
      return undefined;
    }
  }
  AC.GlobalRegistry.elements.register(typeName, Chart, AC.Versions.v1_5);
}

/**
 * Keys the library has no property for but that are valid where they stand.
 * - `$schema` is written by every card; the library reads it too, but keep it allowed should that change.
 * - `msteams` on a card (`{ width: 'Full' }`) is the documented Teams extension to the card, not part of the
 *   Adaptive Cards schema, so no renderer library knows it. Allowed on cards only, not on elements or actions.
 */
const hostKeysOnCards = new Set(['$schema', 'msteams']);

/**
 * Keys the library parses by hand instead of through its property schema (see `source["..."]` and
 * getItemsCollectionPropertyName in adaptivecards/src): containers' children, a show card's card, and `fallback`,
 * which any element or action may have.
 */
const keysParsedByHand: Record<string, string[]> = {
  AdaptiveCard: ['body', 'actions'],
  Container: ['items'],
  Column: ['items'],
  ColumnSet: ['columns'],
  ActionSet: ['actions'],
  RichTextBlock: ['inlines'],
  Table: ['rows'],
  TableRow: ['cells'],
  TableCell: ['items'],
  Carousel: ['pages'],
  CarouselPage: ['items'],
  'Action.ShowCard': ['card'],
};

/**
 * Every problem with the card, as plain strings; empty when the card is valid Adaptive Card 1.5, or 1.3 for a card
 * that unfurls a link (held to 1.3: nothing newer may be in it).
 */
export function validateCard(json: object): string[] {
  const problems: string[] = [];
  const source = json as Record<string, unknown>;
  chartProblems.length = 0;

  if (source.type !== 'AdaptiveCard')
    problems.push(`root: type is ${JSON.stringify(source.type)}, expected "AdaptiveCard"`);
  if (source.version !== '1.5' && source.version !== '1.3')
    problems.push(`root: version is ${JSON.stringify(source.version)}, expected "1.5"`);
  const version = source.version === '1.3' ? AC.Versions.v1_3 : AC.Versions.v1_5;

  // Parse as a host of that version would: properties, values and element types of a later one are parse events too.
  const parsing = new AC.SerializationContext(version);
  // The library silently drops properties it does not know (a typo such as `isMultiselect` would vanish from the
  // card without a word), so compare the keys of each parsed element and action with its schema.
  const unknownKeys = (
    where: string,
    object: ACTypes.SerializableObject,
    raw: unknown,
    alsoAllowed = new Set<string>(),
  ) => {
    if (!raw || typeof raw !== 'object') return;
    const known = new Set([
      ...alsoAllowed,
      'fallback',
      ...(keysParsedByHand[(raw as { type?: string }).type ?? ''] ?? []),
    ]);
    const schema = object.getSchema();
    for (let i = 0; i < schema.getCount(); i++) known.add(schema.getItemAt(i).name);
    for (const key of Object.keys(raw))
      if (!known.has(key)) problems.push(`parse: ${where}: unknown property "${key}"`);
  };
  parsing.onParseElement = (element, raw) => unknownKeys(describe(element), element, raw);
  parsing.onParseAction = (action, raw) => {
    unknownKeys(describe(action), action, raw);
    if (action instanceof AC.ShowCardAction) {
      const nested = (raw as { card?: { version?: unknown } }).card;
      // The 1.5 schema lets a card in a show card state a version and $schema (it only does not require them); the
      // library's inline card drops both from its schema, so allow them here and check the version ourselves: a
      // different one than the root's is a mistake.
      unknownKeys(`${describe(action)}: card`, action.card, nested, new Set(['$schema', 'version']));
      if (nested && nested.version !== undefined && nested.version !== '1.5') {
        problems.push(
          `version: ${describe(action)}: nested card version is ${JSON.stringify(nested.version)}, expected "1.5"`,
        );
      }
    }
  };

  const card = new AC.AdaptiveCard();
  card.parse(source, parsing);
  unknownKeys('AdaptiveCard', card, source, hostKeysOnCards);
  if (card.refresh) unknownKeys('AdaptiveCard: refresh', card.refresh, source.refresh);
  // No parse event is ignored: every event this library logs (unknown element or action type, a value outside an
  // enum, a property of a later version, a ShowCard without a card) means Teams would drop or alter that part.
  problems.push(...events(parsing), ...chartProblems);

  // The library recurses on its own: ShowCardAction parses its card with the same context (so parse events of nested
  // cards are above) and validates it into the same results (so ids are unique across the card and its show cards,
  // which is right: an action in a show card also sends the inputs of the cards around it).
  const validation = card.validateProperties();
  for (const e of validation.validationEvents)
    problems.push(`${phaseNames[e.phase] ?? 'validation'}: ${where(e.source)}${e.message}`);
  // The refresh action is not reached by validateProperties; validate it on its own.
  if (card.refresh?.action) {
    for (const e of card.refresh.action.validateProperties().validationEvents)
      problems.push(`validation: refresh: ${where(e.source)}${e.message}`);
  }

  // Round trip: what the library writes back must hold the same elements and actions. A part that parsed without an
  // event but is lost on the way back would be lost for Teams too. toJSON sets the card's version to the context's.
  const serialising = new AC.SerializationContext(version);
  const written = card.toJSON(serialising) ?? {};
  problems.push(...events(serialising));
  const before = typeCounts(source);
  const after = typeCounts(written);
  for (const type of new Set([...before.keys(), ...after.keys()])) {
    const [b, a] = [before.get(type) ?? 0, after.get(type) ?? 0];
    if (a !== b) problems.push(`round trip: ${b} × ${type} in the card, ${a} after toJSON`);
  }
  return problems;
}

function events(context: ACTypes.SerializationContext): string[] {
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    out.push(`${phaseNames[e.phase] ?? 'parse'}: ${where(e.source)}${e.message}`);
  }
  return out;
}

function describe(object: ACTypes.CardObject): string {
  return `${object.getJsonTypeName()}${object.id ? `#${object.id}` : ''}`;
}

function where(source: ACTypes.SerializableObject | undefined): string {
  return source instanceof AC.CardObject ? `${describe(source)}: ` : '';
}

/** How often each `type` occurs: elements, actions and cards. Action data is the bot's own payload and not walked. */
function typeCounts(json: unknown, counts = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(json)) {
    for (const item of json) typeCounts(item, counts);
  } else if (json && typeof json === 'object') {
    const record = json as Record<string, unknown>;
    if (typeof record.type === 'string') counts.set(record.type, (counts.get(record.type) ?? 0) + 1);
    for (const [key, value] of Object.entries(record)) if (key !== 'data') typeCounts(value, counts);
  }
  return counts;
}
