import { describe, expect, it } from 'vitest';
import { Command, suggestCommand, type BotCommand } from '../../cards/commands.ts';
import { unknownCommandCard } from '../../cards/help.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { can } from '../../src/access/policy.ts';

const forRole =
  (role: Parameters<typeof can>[0]['role']) =>
  (c: BotCommand): boolean =>
    c.permission === undefined || can({ role }, c.permission);

describe('the fallback suggests the closest command (issue 20, part 9)', () => {
  it.each([
    ['acties', Command.myActions],
    ['Acties', Command.myActions],
    ['mijn actie', Command.myActions],
    ['mijn acites', Command.myActions],
    ['casusen', Command.cases],
    ['agneda', Command.agenda],
    ['hlp', Command.help],
  ])('"%s" becomes a question about the command %#', (typed, command) => {
    expect(suggestCommand(typed, forRole('participant'))).toEqual({ command });
  });

  it('"casus 0084", a part of a reference, becomes a search in casussen', () => {
    expect(suggestCommand('casus 0084', forRole('participant'))).toEqual({ command: Command.cases, search: '0084' });
    expect(suggestCommand('Casus  zvh-2026 ', forRole('participant'))).toEqual({
      command: Command.cases,
      search: 'zvh-2026',
    });
  });

  it('suggests nothing the person may not use, and nothing for words far from any command', () => {
    expect(suggestCommand('acties', forRole('steeringGroupMember'))?.command).not.toBe(Command.myActions);
    expect(suggestCommand('casus 0084', forRole('steeringGroupMember'))).toBeUndefined();
    expect(suggestCommand('goedemorgen allemaal', forRole('participant'))).toBeUndefined();
    expect(suggestCommand('   ', forRole('participant'))).toBeUndefined();
  });

  it('the card asks in Dutch and offers the command as a button; in a shared conversation words only', () => {
    const personal = unknownCommandCard({ command: Command.myActions }, { shared: false });
    expect(JSON.stringify(personal)).toContain('Bedoel je **mijn acties**?');
    const buttons = (personal.actions ?? []) as { title: string; verb: string; data: Record<string, unknown> }[];
    expect(buttons.map((b) => [b.title, b.verb])).toEqual([['Mijn acties', Verb.actionMine]]);
    const search = unknownCommandCard({ command: Command.cases, search: '0084' }, { shared: false });
    expect(((search.actions ?? []) as { verb: string; data: Record<string, unknown> }[])[0]).toMatchObject({
      verb: Verb.caseList,
      data: { search: '0084' },
    });
    const shared = unknownCommandCard({ command: Command.agenda }, { shared: true });
    expect(shared.actions ?? []).toEqual([]);
    expect(JSON.stringify(unknownCommandCard(undefined, { shared: false }))).not.toContain('Bedoel je');
  });
});
