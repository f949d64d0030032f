// Fallback for tools that do not resolve platform files (tsc, jest); see offscreen-surface.weapp.ts
// and offscreen-surface.h5.ts.
export * from './offscreen-surface.h5'
