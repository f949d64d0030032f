// Fallback for tools that do not resolve platform files (tsc, jest); see privacy-consent.weapp.tsx
// and privacy-consent.h5.tsx. Same extension as those files: Taro tries each extension in turn,
// and a plain .ts here would win over privacy-consent.weapp.tsx.
export * from './privacy-consent.h5'
