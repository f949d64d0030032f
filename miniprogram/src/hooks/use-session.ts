import { useSyncExternalStore } from 'react'
import type { UserSelf } from '@shared/contracts/user.contract'
import { api, endSession, hasIdentity, setUnauthenticatedListener } from '@/services'

export type SessionStatus = 'unknown' | 'signing-in' | 'signed-in' | 'signed-out'
export interface SessionState {
  status: SessionStatus
  user: UserSelf | null
}

// One small store for "who am I": every page reads it, only the functions below write it.
let state: SessionState = { status: 'unknown', user: null }
const listeners = new Set<() => void>()
const set = (next: SessionState) => {
  state = next
  listeners.forEach((l) => l())
}

export const sessionStore = {
  get: () => state,
  subscribe: (l: () => void) => {
    listeners.add(l)
    return () => listeners.delete(l)
  },
}

export const useSession = () =>
  useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get)

/** Registers (first time) and loads the caller's profile: silent in WeChat, after a pick in H5. */
export const signIn = async (): Promise<UserSelf> => {
  set({ ...state, status: 'signing-in' })
  try {
    const { user } = await api.user.login()
    set({ status: 'signed-in', user })
    return user
  } catch (e) {
    set({ status: 'signed-out', user: null })
    throw e
  }
}

/** On launch: sign in when an identity exists, never block browsing when it does not. */
export const bootSession = async () => {
  if (!hasIdentity()) return set({ status: 'signed-out', user: null })
  try {
    await signIn()
  } catch {
    // Browsing works signed out; pages that need a user send them to login when asked.
  }
}

export const setUser = (user: UserSelf) => set({ status: 'signed-in', user })

export const signOut = () => {
  endSession()
  set({ status: 'signed-out', user: null })
}

// A call that answers COMMON.UNAUTHENTICATED means the stored session is dead: forget it.
setUnauthenticatedListener(() => {
  if (state.status === 'signing-in') return
  endSession()
  set({ status: 'signed-out', user: null })
})
