import { openStateFile, type StateFile } from '../state-file'
import type { Engine, EngineState } from './state'

/**
 * Keeps the sandbox's parcels, pickups and subscriptions in a JSON file across `npm start`
 * restarts: orders in the local database point at waybills, which kuaidi100 never forgets.
 * Not saved: pushes being retried, fault counters, the push log.
 */

export type { StateFile } from '../state-file'

export const openKuaidi100StateFile = (
  file: string,
  engine: Engine,
  warn?: (line: string) => void,
): StateFile =>
  openStateFile<EngineState>({
    file,
    vendor: 'kuaidi100',
    exportState: () => engine.exportState(),
    importState: (s) => engine.importState(s),
    warn,
  })
