import { SearchContract } from '@shared/contracts/search.contract'
import { hotKeywords } from '../modules/search/application/hot-keywords'
import {
  clearSearchHistory,
  searchHistory,
  searchListings,
  suggestKeywords,
} from '../modules/search/application/search-listings.use-case'
import { createHandler } from '../platform/create-handler'

/** search: one query over keyword, filters and distance; history, 热搜 and suggestions. */
export const main = createHandler(SearchContract, {
  query: async (input, { caller, deps }) =>
    searchListings(deps, input, { userId: caller.user?._id ?? null, ip: caller.ip }),
  suggest: async ({ prefix, city }, { caller, deps }) => ({
    suggestions: await suggestKeywords(deps, city, prefix, {
      userId: caller.user?._id ?? null,
      ip: caller.ip,
    }),
  }),
  hot: async ({ city }, { deps }) => ({ keywords: await hotKeywords(deps, city) }),
  history: async (_input, { caller, deps }) => ({
    keywords: await searchHistory(deps, caller.user._id),
  }),
  clearHistory: async (_input, { caller, deps }) => ({
    cleared: await clearSearchHistory(deps, caller.user._id),
  }),
})
