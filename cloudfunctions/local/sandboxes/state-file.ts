import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Sandbox } from '../sandboxes'

/**
 * A sandbox's state in a JSON file, so it survives `npm start` restarts as the local database does
 * (real vendors never forget a payment, a parcel or a message). Loaded once at start; written at
 * most every SAVE_DEBOUNCE_MS after changes, atomically (temp file + rename). An unreadable or
 * corrupt file is one warning and an empty sandbox, never a crash.
 */

/** Changes are written at most this often: a burst of requests costs one write. */
export const SAVE_DEBOUNCE_MS = 500

export interface StateFile {
  /** Something changed: save within SAVE_DEBOUNCE_MS. */
  markDirty(): void
  /** Writes now, changed or not (changes made by calling the engine directly are not seen). */
  save(): void
}

export interface StateFileOptions<S> {
  file: string
  /** For warnings: `wechat-pay`, `kuaidi100`, … */
  vendor: string
  exportState: () => S
  /** Checks everything before changing anything; throws on a bad shape. */
  importState: (saved: S) => void
  /** Runs when the file could not be imported, to leave the sandbox wholly empty. */
  reset?: () => void
  warn?: (line: string) => void
}

export const openStateFile = <S>(o: StateFileOptions<S>): StateFile => {
  const warn = o.warn ?? ((line: string) => console.warn(line))
  load(o, warn)
  let dirty = false
  let timer: NodeJS.Timeout | undefined
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (!dirty) return
    dirty = false
    try {
      writeAtomically(o.file, JSON.stringify(o.exportState()))
    } catch (e) {
      // A failed write must not take the sandbox down; the next change tries again.
      dirty = true
      warn(
        `${o.vendor} sandbox: could not save ${o.file}: ${e instanceof Error ? e.message : String(e)}`,
      )
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

const load = <S>(o: StateFileOptions<S>, warn: (line: string) => void) => {
  let text: string
  try {
    text = readFileSync(o.file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
    return warn(
      `${o.vendor} sandbox: cannot read ${o.file} (${(e as Error).message}); starting empty`,
    )
  }
  try {
    const saved = JSON.parse(text) as S
    if (typeof saved !== 'object' || saved === null) throw new Error('not a JSON object')
    o.importState(saved)
  } catch (e) {
    o.reset?.()
    warn(
      `${o.vendor} sandbox: ${o.file} is corrupt (${e instanceof Error ? e.message : String(e)}); starting empty`,
    )
  }
}

/** A crash mid-write leaves the previous file, never half a file. */
const writeAtomically = (file: string, text: string) => {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, text)
    renameSync(tmp, file)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
}

/**
 * A sandbox's `handle` and `close` with its state file (none: plain). Any request may change
 * state and saves are debounced, so every request marks it dirty rather than telling reads from
 * writes; `close` always writes, since the local cloud also calls the engines directly.
 */
export const withStateFile = (
  stateFile: () => StateFile | undefined,
  clock: { close(): void },
  handle: Sandbox['handle'],
): Pick<Sandbox, 'handle' | 'close'> => ({
  handle: async (req, res, path, url) => {
    try {
      await handle(req, res, path, url)
    } finally {
      stateFile()?.markDirty()
    }
  },
  close: () => {
    clock.close()
    stateFile()?.save()
  },
})
