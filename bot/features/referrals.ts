import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { myReferralsCard } from '../../cards/cases.card.ts';
import type { FieldErrors, FormValues } from '../../cards/form.ts';
import { formatDate } from '../../cards/labels.ts';
import { referralFormCard, referralSubmittedCard } from '../../cards/referral.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { listMyReferrals } from '../../src/cases/view-cases.ts';
import { listPartners } from '../../src/organisations/organisation.repository.ts';
import { pickFormValues } from '../../src/referrals/referral-form.rules.ts';
import {
  findEditableCase,
  registersForExternal,
  saveReferralDraft,
  submitReferral,
} from '../../src/referrals/submit-referral.ts';
import { deliverNotifications } from '../shared/notifications.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf, inPersonalChat } from '../teams/turn-context.ts';

type Data = Record<string, unknown>;
const caseIdOf = (data: Data) => (typeof data.caseId === 'string' && data.caseId ? data.caseId : undefined);

export function registerReferrals(app: Application<TurnState>, deps: BotDeps): void {
  const form = async (
    context: TurnContext,
    options: { caseId?: string; values?: FormValues; errors?: FieldErrors; notice?: string; question?: string },
  ) => {
    const actor = actorOf(context);
    const forExternal = await registersForExternal(deps.db, actor);
    const partners = await listPartners(deps.db);
    return referralFormCard({ ...options, values: options.values ?? {}, partners, forExternal });
  };

  /** Opens the author's own draft or questioned aanmelding with what was entered before. */
  const edit = async (context: TurnContext, caseId: string, notice?: string) => {
    const existing = await findEditableCase(deps.db, actorOf(context), caseId);
    return form(context, {
      caseId,
      values: existing.form,
      notice,
      question: existing.status === 'infoRequested' ? existing.question : undefined,
    });
  };

  app.message(/^\s*aanmelden\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'aanmelden'))) return;
    // Newest first: the draft worked on last.
    const latest = (await listMyReferrals(deps.db, actorOf(context))).find((r) => r.status === 'draft');
    const card = latest
      ? await edit(
          context,
          latest.id,
          `Je gaat verder met je concept van ${formatDate(latest.updatedAt)}. Nieuw beginnen kan via "mijn aanmeldingen".`,
        )
      : await form(context, {});
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  });
  onCardAction(app, Verb.referralNew, async (context) => form(context, {}));
  onCardAction<Data>(app, Verb.referralEdit, async (context, data) => edit(context, caseIdOf(data) ?? ''));
  onCardAction<Data>(app, Verb.referralAddPerson, async (context, data) =>
    form(context, { caseId: caseIdOf(data), values: pickFormValues(data) }),
  );

  onCardAction<Data>(app, Verb.referralSaveDraft, async (context, data) => {
    const caseId = await saveReferralDraft(deps, actorOf(context), { caseId: caseIdOf(data), data });
    return form(context, {
      caseId,
      values: pickFormValues(data),
      notice: 'Concept opgeslagen. Je vindt het terug onder "mijn aanmeldingen".',
    });
  });

  onCardAction<Data>(app, Verb.referralSubmit, async (context, data) => {
    const caseId = caseIdOf(data);
    const result = await submitReferral(deps, actorOf(context), { caseId, data });
    if (!result.ok) return form(context, { caseId, values: result.values, errors: result.errors });
    deps.log.info({ caseId: result.caseId, resubmitted: result.resubmitted }, 'referral submitted');
    deps.background.run('case notifications', () => deliverNotifications(deps, result.notifications));
    return referralSubmittedCard(result.reference, result.resubmitted);
  });

  const mine = async (context: TurnContext) => myReferralsCard(await listMyReferrals(deps.db, actorOf(context)));
  app.message(/^\s*mijn aanmeldingen\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'mijn aanmeldingen'))) return;
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await mine(context))] });
  });
  onCardAction(app, Verb.referralMine, async (context) => mine(context));
}
