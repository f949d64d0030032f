import type { ListingSearch } from '../../search/ports/listing-search.port'
import type { Clock } from './clock.port'
import type { DocumentStore } from './document-store.port'
import type { Files } from './files.port'
import type { Ids } from './ids.port'

/** What use cases receive: ports only, wired per environment by the platform container. */
export interface Deps {
  store: DocumentStore
  search: ListingSearch
  files: Files
  clock: Clock
  ids: Ids
}
