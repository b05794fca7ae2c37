import type { CaseRecord, CaseSummary } from '../src/cases/case.types.ts';
import type { CaseListPage } from '../src/cases/view-cases.ts';
import { card, execute, heading, paragraph, type AdaptiveCard, type Element } from './adaptive.ts';
import { caseStatusLabel, formatDate, formatSession, statusLabels } from './labels.ts';
import { decisionSummary } from './screening.card.ts';
import { Verb } from './verbs.ts';
import { personWithOrganisation } from '../src/organisations/person-label.ts';

function line(s: CaseSummary, withName: boolean): string {
  const title = s.reference ?? 'Concept';
  const who = withName && s.firstPersonName ? ` · ${s.firstPersonName}` : '';
  const when =
    s.firstSessionAt && s.table
      ? ` · bespreking ${formatSession(s.firstSessionAt, s.table.timeZone)} (${s.table.name})`
      : '';
  return `**${title}**${who} · ${caseStatusLabel(s.status, !!s.directed)}${when}`;
}

/** Each aanmelding, when it last changed in `timeZone` (the network's). */
export function myReferralsCard(items: CaseSummary[], timeZone: string): AdaptiveCard {
  if (!items.length)
    return card(
      [heading('Mijn aanmeldingen'), paragraph('Je hebt nog niets aangemeld.')],
      [execute('Aanmelden', Verb.referralNew)],
    );
  const body: Element[] = [heading('Mijn aanmeldingen')];
  for (const s of items) {
    body.push(paragraph(line(s, true)));
    if (s.status === 'draft' || s.status === 'infoRequested') {
      body.push({
        type: 'ActionSet',
        actions: [execute(s.status === 'draft' ? 'Verder invullen' : 'Aanvullen', Verb.referralEdit, { caseId: s.id })],
      });
    } else {
      body.push(paragraph(`Laatst gewijzigd ${formatDate(s.updatedAt, timeZone)}`, { subtle: true }));
    }
  }
  return card(body, [execute('Nieuwe aanmelding', Verb.referralNew)]);
}

/**
 * `casussen`: the active cases of the viewer's organisation, newest aanmelding first, each with *Openen*; *Meer*
 * for the next page; a search by reference (which also finds closed and rejected cases).
 */
export function casesCard(v: CaseListPage): AdaptiveCard {
  const intro = v.search
    ? v.cases.length
      ? `Casussen met "${v.search}" in het kenmerk.`
      : `Geen casus met "${v.search}" in het kenmerk waarbij jouw organisatie betrokken is.`
    : v.cases.length
      ? 'De lopende casussen waarbij jouw organisatie betrokken is, nieuwste aanmelding eerst.'
      : v.page
        ? 'Er zijn geen casussen meer.'
        : 'Er zijn geen lopende casussen waarbij jouw organisatie betrokken is.';
  const body: Element[] = [
    heading(v.page ? `Casussen (pagina ${v.page + 1})` : 'Casussen'),
    paragraph(intro, { subtle: true }),
  ];
  for (const s of v.cases)
    body.push({
      type: 'ColumnSet',
      separator: true,
      columns: [
        { type: 'Column', width: 'stretch', items: [paragraph(line(s, true))], verticalContentAlignment: 'Center' },
        {
          type: 'Column',
          width: 'auto',
          items: [{ type: 'ActionSet', actions: [execute('Openen', Verb.caseOverview, { caseId: s.id })] }],
        },
      ],
    });
  body.push({
    type: 'Input.Text',
    id: 'search',
    label: 'Zoek op kenmerk (ook afgesloten casussen)',
    placeholder: 'bijvoorbeeld 0084 of ZVH-2026-0084',
    maxLength: 20,
    value: v.search ?? '',
  });
  const actions = [execute('Zoeken', Verb.caseList, {}, { associatedInputs: 'auto' })];
  if (v.more)
    actions.push(
      execute(
        'Meer',
        Verb.caseList,
        { page: v.page + 1, ...(v.search ? { search: v.search } : {}) },
        { associatedInputs: 'none' },
      ),
    );
  if (v.search || v.page)
    actions.push(execute('Alle lopende casussen', Verb.caseList, {}, { associatedInputs: 'none' }));
  return card(body, actions);
}

/** Personal messages to the referrer. Only the reference: the referrer knows whom it is about. */
export function referralOutcomeCard(c: CaseRecord): AdaptiveCard {
  const reference = c.reference ?? '';
  if (c.status === 'accepted') {
    const informed = c.informed?.informed === true;
    return card(
      [
        heading(`Aanmelding ${reference} geaccepteerd`),
        paragraph(
          `De casus wordt besproken op ${formatSession(c.firstSessionAt!, c.table!.timeZone)} aan tafel ${c.table!.name}. Je kunt, als je wilt, bij de bespreking aanwezig zijn.`,
        ),
        paragraph(
          informed
            ? 'Je gaf aan dat de betrokkene is geïnformeerd; dat staat vastgelegd.'
            : 'De betrokkene hoeft geen toestemming te geven, maar moet wel worden geïnformeerd over de bespreking. Dat doe jij, tenzij in het overleg iemand anders wordt afgesproken. Leg vast wanneer het is gebeurd, of waarom nog niet.',
        ),
      ],
      informed ? [] : [execute('Informeren vastleggen', Verb.caseOverview, { caseId: c.id })],
    );
  }
  if (c.status === 'rejected') {
    return card([
      heading(`Aanmelding ${reference} afgewezen`),
      paragraph(`Reden: ${c.rejectionReason}`),
      paragraph('Vragen? Neem contact op met de procesmanager.', { subtle: true }),
    ]);
  }
  if (c.status !== 'infoRequested')
    return card([
      heading(`Aanmelding ${reference}`),
      paragraph(`Stand: ${statusLabels[c.status].toLowerCase()}.`),
      paragraph('Vragen? Neem contact op met de procesmanager.', { subtle: true }),
    ]);
  return card(
    [
      heading(`Vraag over aanmelding ${reference}`),
      paragraph(c.question ?? ''),
      paragraph('Vul je aanmelding aan; de procesmanager beoordeelt hem daarna opnieuw.', { subtle: true }),
    ],
    [execute('Aanmelding aanvullen', Verb.referralEdit, { caseId: c.id })],
  );
}

export function decisionRecordedCard(c: CaseRecord, timeZone: string): AdaptiveCard {
  return card(
    [
      heading(`Screening ${c.reference ?? ''}`.trim()),
      paragraph(decisionSummary(c, timeZone)),
      paragraph(whoTellsTheReferrer(c), c.external ? {} : { subtle: true }),
    ],
    [execute('Vernieuwen', Verb.screeningShow, { caseId: c.id })],
  );
}

/**
 * Only a referrer in Teams hears the outcome from the bot. One of a non-partner organisation (a huisarts) was
 * registered by the procesmanager, who tells them: the card says so and gives their contact details.
 */
function whoTellsTheReferrer(c: CaseRecord): string {
  if (!c.external) return 'De aanmelder heeft bericht gekregen in Teams.';
  const { name, organisation, phone, email } = c.external;
  const contact = [phone, email].filter(Boolean).join(', ');
  return `De aanmelder, ${personWithOrganisation(name, organisation)}, zit niet in Teams en heeft nog niets gehoord. Laat jij het weten${contact ? `: ${contact}` : ''}.`;
}
