import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { ModerationCase } from '@shared/contracts/report.contract'
import { REPORT_REASON_LABELS, RULE_LABELS } from '@shared/domain/report'
import { formatFen } from '@shared/domain/money'
import {
  MESSAGE_FROM_LABELS,
  TARGET_KIND_LABELS,
  accountAgeText,
  caseWhyText,
  dateTimeText,
  decisionText,
  slaText,
} from '../moderation-text'

const preview = (urls: string[], current: string) => void Taro.previewImage({ urls, current })

function Photos({ urls, id }: { urls: string[]; id?: string }) {
  if (urls.length === 0) return null
  return (
    <View className='mod-photos' id={id}>
      {urls.map((u) => (
        <Image
          key={u}
          className='mod-photo'
          src={u}
          mode='aspectFill'
          onClick={() => preview(urls, u)}
        />
      ))}
    </View>
  )
}

/** The case's head: what is reported, its score, how many reported it, the SLA, 已隐藏. */
export function CaseHead({ c, now }: { c: ModerationCase; now: number }) {
  const sla = slaText(c.card.slaDueAt, now)
  return (
    <View className='mod-section' id='case-head' data-status={c.status}>
      <View className='mod-card__head'>
        <Text className='mod-card__title'>
          {TARGET_KIND_LABELS[c.card.target.kind]} · {c.card.targetLabel}
        </Text>
        <Text className='mod-score'>{c.card.score}</Text>
      </View>
      <View className='mod-badges'>
        {c.card.hidden && <Text className='mod-badge is-hidden'>已隐藏</Text>}
        {c.card.appeal && <Text className='mod-badge is-appeal'>申诉中</Text>}
        {c.card.reporters === 0 ? (
          <Text className='mod-badge is-system'>系统标记</Text>
        ) : (
          <Text className='mod-badge'>{c.card.reporters} 人举报</Text>
        )}
        {c.card.riskFlags > 0 && (
          <Text className='mod-badge is-risk'>风险标记 {c.card.riskFlags}</Text>
        )}
        {c.status === 'open' ? (
          <Text className={`mod-badge ${sla.late ? 'is-late' : ''}`}>{sla.text}</Text>
        ) : (
          <Text className='mod-badge is-done'>已处理</Text>
        )}
      </View>
      <Text className='muted' id='case-why'>
        {c.card.reporters === 0 ? caseWhyText(c.card) : `举报理由：${caseWhyText(c.card)}`}
      </Text>
    </View>
  )
}

/** The content as it stands now, and whose it is (who a penalty falls on). */
export function CaseTarget({ c, now }: { c: ModerationCase; now: number }) {
  const t = c.target
  return (
    <View className='mod-section' id='case-target'>
      <Text className='mod-section__heading'>被举报内容</Text>
      <View className='mod-card__head'>
        <Text className='mod-target__title' id='case-target-title'>
          {t.title}
        </Text>
        {t.priceFen !== null && <Text className='mod-target__price'>{formatFen(t.priceFen)}</Text>}
      </View>
      {t.body && <Text className='mod-target__body'>{t.body}</Text>}
      <Photos urls={t.photoUrls} id='case-target-photos' />
      <View className='mod-owner' id='case-owner'>
        <Text>发布者：{t.owner.nickname}</Text>
        <Text className='muted'>
          {t.owner.creditScore !== null ? `信用分 ${t.owner.creditScore}` : '暂无信用分'} ·{' '}
          {accountAgeText(t.owner.createdAt, now)} · 此前违规 {c.priorOffences} 次
        </Text>
      </View>
    </View>
  )
}

/**
 * Every report with its reason, words, photos, chat lines and the reporter's credibility; for a
 * case the risk checks raised with nobody reporting, 系统标记 with what its flags said.
 */
export function CaseReports({ c }: { c: ModerationCase }) {
  if (c.reports.length === 0)
    return (
      <View className='mod-section' id='case-system'>
        <Text className='mod-section__heading'>系统标记</Text>
        <Text className='muted'>此案件由风险检测发起，暂无用户举报。</Text>
        {c.card.flagLabels.map((label) => (
          <Text key={label} className='mod-flag'>
            ⚠ {label}
          </Text>
        ))}
      </View>
    )
  return (
    <View className='mod-section' id='case-reports'>
      <Text className='mod-section__heading'>举报记录（{c.reports.length}）</Text>
      {c.reports.map((r, i) => (
        <View key={r.id} className='mod-report' data-id={r.id}>
          <View className='mod-card__head'>
            <Text className='mod-report__reason'>
              #{i + 1} {REPORT_REASON_LABELS[r.reason]}
            </Text>
            <Text className={`mod-credibility ${r.reporterCredibility < 40 ? 'is-low' : ''}`}>
              举报人可信度 {r.reporterCredibility}
            </Text>
          </View>
          {r.text && <Text className='mod-report__text'>{r.text}</Text>}
          <Photos urls={r.photoUrls} />
          {r.messages.length > 0 && (
            <View className='mod-messages'>
              {r.messages.map((m, k) => (
                <Text key={k} className={`mod-message is-${m.from}`}>
                  {MESSAGE_FROM_LABELS[m.from]}：{m.text}
                </Text>
              ))}
            </View>
          )}
          <Text className='muted mod-report__at'>{dateTimeText(r.createdAt)}</Text>
        </View>
      ))}
    </View>
  )
}

/** Risk flags the content checks raised (price far below reference, reused photo, lexicon hits). */
export function CaseFlags({ c }: { c: ModerationCase }) {
  if (c.flags.length === 0) return null
  return (
    <View className='mod-section' id='case-flags'>
      <Text className='mod-section__heading'>风险标记</Text>
      {c.flags.map((f, i) => (
        <Text key={i} className='mod-flag'>
          ⚠ {f.label} · {f.source} · {dateTimeText(f.at)}
        </Text>
      ))}
    </View>
  )
}

/** The decision taken, who took it, and the appeal against it. */
export function CaseDecision({ d }: { d: NonNullable<ModerationCase['decision']> }) {
  return (
    <View className='mod-section' id='case-decision' data-action={d.action}>
      <Text className='mod-section__heading'>处理结果</Text>
      <Text id='case-decision-what'>{decisionText(d)}</Text>
      {d.rule && <Text className='muted'>规则：{RULE_LABELS[d.rule]}</Text>}
      <Text className='muted'>理由：{d.reason}</Text>
      <Text className='muted'>
        审核员 {d.moderator} · {dateTimeText(d.at)}
      </Text>
      {d.appeal && (
        <View className='mod-appeal' id='case-appeal' data-status={d.appeal.status}>
          <Text className='mod-appeal__title'>
            申诉
            {d.appeal.status === 'pending'
              ? '（待复核）'
              : d.appeal.status === 'upheld'
                ? '（已维持原处理）'
                : '（已撤销处理）'}
          </Text>
          <Text id='case-appeal-text'>{d.appeal.text}</Text>
          {d.appeal.answer && (
            <Text className='muted'>
              复核意见：{d.appeal.answer}
              {d.appeal.moderator ? `（${d.appeal.moderator}）` : ''}
            </Text>
          )}
        </View>
      )}
    </View>
  )
}
