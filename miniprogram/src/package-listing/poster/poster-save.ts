// Fallback for tools that do not resolve platform files (tsc, jest); see poster-save.weapp.ts and
// poster-save.h5.ts.
export * from './poster-save.h5'
