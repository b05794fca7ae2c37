import { randomUUID } from 'node:crypto';
import type { ActionCardView } from '../src/actions/actions.ts';
import type { ActionView } from '../src/actions/action.repository.ts';
import type { AgendaView } from '../src/conferences/agenda.ts';
import type { DecisionView } from '../src/decisions/decision.repository.ts';
import { DecisionField, maxActionsPerDecision, nextSteps } from '../src/decisions/decision.rules.ts';
import { caseOutcomes } from '../src/lifecycle/lifecycle.types.ts';
import type { DiscussionView } from '../src/meetings/discussion.ts';
import type { HiddenContribution } from '../src/meetings/consent.ts';
import type { ConsentState } from '../src/meetings/consent.repository.ts';
import type { MinutesItem } from '../src/meetings/minutes.ts';
import type { ClosePreview } from '../src/meetings/close-preview.ts';
import type { SessionSummary } from '../src/meetings/run-session.ts';
import { lifeDomains } from '../src/referrals/referral.types.ts';
import {
  card,
  clip,
  execute,
  facts,
  heading,
  paragraph,
  showCard,
  subheading,
  type AdaptiveCard,
  type Element,
} from './adaptive.ts';
import { choiceField, formErrorSummary, textField, type FieldErrors, type FormValues } from './form.ts';
import {
  closeReasonLabels,
  formatBirthDate,
  formatDate,
  formatIsoDate,
  formatSession,
  formatTime,
  itemStateLabels,
  lifeDomainLabels,
  nextStepLabels,
  outcomeLabels,
} from './labels.ts';
import { Verb } from './verbs.ts';
import { personWithOrganisation } from '../src/organisations/person-label.ts';

const when = (a: AgendaView) => formatSession(a.session.startsAt, a.table.timeZone);
/** Each rendering of a form gets its own id: a repeated click or a retried invoke of it adds nothing twice. */
const submission = () => ({ submissionId: randomUUID() });

/**
 * The channel card while the meeting runs: per case its time, reference and state, nothing personal.
 * "Open casus" answers each person with their own case card, if their organisation is invited.
 */
export function liveSessionCard(a: AgendaView, options: { unsignedCount?: number } = {}): AdaptiveCard {
  const sessionId = a.session.id;
  const unsigned = options.unsignedCount ?? 0;
  const active = a.items.find((i) => i.state === 'active');
  const body: Element[] = [
    heading(a.table.name),
    paragraph(`${when(a)} · bezig`),
    ...a.items.map((i) =>
      paragraph(
        `${i.slot ? `${formatTime(i.slot.start, a.table.timeZone)} · ` : ''}${i.reference} · **${itemStateLabels[i.state]}**`,
      ),
    ),
    paragraph('Wat er over een casus gezegd wordt, zie je alleen in je eigen chat: kies "Open casus".', {
      subtle: true,
    }),
    ...(unsigned
      ? [
          paragraph(
            `${unsigned === 1 ? '1 deelnemer heeft' : `${unsigned} deelnemers hebben`} de geheimhoudingsverklaring nog niet getekend.`,
            { color: 'Warning' },
          ),
        ]
      : []),
  ];
  const actions: Element[] = [];
  if (active) {
    actions.push(execute('Open casus', Verb.discussionOpen, { agendaItemId: active.id }, { style: 'positive' }));
    actions.push(
      execute('Volgende casus', Verb.sessionNext, { sessionId, itemId: active.id }),
      execute('Doorschuiven', Verb.sessionSkip, { sessionId, itemId: active.id }),
    );
  } else {
    const lastDecided = [...a.items].reverse().find((i) => i.state === 'decided');
    if (lastDecided && a.items.some((i) => i.state === 'waiting'))
      actions.push(execute('Volgende casus', Verb.sessionNext, { sessionId, itemId: lastDecided.id }));
  }
  actions.push(closeButton(sessionId));
  return card(body, actions);
}

/** "Overleg sluiten" asks first: the answer is closeConfirmCard, counted at the moment of the click. */
const closeButton = (sessionId: string) => execute('Overleg sluiten', Verb.sessionCloseAsk, { sessionId });

const casesText = (n: number) => (n === 1 ? '1 casus' : `${n} casussen`);

/** What closing will do, in numbers and a date, before the chair confirms. Only the confirm button closes. */
export function closeConfirmCard(p: ClosePreview): AdaptiveCard {
  const back = execute('Terug naar het overleg', Verb.sessionShow, { sessionId: p.sessionId });
  if (p.closed) return card([heading(p.tableName), paragraph('Dit overleg is al gesloten.')], [back]);
  const moving = !p.deferred
    ? 'Alle casussen hebben een besluit: er schuift niets door.'
    : !p.next
      ? `${casesText(p.deferred)} zonder besluit ${p.deferred === 1 ? 'schuift' : 'schuiven'} door, maar er is nog geen volgend overleg met plaats: zet ze daarna zelf op een agenda.`
      : `${casesText(p.deferred)} zonder besluit ${p.deferred === 1 ? 'gaat' : 'gaan'} naar het overleg van ${formatSession(p.next.startsAt, p.timeZone)}${p.next.room < p.deferred ? ` (daar is plaats voor ${p.next.room}; de rest gaat naar het overleg daarna)` : ''}.`;
  return card(
    [
      heading(`Overleg sluiten: ${p.tableName}?`),
      paragraph(`${casesText(p.decided)} besproken. ${moving}`),
      paragraph('Daarna krijgen de uitgenodigde deelnemers hun verslag. Een gesloten overleg gaat niet meer open.', {
        subtle: true,
      }),
    ],
    [execute('Ja, overleg sluiten', Verb.sessionClose, { sessionId: p.sessionId }, { style: 'destructive' }), back],
  );
}

/** The channel card after the meeting: counts only. */
export function sessionSummaryCard(a: AgendaView, s: SessionSummary): AdaptiveCard {
  return card(
    [
      heading(a.table.name),
      paragraph(`${when(a)} · afgerond`),
      paragraph(
        `${casesText(s.discussed)} besproken, ${s.actions === 1 ? '1 actie' : `${s.actions} acties`}, ${s.deferred} doorgeschoven.`,
      ),
      paragraph('Het verslag van de casussen waarvoor jouw organisatie was uitgenodigd zie je met "Mijn verslag".', {
        subtle: true,
      }),
    ],
    [execute('Mijn verslag', Verb.sessionMinutes, { sessionId: a.session.id })],
  );
}

function decisionBlock(d: DecisionView, all: DecisionView[], tz: string): Element[] {
  const replaced = d.supersededById ? all.find((x) => x.id === d.supersededById) : undefined;
  return [
    paragraph(
      `${replaced ? '~~Besluit~~ (vervangen)' : '**Besluit**'} van ${formatDate(d.createdAt, tz)} door ${d.decidedBy.name}${d.correctionReason ? `, correctie: ${clip(d.correctionReason, 200)}` : ''}`,
      replaced ? { subtle: true } : {},
    ),
    facts([
      ['Doel', clip(d.goal, 300)],
      ['Plan van aanpak', clip(d.plan, 500)],
      ['Casusregisseur', d.director.name],
      ['Volgende stap', `${nextStepLabels[d.nextStep]}${d.nextDate ? ` (${formatIsoDate(d.nextDate)})` : ''}`],
    ]),
  ];
}

/** "niet uitgevoerd (niet gelukt): …": the reason, and its explanation where the viewer sees the action. */
function notDoneText(x: ActionView): string {
  const reason = x.closeReason ? ` (${closeReasonLabels[x.closeReason].toLowerCase()})` : '';
  return `niet uitgevoerd${reason}${x.closeExplanation ? `: ${clip(x.closeExplanation, 200)}` : ''}`;
}

function actionLine(x: ActionView): string {
  const state =
    x.state === 'done'
      ? `klaar${x.result ? `: ${clip(x.result, 200)}` : ''}`
      : x.state === 'notDone'
        ? notDoneText(x)
        : x.state === 'cancelled'
          ? 'vervallen (besluit gecorrigeerd)'
          : x.claimedBy
            ? `Opgepakt door ${x.claimedBy.name}`
            : 'nog niet opgepakt';
  return `**${x.reference}** · ${clip(x.description, 200)} · ${x.organisation.name} · uiterlijk ${formatIsoDate(x.dueDate)} · ${state}`;
}

/**
 * The last meeting's actions that did not end done, short (the action card has the whole text): what, whose, and why
 * not (the reason and the start of its explanation) or who still has it, each with a button to open it.
 */
function unfinishedRows(actions: ActionView[]): Element[] {
  if (!actions.length) return [];
  return [
    subheading('Niet klaar na het vorige overleg'),
    ...actions.flatMap((x) => [
      paragraph(
        `**${x.reference}** · ${clip(x.description, 80)} · ${x.organisation.name} · ${
          x.state === 'notDone'
            ? notDoneText({ ...x, ...(x.closeExplanation ? { closeExplanation: clip(x.closeExplanation, 150) } : {}) })
            : x.claimedBy
              ? `nog niet klaar, opgepakt door ${x.claimedBy.name}`
              : 'nog niet opgepakt'
        }`,
      ),
      { type: 'ActionSet', actions: [execute('Bekijken', Verb.actionShow, { actionId: x.id })] },
    ]),
  ];
}

/** Actions listed with a button to open each (claim, finish, hand back are on the action card). */
export function actionRows(actions: ActionView[]): Element[] {
  return actions.flatMap((x) => [
    paragraph(actionLine(x)),
    {
      type: 'ActionSet',
      actions: [execute(x.state === 'open' ? 'Bekijken / oppakken' : 'Bekijken', Verb.actionShow, { actionId: x.id })],
    },
  ]);
}

/** The newest contributions and interventions a case card shows; a line says how many older ones are left out. */
const maxShown = 10;
const leftOut = (n: number, text: (n: number) => string): Element[] =>
  n > 0 ? [paragraph(text(n), { subtle: true })] : [];
const consentStateLabels: Record<ConsentState, string> = {
  requested: 'toestemming gevraagd, nog geen antwoord',
  granted: 'toestemming gegeven',
  grantedWithCondition: 'toestemming gegeven onder voorwaarde',
  refused: 'toestemming geweigerd',
  withdrawn: 'toestemming ingetrokken',
};
const maxHiddenShown = 4;

/** The condition of a consent "onder voorwaarde", with the content it goes with. */
const conditionNote = (condition: string | undefined) =>
  condition ? ` · **Onder voorwaarde:** ${clip(condition, 300)}` : '';

/**
 * Where a consent stands, in Dutch; a consent given before the goal changed does not read as "gegeven" while the
 * content is withheld for the re-assessment, or after its organisation withdrew it.
 */
function consentLabel(state: ConsentState, reassessment?: 'pending' | 'withdrawn'): string {
  if (reassessment && (state === 'granted' || state === 'grantedWithCondition'))
    return reassessment === 'pending'
      ? 'doel gewijzigd: de inbrenger beoordeelt opnieuw, tot dan niet zichtbaar'
      : 'doel gewijzigd: de inbrenger heeft de inbreng ingetrokken';
  return consentStateLabels[state];
}

/**
 * Contributions the viewer may not read (zeggenschap): whose they are, and a button to ask that organisation
 * for consent. Only their existence is shown, never the content.
 */
function hiddenRows(hidden: HiddenContribution[]): Element[] {
  if (!hidden.length) return [];
  const rows: Element[] = [
    paragraph('Inbreng van andere organisaties die je buiten het overleg alleen met hun toestemming ziet:', {
      subtle: true,
    }),
  ];
  for (const h of hidden.slice(-maxHiddenShown)) {
    const state = h.consent
      ? ` · ${consentLabel(h.consent.state, h.reassessment)}`
      : h.reassessment
        ? ` · ${h.reassessment === 'pending' ? 'doel gewijzigd, wordt opnieuw beoordeeld' : 'ingetrokken na een nieuw doel'}`
        : '';
    rows.push(
      paragraph(`**${h.organisation}** heeft informatie ingebracht${h.sensitive ? ' (gevoelig)' : ''}${state}.`),
    );
    if (!h.consent || h.consent.state === 'refused' || h.consent.state === 'withdrawn')
      rows.push({
        type: 'ActionSet',
        actions: [execute('Toestemming vragen', Verb.consentRequest, { contributionId: h.contributionId })],
      });
  }
  if (hidden.length > maxHiddenShown)
    rows.push(
      paragraph(`En nog ${hidden.length - maxHiddenShown} eerdere bijdragen; vraag de organisatie zelf.`, {
        subtle: true,
      }),
    );
  return rows;
}

/**
 * A case in the overleg, for one person: Beeldvorming, Oordelen, Besluiten. Sent to their own chat only;
 * what they may not see (a sensitive contribution of another organisation) is named, not shown.
 */
/** A line on what just happened: done (plain text), or what went wrong (in the attention colour). */
export type DiscussionNotice = string | { problem: string };

export function discussionCard(v: DiscussionView, notice?: DiscussionNotice): AdaptiveCard {
  const tz = v.table.schedule.timeZone;
  const data = { agendaItemId: v.agendaItemId };
  const names = v.case.persons.map((p) => p.name + (p.relation ? ` (${p.relation})` : '')).join(', ');
  // An action of the last meeting that is not done is listed once, above, not again among the actions.
  const above = new Set(v.unfinishedFromLastMeeting.map((x) => x.id));
  const otherActions = v.actions.filter((x) => !above.has(x.id));
  const body: Element[] = [
    heading(`${v.case.reference ?? 'Casus'}: ${itemStateLabels[v.itemState]}`),
    paragraph(`${names} · ${v.table.name}, ${formatSession(v.session.startsAt, tz)}`, { subtle: true }),
    paragraph('Alleen jij ziet deze kaart. Deel niets hiervan in het kanaal of in je eigen systemen.', {
      subtle: true,
    }),
    ...(typeof notice === 'string' ? [paragraph(notice)] : []),
    ...(typeof notice === 'object' ? [paragraph(notice.problem, { color: 'Attention' })] : []),
    ...unfinishedRows(v.unfinishedFromLastMeeting),
    subheading('Beeldvorming'),
    ...(v.contributions.length
      ? []
      : [
          paragraph(v.hiddenContributions.length ? 'Nog geen inbreng die jij hier kunt lezen.' : 'Nog geen inbreng.', {
            subtle: true,
          }),
        ]),
    ...leftOut(
      v.contributions.length - maxShown,
      (n) => `${n} eerdere ${n === 1 ? 'bijdrage staat' : 'bijdragen staan'} niet op deze kaart.`,
    ),
    ...v.contributions
      .slice(-maxShown)
      .map((c) =>
        paragraph(
          `**${c.organisation.name}** (${c.author.name})${c.lifeDomain && c.lifeDomain in lifeDomainLabels ? ` · ${lifeDomainLabels[c.lifeDomain as keyof typeof lifeDomainLabels]}` : ''}${c.sensitive ? ' · gevoelig' : ''}: ${clip(c.text, 400)}${conditionNote(c.condition)}`,
        ),
      ),
    ...hiddenRows(v.hiddenContributions),
    subheading('Oordelen: mogelijke interventies'),
    ...(v.interventions.length ? [] : [paragraph('Nog geen interventies.', { subtle: true })]),
    ...leftOut(
      v.interventions.length - maxShown,
      (n) => `${n} eerdere ${n === 1 ? 'interventie staat' : 'interventies staan'} niet op deze kaart.`,
    ),
    ...v.interventions
      .slice(-maxShown)
      .map((i) => paragraph(`${clip(i.description, 200)} · door ${i.organisation.name}`)),
    subheading('Besluiten'),
    // A replaced besluit is named, not repeated: its full text stays in the verslag of its meeting.
    ...(v.decisions.length
      ? v.decisions.flatMap((d) =>
          d.supersededById ? decisionBlock(d, v.decisions, tz).slice(0, 1) : decisionBlock(d, v.decisions, tz),
        )
      : [paragraph('Nog geen besluit.', { subtle: true })]),
    ...(otherActions.length ? [subheading('Acties'), ...actionRows(otherActions)] : []),
  ];
  const actions: Element[] = [];
  if (v.mayContribute) {
    actions.push(
      showCard(
        'Inbreng toevoegen',
        [
          ...textField(
            'text',
            'Wat weet jouw organisatie?',
            {},
            {},
            { required: true, multiline: true, maxLength: 2000 },
          ),
          ...choiceField(
            'lifeDomain',
            'Leefgebied',
            lifeDomains.map((d) => ({ title: lifeDomainLabels[d], value: d })),
            {},
            {},
            { required: false, placeholder: 'Kies een leefgebied' },
          ),
          {
            type: 'Input.Toggle',
            id: 'sensitive',
            title: 'Gevoelig: alleen mijn organisatie en de voorzitter zien dit',
            valueOn: 'true',
            valueOff: 'false',
            value: 'false',
          },
        ],
        execute('Inbreng opslaan', Verb.discussionAddContribution, { ...data, ...submission() }, { style: 'positive' }),
      ),
    );
    actions.push(
      showCard(
        'Interventie voorstellen',
        [
          ...textField('description', 'Interventie', {}, {}, { required: true, multiline: true, maxLength: 1000 }),
          ...choiceField(
            'organisationId',
            'Wie kan hem uitvoeren?',
            v.case.organisations.map((o) => ({ title: o.name, value: o.id })),
            {},
            {},
          ),
        ],
        execute('Interventie opslaan', Verb.discussionAddIntervention, { ...data, ...submission() }),
      ),
    );
  }
  const decidedHere = v.decisions.some((d) => d.agendaItemId === v.agendaItemId && !d.supersededById);
  if (v.chairing)
    actions.push(execute(decidedHere ? 'Besluit corrigeren' : 'Besluit vastleggen', Verb.decisionForm, data));
  // The chair moves on and closes the meeting from here too (the channel card may be out of reach in a call).
  if (v.chairing && v.unsignedInvited?.length)
    body.push(
      subheading('Geheimhoudingsverklaring nog niet getekend'),
      paragraph(
        `${v.unsignedInvited.join(', ')}. Zij zien geen inhoud van casussen tot ze de verklaring aanvaarden (typ "geheimhouding").`,
        { color: 'Warning' },
      ),
    );
  if (v.chairing && v.session.openedAt && !v.session.closedAt)
    body.push(subheading('Voorzitter'), {
      type: 'ActionSet',
      actions: [
        ...(v.itemState === 'active' || v.itemState === 'decided'
          ? [execute('Volgende casus', Verb.sessionNext, { sessionId: v.session.id, itemId: v.agendaItemId })]
          : []),
        closeButton(v.session.id),
      ],
    });
  const refresh = execute('Vernieuwen', Verb.discussionOpen, data);
  actions.push(refresh);
  // In Teams the card in the person's own chat refreshes when they look at it, so others' contributions show.
  // The answer is our own invoke response (onVerb in bot/teams/routes.ts): no edit of the message, so no refresh storm.
  return card(body, actions, { refresh: { action: refresh } });
}

export interface DecisionFormView {
  agendaItemId: string;
  reference: string;
  /** The decision in force, when this is a correction of it. */
  current?: DecisionView;
  candidates: { id: string; name: string; organisationName: string }[];
  organisations: { id: string; name: string }[];
  /** The organisations the attendance field starts with: every organisation invited to the case. */
  present?: string[];
  values: FormValues;
  errors?: FieldErrors;
}

/** The chair's besluit: goal, plan, casusregisseur, actions and the next step. */
export function decisionFormCard(v: DecisionFormView): AdaptiveCard {
  const errors = v.errors ?? {};
  const values =
    v.current && !Object.keys(v.values).length
      ? {
          goal: v.current.goal,
          plan: v.current.plan,
          directorMemberId: v.current.director.memberId,
          nextStep: v.current.nextStep,
          nextDate: v.current.nextDate && formatBirthDate(v.current.nextDate),
        }
      : v.values;
  const body: Element[] = [
    heading(`${v.current ? 'Besluit corrigeren' : 'Besluit vastleggen'}: ${v.reference}`),
    ...(v.current
      ? [
          paragraph('Het besluit wordt niet gewijzigd: de correctie vervangt het, en beide blijven zichtbaar.', {
            subtle: true,
          }),
        ]
      : []),
    ...formErrorSummary(errors),
    ...textField('goal', 'Doel', values, errors, { required: true, multiline: true, maxLength: 1000 }),
    ...textField('plan', 'Plan van aanpak', values, errors, { required: true, multiline: true, maxLength: 2000 }),
    // An Input.ChoiceSet without choices is not valid Adaptive Card: say why there is nobody to choose.
    ...(v.candidates.length
      ? choiceField(
          'directorMemberId',
          'Casusregisseur',
          v.candidates.map((c) => ({
            title: personWithOrganisation(clip(c.name, 40), c.organisationName),
            value: c.id,
          })),
          values,
          errors,
          { placeholder: 'Kies de casusregisseur' },
        )
      : [
          paragraph(
            'Casusregisseur: niemand van de uitgenodigde organisaties is als lid geregistreerd. Laat de procesmanager iemand toevoegen met "lid toevoegen"; tot dan kan het besluit niet worden opgeslagen.',
            { color: 'Attention' },
          ),
        ]),
    ...choiceField(
      'nextStep',
      'Volgende stap',
      nextSteps.map((s) => ({ title: nextStepLabels[s], value: s })),
      values,
      errors,
      { expanded: true },
    ),
    ...dateField('nextDate', 'Terug op de agenda op (bij "Terug op de agenda")', values, errors),
    ...choiceField(
      'outcome',
      'Uitkomst (bij "Afsluiten")',
      caseOutcomes.map((o) => ({ title: outcomeLabels[o], value: o })),
      values,
      errors,
      { required: false, placeholder: 'Hoe is de casus geëindigd?' },
    ),
    ...choiceField(
      'attendance',
      'Aanwezige organisaties',
      v.organisations.map((o) => ({ title: o.name, value: o.id })),
      { attendance: values.attendance ?? v.present?.join(',') },
      errors,
      { multi: true, required: false, placeholder: 'Wie nam deel aan de bespreking?' },
    ),
    subheading('Acties'),
  ];
  for (let n = 1; n <= maxActionsPerDecision; n++) {
    const f = (key: 'description' | 'organisationId' | 'dueDate') => DecisionField.action(n, key);
    body.push(
      ...textField(f('description'), `Actie ${n}`, values, errors, { maxLength: 500 }),
      ...choiceField(
        f('organisationId'),
        `Actie ${n}: organisatie`,
        v.organisations.map((o) => ({ title: o.name, value: o.id })),
        values,
        errors,
        { required: false, placeholder: 'Kies een organisatie' },
      ),
      ...dateField(f('dueDate'), `Actie ${n}: uiterlijk`, values, errors),
    );
  }
  if (v.current)
    body.push(
      ...textField('correctionReason', 'Waarom wordt het besluit gecorrigeerd?', values, errors, {
        required: true,
        multiline: true,
        maxLength: 1000,
      }),
    );
  const data = { agendaItemId: v.agendaItemId, ...(v.current ? { supersedesId: v.current.id } : {}), ...submission() };
  return card(body, [
    execute('Besluit opslaan', Verb.decisionRecord, data, { style: 'positive' }),
    execute('Terug naar de casus', Verb.discussionOpen, { agendaItemId: v.agendaItemId }),
  ]);
}

/** Dates are typed (dd-mm-jjjj), as on the intake form: quicker than a calendar, and it works in every client. */
function dateField(id: string, label: string, values: FormValues, errors: FieldErrors): Element[] {
  return textField(id, label, values, errors, { placeholder: 'dd-mm-jjjj', maxLength: 10 });
}

/** One action: what it is about, whom to call, who has it, and what this person may do with it. */
/** What was filled in for "Niet uitgevoerd" when it came back with errors: shown open, each message at its field. */
export interface NotDoneForm {
  values: FormValues;
  errors: FieldErrors;
}

export function actionCard(v: ActionCardView, notice?: string, notDone?: NotDoneForm): AdaptiveCard {
  const x = v.action;
  const finishing = v.mine && x.state === 'claimed';
  const reopened = Boolean(notDone && v.mayCloseNotDone);
  const body: Element[] = [
    heading(`Actie ${x.reference}`),
    ...(notice ? [paragraph(notice)] : []),
    paragraph(clip(x.description, 500)),
    facts([
      ['Organisatie', x.organisation.name],
      ['Uiterlijk', formatIsoDate(x.dueDate)],
      ['Stand', actionStateText(x)],
      ...(x.result ? ([['Resultaat', clip(x.result, 500)]] as [string, string][]) : []),
      ...(x.closeExplanation ? ([['Toelichting', clip(x.closeExplanation, 500)]] as [string, string][]) : []),
    ]),
    ...actionContext(v),
    ...takeHomeBlock(v),
    ...(finishing && !reopened
      ? [
          subheading('Klaar melden'),
          ...textField(
            'result',
            'Wat is er gedaan? (kort)',
            {},
            {},
            { required: true, multiline: true, maxLength: 1000 },
          ),
        ]
      : []),
    ...(reopened
      ? [subheading('Niet uitgevoerd'), ...formErrorSummary(notDone!.errors), ...notDoneFields(notDone!)]
      : []),
  ];
  const actions: Element[] = [];
  if (reopened) actions.push(execute('Niet uitgevoerd melden', Verb.actionNotDone, { actionId: x.id }));
  if (finishing && !reopened)
    actions.push(execute('Klaar melden', Verb.actionComplete, { actionId: x.id }, { style: 'positive' }));
  if (v.mayClaim) actions.push(execute('Ik pak dit op', Verb.actionClaim, { actionId: x.id }, { style: 'positive' }));
  if (finishing) actions.push(execute('Teruggeven', Verb.actionHandBack, { actionId: x.id }));
  if (v.mayCloseNotDone && !reopened)
    actions.push(
      showCard(
        'Niet uitgevoerd',
        notDoneFields({ values: {}, errors: {} }),
        execute('Niet uitgevoerd melden', Verb.actionNotDone, { actionId: x.id }),
      ),
    );
  actions.push(...actionManagement(v));
  actions.push(execute('Open casus', Verb.caseOverview, { caseId: x.caseId }));
  actions.push(execute('Vernieuwen', Verb.actionShow, { actionId: x.id }));
  return card(body, actions);
}

/** "Niet uitgevoerd": why (one of three) and a short explanation, both required. */
function notDoneFields({ values, errors }: NotDoneForm): Element[] {
  return [
    ...choiceField(
      'closeReason',
      'Waarom is de actie niet uitgevoerd?',
      (Object.keys(closeReasonLabels) as (keyof typeof closeReasonLabels)[]).map((r) => ({
        title: closeReasonLabels[r],
        value: r,
      })),
      values,
      errors,
      { expanded: true },
    ),
    ...textField('closeExplanation', 'Toelichting (kort, geen persoonsgegevens)', values, errors, {
      required: true,
      multiline: true,
      maxLength: 500,
    }),
  ];
}

function actionStateText(x: ActionView): string {
  if (x.state === 'done') return 'Klaar';
  if (x.state === 'notDone')
    return `Niet uitgevoerd${x.closeReason ? `: ${closeReasonLabels[x.closeReason].toLowerCase()}` : ''}`;
  if (x.state === 'cancelled') return 'Vervallen: het besluit is gecorrigeerd';
  return x.claimedBy ? `Opgepakt door ${x.claimedBy.name}` : 'Nog niet opgepakt';
}

/** Who it is about (the address only for the organisation that goes there), whom to call and where it was decided. */
function actionContext(v: ActionCardView): Element[] {
  const out: Element[] = [];
  if (v.persons.length) {
    out.push(subheading('Om wie het gaat'));
    for (const p of v.persons)
      out.push(paragraph(`${p.name}${p.relation ? ` (${p.relation})` : ''}${p.address ? `, ${p.address}` : ''}`));
  }
  const contact = v.director && [v.director.phone, v.director.email].filter(Boolean).join(' · ');
  const rows: [string, string][] = [
    ...(v.director
      ? ([['Casusregisseur', `${v.director.name}, ${v.director.organisation}`]] as [string, string][])
      : []),
    ...(contact ? ([['Bereikbaar', contact]] as [string, string][]) : []),
    ...(v.meeting
      ? ([['Besloten in', `${v.meeting.tableName}, ${formatSession(v.meeting.startsAt, v.timeZone)}`]] as [
          string,
          string,
        ][])
      : []),
  ];
  return [...out, ...(rows.length ? [facts(rows)] : [])];
}

function takeHomeBlock(v: ActionCardView): Element[] {
  if (!v.takeHome.length) return [];
  return [
    subheading('Mee naar huis'),
    ...v.takeHome.map((t) =>
      paragraph(
        t.text
          ? `**${t.organisation}**: ${clip(t.text, 400)}${conditionNote(t.condition)}`
          : `**${t.organisation}** heeft informatie die voor deze actie nodig is${t.consent ? ` (${consentLabel(t.consent, t.reassessment)})` : ''}. Zonder toestemming vraag je het ${t.organisation} zelf.`,
      ),
    ),
  ];
}

/** Reassigning and "Mee naar huis": for the regisseur, the chair and the procesmanager. */
function actionManagement(v: ActionCardView): Element[] {
  const x = v.action;
  const out: Element[] = [];
  if (v.mayReassign && v.colleagues.length)
    out.push(
      showCard(
        'Toewijzen',
        choiceField(
          'memberId',
          'Aan',
          v.colleagues.map((c) => ({ title: c.name, value: c.memberId })),
          {},
          {},
        ),
        execute('Toewijzen', Verb.actionReassign, { actionId: x.id }),
      ),
    );
  if (v.takeHomeOptions.length)
    out.push(
      showCard(
        'Mee naar huis',
        choiceField(
          'takeHome',
          'Welke inbreng heeft de uitvoerder nodig? De inbrenger wordt om toestemming gevraagd.',
          v.takeHomeOptions.map((o) => ({
            title: clip(`${o.organisation}, ${formatDate(o.createdAt, v.timeZone)}${o.text ? `: ${o.text}` : ''}`, 80),
            value: o.id,
          })),
          {},
          {},
          { multi: true },
        ),
        execute('Vragen', Verb.actionTakeHome, { actionId: x.id }),
      ),
    );
  return out;
}

/** A button that no longer works (an old card, a malformed click): nothing changed, and what to type instead. */
export function staleButtonCard(): AdaptiveCard {
  return card([
    heading('Deze knop werkt niet meer'),
    paragraph(
      'Er is niets gewijzigd. Misschien is de kaart verouderd. Typ "hulp" voor een overzicht, of "agenda" of "mijn acties" voor de actuele stand.',
    ),
  ]);
}

/** "Mijn verslag": the minutes of the cases this person may see, per case. */
export function minutesCard(m: { agenda: AgendaView; items: MinutesItem[] }): AdaptiveCard {
  const tz = m.agenda.table.timeZone;
  const body: Element[] = [
    heading(`Verslag ${m.agenda.table.name}`),
    ...(m.agenda.session.closedAt ? [paragraph('Het overleg is afgerond.', { color: 'Accent' })] : []),
    paragraph(when(m.agenda), { subtle: true }),
    paragraph(
      'Alleen de casussen waarvoor jouw organisatie was uitgenodigd. Neem niets hiervan over in je eigen systemen.',
      { subtle: true },
    ),
    ...(m.items.length
      ? []
      : [paragraph('Jouw organisatie was voor geen van de casussen uitgenodigd.', { subtle: true })]),
  ];
  for (const item of m.items) {
    body.push(subheading(`${item.reference}: ${itemStateLabels[item.state]}`));
    body.push(
      paragraph(item.attendance.length ? `Aanwezig: ${item.attendance.join(', ')}` : 'Aanwezigheid niet vastgelegd.', {
        subtle: true,
      }),
    );
    body.push(
      ...item.contributions
        .slice(-5)
        .map((c) =>
          paragraph(
            `${c.organisation.name}${c.sensitive ? ' (gevoelig)' : ''}: ${clip(c.text, 300)}${conditionNote(c.condition)}`,
          ),
        ),
    );
    if (item.unfinishedFromLastMeeting.length)
      body.push(
        paragraph('**Niet klaar na het vorige overleg**'),
        ...item.unfinishedFromLastMeeting.map((x) => paragraph(actionLine(x))),
      );
    for (const d of item.decisions) body.push(...decisionBlock(d, item.decisions, tz));
    body.push(...item.actions.map((x) => paragraph(actionLine(x))));
    body.push({
      type: 'ActionSet',
      actions: [execute('Open casus', Verb.discussionOpen, { agendaItemId: item.agendaItemId })],
    });
  }
  const refresh = execute('Vernieuwen', Verb.sessionMinutes, { sessionId: m.agenda.session.id });
  // In Teams the verslag refreshes when its reader looks at it: a withdrawn consent (or a new goal) takes the
  // content off a verslag opened before. Answered by our own invoke response (onVerb): no message edit, no storm.
  return card(body, [refresh], { refresh: { action: refresh } });
}

/** In the meeting chat when the Teams meeting ends: offer the chair to close the casusoverleg. */
export function meetingEndedCard(tableName: string, sessionId: string): AdaptiveCard {
  return card(
    [
      heading(tableName),
      paragraph(
        'Het Teams-overleg is afgelopen. Is alles besproken? Dan kan de voorzitter het casusoverleg sluiten; wat niet besproken is, schuift door naar het volgende overleg.',
      ),
    ],
    [closeButton(sessionId)],
  );
}
