import { join } from 'node:path'
import type { Sandbox } from '../cloudfunctions/local/sandboxes'
import { startLocalCloud } from '../cloudfunctions/local/server'

/**
 * The local cloud a bench drives: a database in `dir`, the functions the bench built, no seed,
 * no scheduler, and no request log (one line per request would measure the terminal).
 */
export const startBenchCloud = (dir: string, functionsDir: string, sandboxes: Sandbox[] = []) =>
  startLocalCloud({
    dataDir: join(dir, 'data'),
    functionsDir,
    h5Dir: join(dir, 'h5'),
    port: 0,
    seed: false,
    schedulerIntervalMs: null,
    sandboxes,
    log: () => undefined,
  })
