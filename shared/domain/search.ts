/**
 * Search's limits. Here rather than in the search contract because the search module reads them
 * too, and a module that imports a contract builds every schema in it when its bundle loads.
 */
export const SEARCH_LIMITS = {
  keywordMax: 30,
  radiusKmMin: 0.5,
  radiusKmMax: 50,
  historyMax: 20,
} as const
