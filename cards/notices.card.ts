import type { UndeliveredNotice } from '../src/notify/outbox.ts';
import { card, execute, facts, heading, paragraph, subheading, type Element } from './adaptive.ts';
import { formatDate, formatTime } from './labels.ts';
import { Verb } from './verbs.ts';

/** What kind of message it was, in Dutch: never its content. */
const kindLabels: Record<string, string> = {
  screeningRequested: 'screeningsverzoek',
  referralAccepted: 'aanmelding geaccepteerd',
  referralRejected: 'aanmelding afgewezen',
  informationRequested: 'vraag om informatie',
  agendaChanged: 'kaart van het overleg bijwerken',
  agendaPublished: 'agenda gepubliceerd',
  sessionMoved: 'overleg verplaatst',
  casesRebooked: 'casussen verplaatst',
  agendaProblem: 'probleem met de agenda',
  actionAssigned: 'nieuwe actie',
  actionReassigned: 'actie toegewezen',
  actionReminder: 'herinnering actie',
  discussionStarted: 'casus in bespreking',
  sessionClosed: 'verslag van het overleg',
  directorChanged: 'casusregisseur gewijzigd',
  proposalMade: 'voorstel',
  proposalDecided: 'besluit over voorstel',
  evaluationRequested: 'verzoek om evaluatie',
  shadowListReturn: 'terug van de schaduwlijst',
  informerNamed: 'betrokkene informeren',
  informingReminder: 'herinnering informeren',
  consentRequested: 'verzoek om toestemming',
  consentAnswered: 'antwoord op toestemming',
  reassessmentRequested: 'herbeoordeling inbreng',
  handoverConsentRequested: 'toestemming voor overdracht',
  handoverReady: 'overdracht klaar',
};

/** Why it did not arrive, in words the procesmanager can act on. */
function reasonOf(notice: UndeliveredNotice): string {
  if (notice.state === 'uncertain')
    return 'Onzeker of het is aangekomen (Casusbot stopte tijdens het versturen). Kijk na of de persoon het heeft voordat je het opnieuw probeert.';
  switch (notice.lastError) {
    case '403':
      return 'Teams weigert: de app is niet geïnstalleerd voor deze persoon, of de persoon heeft Casusbot geblokkeerd. Het gaat vanzelf opnieuw zodra de persoon Casusbot een bericht stuurt.';
    case '404':
    case 'NO_CONVERSATION':
      return 'Er is nog geen chat met deze persoon. Het gaat vanzelf opnieuw zodra de persoon Casusbot een bericht stuurt.';
    default:
      return `Teams nam het na ${notice.attempts} pogingen niet aan (code ${notice.lastError ?? 'onbekend'}).`;
  }
}

/** `meldingen`: what Casusbot could not deliver, to whom and since when; no content, with "Opnieuw proberen". */
export function noticesCard(view: { notices: UndeliveredNotice[]; total: number }, timeZone: string, note?: string) {
  const body: Element[] = [heading('Meldingen: niet aangekomen berichten')];
  if (note) body.push(paragraph(note, { color: 'Accent' }));
  if (!view.notices.length) {
    body.push(paragraph('Alle berichten van Casusbot zijn aangekomen.'));
    return card(body);
  }
  body.push(
    paragraph(
      `${view.total} ${view.total === 1 ? 'bericht is' : 'berichten zijn'} niet aangekomen. De inhoud staat hier niet: die ziet de ontvanger pas als het bericht aankomt.`,
    ),
  );
  if (view.total > view.notices.length) body.push(paragraph(`De oudste ${view.notices.length} staan hieronder.`));
  for (const n of view.notices) {
    body.push(
      subheading(`${kindLabels[n.kind] ?? 'bericht'} voor ${n.to}`),
      facts([
        ['Sinds', `${formatDate(n.since, timeZone)} ${formatTime(n.since, timeZone)}`],
        ['Pogingen', String(n.attempts)],
      ]),
      paragraph(reasonOf(n), { subtle: true }),
      {
        type: 'ActionSet',
        actions: [execute('Opnieuw proberen', Verb.noticeRetry, { noticeId: n.id })],
      },
    );
  }
  return card(body, [execute('Vernieuwen', Verb.noticeList)]);
}
