import { DAY } from '@shared/domain/time'
import { appealProblem, penaltyActive, penaltyText, reportProblem } from '../report-text'

const NOW = 1_780_000_000_000
const at = (ms: number) => {
  const d = new Date(ms)
  const p2 = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}`
}

describe('penaltyText', () => {
  it('says what a penalty stops and until when', () => {
    expect(penaltyText({ action: 'warn', restrictions: [], until: null })).toBe('警告')
    expect(
      penaltyText({ action: 'restrict', restrictions: ['publish', 'chat'], until: NOW + 7 * DAY }),
    ).toBe(`限制功能：禁止发布、禁止聊天，至 ${at(NOW + 7 * DAY)}`)
    expect(penaltyText({ action: 'suspend', restrictions: [], until: NOW + DAY })).toBe(
      `账号封禁，至 ${at(NOW + DAY)}`,
    )
    expect(penaltyText({ action: 'ban', restrictions: [], until: null })).toBe('永久封禁')
  })
})

describe('penaltyActive', () => {
  it('runs until its end; a ban always; an overturned one never', () => {
    const appeal = { status: 'overturned' as const, text: 't', answer: 'a', at: NOW }
    expect(penaltyActive({ action: 'restrict', until: NOW + 1, appeal: null }, NOW)).toBe(true)
    expect(penaltyActive({ action: 'restrict', until: NOW, appeal: null }, NOW)).toBe(false)
    expect(penaltyActive({ action: 'warn', until: null, appeal: null }, NOW)).toBe(false)
    expect(penaltyActive({ action: 'ban', until: null, appeal: null }, NOW)).toBe(true)
    expect(penaltyActive({ action: 'ban', until: null, appeal }, NOW)).toBe(false)
  })
})

describe('reportProblem and appealProblem', () => {
  const draft = { reason: 'spam' as const, text: '', photos: [], messageRefs: [] }
  it('accepts a reason alone, and counts what the server limits', () => {
    expect(reportProblem(draft)).toBeNull()
    expect(reportProblem({ ...draft, text: 'x'.repeat(501) })).toBe('说明最多 500 字')
    expect(reportProblem({ ...draft, messageRefs: Array(11).fill('m') })).toBe(
      '最多选 10 条聊天记录',
    )
  })
  it('asks an appeal for five characters at least', () => {
    expect(appealProblem('  不服  ')).toMatch(/至少 5 个字/)
    expect(appealProblem('我有购买凭证，是正品')).toBeNull()
  })
})
