import { z } from 'zod';
import { fieldErrors, parseDutchDate, requiredChoice, requiredText } from '../validation.ts';
import {
  caseOutcomes,
  goalAnswers,
  proposalKinds,
  type CaseOutcome,
  type GoalAnswer,
  type ProposalKind,
} from './lifecycle.types.ts';

type Parsed<T> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Maximaal ${max} tekens.`)
    .optional()
    .transform((v) => v || undefined);

/** A progress update of the regisseur: short, for the organisations involved. */
export function parseProgress(values: Record<string, string | undefined>): Parsed<{ text: string }> {
  const parsed = z.object({ text: requiredText('Schrijf kort hoe het gaat.', 1_000) }).safeParse(values);
  return parsed.success ? { ok: true, text: parsed.data.text } : { ok: false, errors: fieldErrors(parsed.error) };
}

/** Back on the agenda: from a date (dd-mm-jjjj, after today) or, without one, the next meeting with room; always with a reason. */
export function parseBackOnAgenda(
  values: Record<string, string | undefined>,
  today: string,
): Parsed<{ date?: string; reason: string }> {
  const parsed = z
    .object({
      reason: requiredText('Schrijf waarom de casus terug op de agenda moet.', 500),
      date: z.string().trim().optional(),
    })
    .safeParse(values);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
  const typed = values.date?.trim();
  const date = typed ? parseDutchDate(typed) : undefined;
  if (typed && !date)
    errors.date =
      'Geen geldige datum. Schrijf hem als dd-mm-jjjj, of laat het veld leeg voor het eerstvolgende overleg.';
  else if (date && date <= today) errors.date = 'Die datum moet na vandaag liggen.';
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, reason: parsed.data.reason, ...(date ? { date } : {}) };
}

/** To the schaduwlijst, or closed with its outcome; a note is optional. */
export function parseProposal(
  values: Record<string, string | undefined>,
): Parsed<{ kind: ProposalKind; outcome?: CaseOutcome; note?: string }> {
  const parsed = z
    .object({
      kind: requiredChoice(proposalKinds, 'Kies: naar de schaduwlijst of afsluiten.'),
      outcome: z
        .enum(caseOutcomes)
        .optional()
        .or(z.literal('').transform(() => undefined)),
      note: optionalText(1_000),
    })
    .safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { kind, outcome, note } = parsed.data;
  if (kind === 'closure' && !outcome) return { ok: false, errors: { outcome: 'Kies de uitkomst van de casus.' } };
  return { ok: true, kind, ...(kind === 'closure' ? { outcome } : {}), ...(note ? { note } : {}) };
}

/** The fixed evaluation questions. */
export function parseEvaluation(
  values: Record<string, string | undefined>,
): Parsed<{ evaluation: { goalReached: GoalAnswer; cooperation: number; wentWell?: string; couldBeBetter?: string } }> {
  const parsed = z
    .object({
      goalReached: requiredChoice(goalAnswers, 'Is het doel bereikt? Kies een antwoord.'),
      cooperation: requiredChoice(['1', '2', '3', '4', '5'], 'Geef de samenwerking een cijfer van 1 tot 5.'),
      wentWell: optionalText(1_000),
      couldBeBetter: optionalText(1_000),
    })
    .safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const d = parsed.data;
  return {
    ok: true,
    evaluation: {
      goalReached: d.goalReached,
      cooperation: Number(d.cooperation),
      ...(d.wentWell ? { wentWell: d.wentWell } : {}),
      ...(d.couldBeBetter ? { couldBeBetter: d.couldBeBetter } : {}),
    },
  };
}
