import { kuaidi100ConfigFromEnv } from '../../cloudfunctions/src/adapters/courier/kuaidi100.config'
import { secretBoxFromEnv } from '../../cloudfunctions/src/adapters/crypto/aes-gcm-secret-box'
import { wechatPayConfigFromEnv } from '../../cloudfunctions/src/adapters/payments/wechat-pay.config'
import { wechatApiConfigFromEnv } from '../../cloudfunctions/src/adapters/wechat-api/wechat-api.config'
import {
  deployValueOf,
  ENV_ID_VARIABLE,
  ENV_VARS,
  LOCAL_ONLY_ENV_VARS,
  type EnvVar,
} from './env-vars'

type Env = Record<string, string | undefined>

/**
 * Tencent SCF (under CloudBase functions) allows 4 KB of environment variables per function
 * (配额限制, https://cloud.tencent.com/document/product/583/11637: "Maximum environment variable
 * size per function 4KB"), names and values together. So the PEMs go as files (env-vars.ts `file`).
 */
export const ENV_LIMIT_BYTES = 4096

export const envBytes = (env: Env): number =>
  Object.entries(env).reduce(
    (n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v ?? ''),
    0,
  )

/**
 * What each function will see: the placeholders filled from `env`, defaults as written, and a
 * file's staged path (deploy:stage copies the file there), never its content.
 */
export const deployedEnv = (env: Env, vars: EnvVar[] = ENV_VARS): Env => {
  const out: Env = {}
  for (const v of vars) {
    const value = deployValueOf(v)
    const ref = /^\{\{env\.(\w+)\}\}$/.exec(value)
    out[v.name] = ref ? env[ref[1]] : value
  }
  return out
}

/**
 * The deployed environment as the readers can check it here: each file variable points at the
 * operator's own file (what deploy:stage copies) instead of its staged path.
 */
const checkableEnv = (env: Env, vars: EnvVar[]): Env => {
  const out = deployedEnv(env, vars)
  for (const v of vars) if (v.file) out[v.name] = env[v.name] || undefined
  return out
}

/**
 * A file variable left unset, when it matters: a required one, or an optional one whose inline
 * twin is set (a deploy would drop that value silently). Null when nothing is wrong.
 */
const missingFile = (env: Env, v: EnvVar): string | null => {
  if (env[v.name]) return null
  const inline = LOCAL_ONLY_ENV_VARS.find((l) => l.deployedAs === v.name && env[l.name])
  if (!inline && v.mayBeEmpty) return null
  const hint = inline
    ? ` (${inline.name} is set, but a deploy carries it as a file: inline, it would not fit CloudBase's ${ENV_LIMIT_BYTES}-byte environment per function)`
    : ''
  return `${v.name} is not set: ${v.what}${hint}`
}

/** Why a reader refused, without the value (zod names the field; our readers name the variable). */
const reason = (e: unknown): string => {
  const issues = (e as { issues?: { path: (string | number)[]; message: string }[] }).issues
  if (issues) return issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
  return e instanceof Error ? e.message : String(e)
}

/**
 * npm run deploy:preflight: before anything is uploaded, the operator's environment holds every
 * variable cloudbaserc.json asks for, and the adapters' own readers accept what it holds.
 * Values are never printed.
 */
export const preflight = (env: Env, vars: EnvVar[] = ENV_VARS): string[] => {
  const problems: string[] = []
  if (!env[ENV_ID_VARIABLE])
    problems.push(`${ENV_ID_VARIABLE} is not set (the CloudBase environment id)`)
  for (const v of vars) {
    if (v.file) {
      // A path on this machine, not a placeholder: an optional one may simply be unset.
      const missing = missingFile(env, v)
      if (missing) problems.push(missing)
      continue
    }
    if (v.deployDefault) continue
    // An optional one must still be exported (empty is fine), so the CLI has a value to put in
    // its placeholder rather than leaving `{{env.NAME}}` for the reader to choke on.
    if (v.mayBeEmpty) {
      if (env[v.name] === undefined)
        problems.push(`${v.name} is not set (export it empty if unused): ${v.what}`)
    } else if (!env[v.name]) problems.push(`${v.name} is not set: ${v.what}`)
  }
  const checkable = checkableEnv(env, vars)
  const readers: [string, (e: Env) => unknown][] = [
    ['WeChat Pay (WECHATPAY_*)', wechatPayConfigFromEnv],
    ['kuaidi100 (KUAIDI100_*)', kuaidi100ConfigFromEnv],
    ['WeChat API (WECHAT_*)', wechatApiConfigFromEnv],
    ['PII secret box (LINQUAN_SECRET_BOX_*)', secretBoxFromEnv],
  ]
  for (const [what, read] of readers) {
    try {
      read(checkable)
    } catch (e) {
      problems.push(`${what} refuses this environment: ${reason(e)}`)
    }
  }
  const deployed = deployedEnv(env, vars)
  const bytes = envBytes(deployed)
  if (bytes > ENV_LIMIT_BYTES) {
    const largest = Object.entries(deployed)
      .map(([k, v]) => [k, Buffer.byteLength(v ?? '')] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, n]) => `${k} ${n} B`)
    problems.push(
      `each function's environment would be ${bytes} bytes, over CloudBase's ${ENV_LIMIT_BYTES}-byte limit per function (largest: ${largest.join(', ')})`,
    )
  }
  return problems
}

if ((require as unknown as NodeJS.Require).main === module) {
  const problems = preflight(process.env)
  if (problems.length === 0) console.log('deploy:preflight: the environment has every variable')
  else {
    console.error(`deploy:preflight found ${problems.length} problem(s):`)
    for (const p of problems) console.error(`  - ${p}`)
    process.exit(1)
  }
}
