import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links the bot serves (an inzage document): the id and the expiry are signed with the bot's secret, so a link
 * cannot be made up or extended. The document behind it is deleted when fetched, so it also works once.
 */
export function signLink(secret: string, id: string, expiresAt: Date): string {
  return createHmac('sha256', secret).update(`${id}.${expiresAt.getTime()}`).digest('base64url');
}

export function verifyLink(
  secret: string,
  id: string,
  expires: string,
  signature: string,
  now: Date,
): 'ok' | 'expired' | 'invalid' {
  const at = Number(expires);
  if (!Number.isSafeInteger(at)) return 'invalid';
  const expected = Buffer.from(signLink(secret, id, new Date(at)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return now.getTime() > at ? 'expired' : 'ok';
}

/** Ten minutes: long enough to click, short enough that a forwarded link is dead. */
export const linkLifetimeMs = 10 * 60_000;
