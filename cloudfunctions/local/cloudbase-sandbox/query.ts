import { Aggregator, Query } from 'mingo'
import type { Value } from './ejson'
import { splitGeo, sphereDistance, storedPoint, type GeoCondition } from './geo'
import { AGGREGATE_STAGES, assertQueryOperators } from './query-operators'
import { invalidParam, requestFailed } from './sandbox-error'
import type { Collection, Obj } from './store'

type Sort = Record<string, 1 | -1>

/** A compiled where clause: mingo for the MongoDB semantics, geo.ts for the geo operators. */
export interface Matcher {
  test(doc: Obj): boolean
  /** The $nearSphere condition, whose distance orders results when no order is given. */
  near?: GeoCondition
}

const NO_GEO_INDEX = 'unable to find index for $geoNear query: a 2dsphere index is needed on '

export const compileWhere = (query: Obj, coll: Collection, where = 'query'): Matcher => {
  assertQueryOperators(query, where)
  const { rest, geo } = splitGeo(query)
  const near = geo.find((g) => g.distance)
  if (near && !coll.geoIndexFields().includes(near.field)) requestFailed(NO_GEO_INDEX + near.field)
  const q = compiled(rest)
  return { test: (d) => q.test(d) && geo.every((g) => g.test(d)), near }
}

/** Compiling a mingo Query costs more than running it on a few documents: keep recent ones. */
const cache = new Map<string, Query>()
const CACHE_SIZE = 500
const compiled = (criteria: Obj): Query => {
  // The holder's raw value: a Date has already become its ISO string in `v`.
  const key = JSON.stringify(criteria, function (this: Record<string, unknown>, k, v: unknown) {
    const raw = this[k]
    return raw instanceof RegExp
      ? { $re: String(raw) }
      : raw instanceof Date
        ? { $d: raw.getTime() }
        : v
  })
  let q = cache.get(key)
  if (!q) {
    q = new Query(criteria as Record<string, unknown>)
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string)
    cache.set(key, q)
  }
  return q
}
const everything = new Query({})

export interface FindParams {
  order?: Obj
  offset?: number
  limit?: number
  projection?: Obj
}

const sortOf = (order: Obj | undefined): Sort | undefined => {
  if (!order) return undefined
  const sort: Sort = {}
  for (const [field, dir] of Object.entries(order)) {
    if (dir !== 1 && dir !== -1) invalidParam(`order of ${field} must be 1 or -1`)
    sort[field] = dir as 1 | -1
  }
  return sort
}

/** Filter, order (or $nearSphere distance), skip, limit and project, as getDocument does. */
export const findDocs = (docs: Obj[], matcher: Matcher, p: FindParams): Obj[] => {
  let list = docs.filter((d) => matcher.test(d))
  const sort = sortOf(p.order)
  if (!sort && matcher.near) {
    const distance = matcher.near.distance!
    list = list
      .map((d) => [distance(d), d] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, d]) => d)
  }
  let cursor = everything.find(list as Record<string, unknown>[], p.projection as never)
  if (sort) cursor = cursor.sort(sort)
  if (p.offset) cursor = cursor.skip(p.offset)
  if (p.limit !== undefined) cursor = cursor.limit(p.limit)
  return cursor.all() as Obj[]
}

/** `$geoNear` as the first stage: distances in metres for GeoJSON points, nearest first. */
const geoNear = (docs: Obj[], spec: Obj, coll: Collection): Obj[] => {
  const near = spec.near as { type?: string; coordinates?: number[] } | undefined
  if (near?.type !== 'Point' || !Array.isArray(near.coordinates))
    return invalidParam('$geoNear.near must be a GeoJSON Point')
  const distanceField = spec.distanceField
  if (typeof distanceField !== 'string' || !distanceField)
    return invalidParam('$geoNear.distanceField is required')
  const fields = coll.geoIndexFields()
  const key = typeof spec.key === 'string' ? spec.key : fields.length === 1 ? fields[0] : undefined
  if (!key || !fields.includes(key))
    return requestFailed(NO_GEO_INDEX + String(spec.key ?? 'the collection'))
  const matcher = spec.query ? compileWhere(spec.query as Obj, coll, '$geoNear.query') : undefined
  const max = typeof spec.maxDistance === 'number' ? spec.maxDistance : Infinity
  const min = typeof spec.minDistance === 'number' ? spec.minDistance : 0
  const multiplier = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1
  const out: [number, Obj][] = []
  for (const d of docs) {
    const p = storedPoint(d, key)
    if (!p || (matcher && !matcher.test(d))) continue
    const m = sphereDistance(p, near.coordinates)
    if (m > max || m < min) continue
    const row: Obj = { ...d, [distanceField]: m * multiplier }
    if (typeof spec.includeLocs === 'string')
      row[spec.includeLocs] = { type: 'Point', coordinates: p }
    out.push([m, row])
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, row]) => row)
}

/** The stages of database.aggregateDocuments: `[{ stageKey, stageValue }]`, values decoded. */
export const aggregate = (
  docs: Obj[],
  stages: { key: string; value: Value }[],
  coll: Collection,
): Obj[] => {
  let input = docs
  stages.forEach(({ key, value }, i) => {
    if (!AGGREGATE_STAGES.has(key))
      requestFailed(`aggregation stage ${key} is not supported by the sandbox`)
    if (key === '$geoNear' && i !== 0)
      requestFailed('$geoNear is only valid as the first stage in a pipeline')
    if (key === '$match') assertQueryOperators(value, '$match')
  })
  let rest = stages
  if (stages[0]?.key === '$geoNear') {
    input = geoNear(docs, stages[0].value as Obj, coll)
    rest = stages.slice(1)
  }
  if (!rest.length) return input
  const pipeline = rest.map(({ key, value }) => ({ [key]: value }))
  return new Aggregator(pipeline as never).run(input as Record<string, unknown>[]) as Obj[]
}
