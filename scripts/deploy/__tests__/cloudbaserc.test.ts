import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../../repo-paths'
import { buildCloudbaseRc, type DeploySources } from '../cloudbaserc'
import type { CloudbaseRc } from '../cloudbaserc.types'
import { readCommittedCloudbaseRc } from '../cloudbaserc-file'
import { declaredNamesInSource, declaringFiles } from '../collections'
import { ENV_VARS } from '../env-vars'
import { UPLOAD_DIRS, storageRules } from '../security-rules'
import { stageFunctions } from '../stage-functions'
import { merchantKeyFile } from './complete-env'

const committed = JSON.parse(readCommittedCloudbaseRc()) as CloudbaseRc
const collections = committed.framework.plugins.database.inputs.collections

describe('cloudbaserc.json', () => {
  it('is what the sources generate (npm run deploy:config), README table included', () => {
    // Prettier (which formats the output) cannot load inside jest, so the generator runs as the CLI would.
    const out = execFileSync('npx', ['tsx', 'scripts/deploy/generate-cloudbaserc.ts', '--check'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    })
    expect(out).toContain('up to date')
  }, 60_000)

  it('creates every collection the code declares, each with its indexes and a rule', () => {
    const names = declaredNamesInSource(
      declaringFiles(REPO_ROOT).map((f) => readFileSync(f, 'utf8')),
    )
    expect(collections.map((c) => c.collectionName).sort()).toEqual(names)
    const orders = collections.find((c) => c.collectionName === 'orders')!
    expect(orders.createIndexes.length).toBeGreaterThan(0)
    for (const c of collections) expect(['ADMINONLY', 'CUSTOM']).toContain(c.aclTag)
  })

  it('lets clients read only chat_messages, with the rule from database-rules/', () => {
    const custom = collections.filter((c) => c.aclTag === 'CUSTOM')
    expect(custom.map((c) => c.collectionName)).toEqual(['chat_messages'])
    const file = join(REPO_ROOT, 'cloudfunctions', 'database-rules', 'chat_messages.json')
    expect(JSON.parse(custom[0].aclRule!)).toEqual(JSON.parse(readFileSync(file, 'utf8')))
  })

  it('deploys cron as one function per timer, each with one trigger from config.json', () => {
    const cronConfig = JSON.parse(
      readFileSync(join(REPO_ROOT, 'cloudfunctions', 'cron', 'config.json'), 'utf8'),
    ) as { timeout: number; triggers: { name: string; config: string }[] }
    const split = committed.functions.filter(
      (f) => committed.linquan.functionSources[f.name] === 'cron',
    )
    expect(split.map((f) => f.name).sort()).toEqual(
      cronConfig.triggers.map((t) => `cron-${t.name}`).sort(),
    )
    for (const f of split) {
      expect(f.triggers).toHaveLength(1)
      expect(f.timeout).toBe(cronConfig.timeout)
      expect(cronConfig.triggers).toContainEqual(expect.objectContaining(f.triggers[0]))
    }
    expect(committed.functions.some((f) => f.name === 'cron')).toBe(false)
    // Clients cannot call them: a forged { Type: 'Timer' } event would run the jobs.
    const rules = committed.framework.plugins.functions.inputs.functions
    for (const f of split)
      expect(rules.find((r) => r.name === f.name)!.aclRule).toEqual({ invoke: false })
    expect(rules.find((r) => r.name === 'order')!.aclRule).toEqual({ invoke: 'auth != null' })
  })

  it('routes the HTTP callbacks and writes only placeholders for secrets', () => {
    expect(committed.framework.plugins.functions.inputs.servicePaths).toEqual({
      'courier-notify': '/courier-notify',
      'pay-notify': '/pay-notify',
      'wechat-notify': '/wechat-notify',
    })
    const env = committed.functions[0].envVariables
    expect(env.WECHATPAY_APIV3_KEY).toBe('{{env.WECHATPAY_APIV3_KEY}}')
    expect(env.LINQUAN_SECRET_BOX_KEY).toBe('{{env.LINQUAN_SECRET_BOX_KEY}}')
    expect(committed.envId).toBe('{{env.CLOUDBASE_ENV_ID}}')
  })

  it('keeps the storage rule’s folders equal to the mini-program’s UploadDir', () => {
    const transport = readFileSync(
      join(REPO_ROOT, 'miniprogram', 'src', 'services', 'transport.ts'),
      'utf8',
    )
    const union = /export type UploadDir =([^=]*?)\n\n/s.exec(transport)![1]
    const dirs = [...union.matchAll(/'([\w-]+)'/g)].map((m) => m[1]).sort()
    expect(dirs).toEqual(UPLOAD_DIRS)
    expect(committed.storageRules).toEqual(storageRules())
    expect(storageRules().write).toContain('/^(avatars|chat-images|')
  })
})

describe('deploy:stage', () => {
  const root = mkdtempSync(join(tmpdir(), 'linquan-stage-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  const key = merchantKeyFile()
  const operatorEnv = { WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: key.path }

  it('copies each build folder and gives a split function its one trigger', () => {
    for (const name of ['cron', 'user']) {
      mkdirSync(join(root, 'dist', 'cloudfunctions', name), { recursive: true })
      writeFileSync(
        join(root, 'dist', 'cloudfunctions', name, 'index.js'),
        `exports.main = '${name}'`,
      )
      writeFileSync(join(root, 'dist', 'cloudfunctions', name, 'package.json'), '{}')
      writeFileSync(
        join(root, 'dist', 'cloudfunctions', name, 'config.json'),
        JSON.stringify({ permissions: { openapi: ['subscribeMessage.send'] }, triggers: [] }),
      )
    }
    const sources: DeploySources = {
      functions: [
        { name: 'user', timeout: 10, memorySize: 256, triggers: [], http: false },
        {
          name: 'cron',
          timeout: 60,
          memorySize: 256,
          http: false,
          triggers: [
            { name: 'orders', type: 'timer', config: '0 * * * * * *' },
            { name: 'sweep', type: 'timer', config: '0 7 * * * * *' },
          ],
        },
      ],
      collections: [],
      databaseRules: {},
      storageRules: storageRules(),
      envVars: [],
    }
    const staged = stageFunctions(root, buildCloudbaseRc(sources), { env: operatorEnv })
    expect(staged).toEqual(['cron-orders', 'cron-sweep', 'user'])
    const stage = join(root, 'dist', 'cloudbase')
    expect(readFileSync(join(stage, 'cron-sweep', 'index.js'), 'utf8')).toBe(
      "exports.main = 'cron'",
    )
    expect(JSON.parse(readFileSync(join(stage, 'cron-sweep', 'config.json'), 'utf8'))).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      timeout: 60,
      memorySize: 256,
      triggers: [{ name: 'sweep', type: 'timer', config: '0 7 * * * * *' }],
    })
  })

  it('stops when a bundle is missing', () => {
    const rc = buildCloudbaseRc({
      functions: [{ name: 'ghost', timeout: 10, memorySize: 256, triggers: [], http: false }],
      collections: [],
      databaseRules: {},
      storageRules: storageRules(),
      envVars: [],
    })
    expect(() => stageFunctions(root, rc, { env: operatorEnv })).toThrow(
      /no bundle in .*ghost: run npm run build:functions/,
    )
  })

  it('copies the key files into every function, where its environment says they are', () => {
    const rc = buildCloudbaseRc({
      functions: [{ name: 'user', timeout: 10, memorySize: 256, triggers: [], http: false }],
      collections: [],
      databaseRules: {},
      storageRules: storageRules(),
      envVars: ENV_VARS,
    })
    stageFunctions(root, rc, { env: operatorEnv })
    const fn = join(root, 'dist', 'cloudbase', 'user')
    const vars = rc.functions[0].envVariables
    expect(readFileSync(join(fn, vars.WECHATPAY_MERCHANT_PRIVATE_KEY_FILE), 'utf8')).toBe(key.pem)
    // None given: none known at start, so the gateway fetches them from /v3/certificates.
    expect(readFileSync(join(fn, vars.WECHATPAY_PLATFORM_CERTIFICATES_FILE), 'utf8')).toBe('[]\n')
  })

  it('stops before touching the stage when the key file is not given or not readable', () => {
    const stage = join(root, 'dist', 'cloudbase')
    mkdirSync(join(stage, 'earlier'), { recursive: true })
    const rc = committed
    expect(() => stageFunctions(root, rc, { env: {} })).toThrow(
      /^deploy:stage needs the path of each of: WECHATPAY_MERCHANT_PRIVATE_KEY_FILE \(path of the merchant API private key/,
    )
    const gone = join(root, 'nope.pem')
    expect(() =>
      stageFunctions(root, rc, { env: { WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: gone } }),
    ).toThrow(`WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: cannot read ${gone} (ENOENT)`)
    expect(existsSync(join(stage, 'earlier'))).toBe(true)
  })
})
