import type { AnySpec } from './collections'
import { toCloudbaseCollection } from './collections'
import type {
  CloudbaseFunction,
  CloudbaseRc,
  SecurityRule,
  TimerTrigger,
} from './cloudbaserc.types'
import { deployValueOf, ENV_ID_VARIABLE, type EnvVar } from './env-vars'

/** One function as built (dist/cloudfunctions/<name>) with its cloudfunctions/<name>/config.json. */
export interface FunctionSource {
  name: string
  timeout: number
  memorySize: number
  triggers: TimerTrigger[]
  /** Reached by WeChat Pay, kuaidi100 or WeChat's message push over HTTP access (云接入). */
  http: boolean
}

export interface DeploySources {
  functions: FunctionSource[]
  collections: AnySpec[]
  databaseRules: Record<string, SecurityRule>
  storageRules: SecurityRule
  envVars: EnvVar[]
}

/** CloudBase runs Nodejs16.13 and 18.15; build-functions targets node16, so that runtime. */
export const RUNTIME = 'Nodejs16.13'
/** Where `npm run deploy` stages the folders the CLI uploads (stage-functions.ts). */
export const STAGE_ROOT = 'dist/cloudbase'

/**
 * CloudBase allows one timer trigger per function (定时触发器: "一个函数目前只能配置一个触发器"),
 * so a function with several becomes one deployed function per trigger, `<fn>-<trigger>`, each
 * a copy of the same bundle: createTimerHandler runs the job its TriggerName names.
 */
export const deployUnits = (fn: FunctionSource): { name: string; triggers: TimerTrigger[] }[] =>
  fn.triggers.length <= 1
    ? [{ name: fn.name, triggers: fn.triggers }]
    : fn.triggers.map((t) => ({ name: `${fn.name}-${t.name}`, triggers: [t] }))

export const buildCloudbaseRc = (sources: DeploySources): CloudbaseRc => {
  const envVariables = Object.fromEntries(
    [...sources.envVars]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((v) => [v.name, deployValueOf(v)]),
  )
  const shared = {
    handler: 'index.main',
    runtime: RUNTIME,
    // The bundle's package.json lists what stays external (@cloudbase/node-sdk).
    installDependency: true,
    // One container wires every adapter for every function, so each needs them all.
    envVariables,
  }
  const functions: CloudbaseFunction[] = []
  // Who may callFunction it from the mini-program. A timer or HTTP function must refuse clients:
  // otherwise anyone signed in could send cron a forged { Type: 'Timer' } event and run its jobs.
  const internal = new Set<string>()
  const clientInvoke = (name: string) => (internal.has(name) ? false : ('auth != null' as const))
  const functionSources: Record<string, string> = {}
  const servicePaths: Record<string, string> = {}
  for (const fn of [...sources.functions].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const unit of deployUnits(fn)) {
      functions.push({
        name: unit.name,
        ...shared,
        timeout: fn.timeout,
        memorySize: fn.memorySize,
        triggers: unit.triggers,
      })
      functionSources[unit.name] = fn.name
      if (fn.http || unit.triggers.length > 0) internal.add(unit.name)
    }
    if (fn.http) servicePaths[fn.name] = `/${fn.name}`
  }
  return {
    version: '2.0',
    envId: `{{env.${ENV_ID_VARIABLE}}}`,
    $schema: 'https://framework-1258016615.tcloudbaseapp.com/schema/latest.json',
    functionRoot: STAGE_ROOT,
    functions,
    framework: {
      name: 'linquan',
      plugins: {
        functions: {
          use: '@cloudbase/framework-plugin-function',
          inputs: {
            functionRootPath: STAGE_ROOT,
            functionDefaultConfig: shared,
            functions: functions.map(({ name, timeout, memorySize, triggers }) => ({
              name,
              timeout,
              memorySize,
              triggers,
              aclRule: { invoke: clientInvoke(name) },
            })),
            servicePaths,
          },
        },
        database: {
          use: '@cloudbase/framework-plugin-database',
          inputs: {
            collections: sources.collections.map((spec) =>
              toCloudbaseCollection(spec, sources.databaseRules[spec.name]),
            ),
          },
        },
      },
    },
    storageRules: sources.storageRules,
    linquan: { functionSources },
  }
}
