import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'

/**
 * One setting that comes either inline (`NAME`, local runs and tests) or as a file (`NAME_FILE`,
 * a deploy: CloudBase allows 4 KB of environment variables per function, and a PEM alone is
 * 1.7 KB). A relative `NAME_FILE` is resolved against `baseDir`, the function's own folder
 * (deploy:stage copies the file there). Read synchronously: it runs once, when the container is
 * built. The errors name the variable and the path, never the content.
 */
export const inlineOrFile = (
  name: string,
  inline: string | undefined,
  file: string | undefined,
  baseDir: string,
): string | undefined => {
  if (inline && file) throw new Error(`set ${name} or ${name}_FILE, not both`)
  if (!file) return inline || undefined
  const path = isAbsolute(file) ? file : resolve(baseDir, file)
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new Error(`${name}_FILE: cannot read ${path} (${code})`)
  }
}
