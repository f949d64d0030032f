import type { ListingSearchQuery } from '../../modules/search/ports/listing-search.port'
import type { CbCommand, CbCommandValue, CbLogic, CbQuery } from '../store/cloudbase-sdk.types'
import type { QueryPlan } from './analysis/query-plan'
import { charLength, type KeywordTerms } from './fts-query'
import { termToken } from './cloudbase-search-entry'

/**
 * The rest of @cloudbase/node-sdk's database API search uses, typed (the SDK declares it `any`):
 * `$all` / `$nor`, regexes, projections and the aggregation pipeline behind geoNear.
 */
export interface CbSearchCommand extends CbCommand {
  all(v: unknown[]): CbLogic
  nor(conditions: object[]): CbLogic
}

export interface CbSearchQuery extends CbQuery {
  where(query: object): CbSearchQuery
  orderBy(field: string, direction: 'asc' | 'desc'): CbSearchQuery
  limit(n: number): CbSearchQuery
  field(projection: Record<string, boolean>): CbSearchQuery
}

/** `collection.aggregate()`: each stage's value goes out as EJSON (match and geoNear.query as queries). */
export interface CbAggregation {
  geoNear(stage: {
    near: { longitude: number; latitude: number }
    distanceField: string
    spherical: true
    key: string
    maxDistance: number
    distanceMultiplier: number
    query: object
  }): CbAggregation
  addFields(fields: object): CbAggregation
  match(query: object): CbAggregation
  sort(order: Record<string, 1 | -1>): CbAggregation
  limit(n: number): CbAggregation
  project(fields: Record<string, 0 | 1>): CbAggregation
  end(): Promise<{ data: unknown[] }>
}

export interface CbSearchCollection {
  where(query: object): CbSearchQuery
  add(doc: object): Promise<{ id: string }>
  doc(id: string): { remove(): Promise<{ deleted: number }> }
  aggregate(): CbAggregation
}

export interface CbSearchDatabase {
  command: CbSearchCommand
  collection(name: string): CbSearchCollection
  RegExp(spec: { regexp: string; options?: string }): CbCommandValue
}

/** The database of an initialised app (`cloudbase.init(...)`), under search's types. */
export const searchDatabaseOf = (app: { database(): unknown }): CbSearchDatabase =>
  app.database() as CbSearchDatabase

/** One condition of a where clause: an object of dotted paths, AND-ed with the others. */
export type Condition = Record<string, unknown>

const S = (field: string) => `search.${field}`

/** A literal inside a regex: every metacharacter escaped (PCRE and JavaScript agree on these). */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')

/** The query's filters, on active listings unless `statuses` says otherwise. */
export const listingConditions = (
  _: CbSearchCommand,
  q: Pick<
    ListingSearchQuery,
    | 'city'
    | 'category'
    | 'priceMinFen'
    | 'priceMaxFen'
    | 'conditions'
    | 'trade'
    | 'kind'
    | 'sellerId'
    | 'communityId'
  >,
  statuses: readonly string[] = ['active'],
): Condition[] => {
  const out: Condition[] = [
    { [S('status')]: statuses.length === 1 ? statuses[0] : _.in([...statuses]) },
  ]
  if (q.city !== undefined) out.push({ [S('city')]: q.city })
  // Leaf ids are `<top>.<leaf>` (shared/domain/listing.ts).
  if (q.category !== undefined)
    out.push({ [S(q.category.includes('.') ? 'subcategory' : 'category')]: q.category })
  if (q.priceMinFen !== undefined) out.push({ [S('priceFen')]: _.gte(q.priceMinFen) })
  if (q.priceMaxFen !== undefined) out.push({ [S('priceFen')]: _.lte(q.priceMaxFen) })
  if (q.conditions?.length) out.push({ [S('condition')]: _.in([...q.conditions]) })
  if (q.trade?.length) out.push({ [S('trade')]: _.in([...q.trade]) })
  if (q.kind !== undefined) out.push({ [S('kind')]: q.kind })
  if (q.sellerId !== undefined) out.push({ [S('sellerId')]: q.sellerId })
  if (q.communityId !== undefined) out.push({ [S('communities')]: q.communityId })
  return out
}

/** Tokens a keyword term needs: its one character, or every pair of its characters. */
const termTokens = (term: string): string[] => {
  const chars = [...term]
  if (chars.length === 1) return [`u:${term}`]
  return chars.slice(1).map((b, i) => `g:${chars[i]}${b}`)
}

/**
 * A literal keyword (port: each term a substring of the title or description, a 1-character one
 * of the title only): one indexed `$all` over the tokens every term needs, and for terms of 3+
 * characters, whose pairs may lie apart, a regex on the normalised text of those candidates.
 */
export const keywordConditions = (db: CbSearchDatabase, terms: KeywordTerms): Condition[] => {
  const _ = db.command
  const out: Condition[] = [{ [S('tokens')]: _.all([...new Set(terms.all.flatMap(termTokens))]) }]
  for (const t of terms.all) {
    if (charLength(t) < 3) continue
    const re = db.RegExp({ regexp: literal(t) })
    out.push(_.or([{ [S('titleNorm')]: re }, { [S('bodyNorm')]: re }]) as unknown as Condition)
  }
  return out
}

/** Every term in the title (relevance with a keyword puts these first). */
export const titleHoldsAll = (db: CbSearchDatabase, terms: KeywordTerms): Condition =>
  db.command.and(
    terms.all.map((t) => ({ [S('titleNorm')]: db.RegExp({ regexp: literal(t) }) })),
  ) as unknown as Condition

export const not = (_: CbSearchCommand, c: Condition): Condition =>
  _.nor([c]) as unknown as Condition

/**
 * Understood text: each clause through any of its alternatives (`$in`), the clauses AND-ed;
 * `strong` counts title, brand and category terms only.
 */
export const termConditions = (
  _: CbSearchCommand,
  plan: Pick<QueryPlan, 'clauses'>,
  scope: 'strong' | 'any',
): Condition[] =>
  plan.clauses.map((c) => {
    const tokens = c.alternatives.flatMap((a) =>
      scope === 'strong'
        ? [termToken(a.token, true)]
        : [termToken(a.token, true), termToken(a.token, false)],
    )
    return { [S('tokens')]: _.in([...new Set(tokens)]) }
  })

export const allOf = (_: CbSearchCommand, conditions: Condition[]): object =>
  conditions.length === 1 ? conditions[0]! : _.and(conditions)
