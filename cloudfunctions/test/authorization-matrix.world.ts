import {
  BUYER_ADDRESS,
  SELLER_HOME_ADDRESS,
  SELLER_RETURNS_ADDRESS,
} from '../local/mothers/address.mother'
import { SERVICE_LISTING, XUHUI } from '../local/mothers/listing.mother'
import { aUser, type UserOptions } from '../local/mothers/user.mother'
import { CHECKOUT_PER_BUYER } from '../src/modules/order/domain/order-limits'
import { PUBLISH_PER_SELLER } from '../src/modules/listing/domain/listing.limits'
import { bookableSlots, type PickupSlot } from '@shared/domain/pickup'
import { Orders } from '../src/modules/order/domain/order.record'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { Merchants } from '../src/modules/merchant/domain/merchant.records'
import { OutboxJobs } from '../src/modules/outbox/domain/outbox-job.record'
import { main as chatMain } from '../src/functions/chat'
import { main as offerMain } from '../src/functions/offer'
import { main as reportMain } from '../src/functions/report'
import { main as reviewMain } from '../src/functions/review'
import { main as searchMain } from '../src/functions/search'
import { main as shareMain } from '../src/functions/share'
import { main as socialMain } from '../src/functions/social'
import { FakeWechatShare } from '../src/modules/share/__tests__/fake-wechat-share'
import type { EscrowCloud } from './escrow-harness'

type Envelope = { ok: true; data: any } | { ok: false; error: { code: string; message: string } }

/** The callers of the matrix, in the order its columns are read. */
export const CALLERS = ['anonymous', 'stranger', 'buyer', 'seller', 'operator', 'banned'] as const
export type Who = (typeof CALLERS)[number]
export type Person = Exclude<Who, 'anonymous'>

/** Their sessions: anonymous has none; the others are registered users. */
export const OPENIDS: Record<Who, string | null> = {
  anonymous: null,
  stranger: 'oAuthzStranger000000000001',
  buyer: 'oAuthzBuyer00000000000000001',
  seller: 'oAuthzSeller0000000000000001',
  operator: 'oAuthzOperator00000000000001',
  banned: 'oAuthzBanned0000000000000001',
}

const DAY = 86_400_000

/** Uploads for every registered caller; anonymous and banned callers cannot upload, so they send the stranger's. */
const ownPhotos = async (cloud: {
  uploadPhoto: (openid: string, kind?: 'listing-photos' | 'id-cards') => Promise<string>
}) => {
  const out = {} as World['photos']
  for (const who of ['stranger', 'buyer', 'seller', 'operator'] as const) {
    const openid = OPENIDS[who]!
    out[who] = {
      listing: await cloud.uploadPhoto(openid, 'listing-photos'),
      idCards: [
        await cloud.uploadPhoto(openid, 'id-cards'),
        await cloud.uploadPhoto(openid, 'id-cards'),
      ],
    }
  }
  out.anonymous = out.stranger
  out.banned = out.stranger
  return out
}
// Who reads the fixture addresses: BUYER_ADDRESS (the buyer checks out to it) the seller too, to
// post the parcel; SELLER_HOME_ADDRESS (couriers collect there) only the seller; and
// SELLER_RETURNS_ADDRESS (returns go there) the buyer of a return too.
/** Where another buyer's parcel goes, from that buyer's own book: the buyer's shipping address stays the buyer's secret. */
const OTHER_SHIPPING = { ...BUYER_ADDRESS, phone: '13800138111', detail: '漕溪北路 9 号 9 室' }
/** An entry in the buyer's own address book. */
const BUYER_BOOK = {
  name: '李四',
  phone: '13800138009',
  region: { province: '上海市', city: '上海市', district: '徐汇区' },
  detail: '虹桥路 2 号 3 室',
}
/** The shared draft's title: search for 草稿 must not find it. */
export const DRAFT_TITLE = '只给卖家看的草稿 旧台灯'
/** How far a fixture order is taken, through the real functions. Courier orders only past `paid`; `return_sent` is `returning` with the return parcel on its way. */
export type OrderStage =
  | 'pending_payment'
  | 'paid'
  | 'pickup_booked'
  | 'shipped'
  | 'completed'
  | 'refund_requested'
  | 'returning'
  | 'return_sent'
  | 'disputed'
export type Fulfilment = 'courier' | 'meetup' | 'service'

/** A fixture order; `code` is a meetup's handover code. */
export interface OrderFixture {
  orderId: string
  listingId: string
  code: string | null
}

/** What every row can use without building anything (made once, before the matrix). */
export interface World {
  userId: Record<Person, string>
  /** The seller's active goods listing (courier and meetup), with no order on it. */
  activeListingId: string
  /** The seller's draft: nobody else may see it. */
  draftListingId: string
  /** The seller's service listing: any number of buyers may book it, one order each. */
  serviceListingId: string
  /** The seller's addresses: home (the pickup sender) and returns. */
  sellerHomeId: string
  sellerReturnsId: string
  /** The seller's community, nobody else a member (its invite code is theirs alone). */
  sellerCommunityId: string
  /** An entry in the buyer's address book (for the buyer's return leg). */
  buyerAddressId: string
  /** The entry in the buyer's book the buyer's orders ship to. */
  buyerShippingId: string
  /** Each caller's own uploads (a listing photo, two ID card photos): files must be the caller's. */
  photos: Record<Who, { listing: string; idCards: [string, string] }>
  /** Shared orders between the buyer and the seller, for rows that leave them as they are. */
  orders: {
    pending: OrderFixture
    paid: OrderFixture
    booked: OrderFixture
    disputed: OrderFixture
    completed: OrderFixture
  }
  /** The waybill the completed order was shipped with: no other order may use it. */
  usedWaybillNo: string
  /** A dead letter of the outbox, for 异常任务. */
  deadJobId: string
  /** A pickup window still bookable now. */
  slot: PickupSlot
  /** The seller's listing with one live offer of the buyer's on it, and a floor below it (the seller's secret). */
  offerListingId: string
}

/** How far a fixture offer (议价) is taken: the buyer's price, the seller's counter, or agreed. */
export type OfferStage = 'awaiting_seller' | 'awaiting_buyer' | 'accepted'
/** The floor on the world's offer listing: only the seller may ever see it. */
export const WORLD_FLOOR_FEN = 61_237

/** How far a fixture's reviews are taken: none in, the buyer's in (still blind), or both published. */
export type ReviewStage = 'due' | 'buyer_in' | 'published'

/** Text only some callers may ever receive; an `ok` answer to anyone else containing it is a leak. */
export interface Secret {
  what: string
  text: string
  seenBy: readonly Person[]
}

/** Builds fixtures for one row (fresh, so a successful call cannot spoil another row's object). */
export interface Kit {
  world: World
  /** For a fixture the kit does not make yet: better add it here than build it in a row. */
  cloud: EscrowCloud
  /**
   * A new order taken to `stage`: sold by the seller unless `from` names someone else (the
   * operator, who opens 收款 just for its checkout), bought by the buyer unless `by` does.
   */
  order(
    stage: OrderStage,
    fulfilment?: Fulfilment,
    by?: Person,
    from?: 'seller' | 'operator',
  ): Promise<OrderFixture>
  /** A return parcel handed to 圆通 in 上海 and collected (known to kuaidi100, used by no order), heading to `toCity`. */
  returnParcel(toCity?: string): Promise<{ waybillNo: string }>
  /** A new goods listing of the seller: active, a draft, taken down, or renewable (擦亮 not yet used today). */
  listing(
    status?: 'active' | 'draft' | 'removed' | 'renewable',
    title?: string,
  ): Promise<{ listingId: string }>
  /** A new address in the seller's book. */
  address(): Promise<{ addressId: string }>
  /** A new community of the seller. */
  community(): Promise<{ communityId: string }>
  /** The buyer's new conversation with the seller about a new listing, holding one message of the buyer's. */
  conversation(): Promise<{ conversationId: string }>
  /** The buyer's new offer of ¥500 on a new listing of the seller's, taken to `stage` (the seller counters ¥600). */
  offer(stage?: OfferStage): Promise<{ offerId: string; listingId: string }>
  /**
   * The seller's share of a new listing of theirs, opened by the seller in a new WeChat group: the
   * token, the listing and the group circle's key (the seller its only member).
   */
  share(): Promise<{ token: string; listingId: string; groupKey: string }>
  /**
   * A new completed order of the seller's to the buyer, its reviews taken to `stage`; a blind
   * review's text is the buyer's secret until the seller's is in.
   */
  reviewed(stage?: ReviewStage): Promise<{ orderId: string }>
  /**
   * The buyer's 举报 of a new listing of the seller's: an open case, decided (a warning by a
   * second moderator, so the world's operator may answer the appeal), or appealed by the seller.
   */
  reportCase(
    stage?: 'open' | 'decided' | 'appealed',
  ): Promise<{ caseId: string; decisionId: string }>
  secrets: Secret[]
}

/** Signs the callers up, gives the seller listings, addresses, a community and orders in each shared state. */
export const buildWorld = async (cloud: EscrowCloud): Promise<Kit> => {
  const secrets: Secret[] = []
  const secret = (what: string, text: string, ...seenBy: Person[]) =>
    secrets.push({ what, text, seenBy })
  const userId = {} as Record<Person, string>
  // WeChat's side of sharing (updatable cards, 小程序码, group cloudIDs), in memory.
  const wechatShare = new FakeWechatShare(cloud.clock)
  cloud.container.wechatShare = wechatShare
  const standing: Partial<Record<Person, UserOptions>> = {
    operator: { roles: ['user', 'moderator'] },
    banned: { bannedUntil: cloud.clock.now() + 365 * DAY },
  }
  for (const who of ['stranger', 'buyer', 'seller', 'operator', 'banned'] as const) {
    userId[who] = (await aUser(cloud.container, OPENIDS[who]!, standing[who]))._id
    // No answer ever carries an OPENID, not even the caller's own.
    secret(`${who}'s OPENID`, OPENIDS[who]!)
  }
  await cloud.onboard(userId.seller)

  const seller = OPENIDS.seller!
  let n = 0
  const sellerHomeId = await cloud.saveAddress(seller, SELLER_HOME_ADDRESS)
  const sellerReturnsId = await cloud.saveAddress(seller, SELLER_RETURNS_ADDRESS)
  const buyerBookId = await cloud.saveAddress(OPENIDS.buyer!, BUYER_BOOK)
  const buyerShippingId = await cloud.addressIdOf(OPENIDS.buyer!, BUYER_ADDRESS)
  secret("the seller's home address", SELLER_HOME_ADDRESS.detail, 'seller')
  secret("the seller's home phone", SELLER_HOME_ADDRESS.phone, 'seller')
  secret("the seller's home address id", sellerHomeId, 'seller')
  secret("the seller's return address", SELLER_RETURNS_ADDRESS.detail, 'seller', 'buyer')
  secret("the buyer's address book", BUYER_BOOK.detail, 'buyer')
  secret("the buyer's address id", buyerBookId, 'buyer')
  // The order keeps a copy of the address, never the book entry's id.
  secret("the buyer's shipping address id", buyerShippingId, 'buyer')
  secret("the buyer's shipping address", BUYER_ADDRESS.detail, 'buyer', 'seller')
  secret("the buyer's shipping phone", BUYER_ADDRESS.phone, 'buyer', 'seller')

  // Tomorrow's first window: return parcels move the clock on, and today's window may close meanwhile.
  const slot = (() => {
    const s = bookableSlots(cloud.clock.now()).find((w) => w.day === '明天')!
    return { day: s.day, start: s.start, end: s.end }
  })()
  // Every fixture parcel has its own number: a waybill another order used is ORDER.WAYBILL_REUSED.
  const waybill = () => `SF${String(1_234_567_890_000 + ++n)}`

  const returnParcel: Kit['returnParcel'] = async (toCity = '上海') => {
    const waybillNo = `YT${String(1_234_567_890_000 + ++n)}`
    cloud.kuaidi100!.ship({ company: 'yuantong', waybillNo, fromCity: '上海', toCity })
    await cloud.advance(60_000) // 揽收: now kuaidi100 knows the parcel
    return { waybillNo }
  }

  // The fixtures are far more listings in an hour than a seller may publish (30): the publisher's
  // count is forgotten after each, so the limit is left to the rows, where the seller publishes one.
  const publish = async (over: Record<string, unknown>, by = seller) => {
    const l = await cloud.publish(by, over)
    await cloud.container.limits.reset(
      PUBLISH_PER_SELLER,
      (await cloud.container.store.get(Listings, l.id))!.sellerId,
    )
    return l.id as string
  }

  const listing: Kit['listing'] = async (status = 'active', title = `授权矩阵宝贝 ${++n} 号`) => {
    const id = await publish({ title, publish: status !== 'draft' })
    if (status === 'removed') await cloud.listing(seller, 'takeDown', { id })
    // Published today counts as 擦亮 today: the fixture was bumped yesterday instead.
    if (status === 'renewable')
      await cloud.container.store.update(Listings, id, { bumpedAt: cloud.clock.now() - DAY })
    return { listingId: id }
  }

  // A buyer holds at most 3 unpaid orders (ORDER.TOO_MANY_UNPAID). Before a fixture's checkout the
  // buyer cancels those that checkout rows left behind, as a buyer would; unpaid fixtures stay.
  const keepUnpaid = new Set<string>()
  const cancelLeftovers = async (who: Person) => {
    const unpaid = await cloud.container.store.find(
      Orders,
      { buyerId: userId[who], state: 'pending_payment' },
      { limit: 20 },
    )
    for (const o of unpaid.items)
      if (!keepUnpaid.has(o._id)) await cloud.mustOrder(OPENIDS[who]!, 'cancel', { orderId: o._id })
  }

  // The operator's 收款 is whatever the merchant rows made of it: a finished 进件 stands in for it
  // during one checkout only (which copies the sub-merchant onto the order), then it is put back.
  const withPaymentsOpen = async <T>(who: Person, run: () => Promise<T>): Promise<T> => {
    const store = cloud.container.store
    const prior = await store.get(Merchants, userId[who])
    if (prior) await store.remove(Merchants, userId[who])
    await cloud.onboard(userId[who])
    try {
      return await run()
    } finally {
      await store.remove(Merchants, userId[who])
      if (prior) await store.insert(Merchants, prior)
    }
  }

  const order: Kit['order'] = async (
    stage,
    fulfilment = 'courier',
    by = 'buyer',
    from = 'seller',
  ) => {
    if (fulfilment !== 'courier' && !['pending_payment', 'paid'].includes(stage))
      throw new Error(`fixture: a ${fulfilment} order stops at paid`)
    // The seller's home and return addresses are the seller's: another seller's order never reaches them.
    if (from !== 'seller' && ['pickup_booked', 'returning', 'return_sent'].includes(stage))
      throw new Error(`fixture: only the seller's orders reach ${stage}`)
    const buyer = OPENIDS[by]!
    const sells = OPENIDS[from]!
    // Another buyer's parcel goes to an address of their own book: the buyer's stays the buyer's secret.
    const addressId = await cloud.addressIdOf(
      buyer,
      by === 'buyer' ? BUYER_ADDRESS : OTHER_SHIPPING,
    )
    const item =
      fulfilment === 'service'
        ? { ...SERVICE_LISTING, title: `授权矩阵家教 ${++n} 号` }
        : { title: `授权矩阵订单 ${++n} 号`, priceFen: 10_000 }
    const listingId = await publish(item, sells)
    const checkout = { listingId, fulfilment, ...(fulfilment === 'courier' ? { addressId } : {}) }
    await cancelLeftovers(by)
    // Fixtures open more orders than a buyer may in an hour: the count is forgotten after each.
    const placeOrder = async () => {
      const order = await cloud.mustOrder(buyer, 'checkout', checkout)
      await cloud.container.limits.reset(
        CHECKOUT_PER_BUYER,
        (await cloud.container.store.get(Orders, order.id))!.buyerId,
      )
      return order.id as string
    }
    const orderId =
      from === 'seller' ? await placeOrder() : await withPaymentsOpen(from, placeOrder)
    if (stage === 'pending_payment') keepUnpaid.add(orderId)
    secret('an order id', orderId, by, from, 'operator')
    const steps: Record<Exclude<OrderStage, 'pending_payment'>, () => Promise<unknown>> = {
      paid: () => cloud.buyerPays(orderId),
      pickup_booked: () =>
        cloud.mustOrder(sells, 'bookPickup', {
          orderId,
          addressId: sellerHomeId,
          company: 'shunfeng',
          slot,
        }),
      shipped: () => cloud.mustOrder(sells, 'ship', { orderId, waybillNo: waybill() }),
      completed: () => cloud.mustOrder(buyer, 'confirm', { orderId }),
      refund_requested: () =>
        cloud.mustOrder(buyer, 'requestRefund', {
          orderId,
          type: 'return',
          reason: '与描述不符，有划痕',
        }),
      returning: () =>
        cloud.mustOrder(sells, 'answerRefund', {
          orderId,
          answer: 'agree',
          returnAddressId: sellerReturnsId,
        }),
      return_sent: async () =>
        cloud.mustOrder(buyer, 'shipReturn', { orderId, ...(await returnParcel()) }),
      disputed: () =>
        cloud.mustOrder(sells, 'answerRefund', {
          orderId,
          answer: 'refuse',
          note: '发货时完好无损',
        }),
    }
    const path: Record<OrderStage, (keyof typeof steps)[]> = {
      pending_payment: [],
      paid: ['paid'],
      pickup_booked: ['paid', 'pickup_booked'],
      shipped: ['paid', 'shipped'],
      completed: ['paid', 'shipped', 'completed'],
      refund_requested: ['paid', 'shipped', 'refund_requested'],
      returning: ['paid', 'shipped', 'refund_requested', 'returning'],
      return_sent: ['paid', 'shipped', 'refund_requested', 'returning', 'return_sent'],
      disputed: ['paid', 'shipped', 'refund_requested', 'disputed'],
    }
    for (const step of path[stage]) await steps[step]()
    const record = (await cloud.container.store.get(Orders, orderId))!
    const code = fulfilment === 'meetup' ? record.handoverCode : null
    // The handover code is the buyer's proof of receipt: the seller must get it from the buyer at the meeting.
    if (code) secret('a handover code', JSON.stringify(code), by)
    return { orderId, listingId, code }
  }

  const address: Kit['address'] = async () => ({
    addressId: await cloud.saveAddress(seller, {
      ...SELLER_RETURNS_ADDRESS,
      detail: `幸福路 ${++n} 号`,
    }),
  })

  const createCommunity = async () => {
    const input = {
      name: `矩阵小区${++n}号`,
      type: 'residential',
      location: { ...XUHUI, latitude: XUHUI.latitude + n * 0.0005 },
    }
    const res = (await socialMain(
      { action: 'createCommunity', input },
      cloud.contextFor(seller),
    )) as Envelope
    if (!res.ok)
      throw new Error(`fixture: createCommunity failed: ${res.error.code} ${res.error.message}`)
    return { communityId: res.data.id as string, inviteCode: res.data.inviteCode as string }
  }
  const community: Kit['community'] = async () => ({
    communityId: (await createCommunity()).communityId,
  })

  const mustChat = async (openid: string, action: string, input: unknown) => {
    const res = (await chatMain({ action, input }, cloud.contextFor(openid))) as Envelope
    if (!res.ok)
      throw new Error(`fixture: chat.${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const conversation: Kit['conversation'] = async () => {
    const { listingId } = await listing()
    const conversationId = (await mustChat(OPENIDS.buyer!, 'open', { listingId })).id as string
    // A block row leaves the two blocked in every conversation they share: each lifts theirs first.
    for (const who of ['buyer', 'seller'] as const)
      await mustChat(OPENIDS[who]!, 'unblock', { conversationId })
    const text = `矩阵私聊 ${++n} 号：能便宜点吗`
    await mustChat(OPENIDS.buyer!, 'send', {
      conversationId,
      clientMsgId: `matrix-chat-${n}`,
      kind: 'text',
      text,
    })
    // What the two said is theirs (and an operator's, reading for a report).
    secret('a chat message', text, 'buyer', 'seller', 'operator')
    return { conversationId }
  }

  const mustOffer = async (openid: string, action: string, input: unknown) => {
    const res = (await offerMain({ action, input }, cloud.contextFor(openid))) as Envelope
    if (!res.ok)
      throw new Error(`fixture: offer.${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const offer: Kit['offer'] = async (stage = 'awaiting_seller') => {
    const { listingId } = await listing()
    const offerId = (await mustOffer(OPENIDS.buyer!, 'make', { listingId, priceFen: 50_000 }))
      .id as string
    if (stage !== 'awaiting_seller')
      await mustOffer(seller, 'counter', { offerId, priceFen: 60_000 })
    if (stage === 'accepted') await mustOffer(OPENIDS.buyer!, 'accept', { offerId })
    // An offer is its two parties' business: not even an operator sees it.
    secret('an offer id', offerId, 'buyer', 'seller')
    return { offerId, listingId }
  }
  const mustReview = async (openid: string, action: string, input: unknown) => {
    const res = (await reviewMain({ action, input }, cloud.contextFor(openid))) as Envelope
    if (!res.ok)
      throw new Error(`fixture: review.${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const reviewed: Kit['reviewed'] = async (stage = 'due') => {
    const { orderId } = await order('completed')
    if (stage === 'due') return { orderId }
    const text = `矩阵评价 ${++n} 号：包装很用心`
    await mustReview(OPENIDS.buyer!, 'submit', { orderId, stars: 5, tags: ['包装好'], text })
    if (stage === 'buyer_in') secret('a review still blind', text, 'buyer')
    else await mustReview(seller, 'submit', { orderId, stars: 4, tags: ['守时'] })
    return { orderId }
  }

  const { listingId: offerListingId } = await offer()
  await mustOffer(seller, 'setFloor', { listingId: offerListingId, floorFen: WORLD_FLOOR_FEN })
  // The floor is the seller's: a buyer learns only that a price was too low.
  secret("the seller's floor", `:${WORLD_FLOOR_FEN}`, 'seller')

  const { communityId: sellerCommunityId, inviteCode } = await createCommunity()
  secret("the seller's community invite code", JSON.stringify(inviteCode), 'seller')
  // Something in the seller's search history, so the history tells callers apart.
  await searchMain(
    { action: 'query', input: { city: '上海', keyword: '耳机' } },
    cloud.contextFor(seller),
  )

  const activeListingId = (await listing()).listingId
  const draftListingId = (await listing('draft', DRAFT_TITLE)).listingId
  secret('the draft listing id', draftListingId, 'seller')
  secret('the draft listing title', DRAFT_TITLE, 'seller')
  const serviceListingId = await publish(SERVICE_LISTING)
  const orders = {
    pending: await order('pending_payment'),
    paid: await order('paid'),
    booked: await order('pickup_booked'),
    disputed: await order('disputed'),
    completed: await order('completed'),
  }
  // A job refused for good: the paid order's first job, marked failed as the worker would.
  const job = (
    await cloud.container.store.find(OutboxJobs, { orderId: orders.paid.orderId }, { limit: 1 })
  ).items[0]
  if (!job) throw new Error('fixture: the paid order queued no outbox job')
  await cloud.container.store.update(OutboxJobs, job._id, {
    status: 'failed',
    lastError: 'authorization-matrix fixture',
    version: job.version + 1,
  })

  const world: World = {
    userId,
    activeListingId,
    draftListingId,
    serviceListingId,
    sellerHomeId,
    sellerReturnsId,
    sellerCommunityId,
    buyerAddressId: buyerBookId,
    buyerShippingId,
    photos: await ownPhotos(cloud),
    orders,
    usedWaybillNo: (await cloud.container.store.get(Orders, orders.completed.orderId))!.shipment!
      .waybillNo,
    deadJobId: job._id,
    slot,
    offerListingId,
  }
  const mustShare = async (action: string, input: unknown) => {
    const res = (await shareMain({ action, input }, cloud.contextFor(seller))) as Envelope
    if (!res.ok)
      throw new Error(`fixture: share.${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const share: Kit['share'] = async () => {
    const { listingId } = await listing()
    const { token } = await mustShare('create', { kind: 'listing', targetId: listingId })
    const openGId = `tGmatrixGroup${++n}`
    // The WeChat group's id never reaches anyone, its members included.
    secret("a group's openGId", openGId)
    const groupCloudId = wechatShare.issueCloudId(seller, openGId)
    const { group } = await mustShare('open', { token, via: 'card', groupCloudId })
    return { token, listingId, groupKey: group.groupKey as string }
  }

  const mustReport = async (openid: string, action: string, input: unknown) => {
    const res = (await reportMain({ action, input }, cloud.contextFor(openid))) as Envelope
    if (!res.ok)
      throw new Error(`fixture: report.${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const SECOND_MODERATOR = 'oAuthzModerator0000000000002'
  await aUser(cloud.container, SECOND_MODERATOR, { roles: ['user', 'moderator'] })
  // One 举报 of the seller's, so that whose 我的举报 an answer lists can be told apart.
  await mustReport(seller, 'create', {
    target: { kind: 'user', id: userId.stranger },
    reason: 'spam',
    text: '',
  })
  const reportCase: Kit['reportCase'] = async (stage = 'open') => {
    const { listingId } = await listing()
    const text = `矩阵举报 ${++n} 号：疑似假货`
    await mustReport(OPENIDS.buyer!, 'create', {
      target: { kind: 'listing', id: listingId },
      reason: 'counterfeit',
      text,
    })
    // Who reported what is the reporter's and the moderators' alone.
    secret('a report', text, 'buyer', 'operator')
    const queue = await mustReport(OPENIDS.operator!, 'queue', { limit: 50 })
    const caseId = queue.items.find((c: { target: { id: string } }) => c.target.id === listingId)
      .caseId as string
    if (stage === 'open') return { caseId, decisionId: '' }
    const decided = await mustReport(SECOND_MODERATOR, 'decide', {
      caseId,
      action: 'warn',
      rule: 'R3-counterfeit',
      reason: '疑似假货，警告一次',
    })
    const decisionId = decided.decision.id as string
    if (stage === 'appealed')
      await mustReport(seller, 'appeal', { decisionId, text: '是正品，有购买凭证' })
    return { caseId, decisionId }
  }

  return {
    world,
    cloud,
    reportCase,
    order,
    returnParcel,
    listing,
    address,
    community,
    conversation,
    offer,
    share,
    reviewed,
    secrets,
  }
}
