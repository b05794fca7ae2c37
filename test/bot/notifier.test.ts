import {
  TestAdapter,
  TurnContext,
  type Activity,
  type ConversationParameters,
  type ConversationReference,
  type ResourceResponse,
} from '../../bot/teams/testing.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { BotNotifier } from '../../bot/teams/proactive.ts';
import { saveConversation } from '../../src/conversations/conversation-ref.repository.ts';
import { useDatabase } from '../support/database.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { capturingLogger } from '../support/logs.ts';

const db = useDatabase();

/** A Teams connector that throttles: the first `failures` sends answer with `status`. */
class ThrottlingAdapter extends TestAdapter {
  attempts = 0;
  constructor(
    private failures: number,
    private status = 429,
  ) {
    super();
  }
  /** TestAdapter lacks proactive messaging; this is what CloudAdapter does, minus the network. */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: 'event', name: 'ContinueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(this.createContext(activity), logic);
  }

  /** What Teams does on createConversation: a new 1:1 conversation, in which the logic then runs. */
  readonly created: ConversationParameters[] = [];
  async createConversationFor(
    serviceUrl: string,
    parameters: ConversationParameters,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    this.created.push(parameters);
    const activity = {
      type: 'event',
      name: 'CreateConversation',
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: `a:personal-${this.created.length}`, tenantId: parameters.tenantId },
      recipient: parameters.bot,
      from: parameters.members?.[0],
    } as Partial<Activity>;
    await this.runMiddleware(this.createContext(activity), logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    this.attempts++;
    if (this.failures-- > 0) throw Object.assign(new Error('throttled'), { statusCode: this.status });
    return super.sendActivities(context, activities);
  }
}

function notifierOn(adapter: ThrottlingAdapter) {
  const logs = capturingLogger();
  const notifier = new BotNotifier({
    db,
    log: logs.log,
    continueConversation: (reference, logic) => adapter.continueConversation(reference, logic),
    createConversation: (serviceUrl, parameters, logic) => adapter.createConversationFor(serviceUrl, parameters, logic),
    retry: { policy: { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 }, sleep: async () => {} },
  });
  return { notifier, logs };
}

beforeEach(async () => {
  await saveConversation(db, {
    conversationId: 'personal-ruben',
    kind: 'personal',
    aadObjectId: 'aad-ruben',
    reference: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/',
      conversation: { id: 'personal-ruben' },
      bot: { id: 'bot' },
      user: { id: 'u' },
    },
  });
  await saveConversation(db, {
    conversationId: '19:casusoverleg',
    kind: 'channel',
    teamId: 'team',
    channelId: '19:casusoverleg',
    reference: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/',
      conversation: { id: '19:casusoverleg', tenantId: 'tenant-zvh' },
      bot: { id: '28:bot' },
    },
  });
});

describe('BotNotifier', () => {
  it('when a person has a saved personal chat, then the card is posted there', async () => {
    const adapter = new ThrottlingAdapter(0);
    const { notifier } = notifierOn(adapter);
    const result = await notifier.toPerson('aad-ruben', {
      text: 'Nieuwe actie',
      card: { type: 'AdaptiveCard', version: '1.5', body: [] },
    });
    expect(result.delivered).toBe(true);
    expect(adapter.activeQueue).toHaveLength(1);
    expect(adapter.activeQueue[0]).toMatchObject({ text: 'Nieuwe actie', conversation: { id: 'personal-ruben' } });
    expect(adapter.activeQueue[0]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it.each([429, 412])(
    'when Teams answers %i twice, then it retries and the channel post arrives once',
    async (status) => {
      const adapter = new ThrottlingAdapter(2, status);
      const { notifier, logs } = notifierOn(adapter);
      await notifier.toConversation('19:casusoverleg', { text: 'Agenda' });
      expect(adapter.attempts).toBe(3);
      expect(adapter.activeQueue).toHaveLength(1);
      expect(logs.lines().filter((l) => l.msg === 'Teams asked to slow down: retrying')).toHaveLength(2);
    },
  );

  it.each([502, 504])(
    'when Teams answers %i to a channel post, then it is not sent again (it may have arrived): the caller hears the failure',
    async (status) => {
      const adapter = new ThrottlingAdapter(1, status);
      const { notifier } = notifierOn(adapter);
      await expect(notifier.toConversation('19:casusoverleg', { text: 'Agenda' })).rejects.toMatchObject({
        statusCode: status,
      });
      expect(adapter.attempts).toBe(1);
    },
  );

  it.each([429, 502, 504, 403])(
    'when Teams answers %i to a personal message, then it is tried once and the caller (the outbox) hears why',
    async (status) => {
      const adapter = new ThrottlingAdapter(2, status);
      const { notifier } = notifierOn(adapter);
      await expect(notifier.toPerson('aad-ruben', { text: 'Nieuwe actie' })).rejects.toMatchObject({
        statusCode: status,
      });
      expect(adapter.attempts).toBe(1);
      expect(adapter.activeQueue).toHaveLength(0);
    },
  );

  it('when throttling does not stop, then the failure reaches the caller instead of being swallowed', async () => {
    const adapter = new ThrottlingAdapter(10);
    const { notifier } = notifierOn(adapter);
    await expect(notifier.toConversation('19:casusoverleg', { text: 'Agenda' })).rejects.toMatchObject({
      statusCode: 429,
    });
    expect(adapter.attempts).toBe(4);
    expect(adapter.activeQueue).toHaveLength(0);
  });

  it('when the bot never talked with the person, then it says so instead of pretending', async () => {
    const adapter = new ThrottlingAdapter(0);
    const { notifier } = notifierOn(adapter);
    expect(await notifier.toPerson('aad-unknown', { text: 'x' })).toEqual({
      delivered: false,
      reason: 'no-conversation',
    });
    expect(adapter.attempts).toBe(0);
  });

  it('when a member never chatted with the bot but Teams knows them, then a personal chat is started, remembered and used', async () => {
    await seedDemoData(db, [...demoMembers]);
    await db.member.updateMany({
      where: { aadObjectId: demoMembers[2].aadObjectId },
      data: { teamsUserId: '29:shirley' },
    });
    const adapter = new ThrottlingAdapter(0);
    const { notifier } = notifierOn(adapter);
    expect(await notifier.toPerson(demoMembers[2].aadObjectId, { text: 'Screening' })).toMatchObject({
      delivered: true,
    });
    expect(adapter.created).toMatchObject([
      { isGroup: false, bot: { id: '28:bot' }, members: [{ id: '29:shirley' }], tenantId: 'tenant-zvh' },
    ]);
    expect(adapter.activeQueue).toMatchObject([{ text: 'Screening', conversation: { id: 'a:personal-1' } }]);
    const saved = await db.conversationRef.findFirst({
      where: { kind: 'personal', aadObjectId: demoMembers[2].aadObjectId },
    });
    expect(saved?.conversationId).toBe('a:personal-1');
    await notifier.toPerson(demoMembers[2].aadObjectId, { text: 'Nog een' });
    expect(adapter.created).toHaveLength(1);
  });

  it('when Teams does not know the member yet, then nothing is started and the caller hears it was not delivered', async () => {
    await seedDemoData(db, [...demoMembers]);
    const adapter = new ThrottlingAdapter(0);
    const { notifier } = notifierOn(adapter);
    expect(await notifier.toPerson(demoMembers[3].aadObjectId, { text: 'x' })).toEqual({
      delivered: false,
      reason: 'no-conversation',
    });
    expect(adapter.created).toEqual([]);
  });
});
