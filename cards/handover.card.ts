import { randomUUID } from 'node:crypto';
import type { HandoverFormContext, HandoverRole } from '../src/lifecycle/handover.ts';
import type { HandoverView } from '../src/lifecycle/handover.repository.ts';
import {
  card,
  clip,
  execute,
  facts,
  heading,
  paragraph,
  subheading,
  type AdaptiveCard,
  type Element,
} from './adaptive.ts';
import { choiceField, formErrorSummary, textField, type FieldErrors, type FormValues } from './form.ts';
import { formatDate } from './labels.ts';
import { Verb } from './verbs.ts';
import { personWithOrganisation } from '../src/organisations/person-label.ts';

const maxItems = 10;

/** The handover checklist (spelregels): where to, why, for what, who registers, who informs, and per contribution what goes along. */
export function handoverFormCard(
  ctx: HandoverFormContext,
  values: FormValues = {},
  errors: FieldErrors = {},
): AdaptiveCard {
  const body: Element[] = [
    heading(`Overdragen: ${ctx.reference}`),
    paragraph(
      'Gegevens gaan alleen mee met toestemming van de organisatie die ze inbracht. Gevoelige inbreng kun je achterhouden of vervangen door "neem contact op met de inbrenger".',
      { subtle: true },
    ),
    ...formErrorSummary(errors),
    ...choiceField(
      'target',
      'Aan welke tafel of welk gremium',
      [...ctx.tables.map((t) => ({ title: t.name, value: t.id })), { title: 'Een extern gremium', value: 'external' }],
      values,
      errors,
      { placeholder: 'Kies' },
    ),
    ...textField('externalName', 'Naam van het externe gremium', values, errors, { maxLength: 200 }),
    ...textField('necessity', 'Waarom is overdracht nodig?', values, errors, {
      required: true,
      multiline: true,
      maxLength: 1000,
    }),
    ...textField('purpose', 'Met welk doel?', values, errors, { required: true, multiline: true, maxLength: 1000 }),
    ...choiceField(
      'registeringOrganisationId',
      'Welke partner meldt de casus daar aan?',
      ctx.organisations.map((o) => ({ title: o.name, value: o.id })),
      values,
      errors,
      { placeholder: 'Kies een partner' },
    ),
    ...choiceField(
      'informerMemberId',
      'Wie informeert de betrokkene?',
      ctx.informers.map((m) => ({
        title: personWithOrganisation(clip(m.displayName, 40), m.organisationName),
        value: m.id,
      })),
      values,
      errors,
      { placeholder: 'Kies wie' },
    ),
    subheading('Welke inbreng gaat mee?'),
  ];
  if (!ctx.contributions.length) body.push(paragraph('Er is geen inbreng.', { subtle: true }));
  for (const x of ctx.contributions.slice(-maxItems)) {
    body.push(
      ...choiceField(
        `item_${x.id}`,
        `${x.organisation}${x.sensitive ? ' (gevoelig)' : ''}: ${x.text ? clip(x.text, 150) : 'inhoud alleen voor de inbrenger'}`,
        [
          { title: 'Meegeven (met toestemming)', value: 'include' },
          { title: 'Niet meegeven', value: 'keepBack' },
          { title: 'Neem contact op met de inbrenger', value: 'contactDirectly' },
        ],
        { [`item_${x.id}`]: values[`item_${x.id}`] ?? (x.sensitive ? 'contactDirectly' : 'keepBack') },
        errors,
        { required: false },
      ),
    );
  }
  return card(body, [
    execute(
      'Overdracht voorbereiden',
      Verb.handoverStart,
      { caseId: ctx.caseId, submissionId: randomUUID() },
      { style: 'positive' },
    ),
  ]);
}

const consentLabel = {
  requested: 'toestemming gevraagd',
  granted: 'toestemming gegeven',
  refused: 'geen toestemming',
} as const;
const choiceLabel = {
  include: 'gaat mee',
  keepBack: 'blijft achter',
  contactDirectly: 'contact met de inbrenger',
} as const;

/** A handover as its reader may see it: the whole checklist, a contributor's own items to answer, or what the receiving side gets. */
export function handoverCard(
  h: HandoverView,
  role: HandoverRole,
  /** Where its days are shown: the network's timezone. */
  timeZone: string,
  notice?: string,
  options: { contentHidden?: boolean } = {},
): AdaptiveCard {
  const body: Element[] = [
    heading(`Overdracht ${h.reference} aan ${h.targetName}`),
    ...(notice ? [paragraph(notice, { color: 'Accent' })] : []),
    facts([
      ['Noodzaak', clip(h.necessity, 300)],
      ['Doel', clip(h.purpose, 300)],
      ['Meldt aan', h.registeringOrganisation.name],
      ['Informeert de betrokkene', h.informer?.name ?? 'nog niemand aangewezen'],
      ['Stand', h.completedAt ? `afgerond op ${formatDate(h.completedAt, timeZone)}` : 'in voorbereiding'],
    ]),
    subheading(
      role === 'receiver' ? 'Wat meegaat' : role === 'contributor' ? 'Jullie inbreng die mee zou gaan' : 'Inbreng',
    ),
  ];
  const actions: Element[] = [];
  // A card pushed unasked names the organisations, not what they said: "Vernieuwen" shows it to whoever may read it.
  const items = options.contentHidden ? h.items.map((i) => ({ ...i, text: '' })) : h.items;
  for (const i of role === 'receiver' && options.contentHidden ? [] : items.slice(0, maxItems)) {
    if (role === 'receiver') {
      body.push(
        paragraph(
          i.choice === 'include'
            ? `**${i.organisation.name}**: ${clip(i.text, 500)}`
            : `**${i.organisation.name}** heeft informatie: neem rechtstreeks contact op met ${i.organisation.name}.`,
        ),
      );
      continue;
    }
    body.push(
      paragraph(
        `**${i.organisation.name}**${i.sensitive ? ' (gevoelig)' : ''} · ${choiceLabel[i.choice]}${i.consent ? ` · ${consentLabel[i.consent]}` : ''}${i.text ? `: ${clip(i.text, 200)}` : ''}`,
      ),
    );
    if (role === 'contributor' && i.consent === 'requested') {
      body.push({
        type: 'ActionSet',
        actions: [
          execute(
            'Mag mee',
            Verb.handoverAnswer,
            { handoverId: h.id, contributionId: i.contributionId, granted: true },
            { style: 'positive' },
          ),
          execute('Niet meegeven', Verb.handoverAnswer, {
            handoverId: h.id,
            contributionId: i.contributionId,
            granted: false,
          }),
        ],
      });
    }
  }
  if (role === 'receiver' && options.contentHidden)
    body.push(paragraph('Kies "Vernieuwen" om te lezen wat er mee mag.', { subtle: true }));
  else if (!h.items.length)
    body.push(paragraph(role === 'receiver' ? 'Er gaat geen inbreng mee.' : 'Geen inbreng.', { subtle: true }));
  if (role === 'manager' && !h.completedAt) {
    const waiting = h.items.filter((i) => i.consent === 'requested').length;
    body.push(
      paragraph(
        waiting
          ? `Nog ${waiting} ${waiting === 1 ? 'antwoord' : 'antwoorden'} van inbrengers nodig.`
          : 'Alle inbrengers hebben geantwoord.',
        { subtle: true },
      ),
    );
    if (!waiting)
      actions.push(execute('Overdracht afronden', Verb.handoverComplete, { handoverId: h.id }, { style: 'positive' }));
  }
  actions.push(execute('Vernieuwen', Verb.handoverShow, { handoverId: h.id }));
  return card(body, actions);
}
