import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { completeEnv } from '../../../../scripts/deploy/__tests__/complete-env'
import { deployedEnv } from '../../../../scripts/deploy/deploy-preflight'
import { filesToStage } from '../../../../scripts/deploy/stage-functions'
import { cloudbaseIdentity } from '../caller-identity'
import { createProductionContainer, REQUIRED_ENV } from '../production-container'

describe('the production container', () => {
  it('refuses to start without its environment, naming every missing variable at once', () => {
    let message = ''
    try {
      createProductionContainer({})
    } catch (e) {
      message = (e as Error).message
    }
    for (const name of REQUIRED_ENV) expect(message).toContain(name)
    const { WECHAT_SECRET: _, ...allButOne } = completeEnv()
    expect(() => createProductionContainer(allButOne)).toThrow(/not set: WECHAT_SECRET \(/)
  })

  it('names a malformed variable too, and nothing of a value', () => {
    const env = { ...completeEnv(), LINQUAN_SECRET_BOX_KEY: 'not-hex-but-secret' }
    expect(() => createProductionContainer(env)).toThrow(/LINQUAN_SECRET_BOX_KEY must be 64 hex/)
    expect(() => createProductionContainer(env)).not.toThrow(/not-hex-but-secret/)
  })

  it('wires CloudBase and the vendors from a complete environment, identity from WX_OPENID', () => {
    const c = createProductionContainer(completeEnv())
    expect(c.identity).toBe(cloudbaseIdentity)
    expect(c.store.constructor.name).toBe('CloudbaseDocumentStore')
    expect(c.search.constructor.name).toBe('CloudbaseListingSearch')
    expect(c.files.constructor.name).toBe('CloudbaseFiles')
    expect(c.escrow.spMchid).toBe('1900000109')
  })

  it('starts from the environment a deploy gives it: the key read from its own folder', () => {
    const operator = completeEnv()
    // What deploy:stage puts in a function's folder, and the variables cloudbaserc gives it.
    const folder = mkdtempSync(join(tmpdir(), 'linquan-staged-'))
    for (const [path, content] of filesToStage(operator)) {
      mkdirSync(join(folder, path, '..'), { recursive: true })
      writeFileSync(join(folder, path), content)
    }
    const deployed = deployedEnv(operator)
    expect(deployed.WECHATPAY_MERCHANT_PRIVATE_KEY_FILE).toBe('secrets/wechatpay-merchant-key.pem')
    const c = createProductionContainer(deployed, folder)
    expect(c.payments.constructor.name).toBe('WechatPayGateway')
    expect(readFileSync(join(folder, 'secrets/wechatpay-merchant-key.pem'), 'utf8')).toBe(
      readFileSync(operator.WECHATPAY_MERCHANT_PRIVATE_KEY_FILE, 'utf8'),
    )
    // Elsewhere (the wrong folder), the same environment names the missing file.
    expect(() => createProductionContainer(deployed, tmpdir())).toThrow(
      `WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: cannot read ${join(tmpdir(), 'secrets/wechatpay-merchant-key.pem')} (ENOENT)`,
    )
  })
})
