import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Command, verbPrefix, type BotCommand } from '../../cards/commands.ts';
import { Verb } from '../../cards/verbs.ts';

/** The feature file that answers a verb prefix: its plural, or the word itself where Dutch or English has none. */
const uncountable = new Set(['screening', 'agenda', 'regie', 'informing', 'consent', 'inzage', 'figures', 'logbook']);
const featureFileOf = (prefix: string) =>
  uncountable.has(prefix) ? `${prefix}.ts` : prefix === 'shadowList' ? 'shadow-list.ts' : `${prefix}s.ts`;

const verbName = Object.fromEntries(Object.entries(Verb).map(([name, verb]) => [name, verb as string]));

/**
 * Which verbs each feature file answers: a feature names a verb only to register it (`onVerb(app, Verb.x, …)`,
 * directly or from a list), and the buttons of the commands it wires answer there too.
 */
async function registeredVerbs(): Promise<Map<string, string[]>> {
  const dir = new URL('../../bot/features/', import.meta.url);
  const byFile = new Map<string, string[]>();
  for (const file of await readdir(dir)) {
    const source = await readFile(new URL(file, dir), 'utf8');
    const verbs = [...source.matchAll(/\bVerb\.(\w+)/g)].map((m) => verbName[m[1]!]!);
    const commands = [...source.matchAll(/registerCommand\(\s*app,\s*Command\.(\w+)/g)].map((m) => m[1]!);
    const buttons = commands.flatMap((c) => (Command as Record<string, BotCommand>)[c]?.button ?? []);
    byFile.set(file, [...new Set([...verbs, ...buttons])]);
  }
  return byFile;
}

describe('the code map: a verb leads to its file', () => {
  it('every verb is answered, once, in bot/features/<prefix>s.ts', async () => {
    const byFile = await registeredVerbs();
    const answeredIn = new Map<string, string[]>();
    for (const [file, verbs] of byFile)
      for (const verb of verbs) answeredIn.set(verb, [...(answeredIn.get(verb) ?? []), file]);
    for (const verb of Object.values(Verb)) {
      expect(answeredIn.get(verb), verb).toEqual([featureFileOf(verbPrefix(verb))]);
    }
  });

  it('the README names the handler file of every verb prefix', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const prefix of new Set(Object.values(Verb).map(verbPrefix))) {
      expect(readme, prefix).toContain(`| \`${prefix}.*\` |`);
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${prefix}.*\` |`))!;
      expect(row, prefix).toContain(`bot/features/${featureFileOf(prefix)}`);
    }
  });

  it('every typed command is wired by registerCommand in some feature', async () => {
    const dir = new URL('../../bot/features/', import.meta.url);
    const sources = await Promise.all((await readdir(dir)).map((f) => readFile(new URL(f, dir), 'utf8')));
    const wired = new Set(
      sources.flatMap((s) => [...s.matchAll(/registerCommand\(\s*app,\s*Command\.(\w+)/g)].map((m) => m[1]!)),
    );
    expect([...wired].sort()).toEqual(Object.keys(Command).sort());
  });
});
