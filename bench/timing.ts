import { performance } from 'node:perf_hooks';

/** Runs `work` once to warm up, then `runs` times; prints and returns the median in ms. */
export async function time(label: string, runs: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`  ${label.padEnd(58)} ${median.toFixed(2).padStart(8)} ms (mediaan van ${runs})`);
  return median;
}
