import { randomUUID } from 'node:crypto';
import type { CaseOverview } from '../src/lifecycle/regie.ts';
import type { FollowedCase } from '../src/lifecycle/followed-case.repository.ts';
import type { InformingDue } from '../src/lifecycle/informing.repository.ts';
import type { ProposalView } from '../src/lifecycle/proposal.repository.ts';
import { caseOutcomes, goalAnswers } from '../src/lifecycle/lifecycle.types.ts';
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
  formatDate,
  formatIsoDate,
  formatSession,
  goalAnswerLabels,
  outcomeLabels,
  regieKindLabels,
  caseStatusLabel,
} from './labels.ts';
import { actionRows } from './meeting.card.ts';
import { Verb } from './verbs.ts';
import { personWithOrganisation } from '../src/organisations/person-label.ts';

/** The forms of a followed case; each unfolds on the case card and comes back on its own with errors. */
export type RegieForm = 'backOnAgenda' | 'progress' | 'propose' | 'changeDirector' | 'evaluate' | 'inform';

export interface RegieFormContext {
  caseId: string;
  reference: string;
  /** The procesmanager applies a transition at once; a regisseur proposes it. */
  manager: boolean;
  status: CaseOverview['case']['status'];
  candidates: { id: string; name: string; organisationName: string }[];
}

const formTitles: Record<RegieForm, string> = {
  backOnAgenda: 'Terug op de agenda',
  progress: 'Voortgang melden',
  propose: 'Schaduwlijst of afsluiten',
  changeDirector: 'Regisseur wijzigen',
  evaluate: 'Evalueren',
  inform: 'Informeren vastleggen',
};

const formVerbs: Record<RegieForm, string> = {
  backOnAgenda: Verb.regieBackOnAgenda,
  progress: Verb.regieProgress,
  propose: Verb.regiePropose,
  changeDirector: Verb.regieChangeDirector,
  evaluate: Verb.evaluationSubmit,
  inform: Verb.informingRecord,
};

function formFields(form: RegieForm, ctx: RegieFormContext, values: FormValues, errors: FieldErrors): Element[] {
  switch (form) {
    case 'backOnAgenda':
      return [
        ...textField('date', 'Vanaf datum (leeg: het eerstvolgende overleg met ruimte)', values, errors, {
          placeholder: 'dd-mm-jjjj',
          maxLength: 10,
        }),
        ...textField('reason', 'Waarom moet de casus terug op de agenda?', values, errors, {
          required: true,
          multiline: true,
          maxLength: 500,
        }),
      ];
    case 'progress':
      return [
        ...textField('text', 'Hoe gaat het? (zichtbaar voor de betrokken organisaties)', values, errors, {
          required: true,
          multiline: true,
          maxLength: 1000,
        }),
      ];
    case 'propose': {
      const kinds =
        ctx.status === 'accepted'
          ? [{ title: 'Naar de schaduwlijst (na zes maanden terug op de agenda)', value: 'shadowList' }]
          : [];
      return [
        paragraph(
          ctx.manager ? 'Als procesmanager voer je dit meteen uit.' : 'De procesmanager beslist over je voorstel.',
          { subtle: true },
        ),
        ...choiceField('kind', 'Voorstel', [...kinds, { title: 'Afsluiten', value: 'closure' }], values, errors, {
          expanded: true,
        }),
        ...choiceField(
          'outcome',
          'Uitkomst (bij afsluiten)',
          caseOutcomes.map((o) => ({ title: outcomeLabels[o], value: o })),
          values,
          errors,
          { required: false, placeholder: 'Hoe is de casus geëindigd?' },
        ),
        ...textField('note', 'Toelichting', values, errors, { multiline: true, maxLength: 1000 }),
      ];
    }
    case 'changeDirector':
      return ctx.candidates.length
        ? choiceField(
            'directorMemberId',
            'Nieuwe casusregisseur',
            ctx.candidates.map((c) => ({
              title: personWithOrganisation(clip(c.name, 40), c.organisationName),
              value: c.id,
            })),
            values,
            errors,
            { placeholder: 'Kies de casusregisseur' },
          )
        : [paragraph('Niemand van de betrokken organisaties is als lid geregistreerd.', { color: 'Attention' })];
    case 'inform':
      return [
        paragraph(
          'De betrokkene hoeft geen toestemming te geven voor de bespreking, maar moet er wel over worden geïnformeerd.',
          { subtle: true },
        ),
        ...textField('informedOn', 'Geïnformeerd op', values, errors, { placeholder: 'dd-mm-jjjj', maxLength: 10 }),
        ...textField('reason', 'Nog niet geïnformeerd, omdat', values, errors, { multiline: true, maxLength: 500 }),
        ...(ctx.manager && ctx.candidates.length
          ? choiceField(
              'informerMemberId',
              'Wie informeert (afgesproken in het overleg)',
              ctx.candidates.map((c) => ({
                title: personWithOrganisation(clip(c.name, 40), c.organisationName),
                value: c.id,
              })),
              values,
              errors,
              { required: false, placeholder: 'Laat staan wie het nu doet' },
            )
          : []),
      ];
    case 'evaluate':
      return [
        paragraph(
          'Schrijf geen namen of andere persoonsgegevens: de evaluatie gaat over de aanpak, niet over de persoon.',
          { subtle: true },
        ),
        ...choiceField(
          'goalReached',
          'Is het doel bereikt?',
          goalAnswers.map((g) => ({ title: goalAnswerLabels[g], value: g })),
          values,
          errors,
          { expanded: true },
        ),
        ...choiceField(
          'cooperation',
          'Hoe verliep de samenwerking? (1 = slecht, 5 = uitstekend)',
          ['1', '2', '3', '4', '5'].map((n) => ({ title: n, value: n })),
          values,
          errors,
          { expanded: true },
        ),
        ...textField('wentWell', 'Wat ging goed?', values, errors, { multiline: true, maxLength: 1000 }),
        ...textField('couldBeBetter', 'Wat kan beter?', values, errors, { multiline: true, maxLength: 1000 }),
      ];
  }
}

const submitOf = (form: RegieForm, ctx: RegieFormContext) =>
  execute(
    form === 'propose' && ctx.manager ? 'Uitvoeren' : form === 'propose' ? 'Voorstellen' : 'Opslaan',
    formVerbs[form],
    { caseId: ctx.caseId, submissionId: randomUUID() },
    { style: 'positive' },
  );

/** A regie form on its own, with the values kept and a Dutch message at each wrong field. */
export function regieFormCard(
  form: RegieForm,
  ctx: RegieFormContext,
  values: FormValues,
  errors: FieldErrors,
): AdaptiveCard {
  return card(
    [
      heading(`${formTitles[form]}: ${ctx.reference}`),
      ...formErrorSummary(errors),
      ...formFields(form, ctx, values, errors),
    ],
    [submitOf(form, ctx), execute('Terug naar de casus', Verb.caseOverview, { caseId: ctx.caseId })],
  );
}

const unfold = (form: RegieForm, ctx: RegieFormContext) =>
  showCard(formTitles[form], formFields(form, ctx, {}, {}), submitOf(form, ctx));

function followedLine(c: FollowedCase): string {
  const parts = [`**${c.reference}**`, caseStatusLabel(c.status, !!c.directorName), c.table.name];
  if (c.nextSessionAt) parts.push(`volgende bespreking ${formatSession(c.nextSessionAt, c.table.timeZone)}`);
  if (c.shadowReturnDate) parts.push(`terug op de agenda vanaf ${formatIsoDate(c.shadowReturnDate)}`);
  return parts.join(' · ');
}

/** How many cases a list card shows: beyond it a line says there are more (the card must stay under 24 KB). */
export const maxListedCases = 25;
const maxActionsShown = 8;
const moreLine = (items: unknown[]): Element[] =>
  items.length > maxListedCases
    ? [paragraph(`Er zijn er meer dan ${maxListedCases}. Open een casus met "casus ZVH-…".`, { subtle: true })]
    : [];

/** `mijn casussen`: the cases I direct, with goal, open and overdue actions, and the next meeting. */
export function myCasesCard(items: FollowedCase[]): AdaptiveCard {
  if (!items.length)
    return card([heading('Mijn casussen'), paragraph('Je bent van geen lopende casus casusregisseur.')]);
  const body: Element[] = [
    heading('Mijn casussen'),
    paragraph('De casussen waarvan jij casusregisseur bent.', { subtle: true }),
  ];
  for (const c of items.slice(0, maxListedCases)) {
    body.push(
      paragraph(followedLine(c)),
      ...(c.goal ? [paragraph(`Doel: ${clip(c.goal, 200)}`)] : []),
      paragraph(
        `${c.openActions} open ${c.openActions === 1 ? 'actie' : 'acties'}${c.overdueActions ? `, waarvan ${c.overdueActions} over tijd` : ''}`,
        c.overdueActions ? { color: 'Attention' } : { subtle: true },
      ),
      { type: 'ActionSet', actions: [execute('Openen', Verb.caseOverview, { caseId: c.id })] },
    );
  }
  return card([...body, ...moreLine(items)]);
}

/** `schaduwlijst`: what is on it and when it comes back. Only references, tables and dates. */
export function shadowListCard(items: FollowedCase[], scope: 'all' | 'mine'): AdaptiveCard {
  const intro =
    scope === 'all'
      ? 'Alle casussen op de schaduwlijst.'
      : 'De casussen op de schaduwlijst waarvan jij casusregisseur bent.';
  if (!items.length)
    return card([
      heading('Schaduwlijst'),
      paragraph(
        scope === 'all' ? 'Er staat geen casus op de schaduwlijst.' : 'Er staat geen casus van jou op de schaduwlijst.',
      ),
    ]);
  const body: Element[] = [heading('Schaduwlijst'), paragraph(intro, { subtle: true })];
  for (const c of items.slice(0, maxListedCases)) {
    body.push(
      paragraph(`**${c.reference}** · ${c.table.name}${c.directorName ? ` · regisseur ${c.directorName}` : ''}`),
      paragraph(
        `Op de lijst sinds ${c.shadowListedAt ? formatDate(c.shadowListedAt, c.table.timeZone) : '?'} · terug op de agenda vanaf ${c.shadowReturnDate ? formatIsoDate(c.shadowReturnDate) : '?'}`,
        { subtle: true },
      ),
      { type: 'ActionSet', actions: [execute('Openen', Verb.caseOverview, { caseId: c.id })] },
    );
  }
  return card([...body, ...moreLine(items)]);
}

/** A followed case for one person: what they may read of it, and the buttons they may use. */
export function caseOverviewCard(
  v: CaseOverview,
  notice?: { text: string; color?: 'Accent' | 'Attention' | 'Warning' },
): AdaptiveCard {
  const c = v.case;
  const ctx: RegieFormContext = {
    caseId: c.id,
    reference: c.reference,
    manager: v.may.manage,
    status: c.status,
    candidates: v.directorCandidates.map((m) => ({
      id: m.id,
      name: m.displayName,
      organisationName: m.organisationName,
    })),
  };
  const rows: [string, string][] = [
    ['Stand', caseStatusLabel(c.status, !!c.director)],
    ['Tafel', c.tableName],
    ['Casusregisseur', c.director?.name ?? 'nog niet benoemd'],
  ];
  if (c.goal) rows.push(['Doel', clip(c.goal, 300)]);
  if (v.nextSessionAt) rows.push(['Volgende bespreking', formatSession(v.nextSessionAt, c.timeZone)]);
  rows.push(['Betrokkene geïnformeerd', informingLine(v.informing)]);
  if (c.status === 'shadowList' && c.shadowReturnDate)
    rows.push(['Terug op de agenda vanaf', formatIsoDate(c.shadowReturnDate)]);
  if (c.status === 'closed' && c.closedAt)
    rows.push(
      ['Afgesloten op', formatDate(c.closedAt, c.timeZone)],
      ...(c.outcome ? [['Uitkomst', outcomeLabels[c.outcome]] as [string, string]] : []),
    );
  const body: Element[] = [
    heading(`Casus ${c.reference}${c.firstPersonName ? ` · ${c.firstPersonName}` : ''}`),
    ...(notice ? [paragraph(notice.text, { color: notice.color ?? 'Accent' })] : []),
    facts(rows),
  ];
  if (v.openProposal) {
    const p = v.openProposal;
    body.push(
      paragraph(
        `Voorstel van ${p.proposedBy.name}: ${p.kind === 'shadowList' ? 'naar de schaduwlijst' : `afsluiten (${p.outcome ? outcomeLabels[p.outcome] : ''})`}. De procesmanager beslist.`,
        { color: 'Warning' },
      ),
    );
    if (v.may.manage)
      body.push({
        type: 'ActionSet',
        actions: [execute('Voorstel bekijken', Verb.proposalShow, { proposalId: p.id })],
      });
  }
  const open = v.actions.filter((a) => a.state === 'open' || a.state === 'claimed');
  body.push(
    subheading(`Acties (${open.length} open)`),
    ...(v.actions.length
      ? actionRows(v.actions.slice(0, maxActionsShown))
      : [paragraph('Geen acties.', { subtle: true })]),
  );
  if (v.actions.length > maxActionsShown)
    body.push(
      paragraph(
        `En nog ${v.actions.length - maxActionsShown} eerdere acties; je eigen open acties staan onder "mijn acties".`,
        { subtle: true },
      ),
    );
  body.push(
    subheading('Regie'),
    ...(v.updates.length
      ? v.updates.map((u) =>
          paragraph(
            `${formatDate(u.at, c.timeZone)} · **${regieKindLabels[u.kind]}**${u.author ? ` · ${personWithOrganisation(u.author.name, u.author.organisationName)}` : ''}${u.text ? `: ${clip(u.text, 300)}` : ''}`,
          ),
        )
      : [paragraph('Nog geen voortgang gemeld.', { subtle: true })]),
  );
  if (c.status === 'closed') {
    body.push(subheading('Evaluatie'));
    for (const e of v.evaluations) {
      body.push(
        paragraph(
          `**${e.organisationName}** (${e.member.name}): doel bereikt: ${goalAnswerLabels[e.goalReached]} · samenwerking ${e.cooperation}/5${e.wentWell ? ` · goed: ${clip(e.wentWell, 200)}` : ''}${e.couldBeBetter ? ` · beter: ${clip(e.couldBeBetter, 200)}` : ''}`,
        ),
      );
    }
    if (v.missingEvaluations.length)
      body.push(
        paragraph(
          `Nog geen evaluatie van: ${v.missingEvaluations.join(', ')}${c.evaluationRemindedAt ? ' (herinnering verstuurd)' : ''}.`,
          { color: 'Warning' },
        ),
      );
    if (!v.evaluations.length && !v.missingEvaluations.length)
      body.push(
        paragraph(v.may.evaluate ? 'Jouw organisatie heeft nog niet geëvalueerd.' : 'Geen evaluaties om te tonen.', {
          subtle: true,
        }),
      );
  }
  const actions: Element[] = [];
  if (v.may.pullBack) actions.push(execute('Terughalen van de schaduwlijst', Verb.regiePullBack, { caseId: c.id }));
  if (v.may.direct && c.status === 'accepted') actions.push(unfold('backOnAgenda', ctx));
  if (v.may.direct) actions.push(unfold('progress', ctx));
  if (v.may.direct && !v.openProposal) actions.push(unfold('propose', ctx));
  if (v.may.manage && ctx.candidates.length) actions.push(unfold('changeDirector', ctx));
  if (v.may.evaluate) actions.push(unfold('evaluate', ctx));
  if (v.may.inform && !v.informing.informedOn) actions.push(unfold('inform', ctx));
  if (v.may.remind) actions.push(execute('Herinnering sturen', Verb.evaluationRemind, { caseId: c.id }));
  return card(body, actions);
}

/** Whether the person was informed, as whole sentences: "Nog niet. Sharon Frans informeert de betrokkene." */
function informingLine(i: CaseOverview['informing']): string {
  if (i.informedOn) return `Ja, op ${formatIsoDate(i.informedOn)}${i.informerName ? ` door ${i.informerName}` : ''}.`;
  return [
    'Nog niet.',
    i.informerName ? `${i.informerName} informeert de betrokkene.` : '',
    i.reason ? `Waarom nog niet: ${clip(i.reason, 200).replace(/[.!?]*$/, '.')}` : '',
    i.overdue ? 'De termijn is verstreken.' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** `informeren`: for the procesmanager the cases where informing the person is overdue; for others, their own to do. */
/** The days in `timeZone`: the network's. */
export function informingDueCard(v: { overdueOnly: boolean; cases: InformingDue[] }, timeZone: string): AdaptiveCard {
  const title = v.overdueOnly
    ? 'Betrokkene nog niet geïnformeerd (termijn verstreken)'
    : 'Betrokkenen die jij nog informeert';
  if (!v.cases.length)
    return card([
      heading(title),
      paragraph(
        v.overdueOnly ? 'Bij geen enkele casus is de termijn verstreken.' : 'Je hoeft niemand meer te informeren.',
      ),
    ]);
  const body: Element[] = [heading(title)];
  for (const c of v.cases.slice(0, maxListedCases)) {
    body.push(
      paragraph(
        `**${c.reference}**${c.informerName ? ` · informeert: ${c.informerName}` : ''}${c.acceptedAt ? ` · geaccepteerd ${formatDate(c.acceptedAt, timeZone)}` : ''}${c.reason ? ` · nog niet omdat: ${clip(c.reason, 200)}` : ''}`,
      ),
      { type: 'ActionSet', actions: [execute('Openen', Verb.caseOverview, { caseId: c.id })] },
    );
  }
  return card([...body, ...moreLine(v.cases)]);
}

/** A proposal of the regisseur, for the procesmanager (approve or decline) or its proposer (how it went). */
export function proposalCard(
  p: ProposalView,
  reference: string,
  viewer: 'manager' | 'proposer',
  /** The case's table's timezone, or the network's. */
  timeZone: string,
  notice?: string,
): AdaptiveCard {
  const what =
    p.kind === 'shadowList'
      ? 'naar de schaduwlijst'
      : `afsluiten, uitkomst: ${p.outcome ? outcomeLabels[p.outcome].toLowerCase() : '?'}`;
  const body: Element[] = [
    heading(`Voorstel voor ${reference}`),
    ...(notice ? [paragraph(notice, { color: 'Warning' })] : []),
    paragraph(`${p.proposedBy.name} stelt voor: ${what}.`),
    ...(p.note ? [paragraph(`Toelichting: ${clip(p.note, 500)}`)] : []),
  ];
  if (p.decidedAt) {
    body.push(
      paragraph(
        p.approved === undefined
          ? 'Dit voorstel is vervallen: de casus is intussen anders verder gegaan.'
          : `${p.approved ? 'Goedgekeurd' : 'Afgewezen'} door ${p.decidedBy?.name ?? 'de procesmanager'} op ${formatDate(p.decidedAt, timeZone)}.`,
        p.approved ? {} : { color: 'Warning' },
      ),
    );
    return card(body, [execute('Casus openen', Verb.caseOverview, { caseId: p.caseId })]);
  }
  if (viewer === 'proposer')
    return card(
      [...body, paragraph('De procesmanager beslist nog.', { subtle: true })],
      [execute('Casus openen', Verb.caseOverview, { caseId: p.caseId })],
    );
  return card(body, [
    execute('Goedkeuren', Verb.proposalDecide, { proposalId: p.id, approve: true }, { style: 'positive' }),
    execute('Afwijzen', Verb.proposalDecide, { proposalId: p.id, approve: false }),
    execute('Casus openen', Verb.caseOverview, { caseId: p.caseId }),
  ]);
}

/** A reference whose personal data were deleted after the retention period. */
export function deletedCaseCard(reference: string, deletedAt: Date, timeZone: string): AdaptiveCard {
  return card([
    heading(`Casus ${reference}`),
    paragraph(
      `Verwijderd op ${formatDate(deletedAt, timeZone)}: de bewaartermijn was verstreken. Er zijn geen gegevens meer over deze casus; alleen anonieme cijfers en het logboek (zonder persoonsgegevens) blijven bewaard.`,
    ),
  ]);
}

/** Any short answer about a followed case that needs no more than a line and a way back. */
export function regieNoticeCard(
  caseId: string,
  reference: string,
  text: string,
  color: 'Accent' | 'Attention' | 'Warning' = 'Accent',
): AdaptiveCard {
  return card(
    [heading(`Casus ${reference}`), paragraph(text, { color })],
    [execute('Casus openen', Verb.caseOverview, { caseId })],
  );
}
