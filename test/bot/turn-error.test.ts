import { beforeEach, describe, expect, it } from 'vitest';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { createTestBot, processManager } from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';

const db = useDatabase();
beforeEach(() => seedDemoData(db, [...demoMembers]));

describe('a turn that throws', () => {
  const secret = 'Kevin Janga, geboren 01-02-2003';
  const failingRoster = {
    membersOf: async () => {
      throw new Error(`roster broke near ${secret}`);
    },
  };

  it('when typed, then the user gets a short Dutch apology with a code, and the log has that code but no personal data', async () => {
    const bot = createTestBot(db, { roster: failingRoster });
    const [reply] = await bot.say(processManager, 'lid toevoegen');
    expect(reply?.text).toMatch(
      /^Sorry, er ging iets mis\. Er is niets half opgeslagen; .* code ([0-9a-f]{8}) aan de procesmanager\.$/,
    );
    const code = /code ([0-9a-f]{8})/.exec(reply!.text!)![1]!;
    const failure = bot.logs.lines().find((l) => l.msg === 'turn failed');
    expect(String(failure?.correlationId)).toMatch(new RegExp(`^${code}`));
    expect(failure).toMatchObject({ level: 50, errorType: 'Error', activityType: 'message' });
    expect(bot.logs.text()).not.toContain('Kevin');
    expect(bot.logs.text()).not.toContain('lid toevoegen');
  });

  it('when clicked, then the apology comes back as the invoke response', async () => {
    const bot = createTestBot(db, { roster: failingRoster });
    const { body } = await bot.click(processManager, 'members.form');
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(body.value)).toMatch(/^Sorry, er ging iets mis/);
  });
});
