import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { systemClock } from '../adapters/clock/system-clock'
import { LocalDiskFiles } from '../adapters/files/local-disk-files'
import { ulidIds } from '../adapters/ids/ulid-ids'
import { SqliteListingSearch } from '../adapters/search/sqlite-listing-search'
import { SqliteDocumentStore } from '../adapters/store/sqlite-document-store'
import type { Clock } from '../modules/core/ports/clock.port'
import { localIdentity } from './caller-identity'
import type { Container } from './container'

export interface LocalContainerOptions {
  /** Folder for the SQLite file (linquan.db) and uploaded files (files/). */
  dataDir: string
  /** Where the gateway serves files, e.g. `/files`. */
  publicBaseUrl: string
  sessionSecret: string
  clock?: Clock
}

export type LocalContainer = Container & { store: SqliteDocumentStore; files: LocalDiskFiles }

/** The local cloud's wiring: SQLite (documents and search index), disk files, signed demo sessions. */
export const createLocalContainer = (options: LocalContainerOptions): LocalContainer => {
  const clock = options.clock ?? systemClock
  const filesDir = join(options.dataDir, 'files')
  mkdirSync(filesDir, { recursive: true })
  const store = new SqliteDocumentStore(join(options.dataDir, 'linquan.db'))
  return {
    store,
    // The index shares the store's connection, so listing writes and index writes commit together.
    search: new SqliteListingSearch(store.connection),
    files: new LocalDiskFiles(filesDir, options.publicBaseUrl),
    clock,
    ids: ulidIds(clock),
    identity: localIdentity(options.sessionSecret, () => clock.now()),
  }
}
