import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Engine, EngineState } from './state'

/**
 * Keeps the sandbox's parcels, pickups and subscriptions in a JSON file across `npm start`
 * restarts: orders in the local database point at waybills, which kuaidi100 never forgets.
 * Not saved: pushes being retried, fault counters, the push log.
 */

/** Changes are written at most this often. */
export const SAVE_DEBOUNCE_MS = 500

export interface StateFile {
  markDirty(): void
  save(): void
}

export const openKuaidi100StateFile = (
  file: string,
  engine: Engine,
  warn: (line: string) => void = (line) => console.warn(line),
): StateFile => {
  load(file, engine, warn)
  let dirty = false
  let timer: NodeJS.Timeout | undefined
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (!dirty) return
    dirty = false
    try {
      write(file, engine.exportState())
    } catch (e) {
      // A failed write must not take the sandbox down; the next change tries again.
      dirty = true
      warn(`kuaidi100 sandbox: could not save ${file}: ${e instanceof Error ? e.message : String(e)}`)
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
    return warn(`kuaidi100 sandbox: cannot read ${file} (${(e as Error).message}); starting empty`)
  }
  try {
    engine.importState(JSON.parse(text) as EngineState)
  } catch (e) {
    warn(`kuaidi100 sandbox: ${file} is corrupt (${e instanceof Error ? e.message : String(e)}); starting empty`)
  }
}

/** Atomic: a crash mid-write leaves the previous file. */
const write = (file: string, state: EngineState) => {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, JSON.stringify(state))
    renameSync(tmp, file)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
}
