import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { createWechatPaySandbox } from '../cloudfunctions/local/sandboxes/wechat-pay'
import { createWechatApiSandbox } from '../cloudfunctions/local/sandboxes/wechat-api'
import { createKuaidi100Sandbox } from '../cloudfunctions/local/sandboxes/kuaidi100'
import { startLocalCloud } from '../cloudfunctions/local/server'
import { buildFunctions } from './build-functions'
import { buildH5IfStale } from './build-h5-if-stale'
import { REPO_ROOT, repoPaths } from './repo-paths'

/**
 * `npm start [-- --reset] [-- --port N]`: build what is stale, then run the local cloud on
 * 127.0.0.1. Functions are always rebuilt (well under a second); the H5 app only when its
 * sources are newer than dist/h5/index.html (it takes ~20 s).
 */

interface Args {
  reset: boolean
  port: number
  skipH5: boolean
}

const parseArgs = (argv: string[]): Args => {
  const args: Args = { reset: false, port: Number(process.env.PORT) || 8787, skipH5: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--reset') args.reset = true
    else if (a === '--no-h5') args.skipH5 = true
    else if (a === '--port' || a.startsWith('--port=')) {
      const value = a.includes('=') ? a.split('=')[1] : argv[++i]
      const port = Number(value)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port needs a port number, got ${value}`)
      args.port = port
    } else {
      throw new Error(`unknown option ${a} (known: --reset, --port N, --no-h5)`)
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
      '--reset: deleted .data/ (database, uploads, session secret, SecretBox keys, WeChat Pay, WeChat API and kuaidi100 sandbox state)',
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
