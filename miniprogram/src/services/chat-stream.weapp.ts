import Taro from '@tarojs/taro'
import type { FeedTransport } from './chat-feed'

/**
 * The weapp build's realtime transport: CloudBase's database watch on the conversation's
 * messages (the security rules let a user read only conversations they belong to). A change is
 * a doorbell, not the data: the feed asks `chat.since`, which answers the caller's own view of
 * each message (image URLs, their client ids), so what the page shows comes from one place.
 */
export const watchTransport = (
  conversationId: string,
  database: () => ReturnType<typeof Taro.cloud.database> = () => Taro.cloud.database(),
): FeedTransport => ({
  name: 'watch',
  connect(afterSeq, handlers) {
    const db = database()
    const watcher = db
      .collection('chat_messages')
      .where({ conversationId, seq: db.command.gt(afterSeq) })
      .watch({
        onChange: (snapshot) => {
          // The first snapshot lists what already matched; every later one, what changed.
          const changes = (snapshot as unknown as { docChanges?: unknown[] }).docChanges
          if (changes?.length) handlers.poke()
        },
        onError: (e: unknown) => handlers.drop(e),
      })
    return () => void watcher.close()
  },
})

export const realtimeTransport = (conversationId: string): FeedTransport | null =>
  watchTransport(conversationId)
