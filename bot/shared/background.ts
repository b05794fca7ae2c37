import type { Logger } from '../../src/logger.ts';

/**
 * Work that follows a turn but must not hold up its answer: Teams gives an invoke about 15 seconds,
 * and notifications may have to wait out throttling. Tracked, so shutdown and tests can wait for it.
 */
export class BackgroundWork {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  run(label: string, work: () => Promise<void>): void {
    const task: Promise<void> = work()
      .catch((error: unknown) => this.log.error({ label, errorType: (error as Error)?.name }, 'background work failed'))
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
