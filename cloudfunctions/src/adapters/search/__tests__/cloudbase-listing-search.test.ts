import { listingSearchContract } from '../../../modules/search/__tests__/listing-search.contract'
import { listingSearchTextContract } from '../../../modules/search/__tests__/listing-search-text.contract'
import {
  sdkFor,
  startSandbox,
  type SandboxHandle,
} from '../../../../local/cloudbase-sandbox/__tests__/sdk-harness'
import { CloudbaseDocumentStore } from '../../store/cloudbase-document-store'
import { databaseOf } from '../../store/cloudbase-sdk.types'
import { CloudbaseListingSearch } from '../cloudbase-listing-search'
import { LISTING_SEARCH_INDEXES } from '../cloudbase-search-entry'
import { searchDatabaseOf } from '../cloudbase-search-where'

// Every call is a signed HTTP request to the sandbox: the property tests take tens of seconds.
jest.setTimeout(600_000)

let sandbox: SandboxHandle
beforeAll(async () => {
  sandbox = await startSandbox({ indexes: { listings: LISTING_SEARCH_INDEXES } })
})
afterAll(() => sandbox.close())

/** The real SDK against the sandbox, in a fresh environment (database) per world. */
const open = () => {
  const { app } = sdkFor(sandbox.url)
  const store = new CloudbaseDocumentStore(databaseOf(app))
  const search = new CloudbaseListingSearch(searchDatabaseOf(app), store)
  return {
    store,
    search,
    transaction: <R>(fn: () => Promise<R>) => store.transaction(() => fn()),
    close: () => undefined,
  }
}

listingSearchContract('CloudBase (node-sdk against the sandbox)', open)
listingSearchTextContract('CloudBase (node-sdk against the sandbox)', open)
