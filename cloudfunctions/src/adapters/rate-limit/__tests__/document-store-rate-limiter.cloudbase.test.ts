import { FakeClock } from '../../clock/system-clock'
import { CloudbaseDocumentStore } from '../../store/cloudbase-document-store'
import { databaseOf } from '../../store/cloudbase-sdk.types'
import { rateLimiterContract } from '../../../modules/core/__tests__/rate-limiter.contract'
import { DocumentStoreRateLimiter, RateWindows } from '../document-store-rate-limiter'
import {
  sdkFor,
  startSandbox,
  type SandboxHandle,
} from '../../../../local/cloudbase-sandbox/__tests__/sdk-harness'

// Every hit is a transaction of 4–5 signed HTTP round trips through the real SDK (~15 ms here),
// and the contract makes thousands (its property test alone: 100 runs of up to 120 commands).
jest.setTimeout(300_000)

let sandbox: SandboxHandle
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

rateLimiterContract('DocumentStore on CloudBase (node-sdk against the sandbox)', () => {
  const store = new CloudbaseDocumentStore(databaseOf(sdkFor(sandbox.url).app))
  const clock = new FakeClock()
  return {
    limiter: new DocumentStoreRateLimiter(store, clock),
    clock,
    storedWindows: () => store.count(RateWindows, {}),
    close: () => undefined,
  }
})
