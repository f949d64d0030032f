import { RISK_CATEGORIES } from '@shared/domain/content-risk'
import type { ContentFlagRecord, ListingRisk } from '../../risk'

/** What each listing-risk rule means, for the moderator. */
export const LISTING_RISK_LABELS: Record<ListingRisk, string> = {
  price: '价格远低于同品牌参考价（疑似假货）',
  'photo-reuse': '图片与其他卖家的宝贝相同（疑似盗图）',
  'new-account': '新账号短时间内发布多件高价宝贝',
}

/** Where a flag came from, for the moderator. */
const SOURCE_LABELS: Record<ContentFlagRecord['source'], string> = {
  lexicon: '敏感词',
  'wechat-text': '微信内容安全',
  'wechat-image': '微信图片检测',
  'listing-risk': '宝贝风险',
}

/** One line a moderator reads for a flag: the rule, the lexicon's categories or WeChat's label. */
export const flagLabel = (
  f: Pick<ContentFlagRecord, 'risk' | 'hits' | 'wechat' | 'source' | 'kind'>,
) => {
  if (f.risk) return LISTING_RISK_LABELS[f.risk]
  const categories = [...new Set(f.hits.map((h) => RISK_CATEGORIES[h.category]))]
  if (categories.length) return `${SOURCE_LABELS[f.source]}：${categories.join('、')}`
  if (f.wechat)
    return f.kind === 'image'
      ? `${SOURCE_LABELS['wechat-image']}：${f.wechat.suggest === 'risky' ? '图片违规已隐藏' : '图片待复核'}（${f.wechat.label}）`
      : `${SOURCE_LABELS['wechat-text']} ${f.wechat.label}`
  return SOURCE_LABELS[f.source]
}
