import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../repo-paths'

/** The generated, committed CLI configuration at the repository root. */
export const CLOUDBASERC = 'cloudbaserc.json'

export const readCommittedCloudbaseRc = (root = REPO_ROOT): string =>
  readFileSync(join(root, CLOUDBASERC), 'utf8')
