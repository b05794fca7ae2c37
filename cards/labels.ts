import type { CaseStatus, Chain, LifeDomain, Urgency } from '../src/referrals/referral.types.ts';
import type { MemberRole } from '../src/members/member.types.ts';
import type { AgendaReason } from '../src/conferences/agenda.rules.ts';
import type { SessionStatus } from '../src/conferences/session.repository.ts';
import type { ActionCloseReason } from '../src/actions/action.repository.ts';

export const roleLabels: Record<MemberRole, string> = {
  processManager: 'Procesmanager',
  contactPerson: 'Contactpersoon',
  participant: 'Deelnemer casusoverleg',
  steeringGroupMember: 'Stuurgroeplid',
};

export const lifeDomainLabels: Record<LifeDomain, string> = {
  housing: 'Wonen',
  finances: 'Financiën',
  health: 'Lichamelijke gezondheid',
  mentalHealth: 'Psychische gezondheid',
  addiction: 'Verslaving',
  domesticViolence: 'Huiselijk geweld',
  justice: 'Justitie',
  parenting: 'Opvoeding',
  schoolWork: 'School en werk',
  daytimeActivities: 'Dagbesteding',
};

export const chainLabels: Record<Chain, string> = {
  care: 'Zorg',
  justice: 'Straf (justitie)',
  administration: 'Bestuur',
};
export const urgencyLabels: Record<Urgency, string> = { normal: 'Normaal', high: 'Hoog' };
export const statusLabels: Record<CaseStatus, string> = {
  draft: 'Concept',
  submitted: 'Wacht op screening',
  infoRequested: 'Meer informatie gevraagd',
  accepted: 'Geaccepteerd',
  rejected: 'Afgewezen',
  shadowList: 'Op de schaduwlijst',
  closed: 'Afgesloten',
};

/** A case's stage in words: an accepted case with a casusregisseur is under regie, not merely "geaccepteerd". */
export function caseStatusLabel(status: CaseStatus, directed: boolean): string {
  return status === 'accepted' && directed ? 'Onder regie' : statusLabels[status];
}

/** The three national criteria, as the ZVH states them. */
export const criterionLabels = {
  multipleDomains: 'Er zijn problemen op meerdere leefgebieden, die (kunnen) leiden tot overlast of crimineel gedrag.',
  chainsAndOrganisations: 'Meerdere ketens en meer dan twee organisaties zijn erbij betrokken.',
  familyOrSafety:
    'De problemen hebben gevolgen voor het hele gezin of de directe leefomgeving, of er is lokale veiligheidsproblematiek die om een ketenoverstijgende aanpak vraagt.',
} as const;

// Building an Intl.DateTimeFormat costs about a tenth of a millisecond; an agenda formats hundreds of times.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat('nl-NL', { timeZone, ...options })));
  return f;
}

/** A meeting time as the table's members read it: in the table's own timezone. */
export function formatSession(at: Date, timeZone: string): string {
  return formatter(timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** A meeting time short enough for a dropdown: "di 24 nov, 10:00", in the table's timezone. */
export function formatSessionShort(at: Date, timeZone: string): string {
  return formatter(timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** A day as someone reads it where they are: in the table's timezone, or the network's. */
export function formatDate(at: Date, timeZone: string): string {
  return formatter(timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

/** 2010-03-04 -> 4-3-2010 */
export function formatBirthDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${Number(d)}-${Number(m)}-${y}`;
}

export const reasonLabels: Record<AgendaReason, string> = {
  newCase: 'Nieuwe casus',
  backOnAgenda: 'Terug op de agenda',
  returnFromShadowList: 'Terug van de schaduwlijst',
  overdueActions: 'Acties over de termijn',
};

export const sessionStatusLabels: Record<SessionStatus, string> = {
  planned: 'Gepland',
  moved: 'Verplaatst',
  cancelled: 'Geannuleerd',
  extra: 'Extra overleg',
  held: 'Gehouden',
};

export const weekdayLabels = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const;

/** A clock time in the table's timezone: 10:15. */
export function formatTime(at: Date, timeZone: string): string {
  return formatter(timeZone, { hour: '2-digit', minute: '2-digit' }).format(at);
}

export const itemStateLabels = {
  waiting: 'wacht',
  active: 'bezig',
  decided: 'besloten',
  deferred: 'doorgeschoven',
} as const;

export const outcomeLabels = {
  goalReached: 'Doel bereikt',
  goalPartlyReached: 'Doel deels bereikt',
  goalNotReached: 'Doel niet bereikt',
  transferred: 'Overgedragen',
  other: 'Anders',
} as const;

export const goalAnswerLabels = { yes: 'Ja', partly: 'Deels', no: 'Nee' } as const;

export const regieKindLabels = {
  progress: 'Voortgang',
  backOnAgenda: 'Terug op de agenda',
  shadowList: 'Naar de schaduwlijst',
  pulledBack: 'Teruggehaald van de schaduwlijst',
  returned: 'Terug van de schaduwlijst (na zes maanden)',
  closed: 'Afgesloten',
  directorChanged: 'Andere casusregisseur',
} as const;

export const nextStepLabels = {
  backOnAgenda: 'Terug op de agenda',
  regieFollowUp: 'Vervolg door de casusregisseur',
  shadowList: 'Naar de schaduwlijst',
  closure: 'Afsluiten',
} as const;

/** Why an action was not done ("Niet uitgevoerd"). */
export const closeReasonLabels: Record<ActionCloseReason, string> = {
  failed: 'Niet gelukt',
  changed: 'Omstandigheden gewijzigd',
  skipped: 'Niet gedaan',
};

/** 2026-12-01 -> 1 december 2026 (a calendar day, the same in every timezone). */
export function formatIsoDate(isoDate: string): string {
  return formatDate(new Date(`${isoDate}T12:00:00Z`), 'UTC');
}
