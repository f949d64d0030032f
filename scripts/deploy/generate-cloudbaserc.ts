import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { REPO_ROOT } from '../repo-paths'
import { buildCloudbaseRc } from './cloudbaserc'
import { readDeploySources } from './deploy-sources'
import { ENV_VARS } from './env-vars'
import { withEnvTable } from './readme-env-table'

export const CLOUDBASERC = 'cloudbaserc.json'

/** cloudbaserc.json's text as the sources say it should be (formatted as Prettier would). */
export const renderCloudbaseRc = async (root = REPO_ROOT): Promise<string> => {
  const file = join(root, CLOUDBASERC)
  const json = JSON.stringify(buildCloudbaseRc(await readDeploySources(root)), null, 2)
  return format(json, { ...(await resolveConfig(file)), filepath: file })
}

/** README.md with its environment-variable table as env-vars.ts says (formatted as Prettier would). */
export const renderReadme = async (root = REPO_ROOT): Promise<string> => {
  const file = join(root, 'README.md')
  const text = withEnvTable(readFileSync(file, 'utf8'), ENV_VARS)
  return format(text, { ...(await resolveConfig(file)), filepath: file })
}

export const readCommittedCloudbaseRc = (root = REPO_ROOT): string =>
  readFileSync(join(root, CLOUDBASERC), 'utf8')

// Run as a script (tsx): the cast because tsconfig's webpack-env types shadow Node's `require`.
if ((require as unknown as NodeJS.Require).main === module) {
  Promise.all([renderCloudbaseRc(), renderReadme()])
    .then(([rc, readme]) => {
      writeFileSync(join(REPO_ROOT, CLOUDBASERC), rc)
      writeFileSync(join(REPO_ROOT, 'README.md'), readme)
      console.log(`Wrote ${CLOUDBASERC} and README.md's environment-variable table`)
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e)
      process.exit(1)
    })
}
