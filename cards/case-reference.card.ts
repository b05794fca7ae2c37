import type { CaseBadge } from '../src/cases/case.types.ts';
import { card, facts, paragraph, type AdaptiveCard } from './adaptive.ts';
import { caseStatusLabel, formatSession, formatSessionShort } from './labels.ts';

/**
 * A case dropped into a chat by the message extension (a search, or a pasted link): everyone in that chat reads it
 * and Teams keeps a copy, so it shows where the case stands and nothing else: reference, stage, table, next meeting.
 * Version 1.3, the newest a link unfurl renders; times in the table's timezone (or the network's, before a table).
 */
export function caseReferenceCard(b: CaseBadge, options: { asOf: Date; networkTimeZone: string }): AdaptiveCard {
  const timeZone = b.table?.timeZone ?? options.networkTimeZone;
  return {
    ...card([
      { type: 'TextBlock', text: b.reference, size: 'Large', weight: 'Bolder', wrap: true },
      facts([
        ['Stand', caseStatusLabel(b.status, b.directed)],
        ['Tafel', b.table?.name ?? 'Nog niet bepaald'],
        ['Volgend overleg', b.nextSessionAt ? formatSession(b.nextSessionAt, timeZone) : 'Niet gepland'],
      ]),
      paragraph(`Zo stond het op ${formatSession(options.asOf, timeZone)}.`, { subtle: true }),
      paragraph(
        `Meer weten? Typ "casus ${b.reference}" in je chat met Casusbot. Je ziet dan wat jouw organisatie mag zien.`,
        { subtle: true },
      ),
    ]),
    version: '1.3',
  };
}

/** The line in the search list and in the compose box: "ZVH-2026-0084 · Onder regie", then table and next meeting. */
export function caseReferencePreview(b: CaseBadge, networkTimeZone: string): { title: string; text: string } {
  const timeZone = b.table?.timeZone ?? networkTimeZone;
  const next = b.nextSessionAt
    ? `volgend overleg ${formatSessionShort(b.nextSessionAt, timeZone)}`
    : 'geen overleg gepland';
  return {
    title: `${b.reference} · ${caseStatusLabel(b.status, b.directed)}`,
    text: b.table ? `${b.table.name} · ${next}` : 'Nog geen tafel',
  };
}
