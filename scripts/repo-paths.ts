import { join, resolve } from 'node:path'

/** The repository root, found from this file so scripts work from any working directory. */
export const REPO_ROOT = resolve(__dirname, '..')

/** Where everything generated lives; all relative to the root so no machine path is baked in. */
export const repoPaths = (root = REPO_ROOT) => ({
  root,
  functionsSrc: join(root, 'cloudfunctions', 'src', 'functions'),
  functionsConfig: join(root, 'cloudfunctions'),
  functionsDist: join(root, 'dist', 'cloudfunctions'),
  weappDist: join(root, 'dist', 'weapp'),
  h5Dist: join(root, 'dist', 'h5'),
  dataDir: join(root, '.data'),
  packageJson: join(root, 'package.json'),
})
