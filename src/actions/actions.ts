import type { UseCaseDeps } from '../use-case.ts';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import {
  canChair,
  canClaimAction,
  canCloseActionNotDone,
  canMarkTakeHome,
  canReassignAction,
  canSeeActionAddress,
  canSeeContribution,
  canSeeDiscussion,
  myActionsSection,
  worksOnCases,
  type MyActionsSection,
} from '../access/case-access.ts';
import { askForTakeHome } from '../meetings/consent.ts';
import { consentStates, type ConsentState } from '../meetings/consent.repository.ts';
import { asSeenBy, listContributions, type ContributionView } from '../meetings/discussion.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { DomainError, ErrorCode, forbidden } from '../errors.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { tell } from '../notify/queue.ts';
import type { Notification } from '../notify/notification.ts';
import { fieldErrors, requiredText } from '../validation.ts';
import {
  actionCloseReasons,
  claimIfOpen,
  closeNotDoneIfUnfinished,
  completeIfClaimedBy,
  findActionInCase,
  handBackIfClaimedBy,
  listActionsForMember,
  reassignIfNotDone,
  type ActionInCase,
  type ActionView,
  linkTakeHome,
} from './action.repository.ts';

/** What a person sees of an action, and what they may do with it. */
export interface ActionCardView {
  action: ActionView;
  mayClaim: boolean;
  mine: boolean;
  mayReassign: boolean;
  /** "Niet uitgevoerd": the holder, the casusregisseur or the procesmanager may close it with a reason. */
  mayCloseNotDone: boolean;
  /** Members of the owning organisation, for reassigning. */
  colleagues: { memberId: string; name: string }[];
  /** "Mee naar huis": the contributions its organisation needs; the text only where the viewer may read it (consent). */
  takeHome: {
    contributionId: string;
    organisation: string;
    text?: string;
    /** The condition of the consent ("Ja, onder voorwaarde"), with the text. */
    condition?: string;
    consent?: ConsentState;
    /** The goal changed: hidden while its organisation re-assesses it, or withdrawn by it. */
    reassessment?: 'pending' | 'withdrawn';
  }[];
  /** For the chair, the regisseur and the procesmanager: contributions of other organisations they may mark. */
  takeHomeOptions: { id: string; organisation: string; createdAt: Date; text?: string }[];
  /** The persons of the case: names for whoever sees the action, the address only under canSeeActionAddress. */
  persons: { name: string; relation?: string; address?: string }[];
  /** Whom to call about the case: its casusregisseur. */
  director?: { name: string; organisation: string; phone?: string; email?: string };
  /** The meeting that decided the action. */
  meeting?: { tableName: string; startsAt: Date };
  /** The timezone of its table: every time on the card is shown in it. */
  timeZone: string;
}

/** The action if this person may see the discussion of its case (need-to-know); otherwise "not found", so they cannot learn it exists. */
async function visibleAction(deps: UseCaseDeps, actor: Actor, actionId: string): Promise<ActionInCase> {
  const found = await findActionInCase(deps.db, actionId);
  if (!found || !canSeeDiscussion(actor, found.facts, { chairMemberId: found.facts.chairMemberId }))
    throw new DomainError(ErrorCode.NotFound, 'Action not found or not visible');
  return found;
}

/**
 * What this person may do with the action as it stands. The contributions are read only where the card shows some
 * (marked to take home, or offered to mark), the colleagues only for someone who may reassign.
 */
async function cardView(deps: UseCaseDeps, actor: Actor, found: ActionInCase): Promise<ActionCardView> {
  const { action, facts, directorId, takeHomeIds: marked } = found;
  const mayReassign =
    canReassignAction(actor, { directorMemberId: directorId }) &&
    (action.state === 'open' || action.state === 'claimed');
  const chairing = canChair(actor, { ...(facts.chairMemberId ? { chairMemberId: facts.chairMemberId } : {}) });
  const mayMark =
    canMarkTakeHome(actor, { chairing, ...(directorId ? { directorMemberId: directorId } : {}) }) &&
    (action.state === 'open' || action.state === 'claimed');
  const [members, contributions, states] = await Promise.all([
    mayReassign ? listActiveMembers(deps.db, { organisationId: action.organisation.id }) : [],
    marked.length || mayMark ? listContributions(deps.db, action.caseId) : [],
    consentStates(deps.db, marked, action.organisation.id),
  ]);
  const withText = (c: ContributionView) => ({ text: c.text, ...(c.condition ? { condition: c.condition } : {}) });
  const readable = (c: ContributionView) =>
    canSeeContribution(actor, { ...c, organisationId: c.organisation.id }, { chairing });
  return {
    action,
    mayClaim: action.state === 'open' && canClaimAction(actor, { organisationId: action.organisation.id }),
    mine: action.claimedBy?.memberId === actor.memberId,
    mayReassign,
    mayCloseNotDone: canCloseActionNotDone(actor, {
      state: action.state,
      ...(action.claimedBy ? { claimedByMemberId: action.claimedBy.memberId } : {}),
      ...(directorId ? { directorMemberId: directorId } : {}),
    }),
    colleagues: members.map((m) => ({ memberId: m.id, name: m.displayName })),
    takeHome: contributions
      .filter((c) => marked.includes(c.id))
      .map((c) => ({
        contributionId: c.id,
        organisation: c.organisation.name,
        // The consent was asked for the action's organisation: its condition goes with the content.
        ...(readable(c) ? withText(asSeenBy(action.organisation.id, c)) : {}),
        ...(states.get(c.id) ? { consent: states.get(c.id)!.state } : {}),
        ...(c.reassessment === 'pending' || c.reassessment === 'withdrawn' ? { reassessment: c.reassessment } : {}),
      })),
    takeHomeOptions: mayMark
      ? contributions
          .filter(
            (c) =>
              c.organisation.id !== action.organisation.id && !marked.includes(c.id) && c.reassessment !== 'withdrawn',
          )
          .slice(-8)
          .map((c) => ({
            id: c.id,
            organisation: c.organisation.name,
            createdAt: c.createdAt,
            ...(readable(c) ? { text: c.text.slice(0, 40) } : {}),
          }))
      : [],
    ...contextOf(actor, found),
  };
}

/** Who the action is about, whom to call and where it was decided: what a person needs to act on it. */
function contextOf(
  actor: Actor,
  { action, persons, director, meeting, timeZone }: ActionInCase,
): Pick<ActionCardView, 'persons' | 'director' | 'meeting' | 'timeZone'> {
  const address = canSeeActionAddress(actor, { organisationId: action.organisation.id });
  return {
    persons: persons.map((p) => ({
      name: p.name,
      ...(p.relation ? { relation: p.relation } : {}),
      ...(address ? { address: p.address } : {}),
    })),
    ...(director ? { director } : {}),
    ...(meeting ? { meeting: { tableName: meeting.tableName, startsAt: meeting.startsAt } } : {}),
    timeZone: meeting?.timeZone ?? timeZone,
  };
}

/**
 * "Mee naar huis": the chair (or the regisseur, or the procesmanager) marks the contributions an action's
 * organisation needs; their contributors are asked for consent on its behalf, and only then does it see them.
 */
export async function markTakeHome(
  deps: UseCaseDeps,
  actor: Actor,
  actionId: string,
  contributionIds: string[],
): Promise<ActionChange> {
  const before = await openAction(deps, actor, actionId);
  const allowed = new Set(before.takeHomeOptions.map((o) => o.id));
  if (!before.takeHomeOptions.length && contributionIds.length)
    throw forbidden('actions.takeHome', 'Only the chair, the regisseur or the procesmanager');
  const ids = contributionIds.filter((id) => allowed.has(id));
  const notifications = await deps.db.$transaction(async (tx) => {
    await linkTakeHome(
      tx,
      ids.map((contributionId) => ({ actionId, contributionId })),
    );
    if (ids.length)
      await recordAudit(tx, actor, {
        action: 'action.takeHomeMarked',
        recordType: 'action',
        recordId: actionId,
        caseId: before.action.caseId,
        purpose: 'toestemming',
      });
    const asked = await askForTakeHome(
      tx,
      ids.map((contributionId) => ({ contributionId, organisationId: before.action.organisation.id })),
      actor.memberId,
      deps.clock.now(),
    );
    return tell(tx, deps.clock.now(), asked);
  });
  return { view: await afterChange(deps, actor, actionId), changed: ids.length > 0, notifications };
}

/** One action, for someone who may see its case; every look is audited. */
export async function openAction(deps: UseCaseDeps, actor: Actor, actionId: string): Promise<ActionCardView> {
  const found = await visibleAction(deps, actor, actionId);
  await recordAudit(deps.db, actor, {
    action: 'action.viewed',
    recordType: 'action',
    recordId: found.action.id,
    caseId: found.action.caseId,
    purpose: 'casusoverleg',
  });
  return cardView(deps, actor, found);
}

/** After a change: the action as it now stands (the change's own audit row records the look). */
async function afterChange(deps: UseCaseDeps, actor: Actor, actionId: string): Promise<ActionCardView> {
  return cardView(deps, actor, (await findActionInCase(deps.db, actionId))!);
}

export type ActionChange = { view: ActionCardView; changed: boolean; notifications: Notification[] };

/**
 * "Ik pak dit op". Of many clicks at once exactly one claim wins; the others, and a repeated click, get
 * the action as it now stands ("Opgepakt door …").
 */
export async function claimAction(deps: UseCaseDeps, actor: Actor, actionId: string): Promise<ActionChange> {
  const before = await visibleAction(deps, actor, actionId);
  if (!canClaimAction(actor, { organisationId: before.action.organisation.id })) {
    throw forbidden('actions.claim', 'Action belongs to another organisation');
  }
  const changed = await deps.db.$transaction(async (tx) => {
    const won = await claimIfOpen(
      tx,
      actionId,
      { memberId: actor.memberId, organisationId: actor.organisationId },
      deps.clock.now(),
    );
    // The winner's claim, or the loser's look at who has it: one audit row either way.
    await recordAudit(tx, actor, {
      action: won ? 'action.claimed' : 'action.viewed',
      recordType: 'action',
      recordId: actionId,
      caseId: before.action.caseId,
      purpose: 'casusoverleg',
    });
    return won;
  });
  return { view: await afterChange(deps, actor, actionId), changed, notifications: [] };
}

export const completeForm = z.object({ result: requiredText('Schrijf kort wat het resultaat is.', 1_000) });

/** The one who has the action marks it done with a short result. A repeat changes nothing. */
export async function completeAction(
  deps: UseCaseDeps,
  actor: Actor,
  actionId: string,
  raw: unknown,
): Promise<ActionChange | { errors: Record<string, string> }> {
  const before = await openAction(deps, actor, actionId);
  const parsed = completeForm.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const changed = await deps.db.$transaction(async (tx) => {
    const done = await completeIfClaimedBy(tx, actionId, actor.memberId, parsed.data.result, deps.clock.now());
    if (done)
      await recordAudit(tx, actor, {
        action: 'action.completed',
        recordType: 'action',
        recordId: actionId,
        caseId: before.action.caseId,
        purpose: 'casusoverleg',
      });
    return done;
  });
  return { view: await openAction(deps, actor, actionId), changed, notifications: [] };
}

export const notDoneForm = z.object({
  closeReason: z.enum(actionCloseReasons, {
    errorMap: () => ({ message: 'Kies waarom de actie niet is uitgevoerd.' }),
  }),
  closeExplanation: requiredText('Leg kort uit waarom de actie niet is uitgevoerd.', 500),
});

/**
 * "Niet uitgevoerd": the holder, the casusregisseur or the procesmanager ends an unfinished action with a reason and a
 * short explanation. Of double clicks exactly one closes it (and is audited); the other sees it closed.
 */
export async function closeActionNotDone(
  deps: UseCaseDeps,
  actor: Actor,
  actionId: string,
  raw: unknown,
): Promise<ActionChange | { errors: Record<string, string> }> {
  const found = await visibleAction(deps, actor, actionId);
  const { action, directorId } = found;
  const director = directorId ? { directorMemberId: directorId } : {};
  const facts = { state: action.state, claimedByMemberId: action.claimedBy?.memberId, ...director };
  // A repeated click finds it closed: nothing changes, the look is audited.
  const repeat = action.state === 'notDone';
  if (!repeat && !canCloseActionNotDone(actor, facts))
    throw forbidden('actions.notDone', 'Only the holder, the regisseur or the procesmanager, while unfinished');
  const parsed = notDoneForm.safeParse(raw);
  if (!repeat && !parsed.success) return { errors: fieldErrors(parsed.error) };
  const changed = await deps.db.$transaction(async (tx) => {
    const closed =
      !repeat &&
      parsed.success &&
      (await closeNotDoneIfUnfinished(
        tx,
        actionId,
        {
          reason: parsed.data.closeReason,
          explanation: parsed.data.closeExplanation,
          ...(canReassignAction(actor, director) ? {} : { holderMemberId: actor.memberId }),
        },
        deps.clock.now(),
      ));
    await recordAudit(tx, actor, {
      action: closed ? 'action.notDone' : 'action.viewed',
      recordType: 'action',
      recordId: actionId,
      caseId: action.caseId,
      purpose: 'casusoverleg',
    });
    return closed;
  });
  return { view: await afterChange(deps, actor, actionId), changed, notifications: [] };
}

/** A change's outcome from what its transaction told: undefined when it changed nothing (a repeat, a lost race). */
function changeOf(view: ActionCardView, told: Notification[] | undefined): ActionChange {
  return { view, changed: told !== undefined, notifications: told ?? [] };
}

/** The one who has it gives it back to the organisation; its colleagues hear it is open again. */
export async function handBackAction(deps: UseCaseDeps, actor: Actor, actionId: string): Promise<ActionChange> {
  const before = await openAction(deps, actor, actionId);
  const notifications = await deps.db.$transaction(async (tx) => {
    const back = await handBackIfClaimedBy(tx, actionId, actor.memberId);
    if (!back) return undefined;
    await recordAudit(tx, actor, {
      action: 'action.handedBack',
      recordType: 'action',
      recordId: actionId,
      caseId: before.action.caseId,
      purpose: 'casusoverleg',
    });
    const colleagues = await listActiveMembers(tx, { organisationId: before.action.organisation.id });
    return tell(
      tx,
      deps.clock.now(),
      colleagues
        .filter((m) => m.id !== actor.memberId)
        .map((m) => ({ kind: 'actionAssigned' as const, to: m.aadObjectId, actionId })),
    );
  });
  return changeOf(await openAction(deps, actor, actionId), notifications);
}

/** The casusregisseur or the procesmanager gives an unfinished action to a member of its organisation. */
export async function reassignAction(
  deps: UseCaseDeps,
  actor: Actor,
  actionId: string,
  toMemberId: string,
): Promise<ActionChange> {
  const before = await openAction(deps, actor, actionId);
  if (!before.mayReassign) throw forbidden('actions.reassign', 'Only the regisseur or the procesmanager reassigns');
  const to = before.colleagues.find((c) => c.memberId === toMemberId);
  if (!to) throw new DomainError(ErrorCode.NotFound, 'Member not of the owning organisation');
  const target = (await listActiveMembers(deps.db, { organisationId: before.action.organisation.id })).find(
    (m) => m.id === toMemberId,
  )!;
  const changed = await deps.db.$transaction(async (tx) => {
    const moved = await reassignIfNotDone(
      tx,
      actionId,
      { memberId: target.id, organisationId: target.organisationId },
      deps.clock.now(),
    );
    if (!moved) return undefined;
    await recordAudit(tx, actor, {
      action: 'action.reassigned',
      recordType: 'action',
      recordId: actionId,
      caseId: before.action.caseId,
      purpose: 'regie',
    });
    return tell(tx, deps.clock.now(), [{ kind: 'actionReassigned' as const, to: target.aadObjectId, actionId }]);
  });
  return changeOf(await openAction(deps, actor, actionId), changed);
}

/** An action on the `mijn acties` list: how many days until it is due where its table meets (negative: overdue). */
export type MyActionLine = ActionView & { daysLeft: number };

/** `mijn acties` in its sections; an action appears in the first that fits (myActionsSection). */
export type MyActionsView = Record<MyActionsSection, MyActionLine[]>;

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/**
 * `mijn acties`: the actions this person holds, their organisation's that nobody took yet, and the overdue ones in
 * the cases they direct. "Today" is the date where each case's table meets, else in the network's timezone.
 */
export async function myActions(deps: UseCaseDeps & { figuresTimeZone: string }, actor: Actor): Promise<MyActionsView> {
  const view: MyActionsView = { mine: [], unclaimed: [], overdueDirected: [] };
  if (!worksOnCases(actor)) return view;
  const rows = await listActionsForMember(
    deps.db,
    { memberId: actor.memberId, organisationId: actor.organisationId },
    deps.clock.now(),
    deps.figuresTimeZone,
  );
  for (const { directorMemberId, today, ...action } of rows) {
    const daysLeft = daysBetween(today, action.dueDate);
    const section = myActionsSection(actor, {
      state: action.state,
      organisationId: action.organisation.id,
      overdue: daysLeft < 0,
      ...(action.claimedBy ? { claimedByMemberId: action.claimedBy.memberId } : {}),
      ...(directorMemberId ? { directorMemberId } : {}),
    });
    if (section) view[section].push({ ...action, daysLeft });
  }
  return view;
}
