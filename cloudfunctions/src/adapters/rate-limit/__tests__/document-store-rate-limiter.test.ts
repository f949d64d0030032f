import { FakeClock } from '../../clock/system-clock'
import { SqliteDocumentStore } from '../../store/sqlite-document-store'
import { rateLimiterContract } from '../../../modules/core/__tests__/rate-limiter.contract'
import { DocumentStoreRateLimiter, RateWindows } from '../document-store-rate-limiter'

rateLimiterContract('DocumentStore on SQLite', () => {
  const store = new SqliteDocumentStore(':memory:')
  const clock = new FakeClock()
  return {
    limiter: new DocumentStoreRateLimiter(store, clock),
    clock,
    storedWindows: () => store.count(RateWindows, {}),
    close: () => store.close(),
  }
})
