import { useRef, useState } from 'react'
import type { z } from 'zod'
import { isServiceError } from '@/services/service-error'

/** Messages keyed by form field. */
export type FieldErrors = Record<string, string | undefined>

/** One problem with a dotted contract path, as in COMMON.VALIDATION `details.issues`. */
export interface Issue {
  path: string
  message: string
}

export interface ContractFormOptions<V> {
  initial: V | (() => V)
  /** The contract's input for the form as it stands; by default the values themselves. */
  toInput?: (values: V) => unknown
  /** The form field that shows the message for a contract path; by default its first segment. */
  fieldOf?: (path: string) => string
  /** Plainer words where the contract's message says what the format is (e.g. 请填写… for an empty field). */
  explain?: (errors: FieldErrors, values: V) => FieldErrors
  /**
   * After the first validate(): 'live' re-checks the whole form on every change; 'clear' only
   * retires the changed field's message until the next validate().
   */
  recheck?: 'live' | 'clear'
  /** Check from the first change instead of from the first validate() (a form that starts valid). */
  eager?: boolean
}

const headOf = (path: string) => path.split('.')[0] ?? ''

/** A zod failure as dotted-path issues, the shape the gateway answers with. */
export const issuesOf = (error: z.ZodError): Issue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))

/** The first message per form field. */
export const byField = (
  issues: readonly Issue[],
  fieldOf: (path: string) => string = headOf,
): FieldErrors => {
  const out: FieldErrors = {}
  for (const { path, message } of issues) {
    const field = fieldOf(path)
    if (field && !out[field]) out[field] = message
  }
  return out
}

const compact = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).filter(([, m]) => m)) as FieldErrors

/**
 * A form checked with the contract's own zod schema, so the client shows exactly the server's
 * rules and messages on the field they are about. Messages appear from the first validate() on;
 * a message the server sent stays on its field until that field changes.
 */
export const useContractForm = <V extends object, Out = unknown>(
  schema: z.ZodType<Out>,
  options: ContractFormOptions<V>,
) => {
  const [values, setState] = useState<V>(options.initial)
  const [errors, setErrorState] = useState<FieldErrors>({})
  const latest = useRef(values)
  const current = useRef<FieldErrors>({})
  const server = useRef<FieldErrors>({})
  const tried = useRef(options.eager ?? false)
  // Callbacks read the newest options: the schema of an action sheet changes with the action.
  const opts = useRef({ schema, options })
  opts.current = { schema, options }

  const publish = (next: FieldErrors) => {
    current.current = compact(next)
    setErrorState(current.current)
  }
  /** The contract's messages for these values (whether or not they are shown yet). */
  const check = (v: V = latest.current): FieldErrors => {
    const { schema: s, options: o } = opts.current
    const r = s.safeParse(o.toInput ? o.toInput(v) : v)
    const found = r.success ? {} : byField(issuesOf(r.error), o.fieldOf)
    return compact(o.explain ? o.explain(found, v) : found)
  }
  const shown = (v: V) => ({ ...(tried.current ? check(v) : {}), ...server.current })

  /** Merges a change (or a function of the values); the changed fields' server messages retire. */
  const setValues = (patch: Partial<V> | ((prev: V) => Partial<V>)) => {
    const delta = typeof patch === 'function' ? patch(latest.current) : patch
    const next = { ...latest.current, ...delta }
    latest.current = next
    setState(next)
    for (const k of Object.keys(delta)) delete server.current[k]
    if (opts.current.options.recheck === 'clear') {
      const left = { ...current.current }
      for (const k of Object.keys(delta)) delete left[k]
      publish(left)
    } else publish(shown(next))
  }
  const setField = <K extends keyof V & string>(name: K, value: V[K]) =>
    setValues({ [name]: value } as unknown as Partial<V>)

  /** Shows every message; the parsed contract input when the form is fine, else null. */
  const validate = (): Out | null => {
    tried.current = true
    server.current = {}
    const found = check()
    publish(found)
    if (Object.keys(found).length > 0) return null
    const { schema: s, options: o } = opts.current
    const r = s.safeParse(o.toInput ? o.toInput(latest.current) : latest.current)
    return r.success ? r.data : null
  }

  /** Puts the server's COMMON.VALIDATION issues (dotted contract paths) on their fields. */
  const takeIssues = (issues: readonly Issue[]) => {
    server.current = byField(issues, opts.current.options.fieldOf)
    publish({ ...current.current, ...server.current })
  }

  /** A COMMON.VALIDATION answer goes onto its fields (true); any other error is left to the caller (false). */
  const takeError = (e: unknown): boolean => {
    if (!isServiceError(e) || e.code !== 'COMMON.VALIDATION') return false
    takeIssues(Object.entries(e.fieldErrors).map(([path, message]) => ({ path, message })))
    return true
  }

  /** New values (a reloaded record, a fresh sheet): no messages until the next validate(). */
  const reset = (v: V) => {
    latest.current = v
    setState(v)
    tried.current = opts.current.options.eager ?? false
    server.current = {}
    publish({})
  }

  return {
    values,
    errors,
    setField,
    setValues,
    validate,
    takeIssues,
    takeError,
    reset,
    check,
    /** The values and messages right now, for callbacks that run before the next render. */
    latest: () => latest.current,
    errorOf: (field: string) => current.current[field],
  }
}
