import { z } from 'zod';
import type { Actor } from '../actor.ts';
import {
  canChair,
  canDirect,
  canFollowCase,
  canSeeContribution,
  handoverRole,
  invitedOrganisationIds,
  speaksForContribution,
} from '../access/case-access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findDiscussionFacts } from '../cases/case.repository.ts';
import type { Clock } from '../clock.ts';
import { listTables } from '../conferences/table.repository.ts';
import { isUniqueViolation, type Db } from '../db/client.ts';
import { DomainError, ErrorCode, conflict, forbidden } from '../errors.ts';
import { listContributions } from '../meetings/discussion.repository.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { speakersFor, type MemberView } from '../members/member.types.ts';
import { tell } from '../notify/queue.ts';
import type { Notification } from '../notify/notification.ts';
import { fieldErrors, isUuid, requiredText } from '../validation.ts';
import {
  answerHandoverItem,
  completeHandoverIfOpen,
  createHandover,
  findHandover,
  findHandoverBySubmission,
  type HandoverView,
} from './handover.repository.ts';
import { findCaseIdByReference, findCaseState } from './case-state.repository.ts';

export interface HandoverFormContext {
  caseId: string;
  reference: string;
  tables: { id: string; name: string }[];
  organisations: { id: string; name: string }[];
  informers: MemberView[];
  /** Each contribution: whose, sensitive or not, and its text only if the one preparing the handover may read it. */
  contributions: { id: string; organisation: string; sensitive: boolean; text?: string }[];
}

async function loadForHandover(deps: { db: Db }, actor: Actor, caseId: string) {
  const facts = await findDiscussionFacts(deps.db, caseId);
  const c = facts && (await findCaseState(deps.db, caseId));
  if (!facts || !c || !canFollowCase(actor, facts, facts))
    throw new DomainError(ErrorCode.NotFound, 'Case not found', { caseId });
  if (!canDirect(actor, c)) throw forbidden('regie.direct', 'Only the regisseur or the procesmanager');
  return { c, facts };
}

/** `overdragen ZVH-…`: the checklist for handing the case to another table or gremium (the regisseur or the procesmanager). */
export async function handoverForm(deps: { db: Db }, actor: Actor, reference: string): Promise<HandoverFormContext> {
  const caseId = await findCaseIdByReference(deps.db, reference);
  if (!caseId) throw new DomainError(ErrorCode.NotFound, 'Case not found');
  return handoverFormFor(deps, actor, caseId);
}

export async function handoverFormFor(deps: { db: Db }, actor: Actor, caseId: string): Promise<HandoverFormContext> {
  const { c, facts } = await loadForHandover(deps, actor, caseId);
  await recordAudit(deps.db, actor, {
    action: 'handover.formViewed',
    recordType: 'case',
    recordId: caseId,
    purpose: 'overdracht',
  });
  const invited = invitedOrganisationIds(facts);
  const [tables, members, contributions] = await Promise.all([
    listTables(deps.db),
    listActiveMembers(deps.db),
    listContributions(deps.db, caseId),
  ]);
  const chairing = canChair(actor, { ...(facts.chairMemberId ? { chairMemberId: facts.chairMemberId } : {}) });
  return {
    caseId,
    reference: c.reference,
    tables: tables.filter((t) => t.id !== c.tableId).map((t) => ({ id: t.id, name: t.name })),
    organisations: [
      ...new Map(
        members
          .filter((m) => invited.includes(m.organisationId))
          .map((m) => [m.organisationId, { id: m.organisationId, name: m.organisationName }]),
      ).values(),
    ],
    informers: members.filter((m) => invited.includes(m.organisationId) || m.id === facts.referrerMemberId),
    contributions: contributions
      .filter((x) => x.reassessment !== 'withdrawn')
      .map((x) => ({
        id: x.id,
        organisation: x.organisation.name,
        sensitive: x.sensitive,
        ...(canSeeContribution(actor, { ...x, organisationId: x.organisation.id }, { chairing })
          ? { text: x.text }
          : {}),
      })),
  };
}

const checklist = z.object({
  target: requiredText('Kies de tafel of het gremium waaraan de casus wordt overgedragen.', 100),
  externalName: z.string().trim().max(200, 'Maximaal 200 tekens.').optional(),
  necessity: requiredText('Leg uit waarom overdracht nodig is.', 1_000),
  purpose: requiredText('Beschrijf het doel van de overdracht.', 1_000),
  registeringOrganisationId: requiredText('Kies de partner die de casus daar aanmeldt.', 100),
  informerMemberId: requiredText('Kies wie de betrokkene informeert.', 100),
});

export type HandoverResult =
  /** `asked`: contributors were asked for consent (the first time; a repeat says the same and asks nobody). */
  | { ok: true; handoverId: string; asked: boolean; notifications: Notification[] }
  | { ok: false; errors: Record<string, string> };

/**
 * Records the checklist and, per contribution, whether it goes along (with its contributor's consent), stays
 * behind, or is replaced by "contact the contributor directly". Contributors are asked for what goes along,
 * except the registering partner's own contributions.
 */
export async function startHandover(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  caseId: string,
  values: Record<string, string | undefined>,
  submissionId?: string,
): Promise<HandoverResult> {
  const submission = submissionId && isUuid(submissionId) ? submissionId : undefined;
  // A repeated click or a retried invoke of the same checklist: the handover is there already, nobody is asked again.
  const earlier = submission ? await findHandoverBySubmission(deps.db, submission, caseId) : undefined;
  if (earlier) return { ok: true, handoverId: earlier.id, asked: earlier.asked, notifications: [] };
  const form = await handoverFormFor(deps, actor, caseId);
  const parsed = checklist.safeParse(values);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
  // Every field is checked at once, so the form comes back with all its messages.
  const raw = (key: string) => values[key]?.trim() ?? '';
  const table =
    raw('target') && raw('target') !== 'external' ? form.tables.find((t) => t.id === raw('target')) : undefined;
  if (raw('target') && raw('target') !== 'external' && !table)
    errors.target = 'Kies de tafel of het gremium waaraan de casus wordt overgedragen.';
  if (raw('target') === 'external' && !raw('externalName')) errors.externalName = 'Schrijf de naam van het gremium.';
  if (raw('registeringOrganisationId') && !form.organisations.some((o) => o.id === raw('registeringOrganisationId')))
    errors.registeringOrganisationId = 'Kies een betrokken partner.';
  if (raw('informerMemberId') && !form.informers.some((m) => m.id === raw('informerMemberId')))
    errors.informerMemberId = 'Kies iemand van een betrokken organisatie, of de aanmelder.';
  const d = parsed.success ? parsed.data : undefined;
  if (!d || Object.keys(errors).length) return { ok: false, errors };
  const contributions = await listContributions(deps.db, caseId);
  const items = form.contributions.map((x) => {
    const choice =
      (['include', 'keepBack', 'contactDirectly'] as const).find((c) => c === values[`item_${x.id}`]) ?? 'keepBack';
    const own = contributions.find((c) => c.id === x.id)!.organisation.id === d.registeringOrganisationId;
    return {
      contributionId: x.id,
      organisationId: contributions.find((c) => c.id === x.id)!.organisation.id,
      choice: choice,
      ...(choice === 'include' && !own ? { consent: 'requested' as const } : {}),
    };
  });
  const start = () =>
    deps.db.$transaction(async (tx) => {
      const id = await createHandover(tx, {
        caseId,
        ...(submission ? { submissionId: submission } : {}),
        ...(table ? { targetTableId: table.id } : {}),
        targetName: table?.name ?? d.externalName!,
        necessity: d.necessity,
        purpose: d.purpose,
        registeringOrganisationId: d.registeringOrganisationId,
        informerMemberId: d.informerMemberId,
        createdByMemberId: actor.memberId,
        at: deps.clock.now(),
        items: items.map(({ organisationId: _o, ...i }) => i),
      });
      await recordAudit(tx, actor, {
        action: 'handover.started',
        recordType: 'handover',
        recordId: id,
        caseId,
        purpose: 'overdracht',
      });
      const asking = [...new Set(items.filter((i) => i.consent === 'requested').map((i) => i.organisationId))];
      const to = speakersFor(await listActiveMembers(tx), asking);
      const notifications = await tell(
        tx,
        deps.clock.now(),
        to.map((aad) => ({ kind: 'handoverConsentRequested' as const, to: aad, handoverId: id })),
      );
      return { handoverId: id, asked: asking.length > 0, notifications };
    });
  // Two copies of one click at the same moment: the unique submission id lets one in, the other finds it.
  const started = await start().catch((error: unknown) => {
    if (!isUniqueViolation(error) || !submission) throw error;
    return undefined;
  });
  if (!started) {
    const first = await findHandoverBySubmission(deps.db, submission!, caseId);
    if (!first) throw new DomainError(ErrorCode.Conflict, 'Submission id taken by another handover');
    return { ok: true, handoverId: first.id, asked: first.asked, notifications: [] };
  }
  return { ok: true, ...started };
}

export type HandoverRole = 'manager' | 'contributor' | 'receiver';

/**
 * A handover as one person may read it: the one who prepared it and the procesmanager everything; a contributing
 * organisation its own items (to answer); the registering partner, once completed, exactly what goes along.
 */
export async function openHandover(
  deps: { db: Db },
  actor: Actor,
  handoverId: string,
): Promise<{ handover: HandoverView; role: HandoverRole }> {
  const h = await findHandover(deps.db, handoverId);
  if (!h) throw new DomainError(ErrorCode.NotFound, 'Handover not found');
  const role = handoverRole(actor, {
    createdByMemberId: h.createdByMemberId,
    completed: Boolean(h.completedAt),
    registeringOrganisationId: h.registeringOrganisation.id,
    includedOrganisationIds: h.items.filter((i) => i.choice === 'include').map((i) => i.organisation.id),
  });
  if (role === 'manager') return { handover: await readableFor(deps.db, actor, h), role };
  if (role === 'receiver') return { handover: receivedPart(await withoutWithdrawn(deps.db, h)), role };
  if (role === 'contributor')
    return {
      handover: {
        ...h,
        items: h.items.filter(
          (i) => i.choice === 'include' && speaksForContribution(actor, { organisationId: i.organisation.id }),
        ),
      },
      role,
    };
  throw new DomainError(ErrorCode.NotFound, 'Handover not found', { caseId: h.caseId });
}

/** The one who prepared a handover reads each item only where the one rule allows it. */
async function readableFor(db: Db, actor: Actor, h: HandoverView): Promise<HandoverView> {
  const [live, facts] = await Promise.all([listContributions(db, h.caseId), findDiscussionFacts(db, h.caseId)]);
  const chairing = canChair(actor, { ...(facts?.chairMemberId ? { chairMemberId: facts.chairMemberId } : {}) });
  const byId = new Map(live.map((c) => [c.id, c]));
  return {
    ...h,
    items: h.items.map((i) => {
      const c = byId.get(i.contributionId);
      return c && canSeeContribution(actor, { ...c, organisationId: c.organisation.id }, { chairing })
        ? i
        : { ...i, text: '' };
    }),
  };
}

/** A contribution withdrawn at a re-assessment after the handover no longer reaches the receiving side. */
async function withoutWithdrawn(db: Db, h: HandoverView): Promise<HandoverView> {
  const withdrawn = new Set(
    (await listContributions(db, h.caseId)).filter((c) => c.reassessment === 'withdrawn').map((c) => c.id),
  );
  return { ...h, items: h.items.filter((i) => !withdrawn.has(i.contributionId)) };
}

/** What the receiving side gets: what goes along with consent (or is the registering partner's own); a refusal or "contact directly" becomes a pointer; what stays behind is not mentioned. */
export function receivedPart(h: HandoverView): HandoverView {
  const items = h.items.flatMap((i) => {
    if (i.choice === 'keepBack') return [];
    const along = i.choice === 'include' && (i.consent === undefined || i.consent === 'granted');
    return [along ? i : { ...i, choice: 'contactDirectly' as const, text: '' }];
  });
  return { ...h, items };
}

/** A contributing organisation answers for one of its contributions. */
export async function answerHandover(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  handoverId: string,
  contributionId: string,
  granted: boolean,
): Promise<{ changed: boolean }> {
  const { handover, role } = await openHandover(deps, actor, handoverId);
  const item = handover.items.find((i) => i.contributionId === contributionId);
  if (!item || !speaksForContribution(actor, { organisationId: item.organisation.id }))
    throw forbidden('consent.answer', 'Only the contributing organisation answers');
  void role;
  const changed = await deps.db.$transaction(async (tx) => {
    const done = await answerHandoverItem(tx, handoverId, contributionId, {
      granted,
      memberId: actor.memberId,
      at: deps.clock.now(),
    });
    if (done)
      await recordAudit(tx, actor, {
        action: granted ? 'handover.itemGranted' : 'handover.itemRefused',
        recordType: 'contribution',
        recordId: contributionId,
        caseId: handover.caseId,
        purpose: 'overdracht',
      });
    return done;
  });
  return { changed };
}

/** Completes the handover once every contributor answered; the registering partner then gets exactly what was agreed. */
export async function completeHandover(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  handoverId: string,
): Promise<{ completed: boolean; notifications: Notification[] }> {
  const { handover, role } = await openHandover(deps, actor, handoverId);
  if (role !== 'manager') throw forbidden('regie.direct', 'Only the one who prepared it or the procesmanager');
  if (handover.items.some((i) => i.consent === 'requested')) throw conflict('consentPending', 'Consent pending');
  const notifications = await deps.db.$transaction(async (tx) => {
    const done = await completeHandoverIfOpen(tx, handoverId, deps.clock.now());
    if (!done) return undefined;
    await recordAudit(tx, actor, {
      action: 'handover.completed',
      recordType: 'handover',
      recordId: handoverId,
      caseId: handover.caseId,
      purpose: 'overdracht',
    });
    const others = (await listActiveMembers(tx, { organisationId: handover.registeringOrganisation.id })).filter(
      (m) => m.id !== actor.memberId,
    );
    return tell(
      tx,
      deps.clock.now(),
      speakersFor(others, [handover.registeringOrganisation.id]).map((to) => ({
        kind: 'handoverReady' as const,
        to,
        handoverId,
      })),
    );
  });
  return { completed: notifications !== undefined, notifications: notifications ?? [] };
}

/** The registering partner reads what it takes along: logged, so the log shows what the receiving table got. */
export async function readHandover(
  deps: { db: Db },
  actor: Actor,
  handoverId: string,
): Promise<{ handover: HandoverView; role: HandoverRole }> {
  const opened = await openHandover(deps, actor, handoverId);
  await recordAudit(deps.db, actor, {
    action: 'handover.viewed',
    recordType: 'handover',
    recordId: handoverId,
    caseId: opened.handover.caseId,
    purpose: 'overdracht',
  });
  return opened;
}
