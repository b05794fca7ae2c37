import type { CaseRecord } from '../src/cases/case.types.ts';
import type { TableView } from '../src/conferences/table.repository.ts';
import type { RepeatMatch } from '../src/screening/repeat.repository.ts';
import { lifeDomains } from '../src/referrals/referral.types.ts';
import { card, execute, facts, heading, paragraph, subheading, type AdaptiveCard, type Element } from './adaptive.ts';
import { choiceField, formErrorSummary, textField, type FieldErrors, type FormValues } from './form.ts';
import {
  chainLabels,
  criterionLabels,
  formatBirthDate,
  formatDate,
  formatSession,
  formatSessionShort,
  lifeDomainLabels,
  outcomeLabels,
  statusLabels,
  urgencyLabels,
} from './labels.ts';
import { Verb } from './verbs.ts';
import { personWithOrganisation } from '../src/organisations/person-label.ts';

/** What the procesmanager needs to screen: the case, with the referrer's reasons per criterion. */
function caseDetails(c: CaseRecord, timeZone: string): Element[] {
  const informed = c.informed
    ? c.informed.informed
      ? `Ja, door ${c.informed.by}`
      : `Nog niet: ${c.informed.reason}`
    : 'niet ingevuld';
  const referrer = c.external
    ? `${personWithOrganisation(c.external.name, c.external.organisation)}, via ${c.referrer.name}`
    : personWithOrganisation(c.referrer.name, c.referrer.organisationName);
  const contact = [c.external?.phone ?? c.contact?.phone, c.external?.email ?? c.contact?.email]
    .filter(Boolean)
    .join(', ');
  const others = c.form.otherOrganisations;
  return [
    facts([
      ['Aanmelder', referrer],
      ['Contact aanmelder', contact || 'niet opgegeven'],
      ['Op gezag van', c.responsibleOrganisation?.name ?? 'niet opgegeven'],
      ['Urgentie', c.urgency ? urgencyLabels[c.urgency] : 'niet opgegeven'],
      ['Geïnformeerd', informed],
      ...(c.submittedAt ? ([['Ingediend', formatDate(c.submittedAt, timeZone)]] as [string, string][]) : []),
    ]),
    subheading('Personen'),
    ...c.persons.map((p) =>
      paragraph(
        `${p.name}${p.relation ? ` (${p.relation})` : ''}, geboren ${formatBirthDate(p.birthDate)}, ${p.address}${p.bsn ? `, BSN ${p.bsn}` : ''}`,
      ),
    ),
    subheading('Leefgebieden'),
    facts(lifeDomains.filter((d) => c.lifeDomains[d]).map((d) => [lifeDomainLabels[d], c.lifeDomains[d]!])),
    subheading('Ketens en organisaties'),
    paragraph(`Ketens: ${c.chains.map((ch) => chainLabels[ch]).join(', ') || 'geen'}`),
    paragraph(`Betrokken: ${c.organisations.map((o) => o.name).join(', ') || 'nog geen'}`),
    ...(others ? [paragraph(`Andere organisaties: ${others}`)] : []),
    subheading('De drie criteria, volgens de aanmelder'),
    ...(c.criteria
      ? [
          paragraph(`**1.** ${criterionLabels.multipleDomains}`, { subtle: true }),
          paragraph(c.criteria.multipleDomains),
          paragraph(`**2.** ${criterionLabels.chainsAndOrganisations}`, { subtle: true }),
          paragraph(c.criteria.chainsAndOrganisations),
          paragraph(`**3.** ${criterionLabels.familyOrSafety}`, { subtle: true }),
          paragraph(c.criteria.familyOrSafety),
        ]
      : []),
  ];
}

const basisLabels = { bsn: 'op BSN', nameAndBirthDate: 'op naam en geboortedatum' } as const;

/** One earlier case: its reference and status, its table, and for a closed one the day (in its table's timezone) and outcome. */
function repeatLine(r: RepeatMatch, timeZone: string): string {
  const persons = r.persons.map((p) => `${p.name} (${basisLabels[p.basis]})`).join(', ');
  const status = statusLabels[r.status].toLowerCase();
  const state = r.closedAt
    ? `${status} op ${formatDate(r.closedAt, r.table?.timeZone ?? timeZone)}${r.outcome ? `, ${outcomeLabels[r.outcome].toLowerCase()}` : ''}`
    : status;
  return `**${r.reference}** (${r.table ? r.table.name : 'nog geen tafel'}): ${state}. Bekend: ${persons}.`;
}

/**
 * The repeat check: the other cases (open, or closed and not yet deleted) that hold a person of this aanmelding. Only
 * the procesmanager's screening card has it; nothing of it is kept once the earlier case is deleted.
 */
function repeatSection(repeats: readonly RepeatMatch[], timeZone: string): Element[] {
  if (!repeats.length) return [];
  return [
    subheading('Herhaalde aanmelding'),
    paragraph(
      repeats.length === 1
        ? 'Al bekend in een andere casus, die nog bewaard wordt:'
        : `Al bekend in ${repeats.length} andere casussen, die nog bewaard worden:`,
    ),
    ...repeats.map((r) => paragraph(repeatLine(r, timeZone))),
  ];
}

/** The decision, its day in `timeZone` (the network's), the first meeting in its table's. */
export function decisionSummary(c: CaseRecord, timeZone: string): string {
  const by = c.decidedBy
    ? ` door ${c.decidedBy.name}${c.decidedAt ? ` op ${formatDate(c.decidedAt, timeZone)}` : ''}`
    : '';
  switch (c.status) {
    case 'accepted':
      // A case accepted without a meeting yet (or whose meeting is gone) says so instead of failing the card.
      return c.table && c.firstSessionAt
        ? `Geaccepteerd${by}. Eerste bespreking: ${formatSession(c.firstSessionAt, c.table.timeZone)} (${c.table.name}).`
        : `Geaccepteerd${by}. Nog geen bespreking gepland.`;
    case 'rejected':
      return `Afgewezen${by}. Reden: ${c.rejectionReason}`;
    case 'infoRequested':
      return `Meer informatie gevraagd${by}: ${c.question}`;
    default:
      return statusLabels[c.status];
  }
}

export interface ScreeningView {
  case: CaseRecord;
  /** With the first meeting that still has room, so the procesmanager sees the date before accepting. */
  tables: (TableView & { firstFreeSession?: Date })[];
  values?: FormValues;
  errors?: FieldErrors;
  /** Shown when this procesmanager's decision came too late. */
  alreadyDecided?: boolean;
  /**
   * Teams user ids of the procesmanagers: Teams refreshes the card for them when they look at it, so a
   * decision by one shows up on the other's card without a click.
   */
  refreshFor?: string[];
  /** The network's timezone: when the aanmelding came in and was decided. */
  timeZone: string;
  /** The repeat check: other cases, open or still held, with a person of this aanmelding. */
  repeats?: readonly RepeatMatch[];
}

export function screeningCard(view: ScreeningView): AdaptiveCard {
  const c = view.case;
  const values = view.values ?? {};
  const errors = view.errors ?? {};
  const data = { caseId: c.id };
  const open = c.status === 'submitted';
  const body: Element[] = [
    heading(`Screening ${c.reference ?? ''}`.trim()),
    ...(view.alreadyDecided
      ? [
          paragraph('Iemand anders heeft deze aanmelding al beoordeeld. Jouw beslissing is niet vastgelegd.', {
            color: 'Attention',
          }),
        ]
      : []),
    ...(open
      ? []
      : [paragraph(decisionSummary(c, view.timeZone), c.status === 'accepted' ? {} : { color: 'Warning' })]),
    ...formErrorSummary(errors),
    ...repeatSection(view.repeats ?? [], view.timeZone),
    ...caseDetails(c, view.timeZone),
  ];
  const extra = view.refreshFor?.length
    ? { refresh: { action: execute('Vernieuwen', Verb.screeningShow, data), userIds: view.refreshFor } }
    : {};
  if (!open) return card(body, [execute('Vernieuwen', Verb.screeningShow, data)], extra);
  const showCard = (title: string, elements: Element[], action?: Element): Element => ({
    type: 'Action.ShowCard',
    title,
    card: { type: 'AdaptiveCard', version: '1.5', body: elements, ...(action ? { actions: [action] } : {}) },
  });
  // Without any overlegtafel (a fresh installation without demo data) there is nothing to accept onto: a dropdown
  // without choices is invalid, so the procesmanager is told what to do first.
  const accept = view.tables.length
    ? showCard(
        'Accepteren',
        choiceField(
          'tableId',
          'Overlegtafel en eerste vrije datum',
          view.tables.map((t) => ({
            title: `${t.name}: ${t.firstFreeSession ? formatSessionShort(t.firstFreeSession, t.schedule.timeZone) : 'het komende jaar vol'}`,
            value: t.id,
          })),
          { tableId: values.tableId ?? view.tables[0]?.id },
          errors,
        ),
        execute('Accepteren en datum plannen', Verb.screeningAccept, data, { style: 'positive' }),
      )
    : showCard('Accepteren', [
        paragraph('Er is nog geen overlegtafel. Maak er eerst een met "tafels"; daarna kun je accepteren.', {
          color: 'Warning',
        }),
      ]);
  return card(
    body,
    [
      accept,
      showCard(
        'Afwijzen',
        textField('reason', 'Reden (de aanmelder leest deze)', values, errors, {
          required: true,
          multiline: true,
          maxLength: 1000,
        }),
        execute('Afwijzen', Verb.screeningReject, data, { style: 'destructive' }),
      ),
      showCard(
        'Meer informatie vragen',
        textField('question', 'Vraag aan de aanmelder', values, errors, {
          required: true,
          multiline: true,
          maxLength: 1000,
        }),
        execute('Vraag versturen', Verb.screeningAskInfo, data),
      ),
      execute('Vernieuwen', Verb.screeningShow, data),
    ],
    extra,
  );
}
