// The checks that need no database, side by side: types, import rules, lint and formatting. Each one's output is
// printed whole once it ends; the exit code is non-zero when any of them failed.
import { spawn } from 'node:child_process';

const checks = [
  ['types', 'tsc', ['--noEmit']],
  [
    'import rules',
    'depcruise',
    ['bot', 'cards', 'src', 'scripts', 'bench', 'test', '--config', '.dependency-cruiser.cjs'],
  ],
  ['lint', 'eslint', ['.']],
  ['formatting', 'prettier', ['--check', '--log-level', 'warn', '.']],
];

const run = ([name, command, args]) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const status = code === 0 ? 'ok' : `failed (exit ${code})`;
      process.stdout.write(`== ${name}: ${status}\n${output.trim() ? `${output.trim()}\n` : ''}`);
      resolve(code === 0);
    });
  });

const results = await Promise.all(checks.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
