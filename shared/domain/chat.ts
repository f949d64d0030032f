/*
 * Chat's limits and banner. Here rather than in the chat contract (which re-exports them for the
 * client) because the chat module and the off-platform guard read them too, and whatever imports
 * a contract builds every schema in it when a function bundle loads.
 */

export const CHAT_LIMITS = {
  textMax: 500,
  historyDefault: 30,
  historyMax: 50,
  sinceMax: 100,
} as const

/** The banner the recipient sees on a message flagged `offPlatform`. */
export const OFF_PLATFORM_WARNING = '平台外交易不受担保保护，请勿添加微信、私下转账或先付定金'
