import { request } from 'node:http'

/** One request exactly as the SDK sent it, and the sandbox's answer (requestId left out). */
export interface Exchange {
  name: string
  request: { method: string; url: string; headers: Record<string, string>; body: string }
  answer: Record<string, unknown>
}

/** Sends a recorded request byte for byte (its Host header included) to a sandbox on `port`. */
export const replay = (port: number, r: Exchange['request']): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: r.method,
        path: r.url,
        headers: {
          ...r.headers,
          'content-length': String(Buffer.byteLength(r.body)),
          connection: 'close',
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
      },
    )
    req.on('error', reject)
    req.end(r.body)
  })

/** The parts of an answer that differ on every run. */
export const stable = ({ requestId: _r, ...rest }: Record<string, unknown>) =>
  'transactionId' in rest ? { ...rest, transactionId: '<random>' } : rest
