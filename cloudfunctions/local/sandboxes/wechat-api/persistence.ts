import { openStateFile, type StateFile } from '../state-file'
import type { Engine } from './state'

/**
 * Keeps the sandbox's state in a JSON file across `npm start` restarts, so the dev 服务通知 inbox
 * and the shipping infos stay next to the orders in the local database. Tokens and fault counters
 * are not kept (after a restart the adapter gets 40001 once and refreshes, as in production).
 */

export type { StateFile } from '../state-file'

export const openWechatApiStateFile = (
  file: string,
  engine: Engine,
  warn?: (line: string) => void,
): StateFile =>
  openStateFile({
    file,
    vendor: 'wechat-api',
    exportState: () => engine.exportState(),
    importState: (s) => engine.importState(s as never),
    warn,
  })
