import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { createAdapter } from '../../bot/teams/adapter.ts';
import { createHttpApp } from '../../bot/teams/server.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { createDb } from '../../src/db/client.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { composeForTest } from '../support/compose.ts';
import { capturingLogger } from '../support/logs.ts';
import { police } from '../support/bot.ts';

const db = useDatabase();
beforeEach(() => seedDemoData(db, [...demoMembers]));
// botbuilder prints every refused token to the console itself; the assertions below check the refusals.
beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));

const appId = '11111111-2222-4333-8444-555555555555';
const issuer = 'https://api.botframework.com';
const serviceUrl = 'https://smba.example/teams/';
let metadata: Server;
let metadataUrl: string;
let goodKey: Awaited<ReturnType<typeof generateKeyPair>>;
let unknownKey: Awaited<ReturnType<typeof generateKeyPair>>;

/** An OpenID document and JWKS on loopback, standing in for Bot Framework's, so tokens can be minted here. */
beforeAll(async () => {
  goodKey = await generateKeyPair('RS256');
  unknownKey = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(goodKey.publicKey)), kid: 'good', use: 'sig', alg: 'RS256' };
  metadata = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/jwks') res.end(JSON.stringify({ keys: [{ ...jwk, endorsements: ['msteams'] }] }));
    else res.end(JSON.stringify({ issuer, jwks_uri: `${metadataUrl}/jwks` }));
  });
  await new Promise<void>((r) => metadata.listen(0, '127.0.0.1', r));
  metadataUrl = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => metadata.close(() => r())));

async function startServer(
  credentials: boolean,
  openIdMetadata?: string,
  options: { schedulerTickedAt?: () => Date | undefined; db?: typeof db } = {},
) {
  const logs = capturingLogger();
  const adapter = createAdapter(
    {
      microsoftApp: credentials
        ? { id: appId, password: 'secret', type: 'SingleTenant', tenantId: 'tenant-zvh' }
        : undefined,
    },
    {
      ToBotFromChannelOpenIdMetadataUrl: openIdMetadata ?? `${metadataUrl}/openid`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${metadataUrl}/openid`,
      ToBotFromChannelTokenIssuer: issuer,
      ToChannelFromBotLoginUrl: 'https://login.example/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: 'https://token.example',
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: true,
    },
  );
  const handled: string[] = [];
  const { app, clock, config } = composeForTest(db, { log: logs.log, clock: new FixedClock(new Date()), adapter });
  app.turn('beforeTurn', async (context) => {
    handled.push(context.activity.type);
    return true;
  });
  const server = createHttpApp({
    adapter,
    authenticated: credentials,
    app,
    db: options.db ?? db,
    log: logs.log,
    clock,
    linkSecret: config.links.secret,
    schedulerTickedAt: options.schedulerTickedAt ?? (() => new Date()),
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, handled, logs, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const activity = {
  type: 'message',
  id: 'm1',
  text: 'hulp',
  channelId: 'msteams',
  serviceUrl,
  deliveryMode: 'expectReplies',
  from: { id: police.teamsUserId, aadObjectId: police.aadObjectId },
  recipient: { id: `28:${appId}` },
  conversation: { id: 'personal-1', conversationType: 'personal', tenantId: 'tenant-zvh' },
};

const post = (base: string, token?: string) =>
  fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });

const mint = (key: Parameters<SignJWT['sign']>[0], claims: Record<string, unknown> = {}, kid = 'good') =>
  new SignJWT({ serviceurl: serviceUrl, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(issuer)
    .setAudience(appId)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key);

describe('POST /api/messages with app credentials', () => {
  it('when the request has no token, then it is rejected and no handler runs', async () => {
    const s = await startServer(true);
    const res = await post(s.base);
    expect(res.status).toBe(401);
    expect(s.handled).toEqual([]);
    await s.close();
  });

  it('when the token is signed by a key Bot Framework does not publish, then it is rejected', async () => {
    const s = await startServer(true);
    const res = await post(s.base, await mint(unknownKey.privateKey, {}, 'unknown'));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(s.handled).toEqual([]);
    await s.close();
  });

  it('when the token is for another bot, then it is rejected', async () => {
    const s = await startServer(true);
    const token = await new SignJWT({ serviceurl: serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: 'good' })
      .setIssuer(issuer)
      .setAudience('another-app')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(goodKey.privateKey);
    expect((await post(s.base, token)).status).toBe(401);
    expect(s.handled).toEqual([]);
    await s.close();
  });

  it('when the token is valid, then the turn runs and the member gets an answer', async () => {
    const s = await startServer(true);
    const res = await post(s.base, await mint(goodKey.privateKey));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: { attachments?: unknown[] }[] };
    expect(body.activities[0]?.attachments).toHaveLength(1);
    expect(s.handled).toEqual(['message']);
    await s.close();
  });
});

describe('local mode', () => {
  it('when no credentials are set, then unauthenticated traffic is accepted (the Playground)', async () => {
    const s = await startServer(false);
    expect((await post(s.base)).status).toBe(200);
    expect(s.handled).toEqual(['message']);
    await s.close();
  });
});

describe('GET /healthz', () => {
  it('answers ok when the database answers', async () => {
    const s = await startServer(false);
    const res = await fetch(`${s.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    await s.close();
  });
});

describe('GET /casus/<reference>', () => {
  it('a link to a case, opened in a browser, says where to look, the same for every reference, and looks nothing up', async () => {
    const s = await startServer(false);
    const res = await fetch(`${s.base}/casus/zvh-2026-9999`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(
      'Casus ZVH-2026-9999: open Casusbot in Teams en typ "casus ZVH-2026-9999". Je ziet dan wat jouw organisatie mag zien.',
    );
    expect((await fetch(`${s.base}/casus/iets-anders`)).status).toBe(404);
    expect(s.handled).toEqual([]);
    await s.close();
  });
});

describe('GET /readyz', () => {
  it('is ready when the database answers with every migration applied and the scheduler ticked lately', async () => {
    const s = await startServer(false);
    const res = await fetch(`${s.base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: 'ok', scheduler: 'ok' });
    await s.close();
  });

  it('when the scheduler has not ticked for minutes, then it is not ready, and says which part', async () => {
    const s = await startServer(false, undefined, { schedulerTickedAt: () => new Date(Date.now() - 10 * 60_000) });
    const res = await fetch(`${s.base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not ready', database: 'ok', scheduler: 'stalled' });
    await s.close();
  });

  it('when the database cannot be reached, then it is not ready, while /healthz (liveness) still answers', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const unreachable = createDb(`postgresql://nobody:nothing@127.0.0.1:${port}/none`);
    const s = await startServer(false, undefined, { db: unreachable });
    const res = await fetch(`${s.base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not ready', database: 'unavailable', scheduler: 'ok' });
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
    expect(s.logs.lines().find((l) => l.msg === 'not ready')).toMatchObject({ database: 'unavailable' });
    await s.close();
    await unreachable.$disconnect();
  });
});

describe('the HTTP edge: short JSON, the token first', () => {
  const raw = (base: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  /** What a refusal may show: a short Dutch line as JSON, no framework page, stack or path. */
  const expectShortJson = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const text = await res.text();
    expect(text).not.toMatch(/<|\bat\s|\/work\/|node_modules|Error:/);
    expect(text.length).toBeLessThan(120);
  };

  it('when the body is not JSON or too large, then 400 or 413 as JSON, and the log line is JSON', async () => {
    const s = await startServer(false);
    await expectShortJson(await raw(s.base, '{"type": "message",'), 400);
    await expectShortJson(await raw(s.base, JSON.stringify({ ...activity, text: 'x'.repeat(1_100_000) })), 413);
    await expectShortJson(await fetch(`${s.base}/nergens`), 404);
    expect(s.handled).toEqual([]);
    expect(s.logs.lines().map((l) => l.errorType)).toEqual(['entity.parse.failed', 'entity.too.large']);
    await s.close();
  });

  it('when an activity has no type, then 400 in local mode, and 401 with credentials before the body is read', async () => {
    const { type: _type, ...untyped } = activity;
    const local = await startServer(false);
    await expectShortJson(await raw(local.base, JSON.stringify(untyped)), 400);
    await local.close();
    const secured = await startServer(true);
    await expectShortJson(await raw(secured.base, JSON.stringify(untyped)), 401);
    expect(secured.handled).toEqual([]);
    await secured.close();
  });

  it('when the signing keys cannot be fetched, then the token cannot be verified: 401, and no handler runs', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/openid`;
    await new Promise<void>((r) => closed.close(() => r()));
    const s = await startServer(true, unreachable);
    await expectShortJson(await post(s.base, await mint(goodKey.privateKey)), 401);
    expect(s.handled).toEqual([]);
    await s.close();
  });

  it('when Teams sends an invoke no feature knows, then 200 with a Dutch line instead of 501', async () => {
    const s = await startServer(false);
    const res = await raw(
      s.base,
      JSON.stringify({ ...activity, deliveryMode: undefined, type: 'invoke', name: 'onbekend/iets', value: {} }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; value: string };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(body.value).toContain('Dat kan ik (nog) niet');
    await s.close();
  });
});
