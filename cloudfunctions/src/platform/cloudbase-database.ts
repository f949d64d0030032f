import { CloudbaseListingSearch } from '../adapters/search/cloudbase-listing-search'
import { searchDatabaseOf } from '../adapters/search/cloudbase-search-where'
import { CloudbaseDocumentStore } from '../adapters/store/cloudbase-document-store'
import { databaseOf } from '../adapters/store/cloudbase-sdk.types'

/**
 * Documents and search on one CloudBase database (an initialised @cloudbase/node-sdk app): the
 * same store instance goes to search, so a listing's search entry joins the listing's
 * transaction. Production and the local cloud's `--store cloudbase-sandbox` wire it alike.
 */
export const cloudbaseDatabase = (app: { database(): unknown }) => {
  const store = new CloudbaseDocumentStore(databaseOf(app))
  return { store, search: new CloudbaseListingSearch(searchDatabaseOf(app), store) }
}
