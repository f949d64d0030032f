/** search: keyword and nearby search over listings (ports/listing-search.port), history and 热搜. */
export { sweepHotCounters } from './application/hot-keywords'
export { searchHistory } from './application/search-listings.use-case'
