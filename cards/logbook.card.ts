import type { CaseLogbook, UnusualAccess } from '../src/audit/logbook.ts';
import {
  defaultLogbookDays,
  logbookPeriods,
  type Employee,
  type EmployeeLogbook,
  type LogbookCheck,
} from '../src/audit/employee-logbook.ts';
import { card, execute, heading, paragraph, subheading, type AdaptiveCard, type Element } from './adaptive.ts';
import { choiceField } from './form.ts';
import { formatDate, formatTime } from './labels.ts';
import { Verb } from './verbs.ts';
import { personWithOrganisation, withoutParentheses } from '../src/organisations/person-label.ts';

/** What the logbook's action codes mean, in Dutch; a code not listed is shown as it is. */
const actionLabels: Record<string, string> = {
  'referral.draftSaved': 'concept opgeslagen',
  'referral.submitted': 'aangemeld',
  'screening.accepted': 'geaccepteerd',
  'screening.rejected': 'afgewezen',
  'screening.infoRequested': 'vraag aan aanmelder',
  'case.viewed': 'casus bekeken',
  'screening.repeatChecked': 'herhaalcontrole bij screening',
  'screening.repeatFound': 'bekend bij herhaalcontrole van een nieuwe aanmelding',
  'referral.repeatCounted': 'herhaalcontrole voor de cijfers',
  'agenda.itemViewed': 'agendapunt bekeken',
  'minutes.viewed': 'verslag bekeken',
  'contribution.added': 'inbreng toegevoegd',
  'intervention.added': 'interventie voorgesteld',
  'decision.recorded': 'besluit vastgelegd',
  'decision.corrected': 'besluit gecorrigeerd',
  'action.viewed': 'actie bekeken',
  'action.claimed': 'actie opgepakt',
  'action.completed': 'actie afgerond',
  'action.handedBack': 'actie teruggegeven',
  'action.notDone': 'actie niet uitgevoerd',
  'action.reassigned': 'actie toegewezen',
  'regie.progress': 'voortgang gemeld',
  'case.backOnAgenda': 'terug op de agenda gezet',
  'proposal.made': 'voorstel gedaan',
  'proposal.approved': 'voorstel goedgekeurd',
  'confidentiality.statementSaved': 'geheimhoudingsverklaring vastgesteld',
  'confidentiality.accepted': 'geheimhoudingsverklaring aanvaard',
  'proposal.declined': 'voorstel afgewezen',
  'case.shadowListed': 'naar de schaduwlijst',
  'case.returnedFromShadowList': 'terug van de schaduwlijst',
  'case.pulledBackFromShadowList': 'teruggehaald van de schaduwlijst',
  'case.closed': 'afgesloten',
  'case.directorChanged': 'regisseur gewijzigd',
  'evaluation.recorded': 'evaluatie ingevuld',
  'evaluation.reminded': 'herinnering evaluatie',
  'case.deleted': 'persoonsgegevens verwijderd',
  'referral.deleted': 'aanmelding verwijderd',
  'logbook.viewed': 'logboek bekeken',
  'logbook.summaryViewed': 'overzicht ongebruikelijke toegang bekeken',
  'logbook.employeeViewed': 'logboek van een medewerker bekeken',
  'logbook.exported': 'logboek geëxporteerd',
  'logbook.fetched': 'export van het logboek opgehaald',
  'logbook.verified': 'logboek gecontroleerd',
  'logbook.pruned': 'logboek opgeschoond (bewaartermijn)',
  'registration.deleted': 'registratieverzoek verwijderd',
  'registration.requested': 'registratie aangevraagd',
  'registration.viewed': 'registratieverzoeken bekeken',
  'registration.handled': 'registratieverzoek afgehandeld',
  'referral.resubmitted': 'opnieuw aangemeld',
  'agenda.published': 'agenda gepubliceerd',
  'agenda.postConfirmed': 'agenda geplaatst in het kanaal',
  'agenda.overflowMoved': 'agendapunt doorgeschoven (vol)',
  'session.added': 'overleg toegevoegd',
  'session.cancelled': 'overleg geannuleerd',
  'session.moved': 'overleg verplaatst',
  'session.opened': 'overleg geopend',
  'session.closed': 'overleg gesloten',
  'session.itemDeferred': 'agendapunt overgeslagen',
  'session.itemEnded': 'agendapunt afgerond',
  'table.channelLinked': 'tafel aan kanaal gekoppeld',
  'table.meetingLinked': 'tafel aan vergadering gekoppeld',
  'table.closed': 'tafel opgeheven',
  'figures.viewed': 'kengetallen bekeken',
  'figures.exported': 'kengetallen geëxporteerd',
  'figures.fetched': 'export van de kengetallen opgehaald',
  'figures.posted': 'kengetallen in het kanaal geplaatst',
  'figures.channelLinked': 'kanaal van de stuurgroep gekoppeld',
  'members.listed': 'ledenlijst bekeken',
  'member.registered': 'lid geregistreerd',
  'member.updated': 'lid gewijzigd',
  'member.seeded': 'demolid aangemaakt',
  'member.bootstrapped': 'eerste procesmanager aangemaakt',
  'demo.historySeeded': 'demogeschiedenis aangemaakt',
  'inzage.nothingFound': 'inzage gezocht, niets gevonden',
  'notice.retried': 'melding opnieuw verstuurd',
  'consent.requested': 'toestemming gevraagd',
  'consent.granted': 'toestemming gegeven',
  'consent.grantedWithCondition': 'toestemming gegeven onder voorwaarde',
  'consent.refused': 'toestemming geweigerd',
  'consent.withdrawn': 'toestemming ingetrokken',
  'consent.viewed': 'inbreng met toestemming bekeken',
  'reassessment.viewed': 'inbreng bekeken voor herbeoordeling',
  'informing.listed': 'stand van informeren bekeken',
  'reassessment.kept': 'inbreng behouden na nieuw doel',
  'reassessment.withdrawn': 'inbreng ingetrokken na nieuw doel',
  'handover.formViewed': 'overdracht voorbereid (inbreng bekeken)',
  'handover.started': 'overdracht gestart',
  'handover.itemGranted': 'inbreng mag mee bij overdracht',
  'handover.itemRefused': 'inbreng gaat niet mee bij overdracht',
  'handover.completed': 'overdracht afgerond',
  'handover.viewed': 'overdracht gelezen',
  'informing.recorded': 'informeren vastgelegd',
  'informing.updated': 'informeren bijgewerkt',
  'inzage.produced': 'inzagedocument gemaakt',
  'inzage.fetched': 'inzagedocument opgehaald',
  'action.takeHomeMarked': 'mee naar huis aangegeven',
  'draft.deleted': 'concept verwijderd',
  'informing.reminded': 'herinnering informeren verstuurd',
  'action.reminded': 'herinnering actie verstuurd',
  'reassessment.started': 'herbeoordeling gestart (nieuw doel)',
};

/** What a refused button was about, by the first part of its verb, in Dutch. */
const attemptAreas: Record<string, string> = {
  action: 'actie',
  actions: 'acties',
  agenda: 'agenda',
  case: 'casus',
  cases: 'casussen',
  consent: 'toestemming',
  contribution: 'inbreng',
  decision: 'besluit',
  discussion: 'bespreking',
  evaluation: 'evaluatie',
  figures: 'cijfers',
  handover: 'overdracht',
  informing: 'informeren',
  intervention: 'interventie',
  inzage: 'inzage',
  logbook: 'logboek',
  member: 'lid',
  members: 'leden',
  notice: 'meldingen',
  proposal: 'voorstel',
  reassessment: 'herbeoordeling',
  referral: 'aanmelding',
  regie: 'regie',
  screening: 'screening',
  statement: 'geheimhouding',
  session: 'overleg',
  shadowList: 'schaduwlijst',
  sessions: 'overleggen',
  table: 'tafel',
  tables: 'tafels',
};

/** Who did what the bot did on its own (a reminder, a re-assessment's start, a deletion), in the logbook. */
export const systemActor = 'Casusbot (systeem)';

export function actionLabel(action: string): string {
  if (action.startsWith('refused:')) {
    // A button (verb "case.overview") by what it was about; a typed command by its Dutch word.
    const attempt = action.slice('refused:'.length);
    const area = attempt.includes('.') ? attemptAreas[attempt.split('.')[0]!] : undefined;
    return area ? `geweigerd (${area})` : attempt.includes('.') ? 'geweigerd' : `geweigerd ("${attempt}")`;
  }
  return actionLabels[action] ?? action;
}

/** The value of a filter's "all" choice (a choice needs a value). */
export const anyChoice = 'alle';

/** Choices per filter on the card; more are left out (type the filter in another way: narrow by activity first). */
const maxChoices = 60;

/**
 * `logboek ZVH-…`: who saw or changed what, when, and why; ids resolved to names, newest first, 40 a page, in the
 * case's table's timezone (or the network's). "Oudere" and "Nieuwere" page through all events; the filters narrow
 * to one organisation, person or activity.
 */
export function caseLogbookCard(v: CaseLogbook): AdaptiveCard {
  const tz = v.timeZone;
  const filtered = Boolean(v.filter.organisationId || v.filter.actorAadObjectId || v.filter.purpose);
  const body: Element[] = [
    heading(`Logboek ${v.reference}`),
    paragraph(
      v.deletedAt
        ? `De persoonsgegevens zijn verwijderd op ${formatDate(v.deletedAt, tz)}; het logboek blijft (alleen kenmerken, geen inhoud).`
        : 'Wie wat heeft gezien of gewijzigd, wanneer en waarvoor. Het nieuwste staat bovenaan.',
      { subtle: true },
    ),
    ...(filtered ? [paragraph('Gefilterd: alleen wat aan het filter voldoet.', { subtle: true })] : []),
  ];
  if (!v.entries.length) body.push(paragraph('Geen gebeurtenissen die aan het filter voldoen.', { subtle: true }));
  for (const e of v.entries) {
    const who = e.actor
      ? e.actor.organisationName
        ? personWithOrganisation(e.actor.name, e.actor.organisationName)
        : e.actor.name
      : systemActor;
    body.push(
      paragraph(
        `${formatDate(e.at, tz)} ${formatTime(e.at, tz)} · **${actionLabel(e.action)}** · ${who} · ${e.activity}${e.traceId ? ` · spoor ${e.traceId.slice(0, 8)}` : ''}`,
        e.outcome === 'refused' ? { color: 'Attention' } : {},
      ),
    );
  }
  const all = (label: string) => ({ title: label, value: anyChoice });
  body.push(
    subheading('Filter'),
    ...choiceField(
      'organisationId',
      'Organisatie',
      [
        all('Alle organisaties'),
        ...v.choices.organisations.slice(0, maxChoices).map((o) => ({ title: o.name, value: o.id })),
      ],
      { organisationId: v.filter.organisationId ?? anyChoice },
      {},
    ),
    ...choiceField(
      'actorAadObjectId',
      'Persoon',
      [
        all('Iedereen'),
        ...v.choices.persons.slice(0, maxChoices).map((p) => ({ title: p.name, value: p.aadObjectId })),
      ],
      { actorAadObjectId: v.filter.actorAadObjectId ?? anyChoice },
      {},
    ),
    ...choiceField(
      'purpose',
      'Activiteit',
      [all('Alle activiteiten'), ...v.choices.activities.map((a) => ({ title: a.name, value: a.id }))],
      { purpose: v.filter.purpose ?? anyChoice },
      {},
    ),
  );
  return card(body, caseLogbookActions(v));
}

/** Paging back and forth, filtering, and the export of the whole case's logbook. */
function caseLogbookActions(v: CaseLogbook): Element[] {
  const reference = { reference: v.reference };
  const actions: Element[] = [];
  if (v.olderThan) actions.push(execute('Oudere', Verb.logbookPage, { ...reference, before: v.olderThan }));
  if (v.newerThan) actions.push(execute('Nieuwere', Verb.logbookPage, { ...reference, after: v.newerThan }));
  actions.push(execute('Filteren', Verb.logbookPage, reference));
  actions.push(execute('Exporteren (CSV)', Verb.logbookExport, { kind: 'case', reference: v.reference }));
  return actions;
}

/** `logboek`: members who touched unusually many cases, or were refused unusually often, lately. */
/** `since` in `timeZone`: the network's. */
export function unusualAccessCard(v: UnusualAccess, timeZone: string): AdaptiveCard {
  const intro = `Sinds ${formatDate(v.since, timeZone)}: leden die ${v.thresholds.cases} of meer casussen bekeken of wijzigden, of ${v.thresholds.refused} of meer keer werden geweigerd. Bekijk het logboek van een casus met "logboek ZVH-…".`;
  if (!v.rows.length)
    return card([
      heading('Ongebruikelijke toegang'),
      paragraph(intro, { subtle: true }),
      paragraph('Niemand valt op.'),
    ]);
  return card([
    heading('Ongebruikelijke toegang'),
    paragraph(intro, { subtle: true }),
    ...v.rows.map((r) =>
      paragraph(
        `**${r.name}**${r.organisationName ? ` (${withoutParentheses(r.organisationName)})` : ''} · ${r.cases} casussen · ${r.refused} keer geweigerd`,
        r.refused >= v.thresholds.refused ? { color: 'Attention' } : {},
      ),
    ),
  ]);
}

/** A period's choice: the last 7, 30, 90 or 365 days. */
const periodChoices = logbookPeriods.map((d) => ({ title: `Laatste ${d} dagen`, value: String(d) }));

/** `logboek medewerker`, or a mention that named nobody: whose logbook, and over which period. */
export function employeePickerCard(employees: Employee[], options: { notFound?: boolean } = {}): AdaptiveCard {
  if (!employees.length)
    return card([heading('Logboek van een medewerker'), paragraph('Er zijn geen medewerkers om uit te kiezen.')]);
  return card(
    [
      heading('Logboek van een medewerker'),
      ...(options.notFound
        ? [paragraph('Ik vind geen lid met die naam. Kies hieronder.', { color: 'Attention' })]
        : []),
      paragraph('Wat deze persoon heeft gezien en gewijzigd, per casus en verwerkingsactiviteit.', { subtle: true }),
      ...choiceField(
        'memberId',
        'Medewerker',
        employees.map((e) => ({ title: personWithOrganisation(e.name, e.organisationName), value: e.memberId })),
        { memberId: employees[0]!.memberId },
        {},
      ),
      ...choiceField('days', 'Periode', periodChoices, { days: String(defaultLogbookDays) }, {}),
    ],
    [execute('Bekijken', Verb.logbookEmployee)],
  );
}

/** `logboek @naam`: per case (the most recent first), what the person did, how often and when, in the network's time. */
export function employeeLogbookCard(v: EmployeeLogbook): AdaptiveCard {
  const tz = v.timeZone;
  const when = (at: Date) => `${formatDate(at, tz)} ${formatTime(at, tz)}`;
  const body: Element[] = [
    heading(`Logboek van ${personWithOrganisation(v.employee.name, v.employee.organisationName)}`),
    paragraph(
      `De laatste ${v.days} dagen, sinds ${when(v.since)}: wat deze persoon zag en wijzigde, per casus en verwerkingsactiviteit. Het meest recente staat bovenaan.`,
      { subtle: true },
    ),
  ];
  if (!v.groups.length) body.push(paragraph('Geen gebeurtenissen in deze periode.', { subtle: true }));
  for (const g of v.groups) {
    body.push(subheading(g.reference ? `Casus ${g.reference}` : 'Zonder casus'));
    for (const r of g.rows)
      body.push(
        paragraph(
          `**${actionLabel(r.action)}** · ${r.activity} · ${r.count}× · ${r.count > 1 ? `${when(r.first)} tot ${when(r.last)}` : when(r.last)}`,
          r.outcome === 'refused' ? { color: 'Attention' } : {},
        ),
      );
  }
  if (v.truncated)
    body.push(paragraph('Niet alles past op deze kaart: de export bevat elke gebeurtenis.', { subtle: true }));
  body.push(...choiceField('days', 'Periode', periodChoices, { days: String(v.days) }, {}));
  const member = { memberId: v.employee.memberId };
  return card(body, [
    execute('Periode tonen', Verb.logbookEmployee, member),
    execute('Exporteren (CSV)', Verb.logbookExport, { ...member, kind: 'employee' }),
  ]);
}

/** The export's link: once, for ten minutes. */
export function logbookExportCard(view: {
  title: string;
  url: string;
  expiresAt: Date;
  timeZone: string;
}): AdaptiveCard {
  return card(
    [
      heading('Export van het logboek'),
      paragraph(`${view.title}: elke gebeurtenis, met datum en tijd, casus, wie, handeling en verwerkingsactiviteit.`),
      paragraph(`De link werkt één keer en tot ${formatTime(view.expiresAt, view.timeZone)}.`, { subtle: true }),
    ],
    [{ type: 'Action.OpenUrl', title: 'Logboek (CSV)', url: view.url }],
  );
}

/** What a break in the chain means, in words. */
const breakLabels: Record<NonNullable<LogbookCheck['firstBreak']>['kind'], string> = {
  changed: 'de inhoud van deze regel is gewijzigd na het verzegelen',
  link: 'de regel ervoor ontbreekt, of de koppeling is gewijzigd',
  unsealed: 'de verzegeling van deze regel is verwijderd',
  end: 'verzegelde regels na deze regel ontbreken',
};

/** `logboek controleren`: intact (how many rows, how many not sealed yet), or the first row where the chain breaks. */
export function logbookCheckCard(v: LogbookCheck): AdaptiveCard {
  const unsealed =
    v.unsealed === 1
      ? '1 regel is nog niet verzegeld (te recent); die wordt bij de volgende verzegeling (elk uur) meegenomen.'
      : `${v.unsealed} regels zijn nog niet verzegeld (te recent); die worden bij de volgende verzegeling (elk uur) meegenomen.`;
  if (!v.firstBreak)
    return card([
      heading('Logboek gecontroleerd: intact'),
      paragraph(`${v.checked} verzegelde regels gecontroleerd; niets is gewijzigd of verwijderd.`),
      paragraph(unsealed, { subtle: true }),
    ]);
  const at = `${formatDate(v.firstBreak.at, v.timeZone)} ${formatTime(v.firstBreak.at, v.timeZone)}`;
  return card([
    heading('Logboek gecontroleerd: niet intact'),
    paragraph(
      `De keten breekt bij regel ${v.firstBreak.id} (${at}): ${breakLabels[v.firstBreak.kind]}. Tot daar zijn ${v.checked} regels in orde.`,
      { color: 'Attention' },
    ),
    paragraph(
      'Meld dit als beveiligingsincident. Het logboek is alleen door iemand met rechten op de database te wijzigen.',
      { subtle: true },
    ),
  ]);
}
