// Fallback for tools that do not resolve platform files; Taro builds use auth.weapp.ts / auth.h5.ts.
export * from './auth.weapp'
