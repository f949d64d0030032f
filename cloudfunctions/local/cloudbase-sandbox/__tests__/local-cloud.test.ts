import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CloudbaseDocumentStore } from '../../../src/adapters/store/cloudbase-document-store'
import { Listings } from '../../../src/modules/listing/domain/listing.record'
import { recordUpload } from '../../../src/modules/upload/application/accept-upload.use-case'
import type { Deps } from '../../../src/modules/deps'
import { aGoodsListingInput, aListing, XUHUI } from '../../mothers/listing.mother'
import { aUser } from '../../mothers/user.mother'
import { tempDir, tinyPng } from '../../__tests__/local-cloud.fixture'
import { type LocalCloud, startLocalCloud } from '../../server'
import { sandboxIndexes } from '../../../../scripts/deploy/collections'
import { REPO_ROOT } from '../../../../scripts/repo-paths'
import { createCloudbaseSandbox } from '../client-config'

/**
 * `npm start -- --store cloudbase-sandbox`: with the CloudBase sandbox mounted, the local cloud's
 * documents and search go through the production adapters to it (never to SQLite), with the
 * indexes a deploy creates, and its state file keeps them across a restart.
 */
describe('the local cloud on the CloudBase sandbox', () => {
  const tmp = tempDir('cloudbase-local')
  const dataDir = join(tmp.dir, 'data')
  const indexes = sandboxIndexes(REPO_ROOT)
  const start = () =>
    startLocalCloud({
      dataDir,
      functionsDir: join(tmp.dir, 'functions'),
      h5Dir: join(tmp.dir, 'h5'),
      port: 0,
      seed: false,
      schedulerIntervalMs: null,
      sandboxes: [
        createCloudbaseSandbox({ indexes, stateFile: join(dataDir, 'cloudbase-sandbox.json') }),
      ],
      log: () => undefined,
    })
  let cloud: LocalCloud
  afterAll(async () => {
    await cloud?.close()
    tmp.cleanup()
  })

  const nearXuhui = (deps: Deps) =>
    deps.search.query({
      keyword: '耳机',
      near: { latitude: XUHUI.latitude, longitude: XUHUI.longitude, radiusMeters: 5_000 },
      sort: 'distance',
      limit: 10,
    })

  it('keeps documents and search in the sandbox and finds them again after a restart', async () => {
    expect(indexes.listings.map((i) => i.name)).toContain('search_point')
    cloud = await start()
    expect(cloud.container.store).toBeInstanceOf(CloudbaseDocumentStore)
    const seller = await aUser(cloud.container, 'o-cloudbase-seller', { city: '上海' })
    const png = tinyPng()
    const fileId = await cloud.container.files.put('listing-photos/cb/p.png', png, 'image/png')
    await recordUpload(cloud.container, {
      fileId,
      ownerId: seller._id,
      kind: 'listing-photos',
      bytes: png.length,
      contentType: 'image/png',
    })
    const listing = await aListing(
      cloud.container,
      seller,
      aGoodsListingInput({ photoFileIds: [fileId] }),
    )
    // The listing and its search entry are one document: the keyword and the point find it.
    expect((await nearXuhui(cloud.container)).items.map((h) => h.id)).toEqual([listing._id])
    expect(existsSync(join(dataDir, 'linquan.db'))).toBe(false)
    await cloud.close()

    cloud = await start()
    expect(await cloud.container.store.get(Listings, listing._id)).toMatchObject({
      title: listing.title,
      status: 'active',
    })
    expect((await nearXuhui(cloud.container)).items.map((h) => h.id)).toEqual([listing._id])
  })
})
