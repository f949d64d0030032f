import { authHeader } from './session'
import { ClientErrorCodes, ServiceError } from './service-error'
import type { Transport } from './transport'

/** The H5 app is served by the local cloud, so the gateway is on the same origin. */
const BASE = ''

/**
 * POST /fn/<name> with `{ action, input }`. The gateway answers an envelope even for 4xx/5xx, so
 * the status is not an error by itself; only "no answer" or "not JSON" are.
 */
export const createHttpTransport = (
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): Transport => ({
  async invoke(name, action, input) {
    let res: Response
    try {
      res = await fetchImpl(`${BASE}/fn/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...authHeader() },
        body: JSON.stringify({ action, input }),
      })
    } catch (e) {
      throw new ServiceError(ClientErrorCodes.NETWORK, '网络异常，请检查网络后重试', {
        cause: String(e),
      })
    }
    try {
      return await res.json()
    } catch {
      throw new ServiceError(
        ClientErrorCodes.BAD_RESPONSE,
        `服务返回了无法识别的内容（HTTP ${res.status}）`,
      )
    }
  },
})

export const transport: Transport = createHttpTransport()
