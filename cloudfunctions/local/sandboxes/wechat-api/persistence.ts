import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Engine } from './state'

/**
 * Keeps the sandbox's state in a JSON file across `npm start` restarts, so the dev 服务通知 inbox
 * and the shipping infos stay next to the orders in the local database. Tokens and fault counters
 * are not kept (after a restart the adapter gets 40001 once and refreshes, as in production).
 */

/** Changes are written at most this often. */
export const SAVE_DEBOUNCE_MS = 500

export interface StateFile {
  markDirty(): void
  save(): void
}

export const openStateFile = (file: string, engine: Engine, warn: (line: string) => void = (l) => console.warn(l)): StateFile => {
  load(file, engine, warn)
  let dirty = false
  let timer: NodeJS.Timeout | undefined
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (!dirty) return
    dirty = false
    try {
      mkdirSync(dirname(file), { recursive: true })
      // Atomic: a crash mid-write leaves the previous file, never half a file.
      const tmp = `${file}.${process.pid}.tmp`
      try {
        writeFileSync(tmp, JSON.stringify(engine.exportState()))
        renameSync(tmp, file)
      } catch (e) {
        rmSync(tmp, { force: true })
        throw e
      }
    } catch (e) {
      dirty = true
      warn(`wechat-api sandbox: could not save ${file}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return {
    markDirty() {
      dirty = true
      if (timer) return
      timer = setTimeout(flush, SAVE_DEBOUNCE_MS)
      timer.unref?.()
    },
    save() {
      dirty = true
      flush()
    },
  }
}

const load = (file: string, engine: Engine, warn: (line: string) => void) => {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
    return warn(`wechat-api sandbox: cannot read ${file} (${(e as Error).message}); starting empty`)
  }
  try {
    engine.importState(JSON.parse(text))
  } catch (e) {
    warn(`wechat-api sandbox: ${file} is corrupt (${e instanceof Error ? e.message : String(e)}); starting empty`)
  }
}
