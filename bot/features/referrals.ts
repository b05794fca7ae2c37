import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { myReferralsCard } from '../../cards/cases.card.ts';
import { Command } from '../../cards/commands.ts';
import type { FieldErrors, FormValues } from '../../cards/form.ts';
import { formatDate } from '../../cards/labels.ts';
import { referralFormCard, referralSubmittedCard } from '../../cards/referral.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { listMyReferrals } from '../../src/cases/view-cases.ts';
import { referralFormOptions } from '../../src/referrals/referral-form.ts';
import { pickFormValues } from '../../src/referrals/referral-form.rules.ts';
import { findEditableCase, saveReferralDraft, submitReferral } from '../../src/referrals/submit-referral.ts';
import type { BotDeps } from '../deps.ts';
import { id, onVerb, optionalId, registerCommand } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

interface FormOptions {
  caseId?: string;
  values?: FormValues;
  errors?: FieldErrors;
  notice?: string;
  question?: string;
}

/** `referral.*`: the intake form (`aanmelden`), drafts, submitting, and `mijn aanmeldingen`. */
export function registerReferrals(app: Application<TurnState>, deps: BotDeps): void {
  const form = async (context: TurnContext, options: FormOptions) => {
    const { forExternal, partners } = await referralFormOptions(deps, actorOf(context));
    return referralFormCard({ ...options, values: options.values ?? {}, partners, forExternal });
  };
  /** Opens the author's own draft or questioned aanmelding with what was entered before. */
  const edit = async (context: TurnContext, caseId: string, notice?: string) => {
    const existing = await findEditableCase(deps.db, actorOf(context), caseId);
    const question = existing.status === 'infoRequested' ? existing.question : undefined;
    return form(context, { caseId, values: existing.form, notice, question });
  };

  registerCommand(app, Command.refer, async (context) => {
    // Newest first: the draft worked on last.
    const latest = (await listMyReferrals(deps.db, actorOf(context))).find((r) => r.status === 'draft');
    if (!latest) return form(context, {});
    const notice = `Je gaat verder met je concept van ${formatDate(latest.updatedAt)}. Nieuw beginnen kan via "mijn aanmeldingen".`;
    return edit(context, latest.id, notice);
  });
  registerCommand(app, Command.myReferrals, async (context) =>
    myReferralsCard(await listMyReferrals(deps.db, actorOf(context))),
  );
  onVerb(app, Verb.referralNew, {}, (context) => form(context, {}));
  onVerb(app, Verb.referralEdit, { caseId: id }, (context, { caseId }) => edit(context, caseId));
  onVerb(app, Verb.referralAddPerson, { caseId: optionalId }, (context, data) =>
    form(context, { caseId: data.caseId, values: pickFormValues(data) }),
  );
  onVerb(app, Verb.referralSaveDraft, { caseId: optionalId }, async (context, data) => {
    const caseId = await saveReferralDraft(deps, actorOf(context), { caseId: data.caseId, data });
    const notice = 'Concept opgeslagen. Je vindt het terug onder "mijn aanmeldingen".';
    return form(context, { caseId, values: pickFormValues(data), notice });
  });
  onVerb(app, Verb.referralSubmit, { caseId: optionalId }, async (context, data) => {
    const result = await submitReferral(deps, actorOf(context), { caseId: data.caseId, data });
    if (!result.ok) return form(context, { caseId: data.caseId, values: result.values, errors: result.errors });
    deps.log.info({ caseId: result.caseId, resubmitted: result.resubmitted }, 'referral submitted');
    await deps.notify(result.notifications);
    return referralSubmittedCard(result.reference, result.resubmitted);
  });
}
