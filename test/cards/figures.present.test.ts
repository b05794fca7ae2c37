import { describe, expect, it } from 'vitest';
import { figuresCard } from '../../cards/figures.card.ts';
import { presentFigures } from '../../cards/figures.present.ts';
import { percentage, type Shown } from '../../src/figures/disclosure.ts';
import type { FiguresView } from '../../src/figures/figures.ts';
import { discloseFigures } from '../../src/figures/figures.rules.ts';
import { textOf } from '../support/bot.ts';
import { figuresView } from './card-fixtures.ts';

const options = { informWithinDays: 14, timeZone: 'America/Kralendijk' };
const shownAs = (value: number): Shown => ({ state: 'shown', value });
const small: Shown = { state: 'small' };
const suppressed: Shown = { state: 'suppressed' };
/** The view with some cells shown otherwise (as if the ledger had decided so); the stats follow from them. */
function withShown(view: FiguresView, cells: Record<string, Shown>): FiguresView {
  const shown = { ...view.figures.shown, ...cells };
  return { ...view, figures: discloseFigures(view.figures, view.figures.mode, shown) };
}
/** Every Adaptive Card element whose type starts with "Chart.". */
function chartsIn(card: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(card, (_, value: unknown) => {
    const type = (value as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.startsWith('Chart.')) found.push(type);
    return value;
  });
  return found;
}

describe('the figures as a stuurgroep reads them', () => {
  it('a donut with one visible slice is a sentence with the same numbers, not a chart', () => {
    const view = withShown(figuresView('internal'), {
      'cur.intake': shownAs(18),
      'cur.screen.accepted': shownAs(12),
      'cur.screen.rejected': small,
      'cur.screen.info': small,
      'cur.screen.open': small,
    });
    const screening = presentFigures(view, options).sections.find((s) => s.key === 'screening')!;
    expect(screening.chart).toBeUndefined();
    expect(screening.summary).toBe('18 aanmeldingen, waarvan 12 aangenomen (67 %).');
    const card = figuresCard(view, options);
    expect(textOf(card)).toContain('18 aanmeldingen, waarvan 12 aangenomen (67 %).');
    expect(chartsIn(card)).not.toContain('Chart.Donut');

    // With the total hidden as well, the sentence gives no percentage (it would be of a hidden base).
    const noTotal = withShown(view, { 'cur.intake': suppressed });
    const without = presentFigures(noTotal, options).sections.find((s) => s.key === 'screening')!;
    expect(without.chart).toBeUndefined();
    expect(without.summary).toBe('12 aangenomen; de andere aantallen zijn te klein om te tonen.');

    // Two visible slices do make a donut.
    const two = withShown(view, { 'cur.screen.rejected': shownAs(6) });
    const donut = presentFigures(two, options).sections.find((s) => s.key === 'screening')!;
    expect(donut.summary).toBeUndefined();
    expect(donut.chart).toMatchObject({ type: 'donut', series: [{ points: [{ y: 12 }, { y: 6 }] }] });
  });

  it('a percentage is shown only when both its part and its base are shown', () => {
    // Of the true counts when every part is shown; else only of a shown part in a shown base.
    const parts = (...s: Shown[]) => s;
    expect(percentage(6, 12, parts(shownAs(6), shownAs(6)), 'internal')).toBe(50);
    expect(percentage(6, 12, parts(shownAs(6), small), 'internal', { part: shownAs(6), base: shownAs(12) })).toBe(50);
    expect(percentage(3, 12, parts(small, shownAs(9)), 'internal', { part: small, base: shownAs(12) })).toBeUndefined();
    expect(
      percentage(6, 12, parts(shownAs(6), small), 'internal', { part: shownAs(6), base: suppressed }),
    ).toBeUndefined();
    expect(percentage(6, 12, parts(shownAs(6), small), 'internal')).toBeUndefined();
    expect(percentage(6, 9, parts(shownAs(6), shownAs(3)), 'internal')).toBeUndefined();

    // And so in the figures: the share within the norm of a quarter with 12 screened, 7 within and 5 over.
    const base = figuresView('internal');
    const spec = base.figures.stats.screening.find((s) => s.key === 'normWithin');
    expect(spec, 'the screening section has the norm percentage').toBeDefined();
    const norm = (cells: Record<string, Shown>) => {
      const values = { 'cur.norm.base': 12, 'cur.norm.within': 7, 'cur.norm.over': 5 };
      const figures = {
        ...base.figures,
        system: { ...base.figures.system, values: { ...base.figures.system.values, ...values } },
      };
      const view = withShown({ ...base, figures }, cells);
      const row = presentFigures(view, options)
        .sections.find((s) => s.key === 'screening')!
        .rows.find((r) => r.label === 'Binnen 5 werkdagen besloten (norm)')!;
      return { stat: view.figures.stats.screening.find((s) => s.key === 'normWithin')!.current, text: row.current };
    };
    const all = { 'cur.norm.base': shownAs(12), 'cur.norm.within': shownAs(7), 'cur.norm.over': shownAs(5) };
    expect(norm(all)).toEqual({ stat: { value: 58 }, text: '58 %' });
    expect(norm({ ...all, 'cur.norm.over': suppressed })).toEqual({ stat: { value: 58 }, text: '58 %' });
    expect(norm({ ...all, 'cur.norm.within': suppressed, 'cur.norm.over': suppressed })).toEqual({
      stat: { withheld: 'hidden' },
      text: '– (afgeschermd)',
    });
    expect(norm({ ...all, 'cur.norm.base': suppressed, 'cur.norm.over': suppressed })).toEqual({
      stat: { withheld: 'hidden' },
      text: '– (afgeschermd)',
    });
  });

  it('with no trend point to show (public, everything hidden) there is no trend and the card has no chart', () => {
    const view = figuresView('public');
    const hidden = withShown(
      view,
      Object.fromEntries(Object.keys(view.figures.shown).map((id): [string, Shown] => [id, suppressed])),
    );
    expect(hidden.figures.trend.length).toBeGreaterThan(0);
    const presented = presentFigures(hidden, options);
    expect(presented.trend).toBeUndefined();
    expect('trend' in presented).toBe(false);
    expect(presented.sections.every((s) => s.chart === undefined)).toBe(true);
    expect(chartsIn(figuresCard(hidden, options))).toEqual([]);
    // Where the trend's points are shown (the stuurgroep's own form) it is drawn: the absence above is the hiding.
    const internal = figuresView('internal');
    expect(presentFigures(internal, options).trend).toMatchObject({ type: 'horizontalBar' });
    expect(chartsIn(figuresCard(internal, options))).toContain('Chart.HorizontalBar');
  });
});
