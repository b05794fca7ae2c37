import type { CaseRecord, CaseSummary } from '../src/cases/case.types.ts';
import { card, execute, heading, paragraph, type AdaptiveCard, type Element } from './adaptive.ts';
import { formatDate, formatSession, statusLabels } from './labels.ts';
import { decisionSummary } from './screening.card.ts';
import { Verb } from './verbs.ts';

function line(s: CaseSummary, withName: boolean): string {
  const title = s.reference ?? 'Concept';
  const who = withName && s.firstPersonName ? ` · ${s.firstPersonName}` : '';
  const when =
    s.firstSessionAt && s.table
      ? ` · bespreking ${formatSession(s.firstSessionAt, s.table.timeZone)} (${s.table.name})`
      : '';
  return `**${title}**${who} · ${statusLabels[s.status]}${when}`;
}

export function myReferralsCard(items: CaseSummary[]): AdaptiveCard {
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
      body.push(paragraph(`Laatst gewijzigd ${formatDate(s.updatedAt)}`, { subtle: true }));
    }
  }
  return card(body, [execute('Nieuwe aanmelding', Verb.referralNew)]);
}

export function casesCard(items: CaseSummary[]): AdaptiveCard {
  return card([
    heading('Casussen'),
    paragraph(
      items.length
        ? 'De casussen waarbij jouw organisatie betrokken is.'
        : 'Er zijn geen casussen waarbij jouw organisatie betrokken is.',
      { subtle: true },
    ),
    ...items.map((s) => paragraph(line(s, true))),
  ]);
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
          { color: 'Good' },
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

export function decisionRecordedCard(c: CaseRecord): AdaptiveCard {
  return card(
    [
      heading(`Screening ${c.reference ?? ''}`.trim()),
      paragraph(decisionSummary(c), { color: 'Good' }),
      paragraph('De aanmelder is op de hoogte gebracht.', { subtle: true }),
    ],
    [execute('Vernieuwen', Verb.screeningShow, { caseId: c.id })],
  );
}
