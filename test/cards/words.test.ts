import { describe, expect, it } from 'vitest';
import { personWithOrganisation } from '../../src/organisations/person-label.ts';
import { cardFixtures } from './card-fixtures.ts';

/**
 * Issue 20 (part 8): truthful, helpful words. Every card fixture is rendered and walked: no light green text (Teams'
 * "Good" colour reads badly on a light theme; the default or the accent colour is used instead) and no text with
 * parentheses inside parentheses, as in "Ingrid (procesmanager (Zorg- en Veiligheidshuis))".
 */

/** Every text element or run with its colour. */
function coloured(node: unknown, out: { text: string; color: string }[] = []): { text: string; color: string }[] {
  if (Array.isArray(node)) {
    for (const n of node) coloured(n, out);
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  const o = node as Record<string, unknown>;
  if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.color === 'string')
    out.push({ text: String(o.text), color: o.color });
  for (const value of Object.values(o)) coloured(value, out);
  return out;
}

/** Every string a person may read (texts, titles, labels, fact values, choices). */
function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) strings(n, out);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node))
      if (key !== 'data' && key !== 'verb' && key !== 'url' && key !== 'id') strings(value, out);
  return out;
}

/** A parenthesis opened while another is still open. */
export function nestedParentheses(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' && ++depth > 1) return true;
    if (ch === ')') depth = Math.max(0, depth - 1);
  }
  return false;
}

describe('no light green text on any card', () => {
  it.each(cardFixtures)('%s', (_name, build) => {
    const card = build();
    expect(coloured(card).filter((c) => c.color.toLowerCase() === 'good')).toEqual([]);
  });
});

describe('no parentheses inside parentheses on any card', () => {
  it.each(cardFixtures)('%s', (_name, build) => {
    expect(strings(build()).filter(nestedParentheses)).toEqual([]);
  });

  it('the check finds a nested pair and lets a plain pair or two pairs in a row pass', () => {
    expect(nestedParentheses('Ingrid Martina (procesmanager (Zorg- en Veiligheidshuis))')).toBe(true);
    expect(nestedParentheses('Ingrid Martina (procesmanager, Zorg- en Veiligheidshuis)')).toBe(false);
    expect(nestedParentheses('(a) en (b)')).toBe(false);
  });

  it('a person of an organisation with parentheses in its name gets one pair', () => {
    expect(personWithOrganisation('Ingrid Martina', 'Zorg- en Veiligheidshuis (procesmanagement)')).toBe(
      'Ingrid Martina (Zorg- en Veiligheidshuis, procesmanagement)',
    );
    expect(personWithOrganisation('Sanne Jansen', 'Jeugdzorg CN')).toBe('Sanne Jansen (Jeugdzorg CN)');
  });
});

describe('the colour check itself', () => {
  it('finds a green text block and a green run', () => {
    const card = {
      body: [
        { type: 'TextBlock', text: 'Gelukt', color: 'Good' },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'ook', color: 'Good' }] },
        { type: 'TextBlock', text: 'Fout', color: 'Attention' },
      ],
    };
    expect(coloured(card).filter((c) => c.color === 'Good')).toHaveLength(2);
  });
});

describe('sentences that say what is so', () => {
  const texts = (name: string) => strings(cardFixtures.find(([n]) => n === name)![1]());

  it('whether the person was informed reads as sentences, not as "nog niet (door …)"', () => {
    expect(texts('caseOverviewCard, informing overdue, may inform')).toContain(
      'Nog niet. Sharon Frans informeert de betrokkene. Waarom nog niet: Onbereikbaar. De termijn is verstreken.',
    );
    for (const [, build] of cardFixtures) expect(strings(build()).filter((t) => /nog niet \(/i.test(t))).toEqual([]);
  });

  it('an item without recorded attendance says so instead of "Aanwezig: -"', () => {
    const minutes = texts('minutesCard decided and deferred');
    expect(minutes).toContain('Aanwezigheid niet vastgelegd.');
    for (const [, build] of cardFixtures)
      expect(strings(build()).filter((t) => /Aanwezig:\s*(-|—)?\s*$/.test(t))).toEqual([]);
  });

  it('an empty value says what is missing in words, never a bare dash', () => {
    for (const [name, build] of cardFixtures)
      expect(
        strings(build()).filter((t) => /^\s*[-—]\s*$|:\s*[-—]\s*$/.test(t)),
        name,
      ).toEqual([]);
  });
});
