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
 * Production (CloudBase): identity comes from `cloudbaseIdentity`; the CloudBase document store
 * and storage adapters are the production-path issue's work, so until then a deployed function
 * fails loudly here rather than running on a local adapter.
 */
const productionContainer = (): Container => {
  throw new Error(
    'No container: the CloudBase adapters (document store, storage) are not wired yet. ' +
      'Run functions through the local cloud (npm start) or install a container in tests.',
  )
}
