import { z } from 'zod';

const invalid = 'Deze waarde is niet geldig.';
const fillIn = 'Vul dit veld in.';

function stringIssue(validation: z.ZodInvalidStringIssue['validation']): string {
  if (validation === 'email') return 'Dit is geen geldig e-mailadres.';
  if (validation === 'url') return 'Dit is geen geldige link.';
  if (validation === 'datetime' || validation === 'date' || validation === 'time')
    return 'Dit is geen geldige datum of tijd.';
  if (validation === 'regex') return 'Dit heeft niet de goede vorm.';
  return 'Deze tekst is niet geldig.';
}

function tooSmall(issue: z.ZodTooSmallIssue): string {
  const n = Number(issue.minimum);
  if (issue.type === 'string') return n <= 1 ? fillIn : `Minimaal ${n} tekens.`;
  if (issue.type === 'array' || issue.type === 'set')
    return n <= 1 ? 'Kies er minstens één.' : `Kies er minstens ${n}.`;
  if (issue.type === 'date') return 'Deze datum is te vroeg.';
  return issue.inclusive ? `Minimaal ${n}.` : `Meer dan ${n}.`;
}

function tooBig(issue: z.ZodTooBigIssue): string {
  const n = Number(issue.maximum);
  if (issue.type === 'string') return `Maximaal ${n} tekens.`;
  if (issue.type === 'array' || issue.type === 'set') return `Maximaal ${n}.`;
  if (issue.type === 'date') return 'Deze datum is te laat.';
  return issue.inclusive ? `Maximaal ${n}.` : `Minder dan ${n}.`;
}

/**
 * Every message zod makes by itself, in Dutch: a person reads them under the field they filled in (a schema's own
 * message, such as requiredText's, comes first). Installed once for the process by loading this module, which every
 * use case that validates input does.
 */
export const dutchErrorMap: z.ZodErrorMap = (issue) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === 'undefined' || issue.received === 'null' ? fillIn : invalid };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: 'Kies een van de mogelijkheden.' };
    case z.ZodIssueCode.invalid_date:
      return { message: 'Dit is geen geldige datum.' };
    case z.ZodIssueCode.invalid_string:
      return { message: stringIssue(issue.validation) };
    case z.ZodIssueCode.too_small:
      return { message: tooSmall(issue) };
    case z.ZodIssueCode.too_big:
      return { message: tooBig(issue) };
    case z.ZodIssueCode.not_multiple_of:
      return { message: `Dit moet een veelvoud van ${Number(issue.multipleOf)} zijn.` };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: 'Er staan onbekende velden in.' };
    default:
      return { message: invalid };
  }
};
z.setErrorMap(dutchErrorMap);

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
