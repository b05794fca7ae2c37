import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the fake Bot Connector does with one request. */
export type ConnectorFault =
  | { kind: 'ok' }
  /** Answers with this status (and Retry-After, in seconds) without taking the message. */
  | { kind: 'status'; status: number; retryAfter?: number; code?: string }
  /** Takes the message (it shows in Teams), then answers 502: the case that must never lead to a second post. */
  | { kind: 'createdThen502' }
  /** Closes the connection without an answer. */
  | { kind: 'drop' }
  /** Never answers. */
  | { kind: 'hang' };

export interface ConnectorRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/**
 * A scriptable Bot Connector on a loopback port: what botbuilder's real HTTP client talks to when a saved
 * conversation reference points its serviceUrl here. Each request takes the next fault from the script (then `ok`);
 * `requests` is every request that arrived, `created` every message Teams would show.
 */
export async function startFakeConnector() {
  const script: ConnectorFault[] = [];
  const requests: ConnectorRequest[] = [];
  const created: ConnectorRequest[] = [];
  const sockets = new Set<Socket>();
  let nextId = 1;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', body: raw ? JSON.parse(raw) : {} };
      requests.push(request);
      const fault = script.shift() ?? { kind: 'ok' };
      if (fault.kind === 'hang') return;
      if (fault.kind === 'drop') return req.socket.destroy();
      if (fault.kind === 'status') {
        res.writeHead(fault.status, {
          'content-type': 'application/json',
          ...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}),
        });
        return res.end(JSON.stringify({ error: { code: fault.code ?? 'Fault', message: 'fake connector' } }));
      }
      const isConversation = request.method === 'POST' && /\/v3\/conversations\/?$/.test(request.path);
      const id = isConversation ? `a:created-${nextId++}` : `activity-${nextId++}`;
      if (!isConversation) created.push(request);
      if (fault.kind === 'createdThen502') {
        res.writeHead(502, { 'content-type': 'application/json' });
        return res.end('{}');
      }
      res.writeHead(isConversation ? 201 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    requests,
    created,
    /** The next requests meet these faults, in order. */
    script(...faults: ConnectorFault[]) {
      script.push(...faults);
    },
    reset() {
      script.length = 0;
      requests.length = 0;
      created.length = 0;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
