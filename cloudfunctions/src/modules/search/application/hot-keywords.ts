import { chinaDay } from '@shared/domain/listing-lifecycle'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { removeBelow } from '../../core'
import { HotTerms, HotVotes } from '../domain/search.records'

/** 热搜 covers this many China days, today included. */
export const HOT_DAYS = 7
/**
 * Each day contributes its top this-many keywords to the merge: 7 short indexed reads instead of
 * every counter of the week. A keyword in no day's top 50 could only out-sum the top 10 in a city
 * with hundreds of keywords searched equally often, so in practice the merge is the full sum.
 */
const TOP_PER_DAY = 50

const keyOf = (keyword: string) => keyword.toLowerCase()

/**
 * Counts a signed-in user's search for 热搜: once per user, keyword and China day, however often
 * they search it. The vote is inserted first in the same transaction as the count, so a repeat
 * (or a race with the same user's other tab) finds it there and counts nothing. Anonymous
 * searches are never counted: nobody could tell 60 of them from one spammer.
 */
export const countHotSearch = async (deps: Deps, city: string, keyword: string, userId: string) => {
  const day = chinaDay(deps.clock.now())
  const key = keyOf(keyword)
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.store.transaction(async (tx) => {
        try {
          await tx.insert(HotVotes, { _id: `${userId}:${key}:${day}`, day })
        } catch (e) {
          if (isAppError(e) && e.code === ErrorCodes.CONFLICT) return false
          throw e
        }
        const id = `${city}|${day}|${key}`
        const current = await tx.get(HotTerms, id)
        if (current)
          await tx.update(
            HotTerms,
            id,
            { count: current.count + 1 },
            { expect: { count: current.count } },
          )
        else await tx.insert(HotTerms, { _id: id, city, day, keyword, count: 1 })
        return true
      })
    } catch (e) {
      // Another user's first search of the keyword won the insert: the whole step runs again.
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT) || attempt >= 3) throw e
    }
  }
}

/** The city's most searched keywords over the last 7 China days: each day's top, merged. */
export const hotKeywords = async (deps: Deps, city: string, limit = 10): Promise<string[]> => {
  const today = chinaDay(deps.clock.now())
  const days = Array.from({ length: HOT_DAYS }, (_, i) => today - i)
  const pages = await Promise.all(
    days.map((day) =>
      deps.store.find(
        HotTerms,
        { city, day },
        { orderBy: { field: 'count', direction: 'desc' }, limit: TOP_PER_DAY },
      ),
    ),
  )
  const totals = new Map<string, { keyword: string; count: number }>()
  // Newest day first, so the spelling shown is the most recent one.
  for (const t of pages.flatMap((p) => p.items)) {
    const entry = totals.get(keyOf(t.keyword)) ?? { keyword: t.keyword, count: 0 }
    entry.count += t.count
    totals.set(keyOf(t.keyword), entry)
  }
  return [...totals.values()]
    .sort((a, b) => b.count - a.count || a.keyword.localeCompare(b.keyword))
    .slice(0, limit)
    .map((e) => e.keyword)
}

/** Drops votes of past days (they guard nothing now) and counts older than 热搜 reads; the cron calls it. */
export const sweepHotCounters = async (deps: Deps) => {
  const today = chinaDay(deps.clock.now())
  return {
    votes: await removeBelow(deps.store, HotVotes, 'day', today),
    terms: await removeBelow(deps.store, HotTerms, 'day', today - HOT_DAYS + 1),
  }
}
