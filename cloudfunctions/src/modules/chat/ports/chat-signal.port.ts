/**
 * ChatSignal: "this conversation has something new", for servers that stream conversations
 * (the local cloud's Server-Sent Events). It carries no data: a listener asks `chat.since`.
 * In CloudBase the clients watch the database instead, so production needs no signal at all.
 */
export interface ChatSignal {
  /** Something was posted to the conversation (called after the write committed). */
  notify(conversationId: string): void
  /** Resolves at the next notify of the conversation, or after `timeoutMs`, whichever is first. */
  wait(conversationId: string, timeoutMs: number): Promise<void>
}

/** For environments where nobody streams: notifying is free and waiting is a plain timeout. */
export const quietChatSignal: ChatSignal = {
  notify: () => undefined,
  wait: (_id, timeoutMs) => new Promise((resolve) => setTimeout(resolve, timeoutMs)),
}
