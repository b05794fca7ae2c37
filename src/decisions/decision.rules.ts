import { z } from 'zod';
import { caseOutcomes, type CaseOutcome } from '../lifecycle/lifecycle.types.ts';
import { fieldErrors, parseDutchDate, requiredChoice, requiredText } from '../validation.ts';

export const nextSteps = ['backOnAgenda', 'regieFollowUp', 'shadowList', 'closure'] as const;
export type NextStep = (typeof nextSteps)[number];

/** How many action rows the decision card offers: with every partner in each organisation list, four keep the card under 24 KB. */
export const maxActionsPerDecision = 4;

export const DecisionField = {
  action: (n: number, key: 'description' | 'organisationId' | 'dueDate' | 'takeHome') => `action${n}_${key}`,
} as const;

export interface DecisionInput {
  goal: string;
  plan: string;
  directorMemberId: string;
  nextStep: NextStep;
  nextDate?: string;
  /** How the case ended, when the next step is closure. */
  outcome?: CaseOutcome;
  /** Per action, the contributions its organisation needs ("mee naar huis"): used only with their contributors' consent. */
  actions: { description: string; organisationId: string; dueDate: string; takeHome: string[] }[];
  /** The invited organisations that took part in the discussion, as the chair marks them. */
  attendance: string[];
  correctionReason?: string;
}

export interface DecisionContext {
  /** Members who may be appointed casusregisseur: members of an organisation involved in the case. */
  directorCandidates: ReadonlySet<string>;
  /** Organisations that may own an action: those invited to the case. */
  actionOrganisations: ReadonlySet<string>;
  /** Today in the table's timezone, YYYY-MM-DD. */
  today: string;
  /** The case's contributions that may be marked "mee naar huis". */
  contributionIds?: ReadonlySet<string>;
  correcting: boolean;
}

const base = z.object({
  goal: requiredText('Beschrijf het doel dat is afgesproken.', 1_000),
  plan: requiredText('Beschrijf het plan van aanpak.', 2_000),
  directorMemberId: requiredText('Kies de casusregisseur.', 100),
  nextStep: requiredChoice(nextSteps, 'Kies de volgende stap.'),
  nextDate: z.string().trim().optional(),
  outcome: z.string().trim().optional(),
  correctionReason: z.string().trim().max(1_000, 'Maximaal 1000 tekens.').optional(),
});

/**
 * The besluit as the card sends it, checked against the case: a regisseur from an involved organisation,
 * actions owned by invited organisations with a due date from today, a date when the case comes back.
 * Errors are keyed by input id, in Dutch.
 */
export function parseDecision(
  values: Record<string, string | undefined>,
  ctx: DecisionContext,
): { ok: true; decision: DecisionInput } | { ok: false; errors: Record<string, string> } {
  const parsed = base.safeParse(values);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
  const actions: DecisionInput['actions'] = [];
  for (let n = 1; n <= maxActionsPerDecision; n++) {
    const f = (key: 'description' | 'organisationId' | 'dueDate') => DecisionField.action(n, key);
    const description = values[f('description')]?.trim() ?? '';
    const organisationId = values[f('organisationId')]?.trim() ?? '';
    const typedDue = values[f('dueDate')]?.trim() ?? '';
    if (!description && !organisationId && !typedDue) continue;
    const dueDate = parseDutchDate(typedDue) ?? '';
    if (!description) errors[f('description')] = 'Beschrijf de actie.';
    else if (description.length > 500) errors[f('description')] = 'Maximaal 500 tekens.';
    if (!ctx.actionOrganisations.has(organisationId))
      errors[f('organisationId')] = 'Kies een organisatie die bij de casus betrokken is.';
    if (!dueDate) errors[f('dueDate')] = 'Geen geldige datum. Schrijf hem als dd-mm-jjjj, bijvoorbeeld 01-12-2026.';
    else if (dueDate < ctx.today) errors[f('dueDate')] = 'De datum ligt in het verleden.';
    const takeHome = (values[DecisionField.action(n, 'takeHome')] ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((id) => ctx.contributionIds?.has(id));
    actions.push({ description, organisationId, dueDate, takeHome });
  }
  const attendance = (values.attendance ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (attendance.some((id) => !ctx.actionOrganisations.has(id)))
    errors.attendance = 'Kies alleen organisaties die voor deze casus zijn uitgenodigd.';
  if (parsed.success) {
    const d = parsed.data;
    if (!ctx.directorCandidates.has(d.directorMemberId))
      errors.directorMemberId = 'Kies een casusregisseur van een betrokken organisatie.';
    if (d.nextStep === 'backOnAgenda') {
      const next = d.nextDate ? parseDutchDate(d.nextDate) : undefined;
      if (!next) errors.nextDate = 'Schrijf de datum waarop de casus terugkomt als dd-mm-jjjj.';
      else if (next <= ctx.today) errors.nextDate = 'Die datum moet na vandaag liggen.';
    }
    if (d.nextStep === 'closure' && !caseOutcomes.includes(d.outcome as CaseOutcome))
      errors.outcome = 'Kies de uitkomst van de casus bij afsluiten.';
    if (d.nextStep === 'closure' && actions.length)
      errors[DecisionField.action(1, 'description')] ??=
        'Bij afsluiten worden geen acties meer afgesproken. Laat de acties leeg of kies een andere volgende stap.';
    if (ctx.correcting && !d.correctionReason)
      errors.correctionReason = 'Schrijf waarom het besluit wordt gecorrigeerd.';
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  const d = parsed.data;
  return {
    ok: true,
    decision: {
      goal: d.goal,
      plan: d.plan,
      directorMemberId: d.directorMemberId,
      nextStep: d.nextStep,
      ...(d.nextStep === 'backOnAgenda' ? { nextDate: parseDutchDate(d.nextDate ?? '') } : {}),
      ...(d.nextStep === 'closure' ? { outcome: d.outcome as CaseOutcome } : {}),
      actions,
      attendance,
      ...(ctx.correcting ? { correctionReason: d.correctionReason } : {}),
    },
  };
}
