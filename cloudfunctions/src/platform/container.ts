import type { Deps } from '../modules/deps'
import type { IdentitySource } from './caller-identity'

/** Everything a function needs, wired for one environment. */
export interface Container extends Deps {
  identity: IdentitySource
}

/**
 * The local cloud and the tests install a container built from local adapters (SQLite, disk,
 * signed sessions) before calling `main`. It lives on globalThis because each function bundle
 * carries its own copy of this module, and the local cloud loads those bundles unchanged.
 */
const LOCAL_CONTAINER = Symbol.for('linquan.container')
type WithContainer = { [LOCAL_CONTAINER]?: Container }

export const installContainer = (container: Container | undefined): void => {
  ;(globalThis as WithContainer)[LOCAL_CONTAINER] = container
}

export const getContainer = (): Container => {
  const installed = (globalThis as WithContainer)[LOCAL_CONTAINER]
  if (installed) return installed
  return productionContainer()
}

/**
 * Production (CloudBase): built once per warm instance. A missing or malformed variable throws
 * here, on the first call, with every problem named (production-container.ts); the handlers log it.
 * Required here, not imported: the bundle then evaluates the SDKs and vendor adapters on the first
 * call instead of at load, and the local cloud, which installs its own container, never does.
 */
let production: Container | null = null
const productionContainer = (): Container => {
  type Module = typeof import('./production-container')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('./production-container') as Module
  return (production ??= loaded.createProductionContainer())
}
