import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import type { HttpTriggerEvent } from '../src/platform/http-trigger'
import type { FunctionRunner } from './function-runner'
import { assertBuilt, invokeBundle } from './gateway'
import { readBody, sendJson } from './http-utils'

/** Callback bodies are small; WeChat Pay's are a few KB. */
export const MAX_HTTP_TRIGGER_BODY = 256 * 1024

/**
 * `ANY /http/<fn>/<path>`: CloudBase's HTTP access for a function, e.g. the WeChat Pay sandbox
 * POSTing a notification to /http/pay-notify/payment. The function gets CloudBase's event shape
 * with the raw body base64-encoded (signatures cover its exact bytes) and may answer
 * `{ statusCode, headers, body, isBase64Encoded }`; anything else is sent as JSON.
 */
export const handleHttpTrigger = async (
  req: IncomingMessage,
  res: ServerResponse,
  rest: string,
  url: URL,
  runner: FunctionRunner,
  log: (line: string) => void,
): Promise<void> => {
  const slash = rest.indexOf('/')
  const name = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash))
  assertBuilt(req, runner, name)
  const body = await readBody(req, MAX_HTTP_TRIGGER_BODY)
  const requestId = randomUUID()
  const event: HttpTriggerEvent = {
    path: slash < 0 ? '/' : rest.slice(slash),
    httpMethod: req.method ?? 'GET',
    headers: Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [
        k.toLowerCase(),
        Array.isArray(v) ? v.join(', ') : (v ?? ''),
      ]),
    ),
    queryStringParameters: Object.fromEntries(url.searchParams),
    body: body.toString('base64'),
    isBase64Encoded: true,
    requestContext: { requestId },
  }
  const result = await invokeBundle(
    runner,
    name,
    event,
    { requestId },
    log,
    `http ${name} ${event.httpMethod} ${event.path}`,
  )
  if (isIntegrationResponse(result)) {
    log(`http ${name} ${event.httpMethod} ${event.path} ${result.statusCode}`)
    res.writeHead(result.statusCode, result.headers ?? {})
    res.end(Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8'))
    return
  }
  sendJson(res, 200, result ?? null)
}

const isIntegrationResponse = (
  v: unknown,
): v is {
  statusCode: number
  headers?: Record<string, string>
  body?: string
  isBase64Encoded?: boolean
} =>
  typeof v === 'object' &&
  v !== null &&
  Number.isInteger((v as { statusCode?: unknown }).statusCode)
