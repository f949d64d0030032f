import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Kuaidi100Courier } from '../../../../src/adapters/courier/kuaidi100.courier'
import { serveSandbox } from '../../../sandboxes'
import { kuaidi100SandboxClientConfig } from '../client-config'
import {
  createKuaidi100Sandbox,
  type Kuaidi100Sandbox,
  type Kuaidi100SandboxOptions,
} from '../index'

/** Test harness: the sandbox on a real HTTP port, a push receiver, and the production adapter pointed at both. */

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

export interface ReceivedPush {
  path: string
  headers: IncomingMessage['headers']
  /** The form body exactly as sent. */
  raw: string
}

export const startHarness = async (options: Kuaidi100SandboxOptions = {}) => {
  const sandbox: Kuaidi100Sandbox = createKuaidi100Sandbox({
    timers: 'manual',
    startAt: Date.UTC(2026, 0, 5, 1),
    ...options,
  })
  const served = await serveSandbox(sandbox)

  // Push receiver, like courier-notify: answers from a queue ('ok' | 'fail' | HTTP status) when
  // one is set, otherwise success for a push that verifies and failure for one that does not.
  // Assigned once the adapter can be built (below); the receiver's closure reads it after that.
  // eslint-disable-next-line prefer-const
  let verifier: Kuaidi100Courier | undefined
  const received: ReceivedPush[] = []
  const answers: ('ok' | 'fail' | number)[] = []
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        raw: Buffer.concat(chunks).toString('utf8'),
      })
      const raw = received.at(-1)!.raw
      const valid = (() => {
        try {
          // Pickup-status callbacks carry a taskId; tracking pushes do not.
          if (new URLSearchParams(raw).has('taskId')) verifier!.verifyPickupPush({ body: raw })
          else verifier!.verifyPush({ body: raw })
          return true
        } catch {
          return false
        }
      })()
      const answer = answers.shift() ?? (valid ? 'ok' : 'fail')
      if (typeof answer === 'number') {
        res.writeHead(answer)
        res.end()
        return
      }
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(
        JSON.stringify(
          answer === 'ok'
            ? { result: true, returnCode: '200', message: '成功' }
            : { result: false, returnCode: '500', message: '失败' },
        ),
      )
    })
  })
  const notifyBase = await listen(receiver)
  const config = kuaidi100SandboxClientConfig(served.url, notifyBase)
  const courier = (over: Partial<typeof config> = {}) =>
    new Kuaidi100Courier({
      config: { ...config, ...over },
      clock: { now: () => sandbox.clock.now() },
    })

  verifier = courier()

  /** A raw form POST to the sandbox (to check what the vendor answers without the adapter). */
  const post = async (path: string, form: Record<string, string>) => {
    const res = await fetch(served.url + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    })
    return { status: res.status, body: (await res.json()) as any }
  }

  const control = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${served.url}/control/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as any }
  }

  /** Moves sandbox time and waits for the pushes it caused to land. */
  const advance = async (ms: number) => {
    await sandbox.clock.advance!(ms)
    await sandbox.notifier.idle()
  }

  const close = async () => {
    await served.close()
    await new Promise<void>((r) => {
      receiver.close(() => r())
      receiver.closeAllConnections()
    })
  }

  return {
    sandbox,
    sandboxUrl: served.url,
    notifyBase,
    config,
    courier,
    received,
    answers,
    post,
    control,
    advance,
    close,
  }
}

export type Harness = Awaited<ReturnType<typeof startHarness>>
