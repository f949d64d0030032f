import type { ChatMessage } from '@shared/contracts/chat.contract'
import { buildThread, threadImageUrls, type ThreadRow } from '../chat-thread'
import { ImageSends, pendingImages, type ImageSend } from '../image-send'
import { imageShape } from '../image-shape'

const ME = '01HZZZZZZZZZZZZZZZZZZZZZZA'
const HER = '01HZZZZZZZZZZZZZZZZZZZZZZB'
const NOW = Date.UTC(2024, 10, 24, 2, 0)

/** A promise the test settles when it wants. */
const deferred = <T>() => {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}
const flush = () => new Promise((r) => setTimeout(r, 0))

const stored = (seq: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `c:${seq}`,
  conversationId: `${ME}:${HER}`,
  seq,
  senderId: ME,
  kind: 'image',
  text: null,
  image: { fileId: `local://chat-images/${seq}.jpg`, url: `http://x/${seq}.jpg` },
  orderId: null,
  clientMsgId: null,
  at: NOW + seq,
  offPlatform: false,
  offerId: null,
  card: null,
  ...over,
})

/** An ImageSends whose uploads and sends wait for the test; every call and change recorded. */
const harness = () => {
  const uploads: {
    path: string
    progress: (p: number) => void
    d: ReturnType<typeof deferred<{ fileId: string }>>
  }[] = []
  const sends: {
    clientMsgId: string
    fileId: string
    d: ReturnType<typeof deferred<ChatMessage>>
  }[] = []
  const storedMessages: ChatMessage[] = []
  const failures: [unknown, string][] = []
  let last: readonly ImageSend[] = []
  let n = 0
  const q = new ImageSends({
    upload: (path, progress) => {
      const d = deferred<{ fileId: string }>()
      uploads.push({ path, progress, d })
      return d.promise
    },
    send: (clientMsgId, fileId) => {
      const d = deferred<ChatMessage>()
      sends.push({ clientMsgId, fileId, d })
      return d.promise
    },
    onStored: (m) => storedMessages.push(m),
    onFailed: (e, step) => failures.push([e, step]),
    onChange: (items) => (last = items),
    newClientMsgId: () => `mIMAGE000${++n}`,
    now: () => NOW + n,
  })
  return { q, uploads, sends, storedMessages, failures, items: () => last }
}

describe('ImageSends', () => {
  it('shows the picture at once, reports upload progress, then sends the uploaded file', async () => {
    const h = harness()
    const id = h.q.add('blob:local-1')
    expect(h.items()).toEqual([
      expect.objectContaining({
        clientMsgId: id,
        localPath: 'blob:local-1',
        state: 'uploading',
        progress: 0,
      }),
    ])
    expect(h.uploads.map((u) => u.path)).toEqual(['blob:local-1'])
    h.uploads[0].progress(40)
    expect(h.items()[0]).toMatchObject({ state: 'uploading', progress: 40 })
    h.uploads[0].d.resolve({ fileId: 'local://chat-images/a.jpg' })
    await flush()
    expect(h.items()[0]).toMatchObject({ state: 'sending', fileId: 'local://chat-images/a.jpg' })
    expect(h.sends.map((s) => [s.clientMsgId, s.fileId])).toEqual([
      [id, 'local://chat-images/a.jpg'],
    ])
    const message = stored(7, { clientMsgId: id })
    h.sends[0].d.resolve(message)
    await flush()
    expect(h.storedMessages).toEqual([message])
    expect(h.items()).toEqual([])
  })

  it('after a failed send, 重试 sends again with the same clientMsgId and does not upload again', async () => {
    const h = harness()
    const id = h.q.add('blob:local-2')
    h.uploads[0].d.resolve({ fileId: 'local://chat-images/b.jpg' })
    await flush()
    const offline = new Error('网络不可用')
    h.sends[0].d.reject(offline)
    await flush()
    expect(h.items()[0]).toMatchObject({ state: 'failed', fileId: 'local://chat-images/b.jpg' })
    expect(h.failures).toEqual([[offline, 'send']])

    h.q.retry(id)
    expect(h.items()[0].state).toBe('sending')
    await flush()
    expect(h.uploads).toHaveLength(1)
    expect(h.sends.map((s) => [s.clientMsgId, s.fileId])).toEqual([
      [id, 'local://chat-images/b.jpg'],
      [id, 'local://chat-images/b.jpg'],
    ])
    h.sends[1].d.resolve(stored(8, { clientMsgId: id }))
    await flush()
    expect(h.items()).toEqual([])
  })

  it('after a failed upload, 重试 uploads again from 0% and then sends with the same clientMsgId', async () => {
    const h = harness()
    const id = h.q.add('blob:local-3')
    h.uploads[0].progress(70)
    h.uploads[0].d.reject(new Error('图片上传失败，请检查网络'))
    await flush()
    expect(h.items()[0]).toMatchObject({ state: 'failed', fileId: null })
    expect(h.failures.map(([, step]) => step)).toEqual(['upload'])
    expect(h.sends).toEqual([])
    // A late progress report from the failed upload does not bring the bar back.
    h.uploads[0].progress(90)
    expect(h.items()[0].state).toBe('failed')

    h.q.retry(id)
    expect(h.items()[0]).toMatchObject({ state: 'uploading', progress: 0 })
    expect(h.uploads.map((u) => u.path)).toEqual(['blob:local-3', 'blob:local-3'])
    h.uploads[1].d.resolve({ fileId: 'local://chat-images/c.jpg' })
    await flush()
    expect(h.sends.map((s) => [s.clientMsgId, s.fileId])).toEqual([
      [id, 'local://chat-images/c.jpg'],
    ])
  })

  it('uploads again when the server no longer knows the file as the sender’s picture', async () => {
    const h = harness()
    const id = h.q.add('blob:local-4')
    h.uploads[0].d.resolve({ fileId: 'local://chat-images/d.jpg' })
    await flush()
    h.sends[0].d.reject(
      Object.assign(new Error('请重新选择要发送的图片'), { code: 'FILE.NOT_OWNED' }),
    )
    await flush()
    expect(h.items()[0]).toMatchObject({ state: 'failed', fileId: null })
    h.q.retry(id)
    expect(h.uploads).toHaveLength(2)
  })

  it('ignores 重试 on a picture still on its way, and keeps each picture on its own', async () => {
    const h = harness()
    const a = h.q.add('blob:a')
    const b = h.q.add('blob:b')
    expect(a).not.toBe(b)
    h.q.retry(a)
    expect(h.uploads).toHaveLength(2)
    h.uploads[1].progress(55)
    expect(h.items().map((x) => [x.localPath, x.progress])).toEqual([
      ['blob:a', 0],
      ['blob:b', 55],
    ])
    h.uploads[0].d.reject(new Error('x'))
    await flush()
    expect(h.items().map((x) => x.state)).toEqual(['failed', 'uploading'])
  })
})

describe('picture bubbles in the thread', () => {
  const bubbles = (rows: ThreadRow[]) =>
    rows.filter((r): r is Extract<ThreadRow, { type: 'bubble' }> => r.type === 'bubble')

  it('shows a pending picture from its local file with its progress, until it comes back stored', () => {
    const pending = pendingImages([
      {
        clientMsgId: 'mIMAGE0001',
        localPath: 'blob:up',
        at: NOW,
        state: 'uploading',
        progress: 30,
        fileId: null,
      },
      {
        clientMsgId: 'mIMAGE0002',
        localPath: 'blob:sent',
        at: NOW + 1,
        state: 'sending',
        progress: 100,
        fileId: 'f',
      },
      {
        clientMsgId: 'mIMAGE0003',
        localPath: 'blob:bad',
        at: NOW + 2,
        state: 'failed',
        progress: 10,
        fileId: null,
      },
    ])
    const rows = bubbles(
      buildThread({ messages: [], pending, meId: ME, otherReadSeq: 0, now: NOW }),
    )
    expect(rows.map((r) => [r.image, r.pending, r.mine])).toEqual([
      [{ url: 'blob:up', progress: 30 }, 'sending', true],
      [{ url: 'blob:sent', progress: null }, 'sending', true],
      [{ url: 'blob:bad', progress: null }, 'failed', true],
    ])
    const back = stored(3, { clientMsgId: 'mIMAGE0001' })
    const after = bubbles(
      buildThread({ messages: [back], pending, meId: ME, otherReadSeq: 0, now: NOW }),
    )
    expect(after.map((r) => [r.seq, r.image?.url])).toEqual([
      [3, 'http://x/3.jpg'],
      [null, 'blob:sent'],
      [null, 'blob:bad'],
    ])
  })

  it('marks a picture whose file is gone (url null) and pages 查看大图 through the others in order', () => {
    const messages = [
      stored(1, { senderId: HER }),
      stored(2, { kind: 'text', text: '好的', image: null }),
      stored(3, { senderId: HER, image: { fileId: 'local://chat-images/3.jpg', url: null } }),
      stored(4),
    ]
    const rows = buildThread({ messages, pending: [], meId: ME, otherReadSeq: 0, now: NOW })
    expect(bubbles(rows).map((r) => [r.text, r.image])).toEqual([
      ['', { url: 'http://x/1.jpg', progress: null }],
      ['好的', null],
      ['', { url: null, progress: null }],
      ['', { url: 'http://x/4.jpg', progress: null }],
    ])
    expect(threadImageUrls(rows)).toEqual(['http://x/1.jpg', 'http://x/4.jpg'])
  })
})

describe('imageShape', () => {
  it('frames a picture in the shape closest to its own, square when its size is unknown', () => {
    expect(imageShape(4000, 1000)).toBe('wide')
    expect(imageShape(1500, 1000)).toBe('landscape')
    expect(imageShape(1600, 1200)).toBe('photo')
    expect(imageShape(1000, 1000)).toBe('square')
    expect(imageShape(1200, 1600)).toBe('portrait')
    expect(imageShape(1000, 1500)).toBe('upright')
    expect(imageShape(1080, 2400)).toBe('tall')
    expect(imageShape(0, 0)).toBe('square')
    expect(imageShape(300, 0)).toBe('square')
  })
})
