import type { Value } from './ejson'
import { requestFailed } from './sandbox-error'

/**
 * Every `$` key a query (where, geoNear `query`, `$match`) may contain. Others ($where, $expr,
 * $function, $text, $jsonSchema, $geoIntersects, $type, $mod...) are refused, so an adapter
 * cannot come to rely on something this sandbox would only pretend to check.
 */
export const QUERY_OPERATORS = new Set([
  '$and',
  '$or',
  '$nor',
  '$not',
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$all',
  '$elemMatch',
  '$size',
  '$regex',
  '$options',
  // geo, evaluated by geo.ts at the top level of a query (see README)
  '$geoWithin',
  '$centerSphere',
  '$geometry',
  '$nearSphere',
  '$maxDistance',
  '$minDistance',
])

/** Aggregation stages `database.aggregateDocuments` runs ($geoNear first, then mingo). */
export const AGGREGATE_STAGES = new Set([
  '$geoNear',
  '$match',
  '$sort',
  '$skip',
  '$limit',
  '$project',
  '$count',
  '$group',
  '$addFields',
  '$unwind',
])

/** Throws DATABASE_REQUEST_FAILED on the first operator the sandbox does not implement. */
export const assertQueryOperators = (query: Value, where = 'query'): void => {
  if (Array.isArray(query)) return query.forEach((q) => assertQueryOperators(q, where))
  if (!query || typeof query !== 'object' || query instanceof Date || query instanceof RegExp)
    return
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') && !QUERY_OPERATORS.has(key))
      requestFailed(`${where}: operator ${key} is not supported by the sandbox`)
    assertQueryOperators(value, where)
  }
}
