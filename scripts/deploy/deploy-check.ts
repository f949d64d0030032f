import { REPO_ROOT } from '../repo-paths'
import type { CloudbaseRc } from './cloudbaserc.types'
import { DEPLOY_CHECKS } from './deploy-checks'
import { gatherDeployFacts } from './deploy-facts'
import { readCommittedCloudbaseRc } from './cloudbaserc-file'
import { renderCloudbaseRc, renderReadme, staleFiles } from './generate-cloudbaserc'

/**
 * npm run deploy:check: the whole deploy configuration, offline. cloudbaserc.json must be what
 * the sources generate, and then pass every check in deploy-checks.ts. Exits 1 on any problem.
 */
export const deployCheck = async (root = REPO_ROOT): Promise<string[]> => {
  const committed = readCommittedCloudbaseRc(root)
  const problems: string[] = []
  for (const file of staleFiles(root, await renderCloudbaseRc(root), await renderReadme(root)))
    problems.push(
      `${file} is not what the sources generate: run npm run deploy:config and commit it`,
    )
  const facts = await gatherDeployFacts(root, JSON.parse(committed) as CloudbaseRc)
  for (const [name, check] of Object.entries(DEPLOY_CHECKS)) {
    const found = check(facts)
    console.log(
      `${found.length === 0 ? 'ok  ' : 'FAIL'} ${name}${found.length ? ` (${found.length})` : ''}`,
    )
    problems.push(...found)
  }
  return problems
}

if ((require as unknown as NodeJS.Require).main === module) {
  deployCheck()
    .then((problems) => {
      if (problems.length === 0) return console.log('\ndeploy:check passed')
      console.error(`\ndeploy:check found ${problems.length} problem(s):`)
      for (const p of problems) console.error(`  - ${p}`)
      process.exit(1)
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.stack : e)
      process.exit(1)
    })
}
