/**
 * HTTP-triggered functions (WeChat Pay and courier callbacks). CloudBase's HTTP access hands the
 * function the request as an event and sends back what the function returns when it carries a
 * `statusCode` (integration response). The raw body matters: callbacks are signed over its exact
 * bytes, so handlers read `rawBody(event)` and never a re-serialised object.
 */
export interface HttpTriggerEvent {
  path: string
  httpMethod: string
  /** Lower-cased header names. */
  headers: Record<string, string>
  queryStringParameters: Record<string, string>
  body: string
  isBase64Encoded: boolean
  requestContext?: { requestId?: string }
}

export interface HttpTriggerResponse {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded?: boolean
}

export const isHttpTriggerEvent = (event: unknown): event is HttpTriggerEvent =>
  typeof event === 'object' &&
  event !== null &&
  typeof (event as HttpTriggerEvent).httpMethod === 'string' &&
  typeof (event as HttpTriggerEvent).headers === 'object'

/** The request body exactly as it arrived. */
export const rawBody = (event: HttpTriggerEvent): Buffer =>
  Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8')

export const jsonResponse = (statusCode: number, body: unknown): HttpTriggerResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
})
