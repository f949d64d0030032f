import { removeBelow } from '../../core'
import type { Deps } from '../../deps'
import { CHAT_SEND_RETENTION_MS, ChatSends } from '../domain/chat.records'

/**
 * Drops the records of sends older than the retention window: by then no client is retrying them,
 * and they would otherwise pile up one per message for ever. The cron calls it.
 */
export const sweepChatSends = (deps: Pick<Deps, 'store' | 'clock'>) =>
  removeBelow(deps.store, ChatSends, 'at', deps.clock.now() - CHAT_SEND_RETENTION_MS)
