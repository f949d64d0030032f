/**
 * The layering rules of ARCHITECTURE.md §2, checked by `npm test` (scripts/__tests__/layering.test.ts).
 */
const SDKS = 'node_modules/(@cloudbase|better-sqlite3|wechatpay-node-v3|ulid|busboy)/'

module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment:
        'shared/ runs on the client and the server: zod, dayjs and the pure-JS text libraries (modern-ahocorasick, opencc-js, pinyin-pro) only, no Node, no SDKs.',
      severity: 'error',
      from: { path: '^shared/' },
      to: {
        pathNot: [
          '^shared/',
          '^node_modules/(zod|dayjs|modern-ahocorasick|opencc-js|pinyin-pro)/',
          '^node_modules/fast-check/',
        ],
      },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      from: { path: '^shared/', pathNot: '__tests__' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'modules-free-of-sdks',
      comment: 'Domain and use cases import shared/ and ports only; technology lives in adapters.',
      severity: 'error',
      from: { path: '^cloudfunctions/src/modules/', pathNot: '__tests__' },
      to: { pathNot: ['^shared/', '^cloudfunctions/src/modules/', '^node_modules/(zod|dayjs)/'] },
    },
    {
      name: 'adapters-never-import-functions',
      severity: 'error',
      from: { path: '^cloudfunctions/src/adapters/' },
      to: { path: '^cloudfunctions/src/functions/' },
    },
    {
      name: 'sdks-only-in-platform-and-adapters',
      severity: 'error',
      from: { path: '^cloudfunctions/src/', pathNot: '^cloudfunctions/src/(platform|adapters)/' },
      to: { path: SDKS },
    },
    {
      name: 'functions-do-not-bundle-local-adapters',
      comment:
        'Function bundles deploy to CloudBase: the SQLite and disk adapters reach them only through the local container.',
      severity: 'error',
      from: { path: '^cloudfunctions/src/functions/' },
      to: { path: '^cloudfunctions/src/(adapters/|platform/local-container)' },
    },
    {
      name: 'client-and-server-stay-apart',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { path: '^cloudfunctions/' },
    },
    {
      name: 'server-does-not-import-client',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^miniprogram/' },
    },
    {
      name: 'transport-only-through-services',
      comment:
        'Pages and components reach the backend through services/, never the transport itself.',
      severity: 'error',
      from: { path: '^miniprogram/src/', pathNot: '^miniprogram/src/services/' },
      to: { path: '^miniprogram/src/services/(cloud|transport)' },
    },
    {
      name: 'core-imports-no-feature-module',
      comment:
        'core/ holds the ports every module needs; it knows no feature (Deps, which names them all, sits at modules/deps.ts).',
      severity: 'error',
      from: { path: '^cloudfunctions/src/modules/core/' },
      to: { path: '^cloudfunctions/src/modules/(?!core/)' },
    },
    {
      name: 'domain-never-imports-application',
      comment:
        'domain/ is the pure rules and records; use cases build on it, never the other way round.',
      severity: 'error',
      from: { path: '^cloudfunctions/src/modules/[^/]+/domain/' },
      to: { path: '^cloudfunctions/src/modules/[^/]+/application/' },
    },
    {
      name: 'other-modules-through-index-or-ports',
      comment:
        "A module reaches another through its public index.ts (use cases, query functions, types) or its ports/; never its application/ or domain/ files, so another module's tables stay its own.",
      severity: 'error',
      from: { path: '^cloudfunctions/src/modules/([^/]+)/', pathNot: '__tests__' },
      to: {
        path: '^cloudfunctions/src/modules/[^/]+/',
        pathNot: [
          '^cloudfunctions/src/modules/$1/',
          '^cloudfunctions/src/modules/[^/]+/index\\.ts$',
          '^cloudfunctions/src/modules/[^/]+/ports/',
        ],
      },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycle that exists at run time. Type-only cycles through modules/deps.ts (Deps names the hooks and their record types) are erased by the compiler; cycles between module folders are checked separately, type imports included.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Build outputs only: a package whose entry sits in its own dist/ must still be seen (shared-is-pure).
    exclude: { path: '^(miniprogram/)?dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'],
    },
  },
}
