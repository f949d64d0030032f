import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listFunctions } from '../build-functions'
import { repoPaths } from '../repo-paths'
import type { DeploySources, FunctionSource } from './cloudbaserc'
import type { TimerTrigger } from './cloudbaserc.types'
import { collectCollections } from './collections'
import { ENV_VARS } from './env-vars'
import { loadDatabaseRules, storageRules } from './security-rules'

/** CloudBase's defaults, as build-functions writes them for a function without config.json. */
const DEFAULTS = { timeout: 10, memorySize: 256 }

interface ConfigJson {
  timeout?: number
  memorySize?: number
  triggers?: TimerTrigger[]
}

export const readFunctionSource = async (root: string, name: string): Promise<FunctionSource> => {
  const paths = repoPaths(root)
  const configFile = join(paths.functionsConfig, name, 'config.json')
  const config: ConfigJson = existsSync(configFile)
    ? (JSON.parse(readFileSync(configFile, 'utf8')) as ConfigJson)
    : {}
  const entry = readFileSync(join(paths.functionsSrc, `${name}.ts`), 'utf8')
  return {
    name,
    timeout: config.timeout ?? DEFAULTS.timeout,
    memorySize: config.memorySize ?? DEFAULTS.memorySize,
    triggers: (config.triggers ?? []).map((t) => ({
      name: t.name,
      type: t.type,
      config: t.config,
    })),
    // An HTTP-triggered function reads CloudBase's HTTP access event (platform/http-trigger.ts).
    http: /\bisHttpTriggerEvent\(/.test(entry),
  }
}

/** Everything cloudbaserc.json is generated from, read from the repository. */
export const readDeploySources = async (root: string): Promise<DeploySources> => ({
  functions: await Promise.all((await listFunctions(root)).map((n) => readFunctionSource(root, n))),
  collections: collectCollections(root),
  databaseRules: loadDatabaseRules(root),
  storageRules: storageRules(),
  envVars: ENV_VARS,
})
