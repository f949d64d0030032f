/**
 * 审核 with Taro, NutUI and the services replaced by plain stand-ins: the decision form opens on
 * the ladder's step and the most reported reason's rule, says what is missing before sending,
 * sends only what the chosen action uses, asks again before a 封禁, and the appeal's 复核 says
 * plainly when the moderator who decided tries to answer it.
 */
import type { ReactNode } from 'react'
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { ModerationCase } from '@shared/contracts/report.contract'
import { HOUR, MINUTE } from '@shared/domain/time'
import { ServiceError } from '@/services/service-error'

const api = { report: { decide: jest.fn(), answerAppeal: jest.fn() } }
const showModal = jest.fn()
const reportError = jest.fn()
const toast = jest.fn()

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { showModal: (o: unknown) => showModal(o), previewImage: jest.fn() },
}))
type P = { children?: ReactNode; id?: string; className?: string; onClick?: () => void }
jest.mock('@tarojs/components', () => ({
  View: ({ children, id, className, onClick, ...rest }: P & Record<string, unknown>) => (
    <div
      id={id}
      className={className}
      onClick={onClick}
      data-action={rest['data-action'] as string}
    >
      {children}
    </div>
  ),
  Text: ({ children, id, className, onClick }: P) => (
    <span id={id} className={className} onClick={onClick}>
      {children}
    </span>
  ),
  Image: () => <img />,
}))
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, id, onClick }: P) => (
    <button id={id} onClick={onClick}>
      {children}
    </button>
  ),
  Input: ({ value, onChange }: { value: string; onChange: (v: string) => void }) => (
    <input value={value} onChange={(e) => onChange(e.target.value)} />
  ),
  TextArea: ({ value, onChange }: { value: string; onChange: (v: string) => void }) => (
    <textarea value={value} onChange={(e) => onChange(e.target.value)} />
  ),
}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Button/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Input/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/TextArea/style/css', () => ({}))
jest.mock('@/services', () => ({
  get api() {
    return api
  },
  isServiceError: (e: unknown) => e instanceof ServiceError,
}))
jest.mock('@/utils/feedback', () => ({
  reportError: (...a: unknown[]) => reportError(...a),
  toast: (...a: unknown[]) => toast(...a),
}))

import { DecisionForm } from '../case/decision-form'
import { AppealAnswer } from '../case/appeal-answer'
import { CaseHead, CaseReports } from '../case/case-view'
import { caseWhyText, slaText } from '../moderation-text'

const CASE_ID = '01JCASE0000000000000000000'
const NOW = 1_780_000_000_000

const moderationCase = (over: Partial<ModerationCase> = {}): ModerationCase => ({
  card: {
    caseId: CASE_ID,
    target: { kind: 'listing', id: '01JLISTING0000000000000000' },
    targetLabel: '全新名牌包',
    score: 72,
    reasons: ['counterfeit', 'fraud'],
    reporters: 3,
    riskFlags: 1,
    flagLabels: [],
    hidden: true,
    openedAt: NOW - HOUR,
    slaDueAt: NOW + 3 * HOUR,
    appeal: false,
  },
  status: 'open',
  target: {
    title: '全新名牌包',
    body: '专柜正品',
    photoUrls: [],
    priceFen: 19_900,
    owner: { id: '01JOWNER000000000000000000', nickname: '阿杰', creditScore: 610, createdAt: 0 },
  },
  reports: [],
  flags: [],
  priorOffences: 1,
  suggested: { action: 'restrict', days: 7 },
  decision: null,
  ...over,
})

const flush = () => act(() => new Promise((r) => setTimeout(r, 0)))
const click = (id: string) => fireEvent.click(document.getElementById(id)!)
const isOn = (id: string) => document.getElementById(id)!.className.includes('is-on')
const reason = (text: string) =>
  fireEvent.change(document.querySelector('#decision-reason textarea')!, {
    target: { value: text },
  })
const days = () => document.querySelector<HTMLInputElement>('#decision-days input')!

beforeEach(() => jest.resetAllMocks())

describe('DecisionForm', () => {
  it('opens on the ladder’s step and the rule of the most reported reason', () => {
    render(<DecisionForm c={moderationCase()} onDone={jest.fn()} />)
    expect(document.getElementById('decision-suggested')!.textContent).toBe(
      '此前违规 1 次，按处罚阶梯建议：限制功能 7 天',
    )
    expect(document.getElementById('decision-form')!.dataset.action).toBe('restrict')
    expect(isOn('decision-action-restrict')).toBe(true)
    expect(isOn('decision-restriction-publish')).toBe(true)
    expect(isOn('decision-restriction-chat')).toBe(false)
    expect(days().value).toBe('7')
    expect(isOn('decision-rule-R3-counterfeit')).toBe(true)
  })

  it('says what is missing and sends nothing', async () => {
    render(<DecisionForm c={moderationCase()} onDone={jest.fn()} />)
    click('decision-submit')
    expect(document.getElementById('decision-problem')!.textContent).toMatch(/处理理由/)
    reason('图片盗用专柜宣传图')
    click('decision-restriction-publish')
    click('decision-submit')
    expect(screen.getByText('请选择要限制的功能')).toBeTruthy()
    click('decision-restriction-withdraw')
    fireEvent.change(days(), { target: { value: '0' } })
    click('decision-submit')
    expect(screen.getByText('请填写天数（1–365）')).toBeTruthy()
    await flush()
    expect(api.report.decide).not.toHaveBeenCalled()
  })

  it('sends a 限制 with its functions, days, rule and reason, and hands back the decided case', async () => {
    const decided = moderationCase({ status: 'decided' })
    api.report.decide.mockResolvedValue(decided)
    const onDone = jest.fn()
    render(<DecisionForm c={moderationCase()} onDone={onDone} />)
    click('decision-restriction-chat')
    fireEvent.change(days(), { target: { value: '14' } })
    reason('  多名买家举报为仿品，图片盗用  ')
    click('decision-submit')
    await flush()
    expect(showModal).not.toHaveBeenCalled()
    expect(api.report.decide).toHaveBeenCalledWith({
      caseId: CASE_ID,
      action: 'restrict',
      restrictions: ['publish', 'chat'],
      days: 14,
      rule: 'R3-counterfeit',
      reason: '多名买家举报为仿品，图片盗用',
    })
    expect(onDone).toHaveBeenCalledWith(decided)
  })

  it('sends a 驳回 without rule, days or restrictions', async () => {
    api.report.decide.mockResolvedValue(moderationCase({ status: 'decided' }))
    render(<DecisionForm c={moderationCase()} onDone={jest.fn()} />)
    click('decision-action-dismiss')
    expect(document.getElementById('decision-days')).toBeNull()
    expect(document.getElementById('decision-rule-R1-fraud')).toBeNull()
    reason('核实为正品，有购买凭证')
    click('decision-submit')
    await flush()
    expect(api.report.decide).toHaveBeenCalledWith({
      caseId: CASE_ID,
      action: 'dismiss',
      restrictions: [],
      days: null,
      rule: null,
      reason: '核实为正品，有购买凭证',
    })
  })

  it('asks again before a 封禁, and sends nothing when the moderator cancels', async () => {
    api.report.decide.mockResolvedValue(moderationCase({ status: 'decided' }))
    render(<DecisionForm c={moderationCase()} onDone={jest.fn()} />)
    click('decision-action-suspend')
    expect(days().value).toBe('7')
    reason('屡次售假')
    showModal.mockResolvedValue({ confirm: false })
    click('decision-submit')
    await flush()
    expect(showModal.mock.calls[0][0].content).toBe('阿杰 的账号将被封禁 7 天')
    expect(api.report.decide).not.toHaveBeenCalled()
    showModal.mockResolvedValue({ confirm: true })
    click('decision-submit')
    await flush()
    expect(api.report.decide).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'suspend', days: 7, restrictions: [] }),
    )
  })

  it('says the server’s refusal on the form', async () => {
    api.report.decide.mockRejectedValue(
      new ServiceError('MODERATION.CASE_CLOSED', '这个案件已处理'),
    )
    const onDone = jest.fn()
    render(<DecisionForm c={moderationCase()} onDone={onDone} />)
    reason('仿品')
    click('decision-submit')
    await flush()
    expect(document.getElementById('decision-problem')!.textContent).toBe('这个案件已处理')
    expect(onDone).not.toHaveBeenCalled()
  })
})

describe('AppealAnswer', () => {
  const appealed = moderationCase({ status: 'decided' })

  it('asks for 维持 or 撤销 and an answer, then sends them', async () => {
    api.report.answerAppeal.mockResolvedValue(appealed)
    const onDone = jest.fn()
    render(<AppealAnswer c={appealed} onDone={onDone} />)
    click('appeal-answer-submit')
    expect(screen.getByText('请选择维持或撤销原处理')).toBeTruthy()
    click('appeal-outcome-overturned')
    fireEvent.change(document.querySelector('textarea')!, {
      target: { value: '卖家补充了购买凭证，撤销' },
    })
    click('appeal-answer-submit')
    await flush()
    expect(api.report.answerAppeal).toHaveBeenCalledWith({
      caseId: CASE_ID,
      outcome: 'overturned',
      answer: '卖家补充了购买凭证，撤销',
    })
    expect(onDone).toHaveBeenCalledWith(appealed)
  })

  it('says plainly that the moderator who decided may not answer the appeal', async () => {
    api.report.answerAppeal.mockRejectedValue(
      new ServiceError('MODERATION.SAME_MODERATOR', '申诉须由另一位审核员处理'),
    )
    const onDone = jest.fn()
    render(<AppealAnswer c={appealed} onDone={onDone} />)
    click('appeal-outcome-upheld')
    fireEvent.change(document.querySelector('textarea')!, { target: { value: '维持' } })
    click('appeal-answer-submit')
    await flush()
    expect(document.getElementById('appeal-answer-problem')!.textContent).toBe(
      '你是这个案件的原处理人，申诉须由另一位审核员复核',
    )
    expect(onDone).not.toHaveBeenCalled()
  })
})

describe('a case the risk checks raised (系统标记)', () => {
  const system = moderationCase({
    card: {
      ...moderationCase().card,
      reasons: [],
      reporters: 0,
      hidden: false,
      flagLabels: ['价格远低于同品牌参考价（疑似假货）', '敏感词：假冒'],
    },
    reports: [],
  })

  it('shows 系统标记 with the flags instead of reporters and an empty reports list', () => {
    render(
      <>
        <CaseHead c={system} now={NOW} />
        <CaseReports c={system} />
      </>,
    )
    expect(screen.getAllByText('系统标记')).toHaveLength(2)
    expect(screen.queryByText(/人举报/)).toBeNull()
    expect(document.getElementById('case-why')!.textContent).toBe(
      '系统标记：价格远低于同品牌参考价（疑似假货）、敏感词：假冒',
    )
    expect(document.getElementById('case-reports')).toBeNull()
    const flags = document.querySelectorAll('#case-system .mod-flag')
    expect(Array.from(flags, (f) => f.textContent)).toEqual([
      '⚠ 价格远低于同品牌参考价（疑似假货）',
      '⚠ 敏感词：假冒',
    ])
  })

  it('keeps the reasons and the reports once a person reports it too', () => {
    const reported = { ...system.card, reporters: 1, reasons: ['counterfeit' as const] }
    expect(caseWhyText(reported)).toBe('假冒商品')
    expect(caseWhyText(system.card)).toMatch(/^系统标记：/)
    render(<CaseHead c={{ ...system, card: reported }} now={NOW} />)
    expect(screen.getByText('1 人举报')).toBeTruthy()
    expect(document.getElementById('case-why')!.textContent).toBe('举报理由：假冒商品')
  })
})

describe('slaText', () => {
  it('counts down, then counts how late', () => {
    expect(slaText(NOW + 3 * HOUR + 20 * MINUTE, NOW)).toEqual({
      text: '剩 3 小时 20 分',
      late: false,
    })
    expect(slaText(NOW + 30 * 1000, NOW)).toEqual({ text: '剩 1 分钟', late: false })
    expect(slaText(NOW - 2 * HOUR, NOW)).toEqual({ text: '已超时 2 小时', late: true })
    expect(slaText(NOW + 50 * HOUR, NOW)).toEqual({ text: '剩 2 天 2 小时', late: false })
  })
})
