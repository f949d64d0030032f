/**
 * The conversation page's picture and ··· pieces with Taro, its components and the services
 * replaced by plain stand-ins: what is picked, uploaded and sent, what a bubble shows, and that
 * blocking asks first.
 */
import type { ReactNode } from 'react'
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import type { ChatMessage, Conversation } from '@shared/contracts/chat.contract'
import { ServiceError } from '@/services/service-error'

const taro = {
  chooseImage: jest.fn(),
  showActionSheet: jest.fn(),
  showModal: jest.fn(),
  navigateTo: jest.fn(),
}
const api = { chat: { send: jest.fn(), block: jest.fn(), unblock: jest.fn() } }
const uploadPhoto = jest.fn()
const reportError = jest.fn()
const toast = jest.fn()

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    chooseImage: (o: unknown) => taro.chooseImage(o),
    showActionSheet: (o: unknown) => taro.showActionSheet(o),
    showModal: (o: unknown) => taro.showModal(o),
    navigateTo: (o: unknown) => taro.navigateTo(o),
  },
}))
jest.mock('@/services', () => ({
  get api() {
    return api
  },
  uploadPhoto: (...a: unknown[]) => uploadPhoto(...a),
  isServiceError: (e: unknown) => e instanceof Error && 'code' in e,
}))
jest.mock('@/utils/feedback', () => ({
  reportError: (...a: unknown[]) => reportError(...a),
  toast: (...a: unknown[]) => toast(...a),
}))
type P = { children?: ReactNode; id?: string; className?: string; onClick?: () => void }
jest.mock('@tarojs/components', () => ({
  View: ({ children, className, onClick, ...rest }: P & Record<string, unknown>) => (
    <div className={className} onClick={onClick} data-status={rest['data-status'] as string}>
      {children}
    </div>
  ),
  Text: ({ children, id, className, onClick }: P) => (
    <span id={id} className={className} onClick={onClick}>
      {children}
    </span>
  ),
  Image: (p: {
    className: string
    src: string
    mode: string
    onLoad: (e: { detail: { width: number; height: number } }) => void
  }) => (
    <img
      className={p.className}
      src={p.src}
      data-mode={p.mode}
      onLoad={(e) => {
        const img = e.currentTarget as HTMLImageElement & { fakeSize: [number, number] }
        p.onLoad({ detail: { width: img.fakeSize[0], height: img.fakeSize[1] } })
      }}
    />
  ),
}))

import { useImageSend } from '../conversation/use-image-send'
import { ChatImage } from '../conversation/components/ChatImage'
import { BLOCK_CONFIRM, ChatMenu, openChatMenu } from '../conversation/components/ChatMenu'

const CONV = '01HZZZZZZZZZZZZZZZZZZZZZZA:01HZZZZZZZZZZZZZZZZZZZZZZB'
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)))

beforeEach(() => jest.resetAllMocks())

describe('useImageSend', () => {
  const hook = () => {
    const handlers = { onStored: jest.fn(), onAdded: jest.fn(), onBlocked: jest.fn() }
    const { result } = renderHook(() => useImageSend(CONV, handlers))
    return { result, handlers }
  }

  it('picks one compressed picture, uploads it to chat-images and sends it as an image', async () => {
    taro.chooseImage.mockResolvedValue({ tempFilePaths: ['blob:picked'] })
    uploadPhoto.mockImplementation(async (_p: string, progress: (n: number) => void) => {
      progress(60)
      return { fileId: 'local://chat-images/2026-11/p.jpg', url: 'http://x/p.jpg' }
    })
    const message = { seq: 5 } as ChatMessage
    api.chat.send.mockResolvedValue(message)
    const { result, handlers } = hook()
    await act(() => result.current.pick())
    await flush()
    expect(taro.chooseImage).toHaveBeenCalledWith(
      expect.objectContaining({ count: 1, sizeType: ['compressed'] }),
    )
    expect(uploadPhoto).toHaveBeenCalledWith('blob:picked', expect.any(Function), 'chat-images')
    expect(api.chat.send).toHaveBeenCalledWith({
      conversationId: CONV,
      clientMsgId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      kind: 'image',
      fileId: 'local://chat-images/2026-11/p.jpg',
    })
    expect(handlers.onAdded).toHaveBeenCalledTimes(1)
    expect(handlers.onStored).toHaveBeenCalledWith(message)
    expect(result.current.pending).toEqual([])
  })

  it('does nothing when the picker is closed', async () => {
    taro.chooseImage.mockRejectedValue({ errMsg: 'chooseImage:fail cancel' })
    const { result, handlers } = hook()
    await act(() => result.current.pick())
    expect(uploadPhoto).not.toHaveBeenCalled()
    expect(handlers.onAdded).not.toHaveBeenCalled()
    expect(result.current.pending).toEqual([])
  })

  it('leaves 重试 on a refused send and shows the blocked notice when the refusal is a block', async () => {
    taro.chooseImage.mockResolvedValue({ tempFilePaths: ['blob:picked'] })
    uploadPhoto.mockResolvedValue({ fileId: 'local://chat-images/q.jpg', url: 'http://x/q.jpg' })
    api.chat.send.mockRejectedValue(new ServiceError('CHAT.BLOCKED', '你们之间已屏蔽'))
    const { result, handlers } = hook()
    await act(() => result.current.pick())
    await flush()
    expect(result.current.pending).toEqual([
      expect.objectContaining({
        state: 'failed',
        image: { localPath: 'blob:picked', progress: null },
      }),
    ])
    expect(reportError).toHaveBeenCalledWith(expect.any(ServiceError), '发送失败，请稍后重试')
    expect(handlers.onBlocked).toHaveBeenCalledTimes(1)
  })
})

describe('ChatImage', () => {
  it('shows the upload percentage over the picture while it uploads, and previews its url', () => {
    const onPreview = jest.fn()
    const { container } = render(
      <ChatImage
        image={{ url: 'blob:up', progress: 42 }}
        sizeKey='mIMAGE0001'
        onPreview={onPreview}
      />,
    )
    expect(screen.getByText('42%')).toBeTruthy()
    expect(container.querySelector('[data-status="uploading"]')).not.toBeNull()
    fireEvent.click(container.querySelector('.chat-image')!)
    expect(onPreview).toHaveBeenCalledWith('blob:up')
  })

  it('takes the frame of its shape once loaded, and opens in it next time it is shown', () => {
    const onSized = jest.fn()
    const first = render(
      <ChatImage
        image={{ url: 'http://x/t.jpg', progress: null }}
        sizeKey='mTALL00001'
        onPreview={jest.fn()}
        onSized={onSized}
      />,
    )
    const img = first.container.querySelector('img') as HTMLImageElement & {
      fakeSize: [number, number]
    }
    expect(img.dataset.mode).toBe('widthFix')
    img.fakeSize = [300, 650]
    fireEvent.load(img)
    expect(first.container.querySelector('.chat-image')!.className).toContain('is-tall')
    expect(first.container.querySelector('img')!.dataset.mode).toBe('aspectFill')
    expect(onSized).toHaveBeenCalledTimes(1)
    first.unmount()
    const again = render(
      <ChatImage
        image={{ url: 'http://x/other.jpg', progress: null }}
        sizeKey='mTALL00001'
        onPreview={jest.fn()}
      />,
    )
    expect(again.container.querySelector('.chat-image')!.className).toContain('is-tall')
  })

  it('says 图片已失效 when the file is gone', () => {
    const onPreview = jest.fn()
    const { container } = render(
      <ChatImage image={{ url: null, progress: null }} sizeKey={null} onPreview={onPreview} />,
    )
    expect(screen.getByText('图片已失效')).toBeTruthy()
    expect(container.querySelector('img')).toBeNull()
    fireEvent.click(container.querySelector('.chat-image')!)
    expect(onPreview).not.toHaveBeenCalled()
  })
})

describe('the ··· menu', () => {
  const conv = (over: Partial<Conversation> = {}) =>
    ({
      id: CONV,
      role: 'buyer',
      blockedByMe: false,
      other: { id: '01HZZZZZZZZZZZZZZZZZZZZZZB', nickname: '阿杰' },
      ...over,
    }) as Conversation

  it('blocks only after the confirmation, then refreshes the conversation', async () => {
    const onChanged = jest.fn(async () => undefined)
    taro.showActionSheet.mockResolvedValue({ tapIndex: 0 })
    taro.showModal.mockResolvedValue({ confirm: false })
    await expect(openChatMenu(conv(), onChanged)).resolves.toBe(false)
    expect(taro.showActionSheet).toHaveBeenCalledWith({ itemList: ['屏蔽对方', '举报对方'] })
    expect(taro.showModal.mock.calls[0][0].content).toBe(BLOCK_CONFIRM)
    expect(BLOCK_CONFIRM).toBe('屏蔽后双方都不能再发消息，聊天记录会保留')
    expect(api.chat.block).not.toHaveBeenCalled()

    taro.showModal.mockResolvedValue({ confirm: true })
    api.chat.block.mockResolvedValue({ blocked: true })
    await expect(openChatMenu(conv(), onChanged)).resolves.toBe(true)
    expect(api.chat.block).toHaveBeenCalledWith(CONV)
    expect(onChanged).toHaveBeenCalledTimes(1)
  })

  it('offers 解除屏蔽 when I blocked, and lifts it without asking', async () => {
    const onChanged = jest.fn(async () => undefined)
    taro.showActionSheet.mockResolvedValue({ tapIndex: 0 })
    api.chat.unblock.mockResolvedValue({ blocked: false })
    await openChatMenu(conv({ blockedByMe: true }), onChanged)
    expect(taro.showActionSheet).toHaveBeenCalledWith({ itemList: ['解除屏蔽', '举报对方'] })
    expect(taro.showModal).not.toHaveBeenCalled()
    expect(api.chat.unblock).toHaveBeenCalledWith(CONV)
    expect(onChanged).toHaveBeenCalledTimes(1)
  })

  it('changes nothing when the sheet is dismissed or the call fails', async () => {
    const onChanged = jest.fn(async () => undefined)
    taro.showActionSheet.mockRejectedValue({ errMsg: 'showActionSheet:fail cancel' })
    await expect(openChatMenu(conv(), onChanged)).resolves.toBe(false)
    taro.showActionSheet.mockResolvedValue({ tapIndex: 0 })
    taro.showModal.mockResolvedValue({ confirm: true })
    api.chat.block.mockRejectedValue(new Error('offline'))
    await expect(openChatMenu(conv(), onChanged)).resolves.toBe(false)
    expect(reportError).toHaveBeenCalledWith(expect.any(Error), '操作失败，请稍后重试')
    expect(onChanged).not.toHaveBeenCalled()
  })

  it('举报对方 opens the report form on the other person, with this conversation to pick from', async () => {
    const onChanged = jest.fn(async () => undefined)
    taro.showActionSheet.mockResolvedValue({ tapIndex: 1 })
    await expect(openChatMenu(conv(), onChanged)).resolves.toBe(false)
    expect(api.chat.block).not.toHaveBeenCalled()
    const url = new URL(`http://x${taro.navigateTo.mock.calls[0][0].url}`)
    expect(url.pathname).toBe('/package-user/report/index')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kind: 'user',
      id: '01HZZZZZZZZZZZZZZZZZZZZZZB',
      label: '阿杰',
      conv: CONV,
    })
  })

  it('has no ··· for an operator reading a report', async () => {
    const { container } = render(
      <ChatMenu conversation={conv({ role: 'operator' })} onChanged={jest.fn()} />,
    )
    expect(container.querySelector('#chat-more')).toBeNull()
    render(<ChatMenu conversation={conv()} onChanged={jest.fn()} />)
    expect(screen.getByText('···').id).toBe('chat-more')
  })
})
