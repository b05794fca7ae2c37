import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { createAdapter } from '../../bot/teams/adapter.ts';
import { createHttpApp } from '../../bot/teams/server.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
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

async function startServer(credentials: boolean) {
  const logs = capturingLogger();
  const adapter = createAdapter(
    {
      microsoftApp: credentials
        ? { id: appId, password: 'secret', type: 'SingleTenant', tenantId: 'tenant-zvh' }
        : undefined,
    },
    {
      ToBotFromChannelOpenIdMetadataUrl: `${metadataUrl}/openid`,
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
  const server = createHttpApp({ adapter, app, db, log: logs.log, clock, linkSecret: config.links.secret }).listen(
    0,
    '127.0.0.1',
  );
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
