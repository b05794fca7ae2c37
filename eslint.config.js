// Type-aware lint for the whole project (formatting is Prettier's: npm run format).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'prisma/generated/',
      'dist/',
      'data/',
      'test-output/',
      '.playground/',
      '*.js',
      '*.cjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its error: every one is awaited, returned or handed to `void` on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function without await is still a promise-returning function: fine for handlers and fakes.
      '@typescript-eslint/require-await': 'off',
      // botbuilder's ActivityTypes is an enum of the strings an activity carries: comparing them is the point.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read parsed JSON (manifests, logs, raw rows) as it comes; production code stays free of \`any\`.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // Production code stays small enough to read: a function over 60 lines or a file over 300 is worth splitting.
    files: ['bot/**/*.ts', 'cards/**/*.ts', 'src/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
);
