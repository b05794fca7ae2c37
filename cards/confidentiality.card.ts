import type { StatementView } from '../src/members/confidentiality.ts';
import { card, execute, heading, paragraph, subheading, type AdaptiveCard, type Element } from './adaptive.ts';
import { formErrorSummary, textField, type FieldErrors, type FormValues } from './form.ts';
import { formatDate } from './labels.ts';
import { Verb } from './verbs.ts';

export interface StatementCardView {
  statement?: StatementView;
  /** An incidentele deelnemer or guest who has not accepted this version yet. */
  mustAccept: boolean;
  /** The procesmanager: edits the text (every save is a new version). */
  mayEdit: boolean;
  /** The case content they asked for waits for their acceptance. */
  refused?: boolean;
  notice?: string;
  values?: FormValues;
  errors?: FieldErrors;
}

/** The geheimhoudingsverklaring: its text and version, *Ik ga akkoord* for whoever must accept it, the editor for the procesmanager. */
export function statementCard(view: StatementCardView, timeZone: string): AdaptiveCard {
  const { statement } = view;
  const body: Element[] = [heading('Geheimhoudingsverklaring')];
  if (view.notice) body.push(paragraph(view.notice, { color: 'Accent' }));
  if (view.refused)
    body.push(
      paragraph(
        'Je bent incidentele deelnemer of gast. Je ziet de inhoud van casussen pas als je de geheimhoudingsverklaring hebt aanvaard; tot dan zie je alleen kenmerken.',
        { color: 'Warning' },
      ),
    );
  if (statement) {
    body.push(
      paragraph(`Versie ${statement.version}, vastgesteld op ${formatDate(statement.createdAt, timeZone)}.`, {
        subtle: true,
      }),
    );
    body.push(paragraph(statement.text));
  } else
    body.push(paragraph('De procesmanager heeft nog geen geheimhoudingsverklaring vastgesteld.', { subtle: true }));
  if (view.mustAccept && !view.refused)
    body.push(paragraph('Tot je deze verklaring aanvaardt, zie je van casussen alleen het kenmerk.', { subtle: true }));
  if (view.mustAccept && !statement)
    body.push(paragraph('Vraag de procesmanager de verklaring vast te stellen; daarna kun je hem aanvaarden.'));
  const actions: Element[] =
    view.mustAccept && statement
      ? [execute('Ik ga akkoord', Verb.statementAccept, { statementId: statement.id }, { style: 'positive' })]
      : [];
  if (view.mayEdit) {
    const values = view.values ?? (statement ? { text: statement.text } : {});
    body.push(
      subheading('Tekst wijzigen'),
      paragraph(
        'Opslaan maakt een nieuwe versie. Wie een oudere versie aanvaardde, moet de nieuwe opnieuw aanvaarden.',
        {
          subtle: true,
        },
      ),
      ...formErrorSummary(view.errors ?? {}),
      ...textField('text', 'Tekst van de verklaring', values, view.errors ?? {}, {
        required: true,
        multiline: true,
        maxLength: 4000,
      }),
    );
    actions.push(execute('Opslaan als nieuwe versie', Verb.statementSave));
  }
  return card(body, actions);
}

/** After *Ik ga akkoord*: which version, and when. */
export function statementAcceptedCard(statement: StatementView, acceptedAt: Date, timeZone: string): AdaptiveCard {
  return card([
    heading('Verklaring aanvaard'),
    paragraph(
      `Je hebt versie ${statement.version} van de geheimhoudingsverklaring aanvaard op ${formatDate(acceptedAt, timeZone)}. Open de casus opnieuw om de inhoud te zien.`,
      { color: 'Accent' },
    ),
  ]);
}
