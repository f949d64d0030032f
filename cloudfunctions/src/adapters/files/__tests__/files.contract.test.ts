import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import cloudbase from '@cloudbase/node-sdk'
import { filesContract } from '../../../modules/core/__tests__/files.contract'
import {
  SECRET_ID,
  SECRET_KEY,
  startSandbox,
  type SandboxHandle,
} from '../../../../local/cloudbase-sandbox/__tests__/sdk-harness'
import { CloudbaseFiles, type CbStorageApp } from '../cloudbase-files'
import { LocalDiskFiles } from '../local-disk-files'

const BASE = 'http://local.test/files'

filesContract('local disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'files-contract-'))
  const files = new LocalDiskFiles(dir, BASE)
  return {
    files,
    // The gateway serves `${BASE}/<path>` from the root folder (404 once it is gone).
    fetchUrl: async (url) => {
      const full = files.resolve(url.slice(BASE.length + 1))
      return full && existsSync(full) ? new Uint8Array(await readFile(full)) : null
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  }
})

let sandbox: SandboxHandle
let env = 0
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

filesContract('CloudBase storage (node-sdk against the sandbox)', () => {
  const app = cloudbase.init({
    env: `files-env-${++env}`,
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    serviceUrl: sandbox.url,
  })
  return {
    files: new CloudbaseFiles(app as unknown as CbStorageApp),
    fetchUrl: async (url) => {
      const res = await fetch(url)
      return res.ok ? new Uint8Array(await res.arrayBuffer()) : null
    },
    close: () => undefined,
  }
})

describe('CloudbaseFiles specifics', () => {
  it('leaves ids of files never stored out of urls (the port says unknown ids are left out)', async () => {
    const app = cloudbase.init({
      env: 'files-specific',
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      serviceUrl: sandbox.url,
    })
    const files = new CloudbaseFiles(app as unknown as CbStorageApp)
    const id = await files.put('s/中文 名.jpg', new TextEncoder().encode('x'), 'image/jpeg')
    const missing = id.replace('中文 名.jpg', 'none.jpg')
    const urls = await files.urls([id, missing])
    expect(Object.keys(urls)).toEqual([id])
    const res = await fetch(urls[id])
    expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([
      200,
      'image/jpeg',
      'x',
    ])
    const stale = urls[id].replace(/t=\d+/, 't=1')
    expect((await fetch(stale)).status).toBe(403)
  })
})
