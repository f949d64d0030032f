import type { Value } from './ejson'
import { requestFailed } from './sandbox-error'

type Obj = Record<string, Value>

/** The update operators this sandbox applies; anything else is refused. */
export const UPDATE_OPERATORS = [
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
] as const

const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Date) &&
  !(v instanceof RegExp)

const same = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b)

/** The parent object of a dotted path (created on the way when `create`), and the last key. */
const parentOf = (doc: Obj, path: string, create: boolean): [Obj | Value[] | undefined, string] => {
  const parts = path.split('.')
  if (parts.some((p) => p === '' || p.startsWith('$'))) requestFailed(`bad field path ${path}`)
  let cur: Value = doc
  for (const part of parts.slice(0, -1)) {
    const container = cur as Obj
    if (!isObj(container) && !Array.isArray(container)) return [undefined, part]
    let next: Value | undefined = (container as Obj)[part]
    if (next === undefined || next === null) {
      if (!create) return [undefined, part]
      next = (container as Obj)[part] = {}
    }
    cur = next
  }
  return [cur as Obj, parts[parts.length - 1]]
}

const read = (doc: Obj, path: string): Value | undefined => {
  const [parent, key] = parentOf(doc, path, false)
  return parent ? (parent as Obj)[key] : undefined
}

const write = (doc: Obj, path: string, value: Value) => {
  const [parent, key] = parentOf(doc, path, true)
  if (!parent || (!isObj(parent) && !Array.isArray(parent)))
    return requestFailed(`cannot create field ${path} inside a non-object`)
  ;(parent as Obj)[key] = value
}

const numberAt = (doc: Obj, path: string, op: string): number => {
  const cur = read(doc, path) ?? 0
  if (typeof cur !== 'number') return requestFailed(`${op} on non-numeric field ${path}`)
  return cur
}

const arrayAt = (doc: Obj, path: string, op: string): Value[] => {
  const cur = read(doc, path)
  if (cur === undefined) {
    write(doc, path, [])
    return read(doc, path) as Value[]
  }
  if (!Array.isArray(cur)) return requestFailed(`${op} on non-array field ${path}`)
  return cur
}

/** `{ $each: [...], $position }` or a single value. */
const eachOf = (v: Value): { items: Value[]; position?: number } =>
  isObj(v) && Array.isArray(v.$each)
    ? { items: v.$each, position: typeof v.$position === 'number' ? v.$position : undefined }
    : { items: [v] }

/**
 * Applies a MongoDB update document (`{ $set: {...}, $inc: {...} }`) to a copy of `doc`, with
 * dotted paths. `_id` cannot change. Returns the new document.
 */
export const applyUpdate = (doc: Obj, update: Obj): Obj => {
  const next = structuredClone(doc)
  for (const [op, fields] of Object.entries(update)) {
    if (!isObj(fields)) requestFailed(`${op} needs an object`)
    for (const [path, arg] of Object.entries(fields as Obj)) {
      if (path === '_id' || path.startsWith('_id.')) requestFailed('cannot update _id')
      applyOne(next, op, path, arg)
    }
  }
  return next
}

const applyOne = (doc: Obj, op: string, path: string, arg: Value) => {
  switch (op) {
    case '$set':
      return write(doc, path, structuredClone(arg))
    case '$unset': {
      const [parent, key] = parentOf(doc, path, false)
      if (isObj(parent)) delete parent[key]
      return
    }
    case '$inc':
    case '$mul': {
      if (typeof arg !== 'number') return requestFailed(`${op} needs a number`)
      const cur = numberAt(doc, path, op)
      return write(doc, path, op === '$inc' ? cur + arg : cur * arg)
    }
    case '$min':
    case '$max': {
      const cur = read(doc, path)
      const replace =
        cur === undefined ||
        (op === '$min' ? (arg as number) < (cur as number) : (arg as number) > (cur as number))
      return replace ? write(doc, path, arg) : undefined
    }
    case '$push': {
      const arr = arrayAt(doc, path, op)
      const { items, position } = eachOf(arg)
      arr.splice(position ?? arr.length, 0, ...structuredClone(items))
      return
    }
    case '$addToSet': {
      const arr = arrayAt(doc, path, op)
      for (const item of eachOf(arg).items) if (!arr.some((x) => same(x, item))) arr.push(item)
      return
    }
    case '$pull':
    case '$pullAll': {
      const cur = read(doc, path)
      if (cur === undefined) return
      if (!Array.isArray(cur)) return requestFailed(`${op} on non-array field ${path}`)
      if (op === '$pull' && isObj(arg) && Object.keys(arg).some((k) => k.startsWith('$')))
        return requestFailed('$pull with a condition is not supported by the sandbox (values only)')
      const drop = op === '$pullAll' ? (arg as Value[]) : [arg]
      return write(
        doc,
        path,
        cur.filter((x) => !drop.some((d) => same(x, d))),
      )
    }
    case '$pop': {
      const cur = read(doc, path)
      if (!Array.isArray(cur)) return
      if (arg === 1) cur.pop()
      else cur.shift()
      return
    }
    default:
      return requestFailed(`update operator ${op} is not supported by the sandbox`)
  }
}
