import { defineCollection } from '../../core/ports/document-store.port'

/** A user's recent keywords, newest first; one document per user. */
export interface SearchHistoryRecord {
  _id: string
  keywords: string[]
  updatedAt: number
  version: number
}

/** How often a keyword was searched in a city on one day, keyed `${city}|${day}|${keyword}`. */
export interface SearchTermRecord {
  _id: string
  city: string
  day: number
  keyword: string
  count: number
}

export const SearchHistory = defineCollection<SearchHistoryRecord>('search_history')
export const SearchTerms = defineCollection<SearchTermRecord>('search_terms', [
  { name: 'city_day', fields: [{ field: 'city' }, { field: 'day' }] },
])
