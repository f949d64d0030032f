export const USER_LIMITS = { nicknameMin: 1, nicknameMax: 20 } as const

export const ROLES = ['user', 'moderator', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** Shown until the user picks a nickname: 邻居 + the last four of the id, never the OPENID. */
export const defaultNickname = (userId: string): string => `邻居${userId.slice(-4).toUpperCase()}`
