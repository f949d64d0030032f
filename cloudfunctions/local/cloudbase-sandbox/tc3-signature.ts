import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { SandboxCodes, SandboxError } from './sandbox-error'

/** The API keys the sandbox accepts: secretId → secretKey (CloudBase's CAM keys). */
export type Credentials = Record<string, string>

export interface SignedRequest {
  method: string
  /** Path and query as received, e.g. `/admin?env=e1&seqId=...`. */
  url: string
  headers: IncomingHttpHeaders
  /** The parsed JSON body: the signed parameters. */
  params: Record<string, unknown>
}

const AUTH =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request, SignedParams=([^,]*), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/

const refuse = (message: string): never => {
  throw new SandboxError(SandboxCodes.SIGN_PARAM_INVALID, message)
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest()

/** How the signer turns a parameter into the text it hashes (@cloudbase/signature-nodejs). */
const paramText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)).trim()

/**
 * Verifies the TC3-HMAC-SHA256 `Authorization` header @cloudbase/node-sdk sends (tcb variant with
 * `SignedParams`), recomputed here independently of the SDK's signer: the secretId must be known,
 * the credential date must match `X-Timestamp`, the timestamp must be within `maxAgeSeconds` of
 * `nowSeconds`, `host` and `content-type` must be among the signed headers, every non-empty body
 * parameter must be signed (an added or changed parameter fails), and the HMAC chain over the
 * canonical request (method, `//host/path`, query, headers, parameter hash) must match.
 * Answers the secretId that signed.
 */
export const verifyTc3 = (
  req: SignedRequest,
  credentials: Credentials,
  nowSeconds: number,
  maxAgeSeconds = 600,
): string => {
  const header = req.headers.authorization
  const m = typeof header === 'string' ? AUTH.exec(header) : null
  if (!m) return refuse('missing or malformed TC3 Authorization header')
  const [, secretId, date, signedParamList, signedHeaderList, signature] = m
  const secretKey = credentials[secretId]
  if (secretKey === undefined) return refuse(`unknown secretId ${secretId}`)
  const timestamp = Number(req.headers['x-timestamp'])
  if (!Number.isInteger(timestamp)) return refuse('missing X-Timestamp')
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date)
    return refuse('credential date does not match X-Timestamp')
  if (Math.abs(nowSeconds - timestamp) > maxAgeSeconds) return refuse('signature expired')

  const signedHeaders = signedHeaderList.split(';')
  if (!signedHeaders.includes('host') || !signedHeaders.includes('content-type'))
    return refuse('host and content-type must be signed')
  const canonicalHeaders = signedHeaders
    .map((name) => {
      const value = req.headers[name]
      if (typeof value !== 'string') return refuse(`signed header ${name} is missing`)
      // The signer keeps content-type's case and drops a multipart boundary.
      if (name === 'content-type')
        return `${name}:${value.startsWith('multipart/form-data') ? 'multipart/form-data' : value}`
      return `${name}:${value.trim().toLowerCase()}`
    })
    .join('\n')

  const signedParams = signedParamList ? signedParamList.split(';') : []
  const byLowerKey = new Map<string, unknown>()
  for (const [k, v] of Object.entries(req.params))
    if (v !== undefined && paramText(v) !== '')
      byLowerKey.set(encodeURIComponent(k.toLowerCase()), v)
  for (const key of byLowerKey.keys())
    if (!signedParams.includes(key)) refuse(`parameter ${key} is not signed`)
  const payload = createHash('sha256')
  for (const key of signedParams) {
    if (!byLowerKey.has(key)) return refuse(`signed parameter ${key} is missing`)
    payload
      .update(`&${key}=`)
      .update(paramText(byLowerKey.get(key)))
      .update('\r\n')
  }

  const [path, query = ''] = req.url.split('?', 2)
  const canonicalRequest = [
    req.method.toLowerCase(),
    `//${req.headers.host}${path}`,
    query,
    `${canonicalHeaders}\n`,
    signedHeaders.join(';'),
    payload.digest('hex'),
  ].join('\n')
  const scope = `${date}/tcb/tc3_request`
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonicalRequest)}`
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), 'tcb'), 'tc3_request')
  const expected = createHmac('sha256', key).update(stringToSign).digest()
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return refuse('signature mismatch')
  return secretId
}
