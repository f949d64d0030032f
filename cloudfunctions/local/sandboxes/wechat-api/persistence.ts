import { openStateFile, type StateFile } from '../state-file'
import type { ShareSandbox } from './share-control'
import type { Engine, EngineState } from './state'

/**
 * Keeps the sandbox's state in a JSON file across `npm start` restarts, so the dev 服务通知 inbox,
 * the shipping infos, the updatable cards and the groups made at run time stay next to the orders
 * in the local database. Tokens, cloudIDs (five-minute lives) and fault counters are not kept
 * (after a restart the adapter gets 40001 once and refreshes, as in production).
 */

type SavedState = EngineState & { cards?: unknown; groups?: unknown }

export type { StateFile } from '../state-file'

export const openWechatApiStateFile = (
  file: string,
  engine: Engine,
  share: ShareSandbox,
  warn?: (line: string) => void,
): StateFile =>
  openStateFile<SavedState>({
    file,
    vendor: 'wechat-api',
    exportState: () => ({
      ...engine.exportState(),
      cards: share.cards.exportState(),
      groups: share.groups.exportState(),
    }),
    importState: (s) => {
      engine.importState(s)
      // Files written before sharing existed have neither.
      share.cards.importState(s.cards ?? [])
      share.groups.importState(s.groups ?? [])
    },
    reset: () => {
      engine.reset()
      share.reset()
    },
    warn,
  })
