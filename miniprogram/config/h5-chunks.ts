import path from 'node:path'

/**
 * Shared chunks for the H5 build's lazily loaded pages.
 *
 * Taro's H5 defaults split only the entry's initial chunks (`chunks: 'initial'`), and the router
 * loads every page with import(): so each page chunk carried its own copy of NutUI, Taro's H5
 * components, dayjs and our shared components. These groups apply to the async (page) chunks only
 * and move what two or more pages use into chunks of their own, fetched once and cached; the
 * entry's own splitting (Taro's `taro`, `vendors`, `common` groups) is left as it is. Whatever the
 * entry already holds (zod and most of shared/, through the services) is never copied into pages.
 */
const sharedDir = path.resolve(__dirname, '../../shared')
const srcDir = path.resolve(__dirname, '../src')

interface ModuleLike {
  resource?: string
}
const under = (dir: string) => (m: ModuleLike) =>
  typeof m.resource === 'string' && m.resource.startsWith(dir + path.sep)

const pageGroup = { chunks: 'async' as const, minChunks: 2, reuseExistingChunk: true }

export const ASYNC_CACHE_GROUPS = {
  // One chunk per library that nearly every page uses; named so they cache across deploys of
  // unrelated pages. `enforce`: no size or request limits decide whether they are split.
  nutui: {
    ...pageGroup,
    name: 'nutui',
    test: /[\\/]node_modules[\\/]@nutui[\\/]/,
    priority: 40,
    enforce: true,
  },
  zod: {
    ...pageGroup,
    name: 'zod',
    test: /[\\/]node_modules[\\/]zod[\\/]/,
    priority: 40,
    enforce: true,
  },
  shared: { ...pageGroup, name: 'shared', test: under(sharedDir), priority: 30, enforce: true },
  // Every other package two pages share (dayjs, classnames, Taro's H5 component wrappers …).
  libs: { ...pageGroup, name: 'libs', test: /[\\/]node_modules[\\/]/, priority: 20, enforce: true },
  // Our own components, hooks and services that several pages use: split by which pages use
  // them, skipping pieces too small to be worth a request.
  pagesCommon: { ...pageGroup, test: under(srcDir), priority: 10, minSize: 20_000 },
}

/** The part of Taro's webpack-chain object used here. */
interface ChainLike {
  optimization: { get(name: 'splitChunks'): unknown; splitChunks(value: object): unknown }
}

export function shareAsyncChunks(chain: ChainLike) {
  const current = (chain.optimization.get('splitChunks') ?? {}) as {
    cacheGroups?: Record<string, unknown>
  }
  chain.optimization.splitChunks({
    ...current,
    maxAsyncRequests: 30,
    cacheGroups: { ...current.cacheGroups, ...ASYNC_CACHE_GROUPS },
  })
}
