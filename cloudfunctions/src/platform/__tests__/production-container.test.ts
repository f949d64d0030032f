import { completeEnv } from '../../../../scripts/deploy/__tests__/complete-env'
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
})
