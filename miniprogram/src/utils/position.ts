// Fallback for tools that do not resolve platform files; see position.weapp.ts and position.h5.ts.
export * from './position.h5'
