import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type {
  CollectionSpec,
  IndexSpec,
} from '../../cloudfunctions/src/modules/core/ports/document-store.port'
import {
  LISTING_SEARCH_INDEXES,
  SearchListings,
} from '../../cloudfunctions/src/adapters/search/cloudbase-search-entry'
import type { IndexDef } from '../../cloudfunctions/local/cloudbase-sandbox/store'
import type { CloudbaseCollection, SecurityRule } from './cloudbaserc.types'

export type AnySpec = CollectionSpec<{ _id: string }>

const isSpec = (v: unknown): v is AnySpec =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as AnySpec).name === 'string' &&
  Array.isArray((v as AnySpec).indexes)

/** Source files (not tests) under cloudfunctions/src that declare a collection. */
export const declaringFiles = (root: string): string[] => {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) {
        if (name !== '__tests__') walk(full)
      } else if (
        name.endsWith('.ts') &&
        !name.endsWith('.test.ts') &&
        !name.endsWith('document-store.port.ts') &&
        /defineCollection[<(]/.test(readFileSync(full, 'utf8'))
      )
        out.push(full)
    }
  }
  const src = join(root, 'cloudfunctions', 'src')
  if (existsSync(src)) walk(src)
  return out.sort()
}

/**
 * The declared CollectionSpecs, read from the modules themselves (domain/*.record(s).ts and the
 * adapters that keep their own, like the rate limiter's windows), so indexes are written once.
 */
export const collectCollections = (root: string): AnySpec[] => {
  const byName = new Map<string, { spec: AnySpec; file: string }>()
  for (const file of declaringFiles(root)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(file) as Record<string, unknown>
    for (const value of Object.values(exported)) {
      if (!isSpec(value)) continue
      const seen = byName.get(value.name)
      // An index-less spec of a collection declared elsewhere is a view of it (search reads
      // `listings` through SearchListings): only a second set of indexes is a second declaration.
      if (seen && seen.spec !== value && seen.spec.indexes.length && value.indexes.length)
        throw new Error(
          `collection "${value.name}" is declared twice: ${relative(root, seen.file)} and ${relative(root, file)}`,
        )
      if (!seen || !seen.spec.indexes.length) byName.set(value.name, { spec: value, file })
    }
  }
  return [...byName.values()].map((v) => v.spec).sort((a, b) => a.name.localeCompare(b.name))
}

/** Collection names in `defineCollection(...)` calls, read from the text (what deploy:check compares against). */
export const declaredNamesInSource = (texts: string[]): string[] => {
  const names = new Set<string>()
  for (const text of texts)
    for (const m of text.matchAll(/defineCollection(?:<[^>]*>)?\(\s*['"]([\w-]+)['"]/g))
      names.add(m[1])
  return [...names].sort()
}

const directionOf = (d: string | undefined): '1' | '-1' | '2dsphere' =>
  d === 'desc' ? '-1' : d === '2dsphere' ? '2dsphere' : '1'

export const toCloudbaseIndex = (index: IndexSpec) => ({
  name: index.name,
  unique: index.unique ?? false,
  keys: index.fields.map((f) => ({ name: f.field, direction: directionOf(f.direction) })),
})

/** One collection for the database plugin: its indexes, and its rule (none: clients get nothing). */
/** Search's indexes on `listings` (2dsphere point, tokens), beside the listing module's own. */
const searchIndexes = (name: string) =>
  name === SearchListings.name
    ? LISTING_SEARCH_INDEXES.map((i) => ({
        name: i.name,
        unique: false,
        keys: Object.entries(i.keys).map(([field, d]) => ({
          name: field,
          direction: String(d) as '1' | '-1' | '2dsphere',
        })),
      }))
    : []

/** Every index the deploy creates on a collection: its spec's, and search's on `listings`. */
export const indexesFor = (spec: AnySpec) => [
  ...spec.indexes.map(toCloudbaseIndex),
  ...searchIndexes(spec.name),
]

export const toCloudbaseCollection = (
  spec: AnySpec,
  rule: SecurityRule | undefined,
): CloudbaseCollection => ({
  collectionName: spec.name,
  description: `邻圈 LinQuan ${spec.name} (generated from its CollectionSpec)`,
  createIndexes: indexesFor(spec),
  ...(rule
    ? { aclTag: 'CUSTOM' as const, aclRule: JSON.stringify(rule) }
    : { aclTag: 'ADMINONLY' as const }),
})

/**
 * Every collection's indexes in the CloudBase sandbox's form (`keys` as MongoDB writes them), so
 * the local sandbox holds the indexes a deploy creates: 2dsphere for geo, unique ones enforced.
 */
export const sandboxIndexes = (root: string): Record<string, IndexDef[]> =>
  Object.fromEntries(
    collectCollections(root).map((spec) => [
      spec.name,
      indexesFor(spec).map((i) => ({
        name: i.name,
        unique: i.unique,
        keys: Object.fromEntries(
          i.keys.map((k) => [
            k.name,
            k.direction === '2dsphere' ? k.direction : (Number(k.direction) as 1 | -1),
          ]),
        ),
      })),
    ]),
  )
