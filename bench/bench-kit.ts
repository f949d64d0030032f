/** What every bench needs: its numeric options, a seeded PRNG, and the figures it prints. */

/** The number after `--name` on the command line, or `fallback`. */
export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}

/** Deterministic PRNG (mulberry32) in [0, 1): two runs build the same data and ask the same queries. */
export const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
}

/** The p-th percentile of the samples (nearest rank). */
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

/** Rounded to `digits` decimals, for the JSON line. */
export const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits
