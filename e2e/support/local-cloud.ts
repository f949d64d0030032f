import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type LocalCloud, startLocalCloud } from '../../cloudfunctions/local/server'
import { buildFunctions } from '../../scripts/build-functions'
import { buildH5IfStale } from '../../scripts/build-h5-if-stale'
import { REPO_ROOT, repoPaths } from '../../scripts/repo-paths'

/**
 * The same local cloud `npm start` runs, on a free port with its own seeded data folder, so a
 * journey never depends on (or changes) the developer's .data/.
 */
export const startJourneyCloud = async (): Promise<LocalCloud & { stop: () => Promise<void> }> => {
  const paths = repoPaths(REPO_ROOT)
  await buildFunctions({ root: REPO_ROOT })
  buildH5IfStale(REPO_ROOT)
  const dataDir = mkdtempSync(join(tmpdir(), 'linquan-e2e-'))
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: paths.functionsDist,
    h5Dir: paths.h5Dist,
    port: 0,
    log: () => undefined,
  })
  return {
    ...cloud,
    stop: async () => {
      await cloud.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
