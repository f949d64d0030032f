/** Environment variable names the deployed code reads, found in its source text. */
export interface EnvReferences {
  /** Name → the files that read it. */
  names: Map<string, string[]>
  /** `file:line` of reads whose name is computed in a way this scan cannot follow. */
  unresolved: string[]
}

export interface SourceFile {
  path: string
  text: string
}

const DIRECT = /\benv\.([A-Z][A-Z0-9_]*[A-Z0-9])\b/g
const INDEXED = /\benv\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g
/** `const t = (name: string) => env[`PREFIX_${name}`]`: a prefix helper (wechat-api.config.ts). */
const PREFIX_HELPER =
  /const (\w+) = \((\w+)(?::\s*string)?\) =>\s*env\[`([A-Z][A-Z0-9_]*)\$\{\2\}`\]/g
const DYNAMIC = /\benv\[(?!\s*['"][A-Z])/g

export const scanEnvReferences = (files: SourceFile[]): EnvReferences => {
  const names = new Map<string, string[]>()
  const unresolved: string[] = []
  const add = (name: string, path: string) => {
    const seen = names.get(name) ?? []
    if (!seen.includes(path)) seen.push(path)
    names.set(name, seen)
  }
  for (const { path, text } of files) {
    for (const m of text.matchAll(DIRECT)) add(m[1], path)
    for (const m of text.matchAll(INDEXED)) add(m[1], path)
    const helperAt = new Set<number>()
    for (const m of text.matchAll(PREFIX_HELPER)) {
      const [, helper, , prefix] = m
      helperAt.add(m.index + m[0].indexOf('env['))
      for (const call of text.matchAll(new RegExp(`\\b${helper}\\('([A-Z0-9_]+)'\\)`, 'g')))
        add(prefix + call[1], path)
    }
    for (const m of text.matchAll(DYNAMIC)) {
      if (helperAt.has(m.index)) continue
      unresolved.push(`${path}:${text.slice(0, m.index).split('\n').length}`)
    }
  }
  return { names, unresolved }
}
