import type { IndexSpec } from '../../cloudfunctions/src/modules/core/ports/document-store.port'
import type { CloudbaseRc } from './cloudbaserc.types'
import { indexesFor } from './collections'
import { cronError } from './cron'
import type { EnvReferences, SourceFile } from './env-references'
import { deployValueOf, LOCAL_ONLY_ENV_VARS, PLATFORM_ENV_VARS, type EnvVar } from './env-vars'
import { scanForSecrets } from './secret-scan'

/**
 * deploy:check's checks. Each is a pure function from facts gathered offline (deploy-check.ts)
 * to a list of problems, each a sentence naming what is wrong and where; none means it passes.
 */
export interface DeployFacts {
  config: CloudbaseRc
  /** Build folder (dist/cloudfunctions/<name>) → bytes of its index.js; absent when not built. */
  bundles: Record<string, number>
  /** Functions in cloudfunctions/src/functions. */
  functionNames: string[]
  /** Those that answer CloudBase HTTP access events. */
  httpFunctions: string[]
  /** The declared CollectionSpecs. */
  collections: { name: string; indexes: IndexSpec[] }[]
  /** Collection names in `defineCollection(...)` calls across the deployed code's text. */
  collectionNamesInCode: string[]
  envVars: EnvVar[]
  envReferences: EnvReferences
  readme: string
  trackedFiles: SourceFile[]
}

/** The limit per bundle (also bench:coldstart's): at most 1 MB of index.js. */
export const BUNDLE_LIMIT_BYTES = 1024 * 1024
const MEMORY_SIZES = [128, 256, 512, 1024, 2048]
const RUNTIMES = ['Nodejs16.13', 'Nodejs18.15']
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

/**
 * Collections the mini-program reads directly, and why. Everything else is ADMINONLY.
 * chat_messages: the weapp's realtime chat watches a conversation's messages
 * (miniprogram/src/services/chat-stream.weapp.ts).
 */
export const CLIENT_READABLE: Record<string, string> = {
  chat_messages: 'the weapp chat watch (services/chat-stream.weapp.ts)',
}

const sourceOf = (config: CloudbaseRc, fn: string) => config.linquan?.functionSources?.[fn] ?? fn

export const checkBundles = (f: DeployFacts, limit = BUNDLE_LIMIT_BYTES): string[] => {
  const problems: string[] = []
  for (const fn of f.config.functions) {
    const source = sourceOf(f.config, fn.name)
    const bytes = f.bundles[source]
    if (bytes === undefined)
      problems.push(
        `function "${fn.name}": no bundle dist/cloudfunctions/${source}/index.js (run npm run build:functions)`,
      )
    else if (bytes > limit)
      problems.push(`function "${fn.name}": bundle is ${bytes} bytes, over the ${limit}-byte limit`)
  }
  const deployed = new Set(f.config.functions.map((fn) => sourceOf(f.config, fn.name)))
  for (const name of f.functionNames)
    if (!deployed.has(name))
      problems.push(
        `function "${name}" exists in cloudfunctions/src/functions but cloudbaserc.json does not deploy it`,
      )
  return problems
}

export const checkFunctions = (f: DeployFacts): string[] => {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const fn of f.config.functions) {
    const at = `function "${fn.name}"`
    if (!NAME.test(fn.name))
      problems.push(`${at}: a name must be a letter then up to 59 of [A-Za-z0-9_-]`)
    if (seen.has(fn.name)) problems.push(`${at} is listed twice`)
    seen.add(fn.name)
    if (!RUNTIMES.includes(fn.runtime))
      problems.push(`${at}: runtime "${fn.runtime}" is not one of ${RUNTIMES.join(', ')}`)
    if (!(Number.isInteger(fn.timeout) && fn.timeout >= 1 && fn.timeout <= 60))
      problems.push(`${at}: timeout ${fn.timeout} s is outside 1–60`)
    if (!MEMORY_SIZES.includes(fn.memorySize))
      problems.push(
        `${at}: memorySize ${fn.memorySize} is not one of ${MEMORY_SIZES.join(', ')} MB`,
      )
    if (fn.triggers.length > 1)
      problems.push(
        `${at}: ${fn.triggers.length} timer triggers, CloudBase allows one per function`,
      )
    for (const t of fn.triggers) {
      if (t.type !== 'timer')
        problems.push(`${at}: trigger "${t.name}" has type "${t.type}", only timer exists`)
      if (!NAME.test(t.name))
        problems.push(
          `${at}: trigger name "${t.name}" must be a letter then up to 59 of [A-Za-z0-9_-]`,
        )
      const error = cronError(t.config)
      if (error) problems.push(`${at}: trigger "${t.name}" cron ${error}`)
    }
  }
  for (const p of f.config.framework.plugins.functions.inputs.functions) {
    const top = f.config.functions.find((fn) => fn.name === p.name)
    const internal =
      (top?.triggers.length ?? 0) > 0 || f.httpFunctions.includes(sourceOf(f.config, p.name))
    const invoke = p.aclRule?.invoke
    if (internal && invoke !== false)
      problems.push(
        `function "${p.name}" runs on a timer or HTTP access, so clients must not call it (aclRule.invoke must be false, not ${JSON.stringify(invoke)})`,
      )
    else if (!internal && invoke !== 'auth != null')
      problems.push(
        `function "${p.name}": aclRule.invoke must be "auth != null" (signed-in clients only), not ${JSON.stringify(invoke)}`,
      )
  }
  const plugin = f.config.framework.plugins.functions.inputs.functions.map((p) => p.name)
  const top = f.config.functions.map((fn) => fn.name)
  if (plugin.join() !== top.join())
    problems.push(
      `the framework plugin deploys [${plugin.join(', ')}] but functions[] lists [${top.join(', ')}]`,
    )
  return problems
}

export const checkRoutes = (f: DeployFacts): string[] => {
  const problems: string[] = []
  const deployed = new Set(f.config.functions.map((fn) => fn.name))
  const paths = f.config.framework.plugins.functions.inputs.servicePaths
  const used = new Map<string, string>()
  for (const [fn, path] of Object.entries(paths)) {
    if (!deployed.has(fn))
      problems.push(`HTTP route ${path} points at "${fn}", which is not a deployed function`)
    if (!/^\/[A-Za-z0-9/_-]+$/.test(path))
      problems.push(
        `HTTP route "${path}" for "${fn}" must start with / and hold only [A-Za-z0-9/_-]`,
      )
    if (used.has(path))
      problems.push(`HTTP route ${path} is used by both "${used.get(path)}" and "${fn}"`)
    used.set(path, fn)
  }
  for (const fn of f.httpFunctions)
    if (!paths[fn])
      problems.push(`function "${fn}" answers HTTP callbacks but has no HTTP access route`)
  return problems
}

const sameIndexes = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export const checkCollections = (f: DeployFacts): string[] => {
  const problems: string[] = []
  const configured = new Map(
    f.config.framework.plugins.database.inputs.collections.map((c) => [c.collectionName, c]),
  )
  const declared = new Map(f.collections.map((c) => [c.name, c]))
  for (const name of f.collectionNamesInCode) {
    const c = configured.get(name)
    if (!c) {
      problems.push(`collection "${name}" is used in code but cloudbaserc.json does not create it`)
      continue
    }
    const spec = declared.get(name)
    if (spec && !sameIndexes(c.createIndexes, indexesFor(spec)))
      problems.push(
        `collection "${name}": cloudbaserc.json's indexes differ from its CollectionSpec (regenerate: npm run deploy:config)`,
      )
    if (!c.aclTag) problems.push(`collection "${name}" has no security rule (aclTag)`)
  }
  for (const [name, c] of configured) {
    // The database plugin's limits: names of 1–64 characters, 1–20 indexes each created at once.
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name))
      problems.push(`collection "${name}": a name is 1–64 of [A-Za-z0-9_-]`)
    if (c.createIndexes.length > 20)
      problems.push(
        `collection "${name}": ${c.createIndexes.length} indexes, CloudBase creates at most 20`,
      )
    const indexNames = c.createIndexes.map((i) => i.name)
    for (const [i, index] of indexNames.entries())
      if (indexNames.indexOf(index) !== i)
        problems.push(`collection "${name}": index "${index}" is declared twice`)
    if (!f.collectionNamesInCode.includes(name))
      problems.push(`collection "${name}" is in cloudbaserc.json but no code declares it`)
    if (!c.aclTag || c.aclTag === 'ADMINONLY') continue
    if (c.aclTag !== 'CUSTOM' || !c.aclRule) {
      problems.push(
        `collection "${name}": security rule ${c.aclTag} opens it to clients; only ADMINONLY or a CUSTOM rule is allowed`,
      )
      continue
    }
    if (!CLIENT_READABLE[name])
      problems.push(
        `collection "${name}" has a client rule, but only ${Object.keys(CLIENT_READABLE).join(', ')} may be read by clients`,
      )
    let rule: { read?: unknown; write?: unknown }
    try {
      rule = JSON.parse(c.aclRule) as typeof rule
    } catch {
      problems.push(`collection "${name}": aclRule is not JSON`)
      continue
    }
    if (rule.write !== false)
      problems.push(`collection "${name}": clients must not write (rule "write" must be false)`)
    for (const op of ['create', 'update', 'delete'])
      if (op in rule && (rule as Record<string, unknown>)[op] !== false)
        problems.push(`collection "${name}": clients must not ${op} (rule "${op}" must be false)`)
    if (typeof rule.read !== 'string' || !rule.read.includes('auth.openid'))
      problems.push(
        `collection "${name}": the read rule must check the caller (auth.openid), not be ${JSON.stringify(rule.read)}`,
      )
  }
  const storage = f.config.storageRules
  if (!storage) problems.push('storage has no security rule (storageRules)')
  else
    for (const op of ['read', 'write'] as const)
      if (typeof storage[op] !== 'string' || !String(storage[op]).includes('auth.openid'))
        problems.push(`storage rule "${op}" must check the file's owner against auth.openid`)
  return problems
}

const PLACEHOLDER = /^\{\{env\.([A-Z][A-Z0-9_]*)\}\}$/

export const checkEnv = (f: DeployFacts): string[] => {
  const problems: string[] = []
  const catalogue = new Map(f.envVars.map((v) => [v.name, v]))
  const localOnly = new Map(LOCAL_ONLY_ENV_VARS.map((v) => [v.name, v]))
  const referenced = [...f.envReferences.names.keys()]
    .filter((n) => !PLATFORM_ENV_VARS.includes(n))
    .sort()
  for (const where of f.envReferences.unresolved)
    problems.push(
      `${where}: an environment variable read by a computed name deploy:check cannot follow`,
    )
  for (const name of referenced) {
    const files = f.envReferences.names.get(name)!.join(', ')
    if (localOnly.has(name)) {
      // Local runs and tests only: a deploy carries it as its file instead (env-vars.ts).
      const inRc = f.config.functions.filter((fn) => name in fn.envVariables).map((fn) => fn.name)
      if (inRc.length > 0)
        problems.push(
          `environment variable ${name} is local-only (a deploy carries it as ${localOnly.get(name)!.deployedAs}) but cloudbaserc.json sets it for ${inRc.join(', ')}`,
        )
      if (!new RegExp(`\\b${name}\\b`).test(f.readme))
        problems.push(
          `environment variable ${name} (read in ${files}) is not described in README.md`,
        )
      continue
    }
    if (!catalogue.has(name))
      problems.push(
        `environment variable ${name} (read in ${files}) is not in scripts/deploy/env-vars.ts`,
      )
    const missing = f.config.functions
      .filter((fn) => !(name in fn.envVariables))
      .map((fn) => fn.name)
    if (missing.length > 0)
      problems.push(
        `environment variable ${name} (read in ${files}) is not set for ${missing.join(', ')} in cloudbaserc.json`,
      )
    if (!new RegExp(`\\b${name}\\b`).test(f.readme))
      problems.push(`environment variable ${name} (read in ${files}) is not described in README.md`)
  }
  for (const fn of f.config.functions) {
    for (const [name, value] of Object.entries(fn.envVariables)) {
      const known = catalogue.get(name)
      const placeholder = PLACEHOLDER.exec(value)
      if (known?.file) {
        // A file's variable holds its staged path, never a placeholder for the content.
        if (value !== known.file.stagedAs)
          problems.push(
            `function "${fn.name}": ${name} must be the staged path ${known.file.stagedAs} (deploy:stage copies the file there), not another value`,
          )
      } else if (known?.secret && !placeholder)
        problems.push(
          `function "${fn.name}": ${name} is a secret and must be a {{env.${name}}} placeholder, not a value`,
        )
      else if (!placeholder && (!known || value !== deployValueOf(known)))
        problems.push(
          `function "${fn.name}": ${name} holds a value that is neither a {{env.NAME}} placeholder nor its documented default`,
        )
    }
  }
  return problems
}

export const checkSecrets = (f: DeployFacts): string[] =>
  scanForSecrets(f.trackedFiles).map((s) => `${s.path}:${s.line}: ${s.kind} in a tracked file`)

export const DEPLOY_CHECKS = {
  bundles: checkBundles,
  functions: checkFunctions,
  routes: checkRoutes,
  collections: checkCollections,
  env: checkEnv,
  secrets: checkSecrets,
} as const

export const runDeployChecks = (f: DeployFacts): string[] =>
  Object.values(DEPLOY_CHECKS).flatMap((check) => check(f))
