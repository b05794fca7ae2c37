import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { myReferralsCard, referralOutcomeCard } from '../../cards/cases.card.ts';
import { Command } from '../../cards/commands.ts';
import type { FieldErrors, FormValues } from '../../cards/form.ts';
import { formatDate } from '../../cards/labels.ts';
import { referralFormCard, referralSubmittedCard } from '../../cards/referral.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { listMyReferrals } from '../../src/cases/view-cases.ts';
import { referralFormOptions } from '../../src/referrals/referral-form.ts';
import { ReferralField, pickFormValues } from '../../src/referrals/referral-form.rules.ts';
import {
  findEditableCase,
  maxOpenDrafts,
  referralOutcome,
  saveReferralDraft,
  submitReferral,
} from '../../src/referrals/submit-referral.ts';
import type { BotDeps } from '../deps.ts';
import { flag, id, onVerb, optionalId, registerCommand } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

interface FormOptions {
  caseId?: string;
  submissionId?: string;
  warning?: string;
  values?: FormValues;
  errors?: FieldErrors;
  notice?: string;
  question?: string;
  /** A form opened afresh (new, or a draft resumed): the author's own phone and e-mail are filled in where empty. */
  prefill?: boolean;
}

/** `referral.*`: the intake form (`aanmelden`), drafts, submitting, and `mijn aanmeldingen`. */
export function registerReferrals(app: Application<TurnState>, deps: BotDeps): void {
  const form = async (context: TurnContext, { prefill, ...options }: FormOptions) => {
    const { forExternal, partners, ownContact } = await referralFormOptions(deps, actorOf(context));
    const values = options.values ?? {};
    const typed = values[ReferralField.contactPhone] || values[ReferralField.contactEmail];
    const own = { [ReferralField.contactPhone]: ownContact.phone, [ReferralField.contactEmail]: ownContact.email };
    return referralFormCard({
      ...options,
      values: prefill && !typed ? { ...values, ...own } : values,
      partners,
      forExternal,
    });
  };
  /** Opens the author's own draft or questioned aanmelding with what was entered before. */
  const edit = async (context: TurnContext, caseId: string, notice?: string) => {
    const existing = await findEditableCase(deps.db, actorOf(context), caseId);
    const question = existing.status === 'infoRequested' ? existing.question : undefined;
    return form(context, { caseId, values: existing.form, notice, question, prefill: true });
  };

  registerCommand(app, Command.refer, async (context) => {
    // Newest first: the draft worked on last.
    const latest = (await listMyReferrals(deps.db, actorOf(context))).find((r) => r.status === 'draft');
    if (!latest) return form(context, { prefill: true });
    const notice = `Je gaat verder met je concept van ${formatDate(latest.updatedAt, deps.figuresTimeZone)}. Nieuw beginnen kan via "mijn aanmeldingen".`;
    return edit(context, latest.id, notice);
  });
  registerCommand(app, Command.myReferrals, async (context) =>
    myReferralsCard(await listMyReferrals(deps.db, actorOf(context)), deps.figuresTimeZone),
  );
  onVerb(app, Verb.referralNew, {}, (context) => form(context, { prefill: true }));
  onVerb(app, Verb.referralEdit, { caseId: id }, (context, { caseId }) => edit(context, caseId));
  onVerb(app, Verb.referralShow, { caseId: id }, async (context, { caseId }) =>
    referralOutcomeCard(await referralOutcome(deps.db, actorOf(context), caseId)),
  );
  const sameForm = { caseId: optionalId, submissionId: optionalId };
  onVerb(app, Verb.referralAddPerson, sameForm, (context, data) =>
    form(context, { caseId: data.caseId, submissionId: data.submissionId, values: pickFormValues(data) }),
  );
  onVerb(app, Verb.referralSaveDraft, sameForm, async (context, data) => {
    const result = await saveReferralDraft(deps, actorOf(context), { ...data, data });
    const { caseId, submissionId } = data;
    if (!result.ok && 'tooManyDrafts' in result) {
      const warning = `Je hebt al ${maxOpenDrafts} concepten; meer worden er niet bewaard. Ga verder met een concept onder "mijn aanmeldingen" en dien het in, of vul dit formulier nu helemaal in.`;
      return form(context, { caseId, submissionId, values: result.values, warning });
    }
    if (!result.ok) return form(context, { caseId, submissionId, values: result.values, errors: result.errors });
    const notice = 'Concept opgeslagen. Je vindt het terug onder "mijn aanmeldingen".';
    return form(context, { caseId: result.caseId, submissionId, values: pickFormValues(data), notice });
  });
  onVerb(app, Verb.referralSubmit, { ...sameForm, resubmission: flag }, async (context, data) => {
    const result = await submitReferral(deps, actorOf(context), { ...data, data });
    if (!result.ok)
      return form(context, {
        caseId: data.caseId,
        submissionId: data.submissionId,
        values: result.values,
        errors: result.errors,
      });
    deps.log.info({ caseId: result.caseId, resubmitted: result.resubmitted }, 'referral submitted');
    deps.deliver(result.notifications);
    return referralSubmittedCard(result.reference, result.resubmitted);
  });
}
