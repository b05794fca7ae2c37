import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dutchErrorMap, fieldErrors } from '../../src/validation.ts';

/** What zod says by itself when a schema gives no message of its own: Dutch, never "Required" or "Invalid input". */
const english =
  /\b(Invalid|input|Required|Expected|received|String|must|contain|character|Number|least|most|enum|value|type|Array|Date)\b/;

function messagesOf(schema: z.ZodTypeAny, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  expect(parsed.success).toBe(false);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

describe('zod speaks Dutch once src/validation.ts is loaded', () => {
  const cases: [string, z.ZodTypeAny, unknown, string][] = [
    ['an absent field', z.object({ naam: z.string() }), {}, 'Vul dit veld in.'],
    ['a wrong type', z.string(), 12, 'Deze waarde is niet geldig.'],
    ['an empty text', z.string().min(1), '', 'Vul dit veld in.'],
    ['a short text', z.string().min(3), 'ab', 'Minimaal 3 tekens.'],
    ['a long text', z.string().max(3), 'abcd', 'Maximaal 3 tekens.'],
    ['an e-mail address', z.string().email(), 'geen', 'Dit is geen geldig e-mailadres.'],
    ['a uuid', z.string().uuid(), 'x', 'Deze tekst is niet geldig.'],
    ['a pattern', z.string().regex(/^\d+$/), 'x', 'Dit heeft niet de goede vorm.'],
    ['a choice', z.enum(['a', 'b']), 'c', 'Kies een van de mogelijkheden.'],
    ['a small number', z.number().int().min(5), 2, 'Minimaal 5.'],
    ['a big number', z.number().max(120), 200, 'Maximaal 120.'],
    ['a fraction', z.number().int(), 1.5, 'Deze waarde is niet geldig.'],
    ['an empty list', z.array(z.string()).min(1), [], 'Kies er minstens één.'],
    ['a date', z.date(), new Date('x'), 'Dit is geen geldige datum.'],
    ['a literal', z.literal('ja'), 'nee', 'Deze waarde is niet geldig.'],
    ['a union', z.union([z.number(), z.boolean()]), 'x', 'Deze waarde is niet geldig.'],
    ['extra keys', z.object({}).strict(), { x: 1 }, 'Er staan onbekende velden in.'],
    ['a refinement', z.string().refine((v) => v === 'x'), 'y', 'Deze waarde is niet geldig.'],
  ];
  it.each(cases)('%s', (_what, schema, value, message) => {
    const messages = messagesOf(schema, value);
    expect(messages).toContain(message);
    for (const m of messages) expect(m).not.toMatch(english);
  });

  it('a schema with its own message keeps it', () => {
    const schema = z.object({ naam: z.string({ required_error: 'Vul je naam in.' }).min(1, 'Vul je naam in.') });
    const parsed = schema.safeParse({});
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrors(parsed.error)).toEqual({ naam: 'Vul je naam in.' });
  });

  it('is the map zod uses', () => {
    expect(z.getErrorMap()).toBe(dutchErrorMap);
  });
});
