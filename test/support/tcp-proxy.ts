import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * How the proxy treats the database link:
 * - `pass`: bytes flow both ways;
 * - `refuse`: open connections are reset and the port stops listening, so a new one is refused (the server is down);
 * - `blackhole`: connections stay open but nothing comes through either way (a dead network path, a frozen server);
 * - `cut`: open connections are reset, and a new one is reset as soon as it sends anything;
 * - `stall`: nothing comes through until the mode is `pass` again, then everything held does (a slow database).
 */
export type ProxyMode = 'pass' | 'refuse' | 'blackhole' | 'cut' | 'stall';

export interface TcpProxy {
  /** The given PostgreSQL URL with host and port pointing at the proxy. */
  url: string;
  mode(): ProxyMode;
  setMode(mode: ProxyMode): Promise<void>;
  /**
   * Resets the connection that sends a chunk containing `marker` (before forwarding it), once, and then passes
   * again: e.g. `COMMIT`, so the database never sees the end of a transaction the bot believes it sent.
   */
  cutOnce(marker: string): Promise<void>;
  /** Connections opened through the proxy so far. */
  connections(): number;
  /** Connections open now. */
  open(): number;
  /** Chunks held back by `stall` so far. */
  held(): number;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  upstream: Socket;
  /** What `stall` holds back, in order, to write when passing again. */
  held: { to: Socket; chunk: Buffer }[];
}

/** A TCP proxy on loopback between the bot and PostgreSQL (or PGlite's socket server), for fault tests. */
export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 5432);
  const targetHost = target.hostname;
  let mode: ProxyMode = 'pass';
  let opened = 0;
  let heldChunks = 0;
  let cutMarker: { marker: Buffer; done: () => void } | undefined;
  const links = new Set<Link>();

  const reset = (link: Link) => {
    link.client.resetAndDestroy();
    link.upstream.destroy();
    links.delete(link);
  };

  const server: Server = createServer((client) => {
    opened++;
    const upstream = connect(targetPort, targetHost);
    const link: Link = { client, upstream, held: [] };
    const hold = (to: Socket, chunk: Buffer) => {
      link.held.push({ to, chunk });
      heldChunks++;
    };
    links.add(link);
    const end = () => {
      if (!links.has(link)) return;
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.on('data', (chunk: Buffer) => {
      if (mode === 'cut') return reset(link);
      if (mode === 'stall') return hold(upstream, chunk);
      if (mode !== 'pass') return; // swallowed: the database never hears it
      if (cutMarker && chunk.includes(cutMarker.marker)) {
        const { done } = cutMarker;
        cutMarker = undefined;
        reset(link);
        return done();
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (mode === 'stall') hold(client, chunk);
      else if (mode === 'pass') client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  return {
    url: url.toString(),
    mode: () => mode,
    async setMode(next) {
      const was = mode;
      mode = next;
      if (next === 'refuse' || next === 'cut') for (const link of [...links]) reset(link);
      if (next === 'pass') for (const link of links) for (const { to, chunk } of link.held.splice(0)) to.write(chunk);
      if (next === 'refuse' && was !== 'refuse') await new Promise<void>((resolve) => server.close(() => resolve()));
      if (was === 'refuse' && next !== 'refuse')
        await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    cutOnce(marker) {
      return new Promise((resolve) => (cutMarker = { marker: Buffer.from(marker), done: resolve }));
    },
    connections: () => opened,
    open: () => links.size,
    held: () => heldChunks,
    async close() {
      for (const link of [...links]) reset(link);
      if (mode !== 'refuse') await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
