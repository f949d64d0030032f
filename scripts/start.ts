import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { createWechatPaySandbox } from '../cloudfunctions/local/sandboxes/wechat-pay'
import { createWechatApiSandbox } from '../cloudfunctions/local/sandboxes/wechat-api'
import { createKuaidi100Sandbox } from '../cloudfunctions/local/sandboxes/kuaidi100'
import { startLocalCloud } from '../cloudfunctions/local/server'
import { createCloudbaseSandbox } from '../cloudfunctions/local/cloudbase-sandbox/client-config'
import { sandboxIndexes } from './deploy/collections'
import { buildFunctions } from './build-functions'
import { buildH5IfStale } from './build-h5-if-stale'
import { REPO_ROOT, repoPaths } from './repo-paths'

/**
 * `npm start [-- --reset] [-- --port N] [-- --store cloudbase-sandbox]`: build what is stale,
 * then run the local cloud on 127.0.0.1. Functions are always rebuilt (well under a second); the
 * H5 app only when its sources are newer than dist/h5/index.html (it takes ~20 s).
 * `--store cloudbase-sandbox` keeps documents in the CloudBase database sandbox, reached through
 * the production adapters, instead of SQLite.
 */

const STORES = ['sqlite', 'cloudbase-sandbox'] as const
type Store = (typeof STORES)[number]

interface Args {
  reset: boolean
  port: number
  skipH5: boolean
  store: Store
}

const parseArgs = (argv: string[]): Args => {
  const args: Args = {
    reset: false,
    port: Number(process.env.PORT) || 8787,
    skipH5: false,
    store: 'sqlite',
  }
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s)
    // `--name value` or `--name=value`
    const value = () => inline ?? argv[++i] ?? ''
    if (name === '--reset') args.reset = true
    else if (name === '--no-h5') args.skipH5 = true
    else if (name === '--port') {
      const given = value()
      const port = Number(given)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port needs a port number, got ${given}`)
      args.port = port
    } else if (name === '--store') {
      const given = value()
      if (!STORES.includes(given as Store))
        throw new Error(`--store is one of ${STORES.join(', ')}, got ${given}`)
      args.store = given as Store
    } else {
      throw new Error(
        `unknown option ${argv[i]} (known: --reset, --port N, --no-h5, --store ${STORES.join('|')})`,
      )
    }
  }
  return args
}

const main = async () => {
  const args = parseArgs(process.argv.slice(2))
  const paths = repoPaths(REPO_ROOT)
  if (args.reset) {
    rmSync(paths.dataDir, { recursive: true, force: true })
    console.log(
      '--reset: deleted .data/ (database, uploads, session secret, SecretBox keys, CloudBase, WeChat Pay, WeChat API and kuaidi100 sandbox state)',
    )
  }

  const started = Date.now()
  const built = await buildFunctions({ root: REPO_ROOT })
  console.log(
    `functions: built ${built.map((f) => f.name).join(', ') || 'none'} in ${Date.now() - started} ms`,
  )
  if (!args.skipH5) buildH5IfStale(REPO_ROOT)

  const cloud = await startLocalCloud({
    dataDir: paths.dataDir,
    functionsDir: paths.functionsDist,
    h5Dir: paths.h5Dist,
    port: args.port,
    // WeChat Pay's timers (notification retries, applyment review) run 60× faster in dev. Its
    // state lives next to the database, so orders kept there still find their transactions
    // after a restart (and --reset forgets both).
    sandboxes: [
      // Mounted, it holds the documents (the indexes a deploy creates, the data in .data/).
      ...(args.store === 'cloudbase-sandbox'
        ? [
            createCloudbaseSandbox({
              indexes: sandboxIndexes(REPO_ROOT),
              stateFile: join(paths.dataDir, 'cloudbase-sandbox.json'),
            }),
          ]
        : []),
      createWechatPaySandbox({
        timers: 'real',
        timeFactor: 60,
        stateFile: join(paths.dataDir, 'wechat-pay-sandbox.json'),
      }),
      // WeChat's server API: shipping info and subscribe messages land in its 服务通知 inbox.
      createWechatApiSandbox({
        timers: 'real',
        stateFile: join(paths.dataDir, 'wechat-api-sandbox.json'),
      }),
      // kuaidi100 600× faster: a pickup is collected in 6 s, a cross-country parcel delivered in
      // ~5 min. Its parcels live next to the database, as WeChat Pay's transactions do.
      createKuaidi100Sandbox({
        timers: 'real',
        timeFactor: 600,
        stateFile: join(paths.dataDir, 'kuaidi100-sandbox.json'),
      }),
    ],
  })
  console.log(`\n  邻圈 LinQuan local cloud: ${cloud.url}\n`)
  console.log(
    `  documents  ${args.store === 'sqlite' ? '.data/linquan.db (SQLite)' : `CloudBase sandbox ${cloud.url}/sandbox/cloudbase (.data/cloudbase-sandbox.json)`}`,
  )
  console.log(`  app        ${cloud.url}/`)
  console.log(
    `  functions  POST ${cloud.url}/fn/<name>   (${cloud.runner.list().join(', ') || 'none built'})`,
  )
  console.log(`  callbacks  ANY  ${cloud.url}/http/<name>/<path>   (HTTP-triggered functions)`)
  console.log(`  sign-in    GET  ${cloud.url}/auth/demo-users, POST ${cloud.url}/auth/session`)
  console.log(`  files      POST ${cloud.url}/files/upload, GET ${cloud.url}/files/<path>`)
  console.log(`  chat       GET  ${cloud.url}/events/chat?conversationId=&afterSeq=   (SSE)`)
  console.log(
    `  scheduler  GET  ${cloud.url}/scheduler   (${cloud.scheduler.list().length} timer triggers)`,
  )
  console.log(`  sandboxes  GET  ${cloud.url}/sandbox`)
  console.log(
    `  服务通知    GET  ${cloud.url}/sandbox/wechat-api/inbox?openid=<openid>   (WeChat messages in dev)`,
  )
  console.log(
    `  快递100     GET  ${cloud.url}/sandbox/kuaidi100/control/state   (parcels, pickups, pushes in dev)`,
  )
  console.log(`  data       .data/ (npm start -- --reset starts over)\n`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping the local cloud…`)
    cloud.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
