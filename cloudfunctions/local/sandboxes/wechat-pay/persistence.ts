import { openStateFile, type StateFile } from '../state-file'
export type { StateFile } from '../state-file'
import type { MediaEntry, MediaStore } from './media'
import type { Engine, EngineState } from './state'

/**
 * Keeps the sandbox's state in a JSON file so it survives `npm start` restarts: the local cloud's
 * database does, and its orders point at WeChat transactions, which real WeChat never forgets.
 * Not saved: notification retries in flight (our reconciliation covers lost notifications),
 * fault counters and the delivery log.
 */

interface SavedState {
  engine: EngineState
  media: Record<string, MediaEntry>
}

export const openWechatPayStateFile = (
  file: string,
  engine: Engine,
  media: MediaStore,
  warn?: (line: string) => void,
): StateFile =>
  openStateFile<SavedState>({
    file,
    vendor: 'wechat-pay',
    exportState: () => ({ engine: engine.exportState(), media: media.exportState() }),
    // Media first: if the engine then refuses, `reset` clears the media again, so a bad file
    // always means a wholly empty sandbox.
    importState: (saved) => {
      media.importState(saved.media ?? {})
      engine.importState(saved.engine)
    },
    reset: () => media.importState({}),
    warn,
  })
