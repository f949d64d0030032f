import type { FeedTransport } from './chat-feed'

// Fallback for tools that do not resolve platform files (jest, type checks): no realtime
// transport, so a conversation polls. The builds use chat-stream.h5.ts and chat-stream.weapp.ts.
export const realtimeTransport = (_conversationId: string): FeedTransport | null => null
