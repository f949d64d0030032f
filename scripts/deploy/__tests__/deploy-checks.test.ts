import { REPO_ROOT } from '../../repo-paths'
import type { CloudbaseRc } from '../cloudbaserc.types'
import {
  BUNDLE_LIMIT_BYTES,
  checkBundles,
  checkCollections,
  checkEnv,
  checkFunctions,
  checkRoutes,
  checkSecrets,
  runDeployChecks,
  type DeployFacts,
} from '../deploy-checks'
import { gatherDeployFacts } from '../deploy-facts'
import { scanEnvReferences } from '../env-references'
import { readCommittedCloudbaseRc } from '../cloudbaserc-file'

/**
 * deploy:check on the real configuration (with bundles of a plausible size standing in for
 * dist/, which tests do not build) and on one broken variant per check.
 */
let good: DeployFacts

beforeAll(async () => {
  const config = JSON.parse(readCommittedCloudbaseRc()) as CloudbaseRc
  const facts = await gatherDeployFacts(REPO_ROOT, config)
  const bundles = Object.fromEntries(facts.functionNames.map((n) => [n, 400_000]))
  good = { ...facts, bundles }
})

/** A deep copy to break without touching the good facts. */
const variant = (): DeployFacts => ({
  ...good,
  config: structuredClone(good.config),
  bundles: { ...good.bundles },
  trackedFiles: [...good.trackedFiles],
  envReferences: {
    names: new Map(good.envReferences.names),
    unresolved: [...good.envReferences.unresolved],
  },
})
const collection = (f: DeployFacts, name: string) =>
  f.config.framework.plugins.database.inputs.collections.find((c) => c.collectionName === name)!
const fn = (f: DeployFacts, name: string) => f.config.functions.find((x) => x.name === name)!

describe('deploy:check', () => {
  it('passes the committed configuration', () => {
    expect(runDeployChecks(good)).toEqual([])
  })

  it('finds what it checks in the real repository', () => {
    expect(good.httpFunctions).toEqual(['courier-notify', 'pay-notify', 'wechat-notify'])
    expect(good.collectionNamesInCode).toEqual(
      expect.arrayContaining(['chat_messages', 'orders', 'rate_windows']),
    )
    expect([...good.envReferences.names.keys()]).toEqual(
      expect.arrayContaining([
        'WECHATPAY_APIV3_KEY',
        'LINQUAN_SECRET_BOX_KEY',
        'WECHAT_TEMPLATE_REFUND',
      ]),
    )
    expect(good.trackedFiles.length).toBeGreaterThan(500)
  })

  describe('bundles', () => {
    it('fails on a missing bundle', () => {
      const f = variant()
      delete f.bundles.chat
      expect(checkBundles(f)).toEqual([
        'function "chat": no bundle dist/cloudfunctions/chat/index.js (run npm run build:functions)',
      ])
    })

    it('fails on a bundle over the limit, and names a split function’s bundle by its source', () => {
      const f = variant()
      f.bundles.cron = BUNDLE_LIMIT_BYTES + 1
      const problems = checkBundles(f)
      expect(problems).toContain(
        `function "cron-orders": bundle is ${BUNDLE_LIMIT_BYTES + 1} bytes, over the ${BUNDLE_LIMIT_BYTES}-byte limit`,
      )
      expect(problems.every((p) => p.startsWith('function "cron-'))).toBe(true)
    })

    it('fails on a function the configuration does not deploy', () => {
      const f = variant()
      f.config.functions = f.config.functions.filter((x) => x.name !== 'user')
      expect(checkBundles(f)).toEqual([
        'function "user" exists in cloudfunctions/src/functions but cloudbaserc.json does not deploy it',
      ])
    })
  })

  describe('functions and timers', () => {
    it('fails on a cron that is not 7 fields', () => {
      const f = variant()
      fn(f, 'cron-orders').triggers[0].config = '0 * * * *'
      expect(checkFunctions(f)).toEqual([
        'function "cron-orders": trigger "orders" cron needs 7 fields (秒 分 时 日 月 星期 年), has 5: "0 * * * *"',
      ])
    })

    it('fails on a cron field out of range', () => {
      const f = variant()
      fn(f, 'cron-compare-books').triggers[0].config = '0 0 24 * * * *'
      expect(checkFunctions(f)).toEqual([
        'function "cron-compare-books": trigger "compare-books" cron field 3 时 (hour): "24" is outside 0–23 in "0 0 24 * * * *"',
      ])
    })

    it('fails on two timers in one function', () => {
      const f = variant()
      const cron = fn(f, 'cron-orders')
      cron.triggers.push({ name: 'again', type: 'timer', config: '0 0 * * * * *' })
      expect(checkFunctions(f)).toContain(
        'function "cron-orders": 2 timer triggers, CloudBase allows one per function',
      )
    })

    it('fails when clients may call a timer or HTTP function, or anonymous ones any function', () => {
      const f = variant()
      const plugin = f.config.framework.plugins.functions.inputs.functions
      plugin.find((p) => p.name === 'cron-orders')!.aclRule = { invoke: 'auth != null' }
      plugin.find((p) => p.name === 'pay-notify')!.aclRule = { invoke: true }
      plugin.find((p) => p.name === 'order')!.aclRule = { invoke: true }
      expect(checkFunctions(f)).toEqual([
        'function "cron-orders" runs on a timer or HTTP access, so clients must not call it (aclRule.invoke must be false, not "auth != null")',
        'function "order": aclRule.invoke must be "auth != null" (signed-in clients only), not true',
        'function "pay-notify" runs on a timer or HTTP access, so clients must not call it (aclRule.invoke must be false, not true)',
      ])
    })

    it('fails on a timeout or memory CloudBase refuses', () => {
      const f = variant()
      fn(f, 'order').timeout = 120
      fn(f, 'order').memorySize = 300
      expect(checkFunctions(f)).toEqual([
        'function "order": timeout 120 s is outside 1–60',
        'function "order": memorySize 300 is not one of 128, 256, 512, 1024, 2048 MB',
      ])
    })
  })

  describe('HTTP routes', () => {
    it('fails on a route to a function that is not deployed', () => {
      const f = variant()
      f.config.framework.plugins.functions.inputs.servicePaths.ghost = '/ghost'
      expect(checkRoutes(f)).toEqual([
        'HTTP route /ghost points at "ghost", which is not a deployed function',
      ])
    })

    it('fails on an HTTP callback function without a route', () => {
      const f = variant()
      delete f.config.framework.plugins.functions.inputs.servicePaths['pay-notify']
      expect(checkRoutes(f)).toEqual([
        'function "pay-notify" answers HTTP callbacks but has no HTTP access route',
      ])
    })
  })

  describe('collections and rules', () => {
    it('fails on a collection without a security rule', () => {
      const f = variant()
      delete (collection(f, 'orders') as { aclTag?: string }).aclTag
      expect(checkCollections(f)).toEqual(['collection "orders" has no security rule (aclTag)'])
    })

    it('fails on a collection used in code that the configuration does not create', () => {
      const f = variant()
      const inputs = f.config.framework.plugins.database.inputs
      inputs.collections = inputs.collections.filter((c) => c.collectionName !== 'rate_windows')
      expect(checkCollections(f)).toEqual([
        'collection "rate_windows" is used in code but cloudbaserc.json does not create it',
      ])
    })

    it('fails when the indexes drift from the CollectionSpec', () => {
      const f = variant()
      collection(f, 'orders').createIndexes.pop()
      expect(checkCollections(f)).toEqual([
        'collection "orders": cloudbaserc.json\'s indexes differ from its CollectionSpec (regenerate: npm run deploy:config)',
      ])
    })

    it('fails on an index name declared twice', () => {
      const f = variant()
      const orders = collection(f, 'orders')
      orders.createIndexes.push({ ...orders.createIndexes[0] })
      expect(checkCollections(f)).toContain(
        `collection "orders": index "${orders.createIndexes[0].name}" is declared twice`,
      )
    })

    it('fails on a client rule for a collection clients must not read, or a writable one', () => {
      const f = variant()
      Object.assign(collection(f, 'addresses'), {
        aclTag: 'CUSTOM',
        aclRule: '{"read":true,"write":false}',
      })
      Object.assign(collection(f, 'chat_messages'), {
        aclRule: JSON.stringify({ read: 'auth.openid != null', write: 'auth.openid != null' }),
      })
      Object.assign(collection(f, 'users'), { aclTag: 'READONLY' })
      expect(checkCollections(f)).toEqual([
        'collection "addresses" has a client rule, but only chat_messages may be read by clients',
        'collection "addresses": the read rule must check the caller (auth.openid), not be true',
        'collection "chat_messages": clients must not write (rule "write" must be false)',
        'collection "users": security rule READONLY opens it to clients; only ADMINONLY or a CUSTOM rule is allowed',
      ])
    })

    it('fails on a public storage rule', () => {
      const f = variant()
      f.config.storageRules = { read: true, write: f.config.storageRules.write }
      expect(checkCollections(f)).toEqual([
        'storage rule "read" must check the file\'s owner against auth.openid',
      ])
    })
  })

  describe('environment variables', () => {
    it('fails on a variable the code reads that a function lacks', () => {
      const f = variant()
      delete fn(f, 'pay-notify').envVariables.WECHATPAY_APIV3_KEY
      expect(checkEnv(f)).toEqual([
        'environment variable WECHATPAY_APIV3_KEY (read in cloudfunctions/src/adapters/payments/wechat-pay.config.ts) is not set for pay-notify in cloudbaserc.json',
      ])
    })

    it('fails on a new variable in code that is neither configured, catalogued nor in the README', () => {
      const refs = scanEnvReferences([
        {
          path: 'cloudfunctions/src/adapters/x/x.config.ts',
          text: 'const k = env.LINQUAN_NEW_THING',
        },
      ])
      const f = { ...variant(), envReferences: refs }
      expect(checkEnv(f)).toEqual([
        'environment variable LINQUAN_NEW_THING (read in cloudfunctions/src/adapters/x/x.config.ts) is not in scripts/deploy/env-vars.ts',
        expect.stringMatching(
          /^environment variable LINQUAN_NEW_THING .* is not set for address, chat, /,
        ),
        'environment variable LINQUAN_NEW_THING (read in cloudfunctions/src/adapters/x/x.config.ts) is not described in README.md',
      ])
    })

    it('fails on a secret written as a value', () => {
      const f = variant()
      fn(f, 'user').envVariables.WECHAT_SECRET = 'an-actual-app-secret'
      expect(checkEnv(f)).toEqual([
        'function "user": WECHAT_SECRET is a secret and must be a {{env.WECHAT_SECRET}} placeholder, not a value',
      ])
    })

    it('fails on a key inline in cloudbaserc.json, or a key file not at its staged path', () => {
      const f = variant()
      fn(f, 'user').envVariables.WECHATPAY_MERCHANT_PRIVATE_KEY =
        '{{env.WECHATPAY_MERCHANT_PRIVATE_KEY}}'
      fn(f, 'chat').envVariables.WECHATPAY_MERCHANT_PRIVATE_KEY_FILE =
        '{{env.WECHATPAY_MERCHANT_PRIVATE_KEY_FILE}}'
      expect(checkEnv(f)).toEqual([
        'environment variable WECHATPAY_MERCHANT_PRIVATE_KEY is local-only (a deploy carries it as WECHATPAY_MERCHANT_PRIVATE_KEY_FILE) but cloudbaserc.json sets it for user',
        'function "chat": WECHATPAY_MERCHANT_PRIVATE_KEY_FILE must be the staged path secrets/wechatpay-merchant-key.pem (deploy:stage copies the file there), not another value',
      ])
    })

    it('fails on a read it cannot follow', () => {
      const refs = scanEnvReferences([
        { path: 'cloudfunctions/src/x.ts', text: 'const a = 1\nconst v = env[name]' },
      ])
      expect(refs.unresolved).toEqual(['cloudfunctions/src/x.ts:2'])
      expect(checkEnv({ ...variant(), envReferences: refs })).toEqual([
        'cloudfunctions/src/x.ts:2: an environment variable read by a computed name deploy:check cannot follow',
      ])
    })
  })

  describe('secrets', () => {
    // Planted at run time: written out here, they would be secrets in this tracked file too.
    const header = (edge: string) => `-----${edge} ${'PRIVATE'} KEY-----`
    const PEM = [header('BEGIN'), 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', header('END')].join('\n')
    const apiV3 = ['api', 'V3', 'Key'].join('')

    it('fails on a private key, an APIv3 key, Tencent Cloud credentials or a tracked .env', () => {
      const f = variant()
      f.trackedFiles.push(
        { path: 'cloudfunctions/src/adapters/payments/prod-key.pem', text: PEM },
        {
          path: 'scripts/setup.ts',
          text: `const c = {\n  ${apiV3}: 'Zx8Kp2Lm9Qw4Rt7Yu1Io3Pa6Sd5Fg0Hj',\n}`,
        },
        { path: 'scripts/cos.ts', text: `const id = 'AKID${'a1B2c3D4'.repeat(4)}'` },
        { path: 'scripts/cos2.ts', text: `secretKey: '${'k9L8m7N6'.repeat(4)}'` },
        { path: '.env', text: 'WECHAT_SECRET=whatever' },
      )
      expect(checkSecrets(f)).toEqual([
        'cloudfunctions/src/adapters/payments/prod-key.pem:1: private key (PEM) in a tracked file',
        'scripts/setup.ts:2: WeChat Pay APIv3 key in a tracked file',
        'scripts/cos.ts:1: Tencent Cloud SecretId in a tracked file',
        'scripts/cos2.ts:1: Tencent Cloud SecretKey in a tracked file',
        '.env:1: a secrets file in a tracked file',
      ])
    })

    it('allows the sandboxes’ throwaway keys by their exact path only', () => {
      const f = variant()
      const sandboxKey = f.trackedFiles.find(
        (t) => t.path === 'cloudfunctions/local/sandboxes/wechat-pay/fixtures/merchant_key.pem',
      )!
      expect(sandboxKey.text).toContain('PRIVATE KEY')
      f.trackedFiles.push({
        ...sandboxKey,
        path: 'cloudfunctions/local/sandboxes/wechat-pay/copy.pem',
      })
      expect(checkSecrets(f)).toEqual([
        'cloudfunctions/local/sandboxes/wechat-pay/copy.pem:1: private key (PEM) in a tracked file',
      ])
    })
  })
})
