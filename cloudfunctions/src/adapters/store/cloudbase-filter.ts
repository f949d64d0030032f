import type { FieldCondition, Filter, Scalar } from '../../modules/core/ports/document-store.port'
import type { CbCommand, CbLogic } from './cloudbase-sdk.types'

const isOperators = (c: FieldCondition): c is Exclude<FieldCondition, Scalar> =>
  typeof c === 'object' && c !== null

/**
 * One field's condition as SDK commands. `$ne` on a value also excludes documents where the field
 * is null or missing, as SQL's `!=` does in the SQLite adapter, so both adapters answer alike.
 */
const condition = (_: CbCommand, c: FieldCondition): unknown => {
  if (!isOperators(c)) return c
  const parts: CbLogic[] = []
  for (const [op, value] of Object.entries(c) as [string, Scalar | Scalar[] | undefined][]) {
    if (value === undefined) continue
    switch (op) {
      case '$eq':
        parts.push(_.eq(value))
        break
      case '$ne':
        parts.push(_.neq(value))
        if (value !== null) parts.push(_.neq(null))
        break
      case '$in':
        parts.push(_.in(value as Scalar[]))
        break
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        parts.push(_[op.slice(1) as 'gt' | 'gte' | 'lt' | 'lte'](value))
        break
      default:
        throw new Error(`unsupported filter operator ${op}`)
    }
  }
  if (!parts.length) return undefined
  return parts.length === 1 ? parts[0] : parts[0].and(...parts.slice(1))
}

/** Our filter subset as a CloudBase where object (`{ field: value | command }`). */
export const toWhere = <T>(_: CbCommand, filter: Filter<T>): Record<string, unknown> => {
  const where: Record<string, unknown> = {}
  for (const [field, c] of Object.entries(filter) as [string, FieldCondition | undefined][]) {
    if (c === undefined) continue
    const cond = condition(_, c)
    if (cond !== undefined) where[field] = cond
  }
  return where
}

/**
 * What comes after the cursor position in (field, _id) order: a larger value, or the same value
 * and a larger id (smaller for descending). A null position sorts first, as null does in MongoDB.
 */
export const afterCursor = (
  _: CbCommand,
  field: string,
  desc: boolean,
  at: { value: Scalar; id: string },
): object => {
  const beyond = (v: unknown) => (desc ? _.lt(v) : _.gt(v))
  if (field === '_id') return { _id: beyond(at.id) }
  if (at.value === null)
    return desc
      ? { [field]: null, _id: _.lt(at.id) }
      : _.or([{ [field]: _.neq(null) }, { [field]: null, _id: _.gt(at.id) }])
  return _.or([{ [field]: beyond(at.value) }, { [field]: at.value, _id: beyond(at.id) }])
}
