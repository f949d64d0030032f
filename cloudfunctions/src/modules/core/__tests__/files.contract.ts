import type { Files } from '../ports/files.port'

export interface FilesHarness {
  files: Files
  /** The bytes a display URL serves (over HTTP, or from where the local gateway serves them). */
  fetchUrl(url: string): Promise<Uint8Array | null>
  close(): void | Promise<void>
}

const bytes = (text: string) => new TextEncoder().encode(text)

/**
 * The behaviour every Files adapter must share: local disk (served by the gateway) and CloudBase
 * cloud storage (against the sandbox).
 */
export const filesContract = (name: string, open: () => FilesHarness | Promise<FilesHarness>) => {
  describe(`Files contract: ${name}`, () => {
    let h: FilesHarness
    beforeEach(async () => {
      h = await open()
    })
    afterEach(() => h.close())

    it('stores bytes at a path, and reads them back by the fileId it answered', async () => {
      const id = await h.files.put('listings/l1/a.jpg', bytes('jpeg-bytes'), 'image/jpeg')
      expect(typeof id).toBe('string')
      expect(await h.files.exists(id)).toBe(true)
      expect(Buffer.from((await h.files.read(id))!).toString()).toBe('jpeg-bytes')
    })

    it('overwrites a path put twice', async () => {
      await h.files.put('p/x.txt', bytes('one'), 'text/plain')
      const id = await h.files.put('p/x.txt', bytes('two'), 'text/plain')
      expect(Buffer.from((await h.files.read(id))!).toString()).toBe('two')
    })

    it('gives display URLs that serve the bytes, and leaves foreign ids out', async () => {
      const a = await h.files.put('u/a.png', bytes('A'), 'image/png')
      const b = await h.files.put('u/b.png', bytes('BB'), 'image/png')
      const urls = await h.files.urls([a, b, 'foreign://x', a])
      expect(Object.keys(urls).sort()).toEqual([a, b].sort())
      expect(Buffer.from((await h.fetchUrl(urls[b]))!).toString()).toBe('BB')
      expect(await h.files.urls([])).toEqual({})
    })

    it('answers nothing for ids it never stored: no URL either (a missing photo has none)', async () => {
      const id = await h.files.put('k/real.txt', bytes('r'), 'text/plain')
      const other = id.replace('k/real.txt', 'k/ghost.txt')
      expect(await h.files.exists(other)).toBe(false)
      expect(await h.files.read(other)).toBeNull()
      expect(Object.keys(await h.files.urls([other, id]))).toEqual([id])
      expect(await h.files.exists('foreign://k/real.txt')).toBe(false)
      expect(await h.files.read('foreign://k/real.txt')).toBeNull()
    })

    it('gives URLs for more ids than CloudBase takes in one call (50)', async () => {
      const ids = await Promise.all(
        Array.from({ length: 55 }, (_, i) =>
          h.files.put(`many/${i}.txt`, bytes(`${i}`), 'text/plain'),
        ),
      )
      const urls = await h.files.urls(ids)
      expect(Object.keys(urls).sort()).toEqual([...ids].sort())
      expect(Buffer.from((await h.fetchUrl(urls[ids[54]]))!).toString()).toBe('54')
    })

    it('deletes: afterwards the id does not exist, does not read and has no URL', async () => {
      const gone = await h.files.put('d/gone.jpg', bytes('g'), 'image/jpeg')
      const kept = await h.files.put('d/kept.jpg', bytes('k'), 'image/jpeg')
      const url = (await h.files.urls([gone]))[gone]
      await h.files.delete([gone])
      expect(await h.files.exists(gone)).toBe(false)
      expect(await h.files.read(gone)).toBeNull()
      expect(await h.files.urls([gone, kept])).toEqual({ [kept]: expect.any(String) })
      expect(await h.fetchUrl(url)).toBeNull()
      expect(Buffer.from((await h.files.read(kept))!).toString()).toBe('k')
    })

    it('deletes idempotently: twice, unknown, foreign and empty lists are no error', async () => {
      const id = await h.files.put('d/twice.jpg', bytes('t'), 'image/jpeg')
      await h.files.delete([id, id])
      await expect(h.files.delete([id])).resolves.toBeUndefined()
      await expect(
        h.files.delete([id.replace('twice', 'never'), 'foreign://d/x.jpg', '']),
      ).resolves.toBeUndefined()
      await expect(h.files.delete([])).resolves.toBeUndefined()
      expect(await h.files.exists(id)).toBe(false)
    })

    it('deletes more ids than CloudBase takes in one call (50)', async () => {
      const ids = await Promise.all(
        Array.from({ length: 55 }, (_, i) =>
          h.files.put(`bulk/${i}.txt`, bytes('x'), 'text/plain'),
        ),
      )
      await h.files.delete(ids)
      expect(await h.files.urls(ids)).toEqual({})
    })

    it('refuses a path that climbs out of its folder', async () => {
      await expect(h.files.put('../escape.txt', bytes('x'), 'text/plain')).rejects.toThrow(/unsafe/)
    })
  })
}
