/**
 * 举报 with Taro, NutUI, the photo grid and the services replaced by plain stand-ins: only the
 * reasons that fit the target are offered, nothing is sent until the form is complete (a reason,
 * words for 其他, no photo still uploading), what is sent is what was picked, the server's refusal
 * is said on the page, and the page ends on 已提交 or 你已举报过.
 */
import type { ReactNode } from 'react'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { REASONS_FOR, REPORT_REASON_LABELS } from '@shared/domain/report'
import { ServiceError } from '@/services/service-error'
import type { PhotoItem } from '@/components/PhotoGrid'

const api = {
  report: { create: jest.fn() },
  dispute: { chatMessages: jest.fn() },
  chat: { history: jest.fn() },
}
const reportError = jest.fn()
const toast = jest.fn()
const router = { params: {} as Record<string, string> }
const session = { status: 'signed-in', user: { id: '01JME0000000000000000000AA' } }
const taro = { redirectTo: jest.fn(), navigateBack: jest.fn() }

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    redirectTo: (o: unknown) => taro.redirectTo(o),
    navigateBack: () => taro.navigateBack(),
  },
  useRouter: () => router,
}))
type P = { children?: ReactNode; id?: string; className?: string; onClick?: () => void }
jest.mock('@tarojs/components', () => ({
  View: ({ children, id, className, onClick }: P) => (
    <div id={id} className={className} onClick={onClick}>
      {children}
    </div>
  ),
  Text: ({ children, id, className, onClick }: P) => (
    <span id={id} className={className} onClick={onClick}>
      {children}
    </span>
  ),
}))
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, id, onClick }: P) => (
    <button id={id} onClick={onClick}>
      {children}
    </button>
  ),
  TextArea: ({ value, onChange }: { value: string; onChange: (v: string) => void }) => (
    <textarea value={value} onChange={(e) => onChange(e.target.value)} />
  ),
}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Button/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/TextArea/style/css', () => ({}))
// The grid's uploads are its own tests' business: here it only holds what the test puts in.
let photoUpdate: ((f: (items: PhotoItem[]) => PhotoItem[]) => void) | null = null
jest.mock('@/components/PhotoGrid', () => ({
  PhotoGrid: (p: { items: PhotoItem[]; dir: string; max: number; update: typeof photoUpdate }) => {
    photoUpdate = p.update
    return <div id='photo-grid' data-dir={p.dir} data-max={p.max} data-count={p.items.length} />
  },
}))
jest.mock('@/components/EmptyState', () => ({
  EmptyState: ({ title }: { title: string }) => <div>{title}</div>,
}))
jest.mock('@/services', () => ({
  get api() {
    return api
  },
  isServiceError: (e: unknown) => e instanceof ServiceError,
}))
jest.mock('@/hooks/use-session', () => ({ useSession: () => session }))
jest.mock('@/utils/feedback', () => ({
  reportError: (...a: unknown[]) => reportError(...a),
  toast: (...a: unknown[]) => toast(...a),
  goLogin: jest.fn(),
}))

import { ReportForm } from '../report/report-form'
import ReportPage from '../report/index'

const LISTING = { kind: 'listing' as const, id: '01JLISTING0000000000000000' }
const ORDER = { kind: 'order' as const, id: '01JORDER000000000000000000' }
const CONV = '01HZZZZZZZZZZZZZZZZZZZZZZA:01HZZZZZZZZZZZZZZZZZZZZZZB'
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)))
const click = (id: string) => fireEvent.click(document.getElementById(id)!)
const type = (text: string) =>
  fireEvent.change(document.querySelector('textarea')!, { target: { value: text } })
const photo = (over: Partial<PhotoItem>): PhotoItem => ({
  key: `k${Math.random()}`,
  url: 'blob:x',
  fileId: null,
  progress: 0,
  status: 'uploading',
  ...over,
})
const addPhotos = (...items: PhotoItem[]) => act(() => photoUpdate!((list) => [...list, ...items]))

beforeEach(() => {
  jest.resetAllMocks()
  router.params = {}
  photoUpdate = null
})

describe('ReportForm', () => {
  it('offers only the reasons that fit the target', () => {
    const { rerender } = render(<ReportForm target={LISTING} messages={null} onDone={jest.fn()} />)
    const shown = () =>
      Array.from(document.querySelectorAll('.report-form__reason')).map((e) => e.textContent)
    expect(shown()).toEqual(REASONS_FOR.listing.map((r) => REPORT_REASON_LABELS[r]))
    expect(shown()).toContain('假冒商品')
    rerender(<ReportForm target={{ kind: 'user', id: 'u' }} messages={null} onDone={jest.fn()} />)
    expect(shown()).not.toContain('假冒商品')
    expect(shown()).toContain('骚扰辱骂')
  })

  it('sends nothing without a reason, and asks for words when the reason is 其他', async () => {
    render(<ReportForm target={LISTING} messages={null} onDone={jest.fn()} />)
    click('report-submit')
    expect(screen.getByText('请选择举报理由').id).toBe('report-problem')
    click('report-reason-other')
    expect(document.getElementById('report-problem')).toBeNull()
    type('假的')
    click('report-submit')
    expect(document.getElementById('report-problem')!.textContent).toMatch(/至少 5 个字/)
    await flush()
    expect(api.report.create).not.toHaveBeenCalled()
  })

  it('waits for photos still uploading and refuses failed ones', async () => {
    render(<ReportForm target={LISTING} messages={null} onDone={jest.fn()} />)
    expect(document.getElementById('photo-grid')!.dataset).toMatchObject({
      dir: 'evidence',
      max: '6',
    })
    click('report-reason-counterfeit')
    addPhotos(photo({ status: 'uploading' }))
    click('report-submit')
    expect(screen.getByText('图片还在上传，请稍候')).toBeTruthy()
    act(() => photoUpdate!((list) => list.map((p) => ({ ...p, status: 'error' }))))
    click('report-submit')
    expect(screen.getByText('有图片上传失败，请删除后再提交')).toBeTruthy()
    await flush()
    expect(api.report.create).not.toHaveBeenCalled()
  })

  it('sends the target, the reason, the trimmed words and the uploaded photos', async () => {
    const onDone = jest.fn()
    api.report.create.mockResolvedValue({ id: '01JREPORT00000000000000000', duplicate: false })
    render(<ReportForm target={LISTING} messages={null} onDone={onDone} />)
    click('report-reason-counterfeit')
    type('  logo 歪了，吊牌是打印的  ')
    addPhotos(
      photo({ status: 'done', fileId: 'local://evidence/a.jpg' }),
      photo({ status: 'done', fileId: 'local://evidence/b.jpg' }),
    )
    click('report-submit')
    await flush()
    expect(api.report.create).toHaveBeenCalledWith({
      target: LISTING,
      reason: 'counterfeit',
      text: 'logo 歪了，吊牌是打印的',
      photoFileIds: ['local://evidence/a.jpg', 'local://evidence/b.jpg'],
      messageRefs: [],
    })
    expect(onDone).toHaveBeenCalledWith({ id: '01JREPORT00000000000000000', duplicate: false })
  })

  it('says the server’s refusal on the page', async () => {
    api.report.create.mockRejectedValue(new ServiceError('REPORT.SELF', '不能举报自己'))
    const onDone = jest.fn()
    render(<ReportForm target={LISTING} messages={null} onDone={onDone} />)
    click('report-reason-fraud')
    click('report-submit')
    await flush()
    expect(document.getElementById('report-problem')!.textContent).toBe('不能举报自己')
    expect(onDone).not.toHaveBeenCalled()
  })

  it('attaches chat lines picked from the order’s conversation', async () => {
    api.dispute.chatMessages.mockResolvedValue({
      items: [
        { id: `${CONV}:00000001`, from: 'seller', kind: 'text', text: '加我微信转账', at: 1 },
        { id: `${CONV}:00000002`, from: 'platform', kind: 'order_event', text: '已付款', at: 2 },
        { id: `${CONV}:00000003`, from: 'buyer', kind: 'text', text: '不要，走平台', at: 3 },
      ],
    })
    api.report.create.mockResolvedValue({ id: '01JREPORT00000000000000000', duplicate: false })
    render(<ReportForm target={ORDER} messages={{ orderId: ORDER.id }} onDone={jest.fn()} />)
    await flush()
    expect(api.dispute.chatMessages).toHaveBeenCalledWith(ORDER.id)
    const lines = document.querySelectorAll('.report-form__message')
    expect(Array.from(lines).map((l) => l.textContent)).toEqual([
      '☐卖家：加我微信转账',
      '☐买家：不要，走平台',
    ])
    fireEvent.click(lines[0]!)
    click('report-reason-off_platform')
    click('report-submit')
    await flush()
    expect(api.report.create.mock.calls[0][0].messageRefs).toEqual([`${CONV}:00000001`])
  })

  it('names the lines of a conversation as 我 and 对方, oldest first', async () => {
    api.chat.history.mockResolvedValue({
      items: [
        { id: `${CONV}:00000003`, senderId: 'them', kind: 'text', text: '你先付定金' },
        { id: `${CONV}:00000002`, senderId: session.user.id, kind: 'text', text: '在吗' },
        { id: `${CONV}:00000001`, senderId: null, kind: 'system', text: '系统提示' },
      ],
      nextBeforeSeq: null,
    })
    render(
      <ReportForm
        target={{ kind: 'user', id: 'them' }}
        messages={{ conversationId: CONV, meId: session.user.id }}
        onDone={jest.fn()}
      />,
    )
    await flush()
    expect(api.chat.history).toHaveBeenCalledWith({ conversationId: CONV, limit: 30 })
    expect(
      Array.from(document.querySelectorAll('.report-form__line')).map((l) => l.textContent),
    ).toEqual(['我：在吗', '对方：你先付定金'])
  })
})

describe('ReportPage', () => {
  const submitted = async (duplicate: boolean) => {
    router.params = { kind: 'listing', id: LISTING.id, label: encodeURIComponent('九成新相机') }
    api.report.create.mockResolvedValue({ id: '01JREPORT00000000000000000', duplicate })
    render(<ReportPage />)
    expect(document.getElementById('report-label')!.textContent).toBe('九成新相机')
    click('report-reason-fraud')
    click('report-submit')
    await flush()
    return document.getElementById('report-done-title')!.textContent
  }

  it('ends on 已提交，我们会尽快处理', async () => {
    await expect(submitted(false)).resolves.toBe('已提交，我们会尽快处理')
    click('report-done-mine')
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/package-user/reports/index' })
  })

  it('says 你已举报过 for a second report of the same thing', async () => {
    await expect(submitted(true)).resolves.toBe('你已举报过')
  })

  it('refuses a target it does not know', () => {
    router.params = { kind: 'community', id: 'x' }
    render(<ReportPage />)
    expect(screen.getByText('找不到要举报的内容')).toBeTruthy()
    expect(document.getElementById('report-form')).toBeNull()
  })
})
