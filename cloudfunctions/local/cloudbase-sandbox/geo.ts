import type { Value } from './ejson'
import { invalidParam, requestFailed } from './sandbox-error'

type Obj = Record<string, Value>
const EARTH_RADIUS_M = 6_378_100 // MongoDB's radius for $centerSphere / spherical distances

/** A geo condition on one field, taken out of a query before mingo sees the rest. */
export interface GeoCondition {
  field: string
  test: (doc: Obj) => boolean
  /** For $nearSphere: metres from the point, which also orders the results. */
  distance?: (doc: Obj) => number
}

const pointOf = (v: unknown, what: string): [number, number] => {
  const g = v as { type?: string; coordinates?: unknown }
  const c = Array.isArray(v) ? v : g?.type === 'Point' ? g.coordinates : undefined
  if (!Array.isArray(c) || c.length !== 2 || !c.every((x) => typeof x === 'number'))
    return invalidParam(`${what} must be a GeoJSON Point or [lng, lat]`)
  return [c[0] as number, c[1] as number]
}

/** Great-circle distance in metres between [lng, lat] points. */
export const sphereDistance = ([lng1, lat1]: number[], [lng2, lat2]: number[]): number => {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLng = (lng2 - lng1) * rad
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

const fieldValue = (doc: Obj, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Obj)[k] : undefined), doc)

/** The stored point of a document, or null when the field holds no GeoJSON Point. */
export const storedPoint = (doc: Obj, field: string): [number, number] | null => {
  const v = fieldValue(doc, field) as { type?: string; coordinates?: unknown } | undefined
  if (v?.type !== 'Point' || !Array.isArray(v.coordinates)) return null
  const [lng, lat] = v.coordinates
  return typeof lng === 'number' && typeof lat === 'number' ? [lng, lat] : null
}

/** Ray casting on [lng, lat]: good enough for the small polygons a city map draws. */
const inRing = ([x, y]: number[], ring: number[][]): boolean => {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

const withinCondition = (field: string, spec: Obj): GeoCondition => {
  if (Array.isArray(spec.$centerSphere)) {
    const [center, radians] = spec.$centerSphere
    const c = pointOf(center, '$centerSphere center')
    if (typeof radians !== 'number') return invalidParam('$centerSphere radius must be a number')
    const p = (d: Obj) => storedPoint(d, field)
    return { field, test: (d) => !!p(d) && sphereDistance(p(d)!, c) <= radians * EARTH_RADIUS_M }
  }
  const geometry = spec.$geometry as { type?: string; coordinates?: number[][][] } | undefined
  if (geometry?.type === 'Polygon' && Array.isArray(geometry.coordinates)) {
    const [outer, ...holes] = geometry.coordinates
    return {
      field,
      test: (d) => {
        const p = storedPoint(d, field)
        return !!p && inRing(p, outer) && !holes.some((h) => inRing(p, h))
      },
    }
  }
  return requestFailed('$geoWithin supports $centerSphere and a Polygon $geometry only')
}

const nearCondition = (field: string, spec: Obj): GeoCondition => {
  const geometry = (spec.$geometry ?? spec) as Value
  const c = pointOf(geometry, '$nearSphere $geometry')
  const max = typeof spec.$maxDistance === 'number' ? spec.$maxDistance : Infinity
  const min = typeof spec.$minDistance === 'number' ? spec.$minDistance : 0
  const distance = (d: Obj) => {
    const p = storedPoint(d, field)
    return p ? sphereDistance(p, c) : Infinity
  }
  return { field, distance, test: (d) => distance(d) <= max && distance(d) >= min }
}

const geoOf = (field: string, cond: Value): GeoCondition | null => {
  if (!cond || typeof cond !== 'object' || Array.isArray(cond)) return null
  const c = cond as Obj
  if (c.$geoWithin) return withinCondition(field, c.$geoWithin as Obj)
  if (c.$nearSphere) return nearCondition(field, c.$nearSphere as Obj)
  return null
}

const hasGeo = (v: Value): boolean =>
  !!v &&
  typeof v === 'object' &&
  Object.entries(v).some(
    ([k, x]) => k === '$geoWithin' || k === '$nearSphere' || hasGeo(x as Value),
  )

/**
 * Splits a query into geo conditions (top level, or inside a top-level `$and`) and the rest for
 * mingo. A geo operator anywhere else ($or, $not, nested) is refused.
 */
export const splitGeo = (query: Obj): { rest: Obj; geo: GeoCondition[] } => {
  const geo: GeoCondition[] = []
  const take = (q: Obj): Obj => {
    const rest: Obj = {}
    for (const [k, v] of Object.entries(q)) {
      const g = k.startsWith('$') ? null : geoOf(k, v)
      if (g) geo.push(g)
      else if (k === '$and' && Array.isArray(v)) rest.$and = v.map((x) => take(x as Obj))
      else if (hasGeo(v))
        requestFailed('geo operators are supported at the top level or in $and only')
      else rest[k] = v
    }
    return rest
  }
  return { rest: take(query), geo }
}
