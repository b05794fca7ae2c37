import { DateTime } from 'luxon';
import type { LogbookExport } from '../src/audit/employee-logbook.ts';
import { actionLabel, systemActor } from './logbook.card.ts';

/**
 * A logbook export as CSV: Dutch headers, the date and time where the network (or the case's table) is, the action
 * and processing activity in words. Semicolons and a byte order mark: what Dutch Excel opens as columns.
 */
export function logbookCsv(v: LogbookExport): Uint8Array {
  const cell = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [
    ['Datum', 'Tijd', 'Casus', 'Medewerker', 'Organisatie', 'Handeling', 'Verwerkingsactiviteit', 'Uitkomst'],
  ];
  for (const e of v.entries) {
    const local = DateTime.fromJSDate(e.at, { zone: v.timeZone });
    lines.push([
      local.toFormat('dd-MM-yyyy'),
      local.toFormat('HH:mm:ss'),
      e.reference ?? '',
      e.actor?.name ?? systemActor,
      e.actor?.organisationName ?? '',
      actionLabel(e.action),
      e.activity,
      e.outcome === 'refused' ? 'geweigerd' : 'toegestaan',
    ]);
  }
  if (v.truncated)
    lines.push(['', '', '', '', '', 'Niet alles past in dit bestand: vraag een kortere periode.', '', '']);
  return new TextEncoder().encode(`\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`);
}
