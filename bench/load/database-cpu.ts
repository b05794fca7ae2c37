// How much CPU the database server spent on the bot: the CPU time of the server processes (backends) connected to
// the bench's database, read from /proc. Only when the server runs on this machine (Linux); otherwise unknown.
import { readFile } from 'node:fs/promises';
import pg from 'pg';

/** Linux counts process CPU time in clock ticks of 1/100 s (CLK_TCK). */
const msPerTick = 10;

async function cpuOf(pid: number): Promise<number | undefined> {
  try {
    if ((await readFile(`/proc/${pid}/comm`, 'utf8')).trim() !== 'postgres') return undefined;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // After the command in parentheses: state is field 3, utime field 14 and stime field 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * msPerTick;
  } catch {
    return undefined;
  }
}

/** CPU time (ms) per backend of this database, this connection excluded; undefined when they are not on this machine. */
export async function backendsCpu(url: string): Promise<Map<number, number> | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = await cpuOf(pid);
      if (ms !== undefined) cpu.set(pid, ms);
    }
    return cpu.size ? cpu : undefined;
  } finally {
    await client.end();
  }
}

/** The CPU the backends spent between two readings (a backend that came in between counts from zero). */
export function cpuSpent(before: Map<number, number> | undefined, after: Map<number, number> | undefined) {
  if (!before || !after) return undefined;
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}
