// Fallback for tools that do not resolve platform files (tsc, jest); see poster-canvas.weapp.tsx
// and poster-canvas.h5.tsx. Same extension as those files, so Taro still picks the platform one.
export * from './poster-canvas.h5'
