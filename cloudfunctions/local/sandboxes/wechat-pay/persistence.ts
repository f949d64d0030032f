import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SandboxClock } from './clock'
import type { MediaEntry, MediaStore } from './media'
import type { Engine, EngineState } from './state'

/**
 * Keeps the sandbox's state in a JSON file so it survives `npm start` restarts: the local cloud's
 * database does, and its orders point at WeChat transactions, which real WeChat never forgets.
 * Not saved: notification retries in flight (our reconciliation covers lost notifications),
 * fault counters and the delivery log.
 */

/** Changes are written at most this often; a burst of requests costs one write. */
export const SAVE_DEBOUNCE_MS = 500

interface SavedState {
  engine: EngineState
  media: Record<string, MediaEntry>
}

export interface StateFile {
  /** Something changed: save within SAVE_DEBOUNCE_MS. */
  markDirty(): void
  /** Writes now, changed or not (changes made by calling the engine directly are not seen). */
  save(): void
}

export const openStateFile = (
  file: string,
  engine: Engine,
  media: MediaStore,
  warn: (line: string) => void = (line) => console.warn(line),
): StateFile => {
  load(file, engine, media, warn)
  let dirty = false
  let timer: NodeJS.Timeout | undefined
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (!dirty) return
    dirty = false
    try {
      save(file, { engine: engine.exportState(), media: media.exportState() })
    } catch (e) {
      // A failed write must not take the sandbox down; the next change tries again.
      dirty = true
      warn(`wechat-pay sandbox: could not save ${file}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return {
    markDirty() {
      dirty = true
      if (timer) return
      timer = setTimeout(flush, SAVE_DEBOUNCE_MS)
      // A pending save must not keep a finished process (or a test run) alive.
      timer.unref?.()
    },
    save() {
      dirty = true
      flush()
    },
  }
}

const load = (file: string, engine: Engine, media: MediaStore, warn: (line: string) => void) => {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
    return warn(`wechat-pay sandbox: cannot read ${file} (${(e as Error).message}); starting empty`)
  }
  try {
    const saved = JSON.parse(text) as SavedState
    if (typeof saved !== 'object' || saved === null) throw new Error('not a JSON object')
    // Each import checks everything before changing anything; if the engine refuses, the media
    // ids are cleared again below, so a bad file always means a wholly empty sandbox.
    media.importState(saved.media ?? {})
    engine.importState(saved.engine)
  } catch (e) {
    media.importState({})
    warn(`wechat-pay sandbox: ${file} is corrupt (${e instanceof Error ? e.message : String(e)}); starting empty`)
  }
}

/** Atomic: a crash mid-write leaves the previous file, never half a file. */
const save = (file: string, state: SavedState) => {
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

/** The same clock, with `after()` run whenever a scheduled task finishes (it may have changed state). */
export const observedClock = (clock: SandboxClock, after: () => void): SandboxClock => ({
  now: () => clock.now(),
  schedule: (delayMs, task) =>
    clock.schedule(delayMs, async () => {
      try {
        await task()
      } finally {
        after()
      }
    }),
  ...(clock.advance ? { advance: (ms: number) => clock.advance!(ms) } : {}),
  pending: () => clock.pending(),
  close: () => clock.close(),
})
