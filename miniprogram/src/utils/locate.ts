// Fallback for tools that do not resolve platform files; see locate.weapp.ts and locate.h5.ts.
export * from './locate.h5'
