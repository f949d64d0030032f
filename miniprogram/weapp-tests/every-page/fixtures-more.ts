/**
 * Contract-shaped answers for the pages the first tests did not open (orders, chat, moderation,
 * wallet …), in the style of harness/fixtures.ts: readable words a row can look for on screen.
 */
import type { AddressSummary } from '@shared/contracts/address.contract'
import type { Order, OrderCard } from '@shared/contracts/order.contract'
import { IDS, NOW, listingCard, me } from '../harness/fixtures'

const DAY = 24 * 3600 * 1000

/** More ids (Crockford base32, 26 characters) for the stories of these pages. */
export const MORE_IDS = {
  order: '01JQ8Z0000000000000000RD06',
  address: '01JQ8Z0000000000000000AD07',
  conversation: '01JQ8Z0000000000000000CV08',
  caseId: '01JQ8Z0000000000000000CA09',
  report: '01JQ8Z0000000000000000RP10',
  decision: '01JQ8Z0000000000000000DE11',
  offer: '01JQ8Z0000000000000000F012',
  juryCase: '01JQ8Z0000000000000000JY13',
  message: '01JQ8Z0000000000000000MS14',
} as const

export const publicMe = { id: IDS.me, nickname: me().nickname, avatarUrl: null, creditBadge: null }
export const publicSeller = {
  id: IDS.seller,
  nickname: '卖相机的老陈',
  avatarUrl: null,
  creditBadge: '信用极好',
}

export const address = (over: Partial<AddressSummary> = {}): AddressSummary => ({
  id: MORE_IDS.address,
  name: '王小明',
  phone: '13800138000',
  region: { province: '上海市', city: '上海市', district: '徐汇区' },
  regionText: '上海市 徐汇区',
  detail: '漕溪北路 88 号 3 栋 502',
  tag: '家',
  isDefault: true,
  version: 1,
  updatedAt: NOW - DAY,
  ...over,
})

/** A paid courier order the viewer bought: 索尼耳机 from 老陈, waiting for the seller to ship. */
export const order = (over: Partial<Order> = {}): Order => ({
  id: MORE_IDS.order,
  listingId: IDS.listing,
  title: '索尼WH-1000XM4降噪耳机',
  coverUrl: 'https://example.test/a.jpg',
  buyer: publicMe,
  seller: publicSeller,
  role: 'buyer',
  fulfilment: 'courier',
  state: 'paid',
  priceFen: 95000,
  offerId: null,
  shippingFen: 1200,
  totalFen: 96200,
  commissionFen: 950,
  sellerReceivesFen: 94050,
  address: {
    name: '王小明',
    phone: '13800138000',
    region: '上海市 徐汇区',
    detail: '漕溪北路 88 号',
  },
  handoverCode: null,
  handoverTriesLeft: null,
  shipment: null,
  pickup: null,
  refund: null,
  compensationCapFen: null,
  deadline: null,
  actions: [],
  money: {
    paidFen: 96200,
    inEscrowFen: 96200,
    releasedFen: 0,
    refundedFen: 0,
    compensatedFen: 0,
    settling: false,
  },
  events: [{ transition: 'checkout', at: NOW - DAY, actor: 'buyer', note: null }],
  createdAt: NOW - DAY,
  payBy: NOW - DAY + 30 * 60 * 1000,
  ...over,
})

export const orderCard = (over: Partial<OrderCard> = {}): OrderCard => {
  const o = order()
  return {
    id: o.id,
    listingId: o.listingId,
    title: o.title,
    coverUrl: o.coverUrl,
    role: o.role,
    fulfilment: o.fulfilment,
    state: o.state,
    totalFen: o.totalFen,
    createdAt: o.createdAt,
    actions: o.actions,
    counterpart: publicSeller,
    ...over,
  }
}

export const cards = (...titles: string[]) => ({
  items: titles.map((title, i) =>
    listingCard({ title, id: `01JQ8Z00000000000000000${String(i).padStart(3, '0')}` }),
  ),
  nextCursor: null,
})

export const chatListing = {
  id: IDS.listing,
  title: '索尼WH-1000XM4降噪耳机',
  priceFen: 95000,
  status: 'active' as const,
  thumbnailUrl: 'https://example.test/a.jpg',
}

/** The viewer (buyer) asking 老陈 about the 索尼 headphones. */
export const conversation = (over: Record<string, unknown> = {}) => ({
  id: `${IDS.listing}:${IDS.me}`,
  role: 'buyer' as const,
  other: publicSeller,
  listing: chatListing,
  lastSeq: 2,
  lastMessage: { kind: 'text' as const, text: '耳机还在吗？周末可以面交', at: NOW - 3600 * 1000 },
  unread: 1,
  myReadSeq: 1,
  otherReadSeq: 1,
  blocked: false,
  blockedByMe: false,
  updatedAt: NOW - 3600 * 1000,
  ...over,
})

export const chatMessage = (seq: number, text: string, senderId: string) => ({
  id: `${String(seq).padStart(8, '0')}`,
  conversationId: `${IDS.listing}:${IDS.me}`,
  seq,
  senderId,
  kind: 'text' as const,
  text,
  image: null,
  orderId: null,
  offerId: null,
  card: null,
  clientMsgId: null,
  at: NOW - (10 - seq) * 60 * 1000,
  offPlatform: false,
})
