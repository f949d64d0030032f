import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { REPO_ROOT } from '../repo-paths'
import { buildCloudbaseRc } from './cloudbaserc'
import { CLOUDBASERC, readCommittedCloudbaseRc } from './cloudbaserc-file'
import { readDeploySources } from './deploy-sources'
import { ENV_VARS } from './env-vars'
import { withEnvTable } from './readme-env-table'

/** cloudbaserc.json's text as the sources say it should be (formatted as Prettier would). */
export const renderCloudbaseRc = async (root = REPO_ROOT): Promise<string> => {
  const file = join(root, CLOUDBASERC)
  const json = JSON.stringify(buildCloudbaseRc(await readDeploySources(root)), null, 2)
  return format(json, { ...(await resolveConfig(file)), filepath: file })
}

/**
 * README.md with its environment-variable table as env-vars.ts says. Only the part between the
 * markers changes (Markdown is outside Prettier here, .prettierignore), so the rest stays as written.
 */
export const renderReadme = async (root = REPO_ROOT): Promise<string> =>
  withEnvTable(readFileSync(join(root, 'README.md'), 'utf8'), ENV_VARS)

/** Which of the generated files differ from what the sources generate. */
export const staleFiles = (root: string, rc: string, readme: string): string[] => [
  ...(readCommittedCloudbaseRc(root) === rc ? [] : [CLOUDBASERC]),
  ...(readFileSync(join(root, 'README.md'), 'utf8') === readme ? [] : ['README.md']),
]

// Run as a script (tsx): the cast because tsconfig's webpack-env types shadow Node's `require`.
if ((require as unknown as NodeJS.Require).main === module) {
  // --check: only say whether the committed files are what the sources generate (the drift test).
  const checkOnly = process.argv.includes('--check')
  Promise.all([renderCloudbaseRc(), renderReadme()])
    .then(([rc, readme]) => {
      if (checkOnly) {
        const stale = staleFiles(REPO_ROOT, rc, readme)
        if (stale.length === 0) return console.log('cloudbaserc.json and README.md are up to date')
        console.error(`stale: ${stale.join(', ')} (run npm run deploy:config and commit)`)
        process.exit(1)
      }
      writeFileSync(join(REPO_ROOT, CLOUDBASERC), rc)
      writeFileSync(join(REPO_ROOT, 'README.md'), readme)
      console.log(`Wrote ${CLOUDBASERC} and README.md's environment-variable table`)
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e)
      process.exit(1)
    })
}
