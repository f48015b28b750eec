/**
 * Dependency rules for the product code (lib/, components/, entrypoints/).
 * Run with `npm run lint:deps`; `npm test` runs it right after the typecheck.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This import closes a cycle. Type-only imports count too: move the shared type or constant ' +
        'to the module lower in the order, or declare an interface where it is used.',
      from: {},
      // No dependencyTypesNot / viaOnly: a cycle made only of `import type` is still a cycle.
      to: { circular: true },
    },
    {
      name: 'lib-not-to-ui',
      severity: 'error',
      comment: 'lib/ is the core the pages and the background build on: it imports neither components/, ' + 'entrypoints/ nor the UI libraries.',
      from: { path: '^lib/' },
      to: {
        path: ['^components/', '^entrypoints/', '(^|/)node_modules/(preact|@preact/signals)/'],
      },
    },
    {
      name: 'components-not-to-entrypoints',
      severity: 'error',
      comment: 'Components are used by entrypoints, never the other way round.',
      from: { path: '^components/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'product-not-to-tests',
      severity: 'error',
      comment: 'Tests, benchmarks and scripts use the product code; the product code never imports them.',
      from: { path: '^(lib|components|entrypoints)/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
    // The layers of lib/ (docs/architecture.md): core ← source ← store ← the features (sync,
    // alerts, saved, search, transfer, reader…) ← background. A lower layer never imports a higher one.
    {
      name: 'core-is-the-base',
      severity: 'error',
      comment: 'lib/core/ (dates, urls, Intl, locale, small helpers) imports nothing else of lib/.',
      from: { path: '^lib/core/' },
      to: { path: '^lib/(?!core/)' },
    },
    {
      name: 'source-above-core-only',
      severity: 'error',
      comment: 'lib/source/ (the HTTP client, the entry reader) builds on lib/core/ alone.',
      from: { path: '^lib/source/' },
      to: { path: '^lib/(?!(core|source)/)' },
    },
    {
      name: 'store-above-source-only',
      severity: 'error',
      comment: 'lib/store/ (IndexedDB) builds on lib/core/ and lib/source/ alone: move a shared type down, not the import up.',
      from: { path: '^lib/store/' },
      to: { path: '^lib/(?!(core|source|store)/)' },
    },
    {
      name: 'background-on-top',
      severity: 'error',
      comment: 'lib/background/ puts the features together for entrypoints/background.ts; nothing else imports it.',
      from: { path: '^(lib/(?!background/)|components/)' },
      to: { path: '^lib/background/' },
    },
    {
      name: 'pages-write-by-message',
      severity: 'error',
      comment:
        "The background is the one writer: pages (components/, the pages' entrypoints) never import the " +
        "store's writers, the sync engine or the background's services; they send a request (lib/protocol/).",
      from: { path: '^(components/|entrypoints/(popup|sidepanel|options)/)' },
      to: {
        path: '^lib/(store/(writes|derived)|sync/(engine|view-fetch)|alerts/service|saved/(follow|store))[.]ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-orphans-in-lib',
      severity: 'warn',
      comment: 'Nothing imports this module: use it or remove it.',
      from: { orphan: true, path: '^lib/', pathNot: '[.]d[.]ts$' },
      to: {},
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'Product code depends on a devDependency. Declare it in dependencies, or import only its ' +
        'types. wxt is the exception: its runtime modules (wxt/browser, wxt/utils/*) are bundled ' +
        'into the extension by the build.',
      from: { path: '^(lib|components|entrypoints)/' },
      to: {
        dependencyTypes: ['npm-dev'],
        // Type-only imports are erased by the compiler and never reach the bundle.
        dependencyTypesNot: ['type-only'],
        pathNot: ['(^|/)node_modules/@types/', '(^|/)node_modules/wxt/'],
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import resolves to nothing on disk.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // See `import type` and other imports the compiler erases: without this, type-only cycles are invisible.
    tsPreCompilationDeps: true,
    // Compiler options for parsing (tsconfig.json extends .wxt/tsconfig.json).
    tsConfig: { fileName: 'tsconfig.json' },
    // WXT's `@/` alias: see that file for why tsconfig.json alone does not resolve it here.
    webpackConfig: { fileName: '.dependency-cruiser.resolve.cjs' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
