/**
 * The score in plain Chinese: each factor's label and a sentence on why it gives what it gives,
 * the next steps that would raise it most, and each event's line in the history.
 */

import { formatFen } from '@shared/domain/money'
import type { CreditEventFacts } from './credit-event'
import { WEIGHTS } from './credit-formula'
import type { CreditBreakdown, CreditFactorKey } from './credit-score'

export const FACTOR_LABELS: Record<CreditFactorKey, string> = {
  identity: '实名与收款',
  age: '账号时长',
  selling: '卖出成交',
  buying: '买入成交',
  ratings: '收到的评价',
  disputes: '纠纷',
  cancellations: '卖家取消',
  lateShipments: '发货超时',
  chat: '聊天回复',
  penalties: '违规处罚',
}

const one = (x: number) => Math.round(x * 10) / 10

export const explainFactor = (key: CreditFactorKey, b: CreditBreakdown): string => {
  const t = b.totals
  switch (key) {
    case 'identity':
      return t.onboarded
        ? '已通过微信支付实名并开通收款'
        : t.verified
          ? '已实名，开通收款后还可加分'
          : '尚未实名，开通收款时完成微信支付实名即可加分'
    case 'age':
      return `注册 ${t.ageDays} 天，满两年得满分`
    case 'selling':
      return `近期有效卖出约 ${one(t.effectiveSold)} 笔（越近越多越好；同一买家的重复成交、小额订单和关系圈内的成交计得少）`
    case 'buying':
      return `近期有效买入约 ${one(t.effectiveBought)} 笔`
    case 'ratings':
      return t.ratingWeight < 0.05
        ? '还没有计入的评价，按平均水平计'
        : `评价加权平均 ${t.bayesianStars.toFixed(2)} 星（评价越多越接近你的真实水平，少量评价不会大起大落）`
    case 'disputes':
      return t.disputes > 0.01
        ? `近期判你承担责任的纠纷约 ${one(t.disputes)} 起，每起扣 ${WEIGHTS.disputePoints} 分，随时间减半`
        : '没有判你承担责任的纠纷'
    case 'cancellations':
      return t.cancels > 0.01
        ? `近期因未发货被取消的订单约 ${one(t.cancels)} 笔`
        : '没有因你未发货而取消的订单'
    case 'lateShipments':
      return t.late > 0.01 ? `近期付款后超过 48 小时才发货约 ${one(t.late)} 次` : '发货及时'
    case 'chat':
      return '买家咨询的回复情况，回复越及时越好'
    case 'penalties':
      return b.points.penalties < -0.5 ? '因违规受到的处罚，随时间减半' : '没有违规处罚'
  }
}

/** The steps that would help most, in the order they would. */
export const waysToImprove = (b: CreditBreakdown): string[] => {
  const t = b.totals
  const tips: string[] = []
  if (!t.onboarded) tips.push('在「我的 › 开通收款」完成微信支付实名与收款开通')
  if (t.disputes > 0.01)
    tips.push('与买家充分沟通、如实描述商品，避免纠纷；纠纷的影响每 180 天减半')
  if (t.late > 0.01 || t.cancels > 0.01)
    tips.push('付款后 48 小时内发货或约好面交，不要让订单超时取消')
  if (t.effectiveSold < 10) tips.push('通过担保交易卖出闲置，和不同的买家成交更能提升信用')
  if (t.ratingWeight < 10 || t.bayesianStars < 4.8)
    tips.push('完成交易后邀请对方评价，描述相符、发货快会带来好评')
  if (t.effectiveBought < 5) tips.push('在邻圈用担保交易购买，按时确认收货')
  if (b.points.chat < WEIGHTS.chatPoints / 2) tips.push('及时回复买家的咨询')
  if (t.ageDays < WEIGHTS.ageFullDays) tips.push('保持良好记录，账号时长也会慢慢加分')
  return tips.slice(0, 5)
}

/** An event's line in its owner's history. */
export const eventLabel = (e: CreditEventFacts): string => {
  const amount = e.amountFen ? ` · ${formatFen(e.amountFen)}` : ''
  switch (e.kind) {
    case 'trade_sold':
      return `完成一笔卖出${amount}`
    case 'trade_bought':
      return `完成一笔买入${amount}`
    case 'review_received':
      return `收到 ${e.stars} 星评价`
    case 'dispute_lost':
      return (e.share ?? 1) < 1 ? '纠纷判定部分由你承担' : '纠纷判定由你承担'
    case 'seller_cancel':
      return '订单因未按时发货被取消'
    case 'late_shipment':
      return '付款后超过 48 小时发货'
    case 'identity_verified':
      return '完成微信支付实名'
    case 'seller_onboarded':
      return '开通收款'
    case 'chat_replies':
      return `回复咨询 ${e.answered ?? 0}/${e.asked ?? 0}`
    case 'penalty':
      if ((e.points ?? 0) < 0) return e.reason ? `处罚撤销：${e.reason}` : '处罚经申诉撤销'
      return e.reason ? `违规处罚：${e.reason}` : '违规处罚'
  }
}
