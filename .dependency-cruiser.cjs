/** Import direction: bot -> cards -> src. Only the database layer and repositories touch Prisma. */
module.exports = {
  forbidden: [
    {
      name: 'src-is-the-core',
      severity: 'error',
      comment: 'src/ (domain and use cases) imports neither the bot nor the cards.',
      from: { path: '^src/' },
      to: { path: '^(bot|cards|scripts|test)/' },
    },
    {
      name: 'cards-are-views',
      severity: 'error',
      comment: 'cards/ are pure view functions: no bot, no scripts.',
      from: { path: '^cards/' },
      to: { path: '^(bot|scripts|test)/' },
    },
    {
      name: 'src-knows-no-teams',
      severity: 'error',
      comment: 'The domain does not know Teams, Bot Framework or HTTP.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm'], path: 'node_modules/(botbuilder|botframework-|@microsoft/teams-ai|express)' },
    },
    {
      name: 'cards-know-no-teams',
      severity: 'error',
      comment: 'Cards are JSON: no Bot Framework, no Prisma.',
      from: { path: '^cards/' },
      to: { path: 'node_modules/(botbuilder|botframework-|@microsoft/teams-ai|express|@prisma|prisma)' },
    },
    {
      name: 'only-repositories-touch-prisma',
      severity: 'error',
      comment: 'Prisma is reached through src/db and *.repository.ts files only.',
      from: { path: '^(src|bot|cards)/', pathNot: ['^src/db/', '\\.repository\\.ts$'] },
      to: { path: ['^prisma/generated/', 'node_modules/@prisma/'] },
    },
    {
      name: 'features-call-use-cases',
      severity: 'error',
      comment: 'A feature handler calls use cases (src/**) only; repositories are theirs to use.',
      from: { path: '^bot/features/' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'teams-stays-in-bot',
      severity: 'error',
      comment:
        'botbuilder and teams-ai v1 are no longer developed: every import of them stays in bot/ (tests through bot/teams/testing.ts), so a move to another Teams SDK touches bot/ alone. The bench measures a bare teams-ai bot by design.',
      from: { path: '^(src|cards|scripts|test)/' },
      to: { dependencyTypes: ['npm'], path: 'node_modules/(botbuilder|botframework-|@microsoft/teams-ai)' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^prisma/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
