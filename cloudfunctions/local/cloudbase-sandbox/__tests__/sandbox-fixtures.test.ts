import exchanges from './fixtures/sdk-requests.json'
import { replay, stable, type Exchange } from './replay'
import { startSandbox, type SandboxHandle } from './sdk-harness'

const recorded = exchanges as Exchange[]
const byName = (name: string) => recorded.find((e) => e.name === name)!
const signedAt = Number(recorded[0].request.headers['x-timestamp']) * 1000

/**
 * Requests captured from the real @cloudbase/node-sdk (fixtures/capture-sdk-requests.ts), replayed
 * byte for byte. The clock is pinned to the capture time so their signatures are still fresh.
 */
describe('CloudBase sandbox: raw requests captured from the SDK', () => {
  let sandbox: SandboxHandle
  let port: number
  let now = signedAt
  beforeEach(async () => {
    now = signedAt
    sandbox = await startSandbox({ now: () => now })
    port = Number(new URL(sandbox.url).port)
  })
  afterEach(() => sandbox.close())

  it('records the wire format our adapter relies on', () => {
    const body = (name: string) => JSON.parse(byName(name).request.body)
    expect(body('insert one')).toMatchObject({
      action: 'database.insertDocument',
      collectionName: 'notes',
      envName: 'fixture-env',
    })
    expect(JSON.parse(body('insert one').data[0]).createdAt).toEqual({
      $numberLong: '1796302657238',
    })
    expect(body('compare-and-set updateAndReturn')).toMatchObject({
      action: 'database.modifyAndReturnDoc',
      query: '{"_id":"n1","version":{"$numberInt":"0"}}',
      data: '{"$set":{"status":"reserved"},"$inc":{"version":{"$numberInt":"1"}}}',
    })
    expect(body('where, order, limit, field')).toMatchObject({
      order: '{"priceFen":{"$numberInt":"-1"},"_id":{"$numberInt":"-1"}}',
      limit: 2,
    })
    expect(byName('count').request.headers.authorization).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDsandboxtest\//,
    )
  })

  it('answers each captured request as it did when captured', async () => {
    for (const e of recorded)
      expect([e.name, stable(await replay(port, e.request))]).toEqual([e.name, e.answer])
  })

  it('refuses a captured request whose body was changed after signing', async () => {
    const e = byName('insert one')
    const tampered = { ...e.request, body: e.request.body.replace('120000', '1') }
    expect(await replay(port, tampered)).toMatchObject({
      code: 'SIGN_PARAM_INVALID',
      message: 'signature mismatch',
    })
    const extra = {
      ...e.request,
      body: JSON.stringify({ ...JSON.parse(e.request.body), transactionId: 'x' }),
    }
    expect(await replay(port, extra)).toMatchObject({
      message: 'parameter transactionid is not signed',
    })
  })

  it('refuses a captured request replayed after the signature window', async () => {
    now = signedAt + 11 * 60_000
    expect(await replay(port, byName('addCollection').request)).toMatchObject({
      code: 'SIGN_PARAM_INVALID',
      message: 'signature expired',
    })
  })

  it('refuses a request without a signature', async () => {
    const { authorization: _a, ...headers } = byName('addCollection').request.headers
    expect(await replay(port, { ...byName('addCollection').request, headers })).toMatchObject({
      code: 'SIGN_PARAM_INVALID',
    })
  })
})
