import { defineCollection } from '../../core/ports/document-store.port'

/** A user's recent keywords, newest first; one document per user. */
export interface SearchHistoryRecord {
  _id: string
  keywords: string[]
  updatedAt: number
  version: number
}

/**
 * 热搜: how many signed-in users searched a keyword in a city on one China day, keyed
 * `${city}|${day}|${keyword lowercased}`. Indexed by (city, day, count desc), so a day's top
 * keywords are one short indexed read.
 */
export interface HotTermRecord {
  _id: string
  city: string
  day: number
  /** As first searched that day (the key is lowercased, the display keeps the case). */
  keyword: string
  count: number
}

/**
 * "This user was counted for this keyword today", keyed `${userId}:${keyword lowercased}:${day}`.
 * Inserted before the count goes up: when it already exists, nothing is counted.
 */
export interface HotVoteRecord {
  _id: string
  day: number
}

export const SearchHistory = defineCollection<SearchHistoryRecord>('search_history')
export const HotTerms = defineCollection<HotTermRecord>('search_hot_terms', [
  {
    name: 'city_day_count',
    fields: [
      { field: 'city' },
      { field: 'day' },
      { field: 'count', direction: 'desc' },
      { field: '_id', direction: 'desc' },
    ],
  },
  { name: 'day', fields: [{ field: 'day' }] },
])
export const HotVotes = defineCollection<HotVoteRecord>('search_hot_votes', [
  { name: 'day', fields: [{ field: 'day' }] },
])
