import { z } from 'zod';

/** A text field that must be filled in; the same Dutch message whether it is absent or blank. */
export function requiredText(message: string, max = 500) {
  return z
    .string({ required_error: message, invalid_type_error: message })
    .trim()
    .min(1, message)
    .max(max, `Maximaal ${max} tekens.`);
}

/** A phone number as people write it: +599 717 0000, (0)6-12345678. */
export const phonePattern = /^\+?[0-9 ()-]{7,20}$/;

/** Work contact details that may be left out; blank counts as left out. */
export const optionalPhone = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().max(30, 'Maximaal 30 tekens.').regex(phonePattern, 'Geen geldig telefoonnummer.').optional(),
);
export const optionalEmail = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().max(200, 'Maximaal 200 tekens.').email('Geen geldig e-mailadres.').optional(),
);

export function requiredChoice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { required_error: message, invalid_type_error: message, message });
}

/** Field errors keyed by the first path element (the card input id), first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return errors;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive in card data, which a client can forge: a lookup by a non-id finds nothing instead of failing. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** "12-4-1990", "12-04-1990" or "1990-04-12" to "1990-04-12"; undefined when it is no real date. */
export function parseDutchDate(value: string): string | undefined {
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  const iso = dutch ? `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}` : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}
