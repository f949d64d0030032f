/**
 * The listing quality score: the seller playbook as numbers and hints. Pure, so the publish form
 * shows it live while the server stores the same figure.
 */

export interface QualityInput {
  kind: 'goods' | 'service'
  title: string
  description: string
  photoCount: number
  condition: string | null
  originalPriceFen: number | null
  hasVideo?: boolean
}

export interface QualityReport {
  /** 0–100. */
  score: number
  /** Concrete things to do, most valuable first. Empty when there is nothing to add. */
  hints: string[]
}

// Model numbers, sizes and capacities in a title (iPhone 13, 128G, 42码, XL) are what buyers search for.
const SPEC_IN_TITLE = /[A-Za-z]{2,}|\d+\s*(g|gb|t|tb|寸|码|cm|ml|mm|岁|代|w|mah)?/i
// Words that tell a buyer what "used" means for this item.
const WEAR_DETAILS =
  /(划痕|磕碰|瑕疵|掉漆|磨损|污渍|电池|保修|发票|配件|包装|拆封|使用|成新|维修|功能)/
const SERVICE_DETAILS = /(经验|资质|证书|时间|时长|上门|范围|包含|不含|材料|预约)/

export const assessQuality = (q: QualityInput): QualityReport => {
  const parts: { points: number; max: number; hint?: string }[] = []
  const add = (points: number, max: number, hint?: string) => parts.push({ points, max, hint })

  const photos = q.photoCount
  if (photos >= 6) add(30, 30)
  else if (photos >= 3) add(22, 30, '再加几张细节图（瑕疵、配件、铭牌），6 张以上更容易卖出')
  else add(photos * 7, 30, '至少上传 3 张照片：正面、背面和细节')

  const title = q.title.trim()
  if (title.length >= 8 && SPEC_IN_TITLE.test(title)) add(20, 20)
  else if (title.length >= 8)
    add(14, 20, '标题里写上品牌型号或规格（如 iPhone 13 128G），买家常这样搜索')
  else add(6, 20, '标题太短：写清品牌、型号和成色，8 个字以上')

  const desc = q.description.trim()
  // Chinese is dense: 60 characters already tell when it was bought, how it was used and how to trade.
  if (desc.length >= 60) add(25, 25)
  else if (desc.length >= 20)
    add(17, 25, '描述再详细些：购买时间、使用情况、交易方式，60 字以上最好')
  else add(6, 25, '描述太少：说说为什么卖、用了多久、有无瑕疵')

  const details = q.kind === 'service' ? SERVICE_DETAILS : WEAR_DETAILS
  if (details.test(desc)) add(15, 15)
  else if (q.kind === 'service') add(0, 15, '写明服务包含什么、时长和你的经验或资质')
  else if (q.condition === 'new') add(10, 15, '全新宝贝写上是否拆封、有无发票或保修')
  else add(0, 15, '成色说明不够：写出划痕、磨损、电池或功能情况，减少纠纷')

  if (q.kind === 'goods' && q.originalPriceFen === null)
    add(5, 10, '填写原价，买家更容易判断是否划算')
  else add(10, 10)

  const points = parts.reduce((s, p) => s + p.points, 0)
  const max = parts.reduce((s, p) => s + p.max, 0)
  const hints = parts
    .filter((p) => p.hint)
    .sort((a, b) => b.max - b.points - (a.max - a.points))
    .map((p) => p.hint!)
  return { score: Math.round((points / max) * 100), hints }
}
