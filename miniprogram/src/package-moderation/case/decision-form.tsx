import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import '@nutui/nutui-react-taro/dist/esm/TextArea/style/css'
import type { ModerationCase } from '@shared/contracts/report.contract'
import {
  DECISION_ACTIONS,
  DECISION_LABELS,
  RESTRICTIONS,
  RESTRICTION_LABELS,
  RULES,
  RULE_LABELS,
} from '@shared/domain/report'
import { api, isServiceError } from '@/services'
import { reportError, toast } from '@/utils/feedback'
import {
  type DecisionDraft,
  decideInput,
  decisionProblem,
  initialDecision,
  suggestionText,
  takesDays,
} from '../moderation-text'

/** Decisions that shut the owner out: asked again in a modal, as anything irreversible is. */
const CONFIRMED = new Set(['suspend', 'ban'])

/**
 * 处理决定: the action (the ladder's step pre-selected), what a 限制 covers, for how many days,
 * the rule broken and the reason the owner will read. Problems are said next to the button; the
 * answer is the decided case.
 */
export function DecisionForm({
  c,
  onDone,
}: {
  c: ModerationCase
  onDone: (after: ModerationCase) => void
}) {
  const [d, setDraft] = useState<DecisionDraft>(() => initialDecision(c))
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<DecisionDraft>) => {
    setDraft((x) => ({ ...x, ...patch }))
    setProblem(null)
  }

  const submit = async () => {
    if (busy) return
    const why = decisionProblem(d)
    setProblem(why)
    if (why) return
    if (CONFIRMED.has(d.action)) {
      const r = await Taro.showModal({
        title: `确认${DECISION_LABELS[d.action]}？`,
        content:
          d.action === 'ban'
            ? `${c.target.owner.nickname} 的账号将被永久封禁，宝贝下架、聊天关闭、结算暂停`
            : `${c.target.owner.nickname} 的账号将被封禁 ${d.days} 天`,
        confirmText: '确认',
        confirmColor: '#fa2c19',
      })
      if (!r.confirm) return
    }
    setBusy(true)
    try {
      const after = await api.report.decide(decideInput(c.card.caseId, d))
      toast('已处理', 'success')
      onDone(after)
    } catch (e) {
      if (isServiceError(e)) setProblem(e.message)
      reportError(e, '提交失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  const chip = (id: string, label: string, on: boolean, onClick: () => void) => (
    <Text key={id} id={id} className={`mod-chip ${on ? 'is-on' : ''}`} onClick={onClick}>
      {label}
    </Text>
  )

  return (
    <View className='mod-section' id='decision-form' data-action={d.action}>
      <Text className='mod-section__heading'>处理决定</Text>
      <Text className='muted' id='decision-suggested'>
        此前违规 {c.priorOffences} 次，按处罚阶梯建议：{suggestionText(c.suggested)}
      </Text>
      <View className='mod-chips'>
        {DECISION_ACTIONS.map((a) =>
          chip(`decision-action-${a}`, DECISION_LABELS[a], d.action === a, () =>
            set({
              action: a,
              restrictions:
                a === 'restrict' && d.restrictions.length === 0 ? ['publish'] : d.restrictions,
              days:
                takesDays(a) && !d.days
                  ? String(a === c.suggested.action && c.suggested.days ? c.suggested.days : 7)
                  : d.days,
            }),
          ),
        )}
      </View>
      {d.action === 'restrict' && (
        <View className='mod-field'>
          <Text className='mod-field__label'>限制的功能</Text>
          <View className='mod-chips'>
            {RESTRICTIONS.map((r) =>
              chip(
                `decision-restriction-${r}`,
                RESTRICTION_LABELS[r],
                d.restrictions.includes(r),
                () =>
                  set({
                    restrictions: d.restrictions.includes(r)
                      ? d.restrictions.filter((x) => x !== r)
                      : [...d.restrictions, r],
                  }),
              ),
            )}
          </View>
        </View>
      )}
      {takesDays(d.action) && (
        <View className='mod-field' id='decision-days'>
          <Text className='mod-field__label'>天数</Text>
          <Input
            type='number'
            placeholder='1–365'
            value={d.days}
            onChange={(v) => set({ days: v })}
          />
        </View>
      )}
      {d.action !== 'dismiss' && (
        <View className='mod-field'>
          <Text className='mod-field__label'>违反的规则</Text>
          <View className='mod-chips'>
            {RULES.map((r) =>
              chip(`decision-rule-${r}`, RULE_LABELS[r], d.rule === r, () => set({ rule: r })),
            )}
          </View>
        </View>
      )}
      <View className='mod-field' id='decision-reason'>
        <Text className='mod-field__label'>
          {d.action === 'dismiss' ? '驳回理由（举报人可见）' : '处理理由（被处理人可见）'}
        </Text>
        <TextArea
          placeholder='写明核实到的事实，例如：图片与描述不符，多名买家举报'
          value={d.reason}
          maxLength={500}
          showCount
          onChange={(v) => set({ reason: v })}
        />
      </View>
      {problem && (
        <Text className='mod-problem' id='decision-problem'>
          {problem}
        </Text>
      )}
      <Button id='decision-submit' type='primary' block loading={busy} onClick={submit}>
        提交：{DECISION_LABELS[d.action]}
      </Button>
    </View>
  )
}
