/** The adapter's HTTP layer: global fetch, a configurable base URL and a hard timeout. */

export interface HttpRequest {
  method: 'GET' | 'POST'
  /** Path from /v3/..., including the query string; appended to the base URL. */
  path: string
  headers: Record<string, string>
  /** Sent byte for byte: it must be the exact string that was signed. */
  body?: string | Uint8Array<ArrayBuffer>
}

export interface HttpResponse {
  status: number
  /** Lower-case header names. */
  headers: Record<string, string>
  body: string
}

export class HttpTimeoutError extends Error {}
export class HttpNetworkError extends Error {}

export type FetchLike = typeof fetch

export function createHttp(baseUrl: string, timeoutMs: number, fetchImpl: FetchLike = fetch) {
  const base = baseUrl.replace(/\/+$/, '')
  return async function send(req: HttpRequest): Promise<HttpResponse> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const res = await fetchImpl(base + req.path, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: controller.signal,
      })
      const body = await res.text()
      const headers: Record<string, string> = {}
      res.headers.forEach((v, k) => (headers[k.toLowerCase()] = v))
      return { status: res.status, headers, body }
    } catch (e) {
      if (controller.signal.aborted) throw new HttpTimeoutError(`timed out after ${timeoutMs} ms`)
      throw new HttpNetworkError(e instanceof Error ? e.message : String(e))
    } finally {
      clearTimeout(timer)
    }
  }
}
