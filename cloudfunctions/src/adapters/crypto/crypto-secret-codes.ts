import { randomInt } from 'node:crypto'
import type { SecretCodes } from '../../modules/core/ports/secret-codes.port'

/** node:crypto's randomInt: uniform (rejection sampling, no modulo bias) from the OS CSPRNG. */
export const cryptoSecretCodes: SecretCodes = {
  draw(length, alphabet) {
    let code = ''
    for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)]
    return code
  },
}
