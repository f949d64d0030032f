import { EventEmitter } from 'node:events'
import type { ChatSignal } from '../../modules/chat/ports/chat-signal.port'

/**
 * The local cloud's ChatSignal: its functions run in the same process as its event streams, so
 * an emitter per conversation is enough. A waiter that times out removes its listener.
 */
export class InProcessChatSignal implements ChatSignal {
  private readonly emitter = new EventEmitter().setMaxListeners(0)

  notify(conversationId: string): void {
    this.emitter.emit(conversationId)
  }

  wait(conversationId: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.emitter.off(conversationId, done)
        resolve()
      }
      const timer = setTimeout(done, timeoutMs)
      this.emitter.once(conversationId, done)
    })
  }
}
