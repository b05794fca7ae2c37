import type { ConsentView } from '../src/meetings/consent.repository.ts';
import { card, clip, execute, heading, paragraph, showCard, type AdaptiveCard, type Element } from './adaptive.ts';
import { formErrorSummary, textField, type FieldErrors, type FormValues } from './form.ts';
import { formatDate } from './labels.ts';
import { Verb } from './verbs.ts';
import { personWithOrganisation } from '../src/organisations/person-label.ts';

/** The steps of a consent's history, in Dutch. */
const historyLabels: Record<ConsentView['state'], string> = {
  requested: 'gevraagd',
  granted: 'toestemming gegeven',
  grantedWithCondition: 'toestemming onder voorwaarde',
  refused: 'geen toestemming',
  withdrawn: 'ingetrokken',
};
const maxHistoryShown = 6;

/**
 * A request for consent: for the contributing organisation, with its own contribution and the buttons to
 * answer or withdraw; for the asking organisation, the answer (and the content once allowed).
 */
export function consentCard(
  c: ConsentView,
  mayAnswer: boolean,
  /** Where its days are shown: the network's timezone. */
  timeZone: string,
  notice?: string,
  errors: FieldErrors = {},
  values: FormValues = {},
): AdaptiveCard {
  const body: Element[] = [
    heading('Toestemming voor inbreng'),
    ...(notice ? [paragraph(notice, { color: 'Accent' })] : []),
    ...formErrorSummary(errors),
  ];
  const about = `${c.contribution.organisationName}, ${formatDate(c.contribution.createdAt, timeZone)}${c.contribution.sensitive ? ' (gevoelig)' : ''}`;
  if (mayAnswer) {
    body.push(
      paragraph(
        c.requestedBy.organisationId === c.organisation.id
          ? `${personWithOrganisation(c.requestedBy.name, c.organisation.name)} vraagt of ${c.organisation.name} deze inbreng van jouw organisatie buiten het overleg mag gebruiken:`
          : `${c.requestedBy.name} vraagt namens ${c.organisation.name} (voor een afgesproken actie) of zij deze inbreng van jouw organisatie mogen gebruiken:`,
      ),
      ...(c.contribution.text
        ? [paragraph(`"${clip(c.contribution.text, 600)}" · ${about}`)]
        : [paragraph('Kies "Vernieuwen" om de inbreng te lezen.', { subtle: true })]),
    );
  } else {
    body.push(
      paragraph(
        `Jouw vraag aan ${c.contribution.organisationName} om hun inbreng van ${formatDate(c.contribution.createdAt, timeZone)} te gebruiken.`,
      ),
    );
  }
  const answered = c.answeredAt ? ` · ${c.answeredBy?.name ?? ''}, ${formatDate(c.answeredAt, timeZone)}` : '';
  // Consent given, but the goal changed since: the card does not say "gegeven" for content it no longer shows.
  const goalChanged =
    !mayAnswer && (c.state === 'granted' || c.state === 'grantedWithCondition') && c.contribution.reassessment;
  const stateText = {
    requested: mayAnswer ? 'Nog niet beantwoord.' : `${c.contribution.organisationName} heeft nog niet geantwoord.`,
    granted: `Toestemming gegeven${answered}.`,
    grantedWithCondition: `Toestemming gegeven onder voorwaarde: ${c.condition ?? ''}${answered}.`,
    refused: `Geen toestemming${answered}.`,
    withdrawn: `Toestemming ingetrokken${answered}.`,
  }[c.state];
  if (goalChanged)
    body.push(
      paragraph(
        c.contribution.reassessment === 'pending'
          ? `Het doel van de casus is gewijzigd: ${c.contribution.organisationName} beoordeelt opnieuw of deze inbreng nog nodig is. Tot dan zie je hem niet, ook niet met de eerder gegeven toestemming.`
          : `Het doel van de casus is gewijzigd en ${c.contribution.organisationName} heeft deze inbreng ingetrokken. De eerder gegeven toestemming geldt niet meer.`,
        { color: c.contribution.reassessment === 'pending' ? 'Warning' : 'Attention' },
      ),
    );
  else
    body.push(
      paragraph(
        stateText,
        c.state === 'granted' || c.state === 'grantedWithCondition'
          ? {}
          : { color: c.state === 'requested' ? 'Warning' : 'Attention' },
      ),
    );
  if (c.history.length)
    body.push(
      paragraph(
        `Eerder: ${c.history
          .slice(-maxHistoryShown)
          .map(
            (h) =>
              `${historyLabels[h.state]}${h.condition ? ` (voorwaarde: ${clip(h.condition, 120)})` : ''} · ${h.by}, ${formatDate(h.at, timeZone)}`,
          )
          .join('; ')}.`,
        { subtle: true },
      ),
    );
  if (!mayAnswer && c.contribution.text) body.push(paragraph(`"${clip(c.contribution.text, 600)}" · ${about}`));
  if (!mayAnswer && (c.state === 'refused' || c.state === 'withdrawn'))
    body.push(
      paragraph(`Neem voor deze informatie rechtstreeks contact op met ${c.contribution.organisationName}.`, {
        subtle: true,
      }),
    );
  const actions: Element[] = [];
  if (mayAnswer && c.state === 'requested') {
    actions.push(
      execute('Ja', Verb.consentAnswer, { consentId: c.id, answer: 'yes' }, { style: 'positive' }),
      execute('Nee', Verb.consentAnswer, { consentId: c.id, answer: 'no' }),
      showCard(
        'Ja, onder voorwaarde',
        textField('condition', 'Voorwaarde', values, errors, { required: true, multiline: true, maxLength: 500 }),
        execute('Toestemming geven', Verb.consentAnswer, { consentId: c.id, answer: 'yesWithCondition' }),
      ),
    );
  }
  if (mayAnswer && (c.state === 'granted' || c.state === 'grantedWithCondition'))
    actions.push(execute('Toestemming intrekken', Verb.consentWithdraw, { consentId: c.id }, { style: 'destructive' }));
  const refresh = execute('Vernieuwen', Verb.consentShow, { consentId: c.id });
  actions.push(refresh);
  // In Teams the card refreshes when its reader looks at it: a withdrawal reaches a card opened while consent held.
  // The answer is our own invoke response (onVerb in bot/teams/routes.ts): no edit of the message, no refresh storm.
  return card(body, actions, { refresh: { action: refresh } });
}
