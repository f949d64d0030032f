import { z } from 'zod'
import type { ErrorCode } from '../errors/error-codes'

/** What every function answers: data on success, a stable code and a readable message otherwise. */
export type Envelope<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; details?: unknown } }

export const ErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
})

/** Parses an envelope whose data must match `data`; used by the client to trust nothing. */
export const envelopeSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ErrorBodySchema }),
  ])
