/** core: what every module needs beside its ports (core/ports): limits, compare-and-set, limit keys. */
export { enforceLimit } from './application/enforce-limit'
export { removeBelow } from './application/remove-below'
export { updateIfUnchanged } from './application/update-if-unchanged'
export { addressKey, callerKey } from './application/limit-keys'
