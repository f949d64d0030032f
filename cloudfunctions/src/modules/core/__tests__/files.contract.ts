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

    it('answers nothing for ids it never stored', async () => {
      const id = await h.files.put('k/real.txt', bytes('r'), 'text/plain')
      const other = id.replace('k/real.txt', 'k/ghost.txt')
      expect(await h.files.exists(other)).toBe(false)
      expect(await h.files.read(other)).toBeNull()
      expect(await h.files.exists('foreign://k/real.txt')).toBe(false)
      expect(await h.files.read('foreign://k/real.txt')).toBeNull()
    })

    it('refuses a path that climbs out of its folder', async () => {
      await expect(h.files.put('../escape.txt', bytes('x'), 'text/plain')).rejects.toThrow(/unsafe/)
    })
  })
}
