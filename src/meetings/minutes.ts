import type { UseCaseDeps } from '../use-case.ts';
import type { Actor } from '../actor.ts';
import { canChair, canSeeContribution, canSeeDiscussion } from '../access/case-access.ts';
import { listActionsOfCases, type ActionView } from '../actions/action.repository.ts';
import { recordAudits } from '../audit/audit.repository.ts';
import { agendaAtTable, type AgendaView } from '../conferences/agenda.ts';
import { listOrganisations } from '../organisations/organisation.repository.ts';
import type { DecisionView } from '../decisions/decision.repository.ts';
import { listDecisions } from '../decisions/decision.repository.ts';
import { unfinishedFromLastMeeting } from './discussion.ts';
import { asSeenBy, listAttendance, listContributions, type ContributionView } from './discussion.repository.ts';

export interface MinutesItem {
  agendaItemId: string;
  reference: string;
  state: AgendaView['items'][number]['state'];
  attendance: string[];
  /** What was brought in at this meeting that the viewer may see (a sensitive one: its organisation and the chair). */
  contributions: ContributionView[];
  decisions: DecisionView[];
  actions: ActionView[];
  /** The actions of the case's meeting before this one that did not end done, with their reasons. */
  unfinishedFromLastMeeting: ActionView[];
}

/**
 * The verslag of a meeting, for one person: per case whose discussion they may see (canSeeDiscussion), who
 * took part, what was decided in that meeting and its actions. Other cases are not in it.
 */
export async function sessionMinutes(
  deps: UseCaseDeps,
  actor: Actor,
  sessionId: string,
): Promise<{ agenda: AgendaView; items: MinutesItem[] }> {
  // Only someone at the table; of its cases, those whose discussion they may see.
  const { agenda, table, rows: items } = await agendaAtTable(deps, actor, sessionId);
  const rows = new Map(items.map((r) => [r.id, r]));
  const visible = agenda.items.filter(
    (i) => rows.has(i.id) && canSeeDiscussion(actor, rows.get(i.id)!, { chairMemberId: table.chair?.memberId }),
  );
  const caseIds = visible.map((i) => i.caseId);
  const [attendance, organisations, actions, decisions, contributions] = await Promise.all([
    listAttendance(
      deps.db,
      visible.map((i) => i.id),
    ),
    listOrganisations(deps.db),
    listActionsOfCases(deps.db, caseIds),
    Promise.all(caseIds.map((id) => listDecisions(deps.db, id))),
    Promise.all(caseIds.map((id) => listContributions(deps.db, id))),
  ]);
  const chairing = canChair(actor, { chairMemberId: table.chair?.memberId });
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  await auditRead(deps, actor, sessionId, caseIds);
  return {
    agenda,
    items: visible.map((item, n) => {
      const taken = decisions[n]!.filter((d) => d.agendaItemId === item.id);
      const ids = new Set(taken.map((d) => d.id));
      return {
        agendaItemId: item.id,
        reference: item.reference,
        state: item.state,
        attendance: attendance
          .filter((x) => x.agendaItemId === item.id)
          .map((x) => names.get(x.organisationId) ?? '')
          .sort(),
        contributions: contributions[n]!.filter(
          (c) =>
            c.agendaItemId === item.id &&
            canSeeContribution(actor, { ...c, organisationId: c.organisation.id }, { chairing }),
        ).map((c) => asSeenBy(actor.organisationId, c)),
        decisions: taken,
        actions: actions.filter((x) => ids.has(x.decisionId)),
        unfinishedFromLastMeeting: unfinishedFromLastMeeting(
          decisions[n]!,
          actions.filter((x) => x.caseId === item.caseId),
          item.id,
          agenda.session.startsAt,
        ),
      };
    }),
  };
}

/** One logbook event per case read in the verslag, so each case's logbook shows who read it. */
async function auditRead(deps: UseCaseDeps, actor: Actor, sessionId: string, caseIds: string[]): Promise<void> {
  if (caseIds.length)
    await recordAudits(
      deps.db,
      actor,
      caseIds.map((caseId) => ({
        action: 'minutes.viewed',
        recordType: 'session',
        recordId: sessionId,
        caseId,
        purpose: 'casusoverleg' as const,
      })),
    );
}
