import { card, execute, heading, paragraph, type AdaptiveCard } from './adaptive.ts';
import { formErrorSummary, textField, type FieldErrors, type FormValues } from './form.ts';
import { Verb } from './verbs.ts';
import { formatTime } from './labels.ts';

/** `inzage`: look a person up by BSN, or by name and birth date. */
export function inzageSearchCard(values: FormValues = {}, errors: FieldErrors = {}): AdaptiveCard {
  return card(
    [
      heading('Inzage'),
      paragraph(
        'Zoek een persoon op om alles wat over hem of haar is vastgelegd in één document te krijgen (AVG artikel 15). Het maken en ophalen worden vastgelegd in het logboek.',
        { subtle: true },
      ),
      ...formErrorSummary(errors),
      ...textField('bsn', 'BSN', values, errors, { maxLength: 11 }),
      paragraph('Of, zonder BSN:', { subtle: true }),
      ...textField('name', 'Naam', values, errors, { maxLength: 200 }),
      ...textField('birthDate', 'Geboortedatum', values, errors, { placeholder: 'dd-mm-jjjj', maxLength: 10 }),
    ],
    [execute('Document maken', Verb.inzageProduce, {}, { style: 'positive' })],
  );
}

/** The document is ready: a link that works once, for ten minutes. */
/** The link's end in `timeZone`: the network's. */
export function inzageReadyCard(v: { url: string; cases: number; expiresAt: Date; timeZone: string }): AdaptiveCard {
  return card(
    [
      heading('Inzage: document klaar'),
      paragraph(
        v.cases
          ? `De persoon komt voor in ${v.cases === 1 ? 'één casus' : `${v.cases} casussen`}.`
          : 'Over deze persoon is niets vastgelegd; het document zegt dat.',
      ),
      paragraph(
        `De link werkt één keer en tien minuten lang (tot ${formatTime(v.expiresAt, v.timeZone)}). Daarna is het document weg; maak dan een nieuw.`,
        { subtle: true },
      ),
    ],
    [
      { type: 'Action.OpenUrl', title: 'Document openen (PDF)', url: v.url },
      execute('Nieuwe zoekopdracht', Verb.inzageForm),
    ],
  );
}
