import type { Roster, Settings } from '../../bot/deps.ts';
import { withTrace } from '../../src/audit/trace.ts';
import { TestAdapter } from '../../bot/teams/testing.ts';
import type { Activity } from '../../bot/teams/testing.ts';
import type { Db } from '../../src/db/client.ts';
import { demoMembers, demoStranger } from '../../src/organisations/demo-partners.ts';
import { FixedClock, RecordingNotifier } from './fakes.ts';
import { capturingLogger } from './logs.ts';
import { composeForTest } from './compose.ts';

export const tenantId = 'tenant-zvh';
export type TestUser = { aadObjectId: string; teamsUserId: string; displayName: string };
export const processManager = demoMembers[0];
export const police = demoMembers[1];
export const mentalHealth = demoMembers[2];
export const youthCareContact = demoMembers[3];
export const municipality = demoMembers[4];
export const stranger = demoStranger;

/** A real teams-ai Application behind botbuilder's TestAdapter, on the real test database. */
type Button = { verb?: string; data?: Record<string, unknown> };

export function createTestBot(
  db: Db,
  options: { allowedTenantIds?: string[]; roster?: Roster; now?: Date; links?: Partial<Settings['links']> } = {},
) {
  const notifier = new RecordingNotifier();
  const logs = capturingLogger();
  const clock = new FixedClock(options.now ?? new Date('2026-11-23T09:00:00Z'));
  const env = { ALLOWED_TENANT_IDS: (options.allowedTenantIds ?? []).join(',') };
  const { app, onTurnError, background, jobs, config } = composeForTest(db, {
    notifier,
    log: logs.log,
    clock,
    roster: options.roster,
    env,
    links: options.links,
  });
  const adapter = new TestAdapter(async (context) => {
    await withTrace(() => app.run(context));
  });
  /** Messages the bot edited in the conversation it answered in (an invoke's card is never among them unless shared content changed). */
  const edited: Partial<Activity>[] = [];
  const updateActivity = adapter.updateActivity.bind(adapter);
  adapter.updateActivity = async (context, activity) => {
    edited.push(activity);
    return updateActivity(context, activity);
  };
  adapter.onTurnError = onTurnError;
  let atOnce = 0;

  async function deliver(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    await adapter.processActivity(activity);
    // What a person sees next includes what the turn sent afterwards (notifications).
    await background.settled();
    // A turn that takes over a second sends "typing" first (teams-ai 1.7 starts its typing timer on every message,
    // whatever startTypingTimer says): Teams shows it as dots, not as a message, so it is not among the answers.
    return adapter.activeQueue.splice(0).filter((activity) => activity.type !== 'typing');
  }

  function personal(user: TestUser, conversation?: Partial<Activity>['conversation']): Partial<Activity> {
    return {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/teams/',
      from: { id: user.teamsUserId, aadObjectId: user.aadObjectId, name: user.displayName },
      recipient: { id: 'bot-id', name: 'Casusbot' },
      conversation:
        conversation ??
        ({ id: `personal-${user.teamsUserId}`, conversationType: 'personal', tenantId } as Activity['conversation']),
      channelData: { tenant: { id: tenantId } },
    };
  }

  return {
    adapter,
    /** The bot's background work (outbox delivery after a turn): `settled()` waits for it. */
    background,
    edited,
    jobs,
    /** Where document links point and the secret that signs them (a download server needs the same). */
    links: config.links,
    /** Runs the due jobs as the scheduler would, and waits for what they send. */
    async runDueJobs() {
      const ran = await jobs.runDue();
      await background.settled();
      return ran;
    },
    notifier,
    logs,
    clock,
    /** A message typed by `user` in their personal chat with the bot. */
    say: (user: TestUser, text: string, extra: Partial<Activity> = {}) =>
      deliver({ ...personal(user), type: 'message', text, ...extra }),
    /** A click on an Action.Execute button; returns the invoke response body (card or message). */
    async click(user: TestUser, verb: string, data: Record<string, unknown> = {}, extra: Partial<Activity> = {}) {
      const replies = await deliver({
        ...personal(user),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
        ...extra,
      });
      const response = replies.find((a) => a.type === 'invokeResponse');
      if (!response) throw new Error(`no invoke response for ${verb}`);
      return {
        body: (response.value as { body: { type: string; value: unknown } }).body,
        others: replies.filter((a) => a !== response),
      };
    },
    /**
     * `user` looks at a card the bot pushed to them: Teams refreshes it by itself (an automatic invoke of its
     * `refresh` action) or, for a card without one, the person clicks its first button. Returns what they then see.
     */
    async open(user: TestUser, pushed: { card?: object } | undefined) {
      const card = pushed?.card as { refresh?: { action: Button }; actions?: Button[] } | undefined;
      const action = card?.refresh?.action ?? card?.actions?.[0];
      if (!action?.verb) throw new Error('the pushed card has nothing to open');
      const { verb: _verb, ...data } = action.data ?? {};
      const trigger = card?.refresh ? 'automatic' : 'manual';
      const replies = await deliver({
        ...personal(user),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: action.verb, data: { verb: action.verb, ...data } }, trigger },
      });
      const response = replies.find((a) => a.type === 'invokeResponse');
      if (!response) throw new Error(`no invoke response for ${action.verb}`);
      return (response.value as { body: { type: string; value: unknown } }).body;
    },
    /**
     * Several clicks at the same moment (a double click, a retried invoke, several people): every turn runs at once,
     * and each gets its own invoke response back, in the order of `clicks`.
     */
    async clickAtOnce(clicks: { user: TestUser; verb: string; data?: Record<string, unknown> }[]) {
      const activities = clicks.map(({ user, verb, data = {} }) => ({
        ...personal(user),
        id: `at-once-${++atOnce}`,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
      }));
      await Promise.all(activities.map((activity) => adapter.processActivity(activity)));
      await background.settled();
      const replies = adapter.activeQueue.splice(0);
      return activities.map((activity) => {
        const response = replies.find((r) => r.type === 'invokeResponse' && r.replyToId === activity.id);
        if (!response) throw new Error(`no invoke response for ${activity.id}`);
        return (response.value as { body: { type: string; value: unknown } }).body;
      });
    },
    deliver,
    personal,
  };
}

/** All text in a card or message, for assertions that read like what a person sees. */
export function textOf(thing: unknown): string {
  if (thing == null) return '';
  if (typeof thing === 'string') return thing;
  if (Array.isArray(thing)) return thing.map(textOf).join('\n');
  if (typeof thing === 'object') {
    const o = thing as Record<string, unknown>;
    return [
      'text',
      'title',
      'value',
      'label',
      'body',
      'facts',
      'actions',
      'items',
      'columns',
      'attachments',
      'content',
      'choices',
      'placeholder',
      'card',
    ]
      .filter((k) => k in o)
      .map((k) => textOf(o[k]))
      .join('\n');
  }
  return typeof thing === 'number' || typeof thing === 'boolean' ? String(thing) : JSON.stringify(thing);
}

export function cardOf(activity: Partial<Activity> | undefined): Record<string, unknown> | undefined {
  return activity?.attachments?.[0]?.content as Record<string, unknown> | undefined;
}
