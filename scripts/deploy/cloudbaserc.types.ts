/**
 * The part of @cloudbase/cli 2.x's cloudbaserc.json we write. Top-level `functions` is what
 * `tcb fn deploy` reads; `framework.plugins` is what `tcb framework deploy` runs (functions with
 * their HTTP access paths, database collections with indexes and security rules).
 */
export interface TimerTrigger {
  name: string
  type: 'timer'
  /** Seven fields: sec min hour day month week year, in Beijing time. */
  config: string
}

export interface CloudbaseFunction {
  name: string
  handler: string
  runtime: string
  timeout: number
  memorySize: number
  installDependency: boolean
  /** NAME → `{{env.NAME}}` (resolved by the CLI from the operator's environment) or a non-secret default. */
  envVariables: Record<string, string>
  triggers: TimerTrigger[]
}

export interface CloudbaseIndexKey {
  name: string
  /** "1" ascending, "-1" descending, "2dsphere" geo. */
  direction: '1' | '-1' | '2dsphere'
}

export interface CloudbaseCollection {
  collectionName: string
  description: string
  createIndexes: { name: string; unique: boolean; keys: CloudbaseIndexKey[] }[]
  /** ADMINONLY: no client reads or writes; CUSTOM: `aclRule` decides. */
  aclTag: 'ADMINONLY' | 'CUSTOM'
  aclRule?: string
}

export interface SecurityRule {
  read: boolean | string
  write: boolean | string
}

export interface CloudbaseRc {
  version: '2.0'
  envId: string
  $schema: string
  functionRoot: string
  functions: CloudbaseFunction[]
  framework: {
    name: string
    plugins: {
      functions: {
        use: '@cloudbase/framework-plugin-function'
        inputs: {
          functionRootPath: string
          /** What every function shares (merged under each entry by the plugin, 1.6.1+). */
          functionDefaultConfig: Omit<
            CloudbaseFunction,
            'name' | 'timeout' | 'memorySize' | 'triggers'
          >
          functions: (Pick<CloudbaseFunction, 'name' | 'timeout' | 'memorySize' | 'triggers'> & {
            /**
             * 云函数安全规则 for client calls (callFunction): false for timer and HTTP functions,
             * which only their trigger or HTTP access reaches (rules do not apply to those).
             */
            aclRule: { invoke: boolean | 'auth != null' }
          })[]
          /** Function name → its HTTP access (云接入) path. */
          servicePaths: Record<string, string>
        }
      }
      database: {
        use: '@cloudbase/framework-plugin-database'
        inputs: { collections: CloudbaseCollection[] }
      }
    }
  }
  /** Not deployed by the CLI (no plugin sets them): applied once in the console, see README. */
  storageRules: SecurityRule
  /** Which build folder each deployed function comes from (see stage-functions.ts). */
  linquan: { functionSources: Record<string, string> }
}
