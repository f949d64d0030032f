/**
 * The authorization matrix: every action of every contract × every caller, and what that caller
 * must get. authorization-matrix.int.test.ts runs each cell through the function's real `main`,
 * and fails on an action with no row and on a row whose action is gone.
 *
 * Adding an action? Add its row:
 * - `action: '<function>.<action>'`; a second row of the same action takes a `case`.
 * - `given: (k) => k.order('shipped')` (optional) builds the row's own object; needed whenever
 *   success changes it. Read-only rows may use the shared world (x.orders.paid, x.sellerHomeId…).
 * - `input: (x, who) => …` is the valid input the allowed caller sends; everyone sends the same.
 * - `expect`: a preset below (OWN, ANYONE, SELLER_STEP…) or `user({ stranger, buyer, seller,
 *   operator })`, which fills anonymous (UNAUTHENTICATED) and banned (USER.BANNED).
 * Refusals run before successes, so one fresh object serves the row. Write the secure outcome,
 * not what the code happens to answer: a failing cell is a finding.
 */
import type { ErrorCode } from '@shared/errors/error-codes'
import { OPENIDS, type Kit, type Person, type Who, type World } from './authorization-matrix.world'
import { XUHUI } from './fixtures'

/** What a cell expects: success, an authorization refusal, or the business refusal that caller really gets. */
export type Outcome =
  | 'ok'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | Exclude<ErrorCode, 'COMMON.UNAUTHENTICATED' | 'COMMON.FORBIDDEN' | 'COMMON.NOT_FOUND'>
export type Cells = Record<Who, Outcome>
type Parties = Record<Exclude<Person, 'banned'>, Outcome>

export interface Row<G extends object = object> {
  /** `function.action`, e.g. 'order.ship'. */
  action: string
  /** For a second row of the same action: what it looks at that the first does not. */
  case?: string
  /** The row's own object, built fresh before its cells; merged into `x` for `input`. */
  given?: (kit: Kit) => Promise<G>
  input: (x: World & G, who: Who) => unknown
  expect: Cells
}

/** Keeps each row's `given` and `input` typed together. */
const row = <G extends object = object>(r: Row<G>): Row => r as unknown as Row

/** An `auth: 'user'` action: anonymous callers must sign in, banned users are refused, the rest as given. */
export const user = (parties: Parties): Cells => ({
  anonymous: 'UNAUTHENTICATED',
  ...parties,
  banned: 'USER.BANNED',
})
/**
 * An 'account' action: signed in, and reachable by a suspended or banned user too (what was
 * decided against them and its appeal); `banned` says what they get.
 */
const account = (parties: Parties, banned: Cells['banned']): Cells => ({
  anonymous: 'UNAUTHENTICATED',
  ...parties,
  banned,
})
/** A public action: anyone, signed in or not (banned users may still browse). */
const ANYONE: Cells = {
  anonymous: 'ok',
  stranger: 'ok',
  buyer: 'ok',
  seller: 'ok',
  operator: 'ok',
  banned: 'ok',
}
/** The caller's own things (their list, profile, book): every registered caller gets their own. */
const OWN = user({ stranger: 'ok', buyer: 'ok', seller: 'ok', operator: 'ok' })
/** Something of the seller's that nobody else may know exists. */
const SELLERS_SECRET = user({
  stranger: 'NOT_FOUND',
  buyer: 'NOT_FOUND',
  seller: 'ok',
  operator: 'NOT_FOUND',
})
/** A listing others can see but only its seller may change. */
const SELLERS_LISTING = user({
  stranger: 'FORBIDDEN',
  buyer: 'FORBIDDEN',
  seller: 'ok',
  operator: 'FORBIDDEN',
})
/** An order the parties and operators may read; strangers are told it does not exist. */
const ORDER_READ = user({ stranger: 'NOT_FOUND', buyer: 'ok', seller: 'ok', operator: 'ok' })
/** A step of the order process that is the seller's alone. */
const SELLER_STEP = user({
  stranger: 'NOT_FOUND',
  buyer: 'FORBIDDEN',
  seller: 'ok',
  operator: 'FORBIDDEN',
})
/** A step of the order process that is the buyer's alone. */
const BUYER_STEP = user({
  stranger: 'NOT_FOUND',
  buyer: 'ok',
  seller: 'FORBIDDEN',
  operator: 'FORBIDDEN',
})
/** An operator's decision on an order. */
const OPERATOR_STEP = user({
  stranger: 'NOT_FOUND',
  buyer: 'FORBIDDEN',
  seller: 'FORBIDDEN',
  operator: 'ok',
})
/** An operator's decision on an order the operator bought: a party may not take it (and `buyer` is no party here). */
const OPERATOR_BOUGHT_IT = user({
  stranger: 'NOT_FOUND',
  buyer: 'NOT_FOUND',
  seller: 'FORBIDDEN',
  operator: 'FORBIDDEN',
})
/** An operator's decision on an order the operator sold: the buyer is a party, the seller (not an operator) a stranger. */
const OPERATOR_SOLD_IT = user({
  stranger: 'NOT_FOUND',
  buyer: 'FORBIDDEN',
  seller: 'NOT_FOUND',
  operator: 'FORBIDDEN',
})
/** Operator tools that are about no one order. */
const OPERATORS_ONLY = user({
  stranger: 'FORBIDDEN',
  buyer: 'FORBIDDEN',
  seller: 'FORBIDDEN',
  operator: 'ok',
})
/** A group circle the seller is the only known member of: everyone else is told there is none. */
const GROUP_MEMBERS = user({
  stranger: 'SHARE.GROUP_NOT_FOUND',
  buyer: 'SHARE.GROUP_NOT_FOUND',
  seller: 'ok',
  operator: 'SHARE.GROUP_NOT_FOUND',
})
/** A conversation its two parties and operators (for a report) may read; strangers are told it does not exist. */
const CHAT_READ = user({ stranger: 'NOT_FOUND', buyer: 'ok', seller: 'ok', operator: 'ok' })
/** Writing to a conversation (post, read, block): its two parties only; an operator only reads. */
const CHAT_WRITE = user({
  stranger: 'NOT_FOUND',
  buyer: 'ok',
  seller: 'ok',
  operator: 'FORBIDDEN',
})
/** An offer's move that is the seller's turn: the buyer waits, nobody else knows the offer exists. */
const OFFER_SELLERS_TURN = user({
  stranger: 'NOT_FOUND',
  buyer: 'OFFER.WRONG_STATE',
  seller: 'ok',
  operator: 'NOT_FOUND',
})
/** An offer's move that is the buyer's turn (answering the seller's counter). */
const OFFER_BUYERS_TURN = user({
  stranger: 'NOT_FOUND',
  buyer: 'ok',
  seller: 'OFFER.WRONG_STATE',
  operator: 'NOT_FOUND',
})
/** A move on an offer that is never the seller's (withdrawing it). */
const OFFER_BUYERS_ALONE = user({
  stranger: 'NOT_FOUND',
  buyer: 'ok',
  seller: 'FORBIDDEN',
  operator: 'NOT_FOUND',
})
/** An order's reviews: its buyer and seller; strangers and operators are told the order does not exist. */
const REVIEW_PARTIES = user({
  stranger: 'NOT_FOUND',
  buyer: 'ok',
  seller: 'ok',
  operator: 'NOT_FOUND',
})
/** A dispute step of the order's two parties: operators decide through order.resolve instead. */
const DISPUTE_PARTIES = user({
  stranger: 'NOT_FOUND',
  buyer: 'ok',
  seller: 'ok',
  operator: 'FORBIDDEN',
})
/** A jury case: only the jurors drawn for it know it exists. */
const NOT_A_JUROR = user({
  stranger: 'NOT_FOUND',
  buyer: 'NOT_FOUND',
  seller: 'NOT_FOUND',
  operator: 'NOT_FOUND',
})
/** 上门取件 on the seller's leg: only the parties are asked; the buyer has no parcel to send yet. */
const SELLERS_PICKUP = user({
  stranger: 'NOT_FOUND',
  buyer: 'ORDER.WRONG_STATE',
  seller: 'ok',
  operator: 'NOT_FOUND',
})

const goods = (x: World, who: Who = 'seller') => ({
  title: '矩阵测试 蓝牙音箱',
  description: '用了半年，音质很好，无磕碰，送充电线。',
  priceFen: 19_900,
  category: 'digital',
  condition: 'like_new',
  trade: { shipping: { payer: 'seller' }, meetup: true, pickup: false },
  photoFileIds: [x.photos[who].listing],
  location: XUHUI,
})
const newAddress = {
  name: '张三',
  phone: '13700137000',
  region: { province: '上海市', city: '上海市', district: '静安区' },
  detail: '南京西路 1 号 101 室',
}
const point = { latitude: XUHUI.latitude, longitude: XUHUI.longitude }

export const ROWS: Row[] = [
  // ---- address: a user's own book; anyone else's address is indistinguishable from none
  row({ action: 'address.list', input: () => ({}), expect: OWN }),
  row({ action: 'address.get', input: (x) => ({ id: x.sellerHomeId }), expect: SELLERS_SECRET }),
  row({ action: 'address.create', input: () => newAddress, expect: OWN }),
  row({
    action: 'address.update',
    given: (k) => k.address(),
    input: (x) => ({ ...newAddress, id: x.addressId, expectedVersion: 1 }),
    expect: SELLERS_SECRET,
  }),
  row({
    action: 'address.remove',
    given: (k) => k.address(),
    input: (x) => ({ id: x.addressId }),
    expect: SELLERS_SECRET,
  }),
  row({
    action: 'address.setDefault',
    given: (k) => k.address(),
    input: (x) => ({ id: x.addressId }),
    expect: SELLERS_SECRET,
  }),

  // ---- listing
  row({ action: 'listing.create', input: (x, who) => goods(x, who), expect: OWN }),
  row({
    action: 'listing.update',
    given: (k) => k.listing(),
    input: (x) => ({ id: x.listingId, expectedVersion: 1, patch: { priceFen: 8_800 } }),
    expect: SELLERS_LISTING,
  }),
  row({
    action: 'listing.publish',
    given: (k) => k.listing('draft'),
    input: (x) => ({ id: x.listingId }),
    expect: SELLERS_LISTING,
  }),
  row({
    action: 'listing.takeDown',
    given: (k) => k.listing(),
    input: (x) => ({ id: x.listingId }),
    expect: SELLERS_LISTING,
  }),
  row({
    action: 'listing.relist',
    given: (k) => k.listing('removed'),
    input: (x) => ({ id: x.listingId }),
    expect: SELLERS_LISTING,
  }),
  row({
    action: 'listing.markSold',
    given: (k) => k.listing(),
    input: (x) => ({ id: x.listingId }),
    expect: SELLERS_LISTING,
  }),
  row({
    action: 'listing.renew',
    given: (k) => k.listing('renewable'),
    input: (x) => ({ id: x.listingId }),
    expect: SELLERS_LISTING,
  }),
  row({ action: 'listing.get', input: (x) => ({ id: x.activeListingId }), expect: ANYONE }),
  row({
    action: 'listing.get',
    case: 'a draft is its seller’s alone',
    input: (x) => ({ id: x.draftListingId }),
    expect: {
      anonymous: 'NOT_FOUND',
      stranger: 'NOT_FOUND',
      buyer: 'NOT_FOUND',
      seller: 'ok',
      operator: 'NOT_FOUND',
      banned: 'NOT_FOUND',
    },
  }),
  row({ action: 'listing.feed', input: () => ({ city: '上海' }), expect: ANYONE }),
  row({ action: 'listing.mine', input: () => ({}), expect: OWN }),
  row({
    action: 'listing.bySeller',
    input: (x) => ({ sellerId: x.userId.seller }),
    expect: ANYONE,
  }),
  row({
    action: 'listing.priceReference',
    input: () => ({ city: '上海', category: 'digital' }),
    expect: ANYONE,
  }),

  // ---- chat: a conversation per listing and buyer, for its two parties (operators read)
  row({
    action: 'chat.open',
    input: (x) => ({ listingId: x.activeListingId }),
    expect: user({
      stranger: 'ok',
      buyer: 'ok',
      seller: 'CHAT.CANNOT_CHAT_SELF',
      operator: 'ok',
    }),
  }),
  row({ action: 'chat.list', input: () => ({}), expect: OWN }),
  // Keyed by the caller: anyone else's listing id answers an empty page, never their rows.
  row({
    action: 'chat.listings',
    input: (x) => ({ listingId: x.activeListingId }),
    expect: OWN,
  }),
  row({ action: 'chat.unreadTotal', input: () => ({}), expect: OWN }),
  row({
    action: 'chat.get',
    given: (k) => k.conversation(),
    input: (x) => ({ conversationId: x.conversationId }),
    expect: CHAT_READ,
  }),
  row({
    action: 'chat.history',
    given: (k) => k.conversation(),
    input: (x) => ({ conversationId: x.conversationId }),
    expect: CHAT_READ,
  }),
  row({
    action: 'chat.since',
    given: (k) => k.conversation(),
    input: (x) => ({ conversationId: x.conversationId, afterSeq: 0 }),
    expect: CHAT_READ,
  }),
  row({
    action: 'chat.send',
    given: (k) => k.conversation(),
    input: (x, who) => ({
      conversationId: x.conversationId,
      clientMsgId: `matrix-send-${who}`,
      kind: 'text',
      text: '还在吗',
    }),
    expect: CHAT_WRITE,
  }),
  row({
    action: 'chat.markRead',
    given: (k) => k.conversation(),
    input: (x) => ({ conversationId: x.conversationId, seq: 1 }),
    expect: CHAT_WRITE,
  }),
  row({
    action: 'chat.block',
    given: (k) => k.conversation(),
    input: (x) => ({ conversationId: x.conversationId }),
    expect: CHAT_WRITE,
  }),
  row({
    action: 'chat.unblock',
    given: (k) => k.conversation(),
    input: (x) => ({ conversationId: x.conversationId }),
    expect: CHAT_WRITE,
  }),

  // ---- offer (议价): its buyer and seller only, each on their own turn; the floor is the seller's
  row({
    action: 'offer.make',
    given: (k) => k.listing(),
    input: (x) => ({ listingId: x.listingId, priceFen: 50_000 }),
    expect: user({ stranger: 'ok', buyer: 'ok', seller: 'OFFER.OWN_LISTING', operator: 'ok' }),
  }),
  row({
    action: 'offer.accept',
    given: (k) => k.offer('awaiting_seller'),
    input: (x) => ({ offerId: x.offerId }),
    expect: OFFER_SELLERS_TURN,
  }),
  row({
    action: 'offer.accept',
    case: "the seller's counter",
    given: (k) => k.offer('awaiting_buyer'),
    input: (x) => ({ offerId: x.offerId }),
    expect: OFFER_BUYERS_TURN,
  }),
  row({
    action: 'offer.decline',
    given: (k) => k.offer('awaiting_seller'),
    input: (x) => ({ offerId: x.offerId }),
    expect: OFFER_SELLERS_TURN,
  }),
  row({
    action: 'offer.decline',
    case: "the seller's counter",
    given: (k) => k.offer('awaiting_buyer'),
    input: (x) => ({ offerId: x.offerId }),
    expect: OFFER_BUYERS_TURN,
  }),
  row({
    action: 'offer.counter',
    given: (k) => k.offer('awaiting_seller'),
    input: (x) => ({ offerId: x.offerId, priceFen: 55_000 }),
    expect: OFFER_SELLERS_TURN,
  }),
  row({
    action: 'offer.counter',
    case: "the buyer's answer to a counter",
    given: (k) => k.offer('awaiting_buyer'),
    input: (x) => ({ offerId: x.offerId, priceFen: 55_000 }),
    expect: OFFER_BUYERS_TURN,
  }),
  row({
    action: 'offer.withdraw',
    given: (k) => k.offer('awaiting_seller'),
    input: (x) => ({ offerId: x.offerId }),
    expect: OFFER_BUYERS_ALONE,
  }),
  row({
    action: 'offer.get',
    given: (k) => k.offer('awaiting_seller'),
    input: (x) => ({ offerId: x.offerId }),
    expect: user({ stranger: 'NOT_FOUND', buyer: 'ok', seller: 'ok', operator: 'NOT_FOUND' }),
  }),
  // Everyone may ask; each sees only their own offers, the seller all of them (never the floor).
  row({
    action: 'offer.forListing',
    input: (x) => ({ listingId: x.offerListingId }),
    expect: OWN,
  }),
  row({
    action: 'offer.setFloor',
    given: (k) => k.listing(),
    input: (x) => ({ listingId: x.listingId, floorFen: 61_237 }),
    expect: SELLERS_LISTING,
  }),

  // ---- review: an order's two parties only (operators are no party); published reviews are public
  row({
    action: 'review.submit',
    given: (k) => k.reviewed('due'),
    input: (x) => ({ orderId: x.orderId, stars: 5, text: '交易顺利' }),
    expect: REVIEW_PARTIES,
  }),
  row({
    action: 'review.submit',
    case: 'an order not completed yet',
    input: (x) => ({ orderId: x.orders.paid.orderId, stars: 5 }),
    expect: user({
      stranger: 'NOT_FOUND',
      buyer: 'REVIEW.NOT_REVIEWABLE',
      seller: 'REVIEW.NOT_REVIEWABLE',
      operator: 'NOT_FOUND',
    }),
  }),
  row({
    action: 'review.followUp',
    given: (k) => k.reviewed('published'),
    input: (x) => ({ orderId: x.orderId, text: '用了一阵子，依然满意' }),
    expect: REVIEW_PARTIES,
  }),
  row({
    action: 'review.reply',
    given: (k) => k.reviewed('published'),
    input: (x) => ({ orderId: x.orderId, text: '谢谢，合作愉快' }),
    expect: REVIEW_PARTIES,
  }),
  // The buyer's review is in and blind: the seller learns that it is in, never what it says.
  row({
    action: 'review.forOrder',
    given: (k) => k.reviewed('buyer_in'),
    input: (x) => ({ orderId: x.orderId }),
    expect: REVIEW_PARTIES,
  }),
  row({ action: 'review.mine', input: () => ({ box: 'given' }), expect: OWN }),
  row({ action: 'review.forUser', input: (x) => ({ userId: x.userId.seller }), expect: ANYONE }),

  // ---- dispute: the order's parties act, operators read (they decide through order.resolve);
  // jury cases exist only for the jurors drawn for them, and none of these callers was drawn.
  row({
    action: 'dispute.get',
    given: (k) => k.order('disputed'),
    input: (x) => ({ orderId: x.orderId }),
    expect: ORDER_READ,
  }),
  row({
    action: 'dispute.chatMessages',
    given: (k) => k.order('disputed'),
    input: (x) => ({ orderId: x.orderId }),
    expect: DISPUTE_PARTIES,
  }),
  row({
    action: 'dispute.submitEvidence',
    given: (k) => k.order('disputed'),
    input: (x) => ({ orderId: x.orderId, text: '发货前拍过视频' }),
    expect: DISPUTE_PARTIES,
  }),
  row({
    action: 'dispute.propose',
    given: (k) => k.order('disputed'),
    input: (x) => ({ orderId: x.orderId, kind: 'refund' }),
    expect: DISPUTE_PARTIES,
  }),
  row({
    action: 'dispute.answer',
    given: (k) => k.order('disputed'),
    input: (x) => ({ orderId: x.orderId, proposalId: '1-1', accept: true }),
    expect: user({
      stranger: 'NOT_FOUND',
      buyer: 'DISPUTE.PROPOSAL_STALE',
      seller: 'DISPUTE.PROPOSAL_STALE',
      operator: 'FORBIDDEN',
    }),
  }),
  row({
    action: 'dispute.escalate',
    given: (k) => k.order('disputed'),
    input: (x) => ({ orderId: x.orderId }),
    expect: user({
      stranger: 'NOT_FOUND',
      buyer: 'DISPUTE.WRONG_STAGE',
      seller: 'DISPUTE.WRONG_STAGE',
      operator: 'FORBIDDEN',
    }),
  }),
  row({ action: 'dispute.jurorCases', input: () => ({}), expect: OWN }),
  row({
    action: 'dispute.juryCase',
    input: () => ({ caseId: '01J00000000000000000000000' }),
    expect: NOT_A_JUROR,
  }),
  row({
    action: 'dispute.vote',
    input: () => ({
      caseId: '01J00000000000000000000000',
      side: 'buyer',
      reason: '买家的证据更可信',
    }),
    expect: NOT_A_JUROR,
  }),

  // ---- credit: the caller's own score and evidence; the public view is anyone's
  row({ action: 'credit.mine', input: () => ({}), expect: OWN }),
  row({ action: 'credit.forUser', input: (x) => ({ userId: x.userId.seller }), expect: ANYONE }),
  row({ action: 'credit.evidence', input: () => ({}), expect: OWN }),

  // ---- merchant: 开通收款 and the wallet, always the caller's own
  row({ action: 'merchant.status', input: () => ({}), expect: OWN }),
  row({
    action: 'merchant.submit',
    input: (x, who) => ({
      idCardName: '张小三',
      idCardNumber: '110101199003070011',
      idCardValidBegin: '2020-01-01',
      idCardValidEnd: '2040-01-01',
      idCardFrontFileId: x.photos[who].idCards[0],
      idCardBackFileId: x.photos[who].idCards[1],
      mobile: '13812341234',
      accountBank: '招商银行',
      bankAddressCode: '310000',
      accountNumber: '6225880000001234',
    }),
    expect: user({
      stranger: 'ok',
      buyer: 'ok',
      seller: 'MERCHANT.ALREADY_ONBOARDED',
      operator: 'ok',
    }),
  }),
  row({ action: 'merchant.refresh', input: () => ({}), expect: OWN }),
  row({ action: 'merchant.wallet', input: () => ({}), expect: OWN }),
  row({ action: 'merchant.guaranteeFund', input: () => ({}), expect: OPERATORS_ONLY }),
  row({
    action: 'merchant.withdraw',
    input: () => ({ amountFen: 100, requestKey: 'authzMatrix0001' }),
    expect: user({
      stranger: 'MERCHANT.NOT_ONBOARDED',
      buyer: 'MERCHANT.NOT_ONBOARDED',
      seller: 'ok',
      operator: 'MERCHANT.NOT_ONBOARDED',
    }),
  }),

  // ---- order: the parties, each their own steps; operators decide disputes
  row({ action: 'order.terms', input: () => ({}), expect: ANYONE }),
  row({ action: 'order.messageTemplates', input: () => ({}), expect: ANYONE }),
  row({
    action: 'order.freightQuote',
    case: 'to one of the caller’s addresses',
    input: (x) => ({ listingId: x.activeListingId, addressId: x.sellerHomeId }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      stranger: 'NOT_FOUND',
      buyer: 'NOT_FOUND',
      seller: 'ok',
      operator: 'NOT_FOUND',
      banned: 'NOT_FOUND',
    },
  }),
  row({
    action: 'order.freightQuote',
    case: 'to a city',
    input: (x) => ({ listingId: x.activeListingId, toCity: '北京' }),
    expect: ANYONE,
  }),
  row({
    action: 'order.checkout',
    input: (x) => ({ listingId: x.serviceListingId, fulfilment: 'service' }),
    expect: user({ stranger: 'ok', buyer: 'ok', seller: 'ORDER.OWN_LISTING', operator: 'ok' }),
  }),
  // Everyone sends the buyer's address id: anyone else's address is as good as none.
  row({
    action: 'order.checkout',
    case: 'by courier, to an address in the buyer’s book',
    given: (k) => k.listing(),
    input: (x) => ({ listingId: x.listingId, fulfilment: 'courier', addressId: x.buyerShippingId }),
    expect: user({
      stranger: 'NOT_FOUND',
      buyer: 'ok',
      seller: 'ORDER.OWN_LISTING',
      operator: 'NOT_FOUND',
    }),
  }),
  row({
    action: 'order.pay',
    input: (x) => ({ orderId: x.orders.pending.orderId }),
    expect: user({
      stranger: 'NOT_FOUND',
      buyer: 'ok',
      seller: 'NOT_FOUND',
      operator: 'NOT_FOUND',
    }),
  }),
  row({
    action: 'order.syncPayment',
    input: (x) => ({ orderId: x.orders.pending.orderId }),
    expect: user({
      stranger: 'NOT_FOUND',
      buyer: 'ok',
      seller: 'NOT_FOUND',
      operator: 'NOT_FOUND',
    }),
  }),
  row({
    action: 'order.get',
    case: 'a courier booked',
    input: (x) => ({ orderId: x.orders.booked.orderId }),
    expect: ORDER_READ,
  }),
  row({
    action: 'order.get',
    case: 'a paid meetup: the handover code reaches the buyer alone',
    given: (k) => k.order('paid', 'meetup'),
    input: (x) => ({ orderId: x.orderId }),
    expect: ORDER_READ,
  }),
  row({
    action: 'order.get',
    case: 'a return under way: its address reaches the parties alone',
    given: (k) => k.order('returning'),
    input: (x) => ({ orderId: x.orderId }),
    expect: ORDER_READ,
  }),
  row({ action: 'order.mine', case: 'as buyer', input: () => ({ role: 'buyer' }), expect: OWN }),
  row({ action: 'order.mine', case: 'as seller', input: () => ({ role: 'seller' }), expect: OWN }),
  row({
    action: 'order.forListing',
    input: (x) => ({ listingId: x.orders.pending.listingId }),
    expect: ANYONE,
  }),
  row({
    action: 'order.cancel',
    given: (k) => k.order('paid'),
    input: (x) => ({ orderId: x.orderId }),
    expect: user({
      stranger: 'NOT_FOUND',
      buyer: 'ok',
      seller: 'ORDER.WRONG_STATE',
      operator: 'ORDER.WRONG_STATE',
    }),
  }),
  row({
    action: 'order.ship',
    given: (k) => k.order('paid'),
    input: (x) => ({ orderId: x.orderId, waybillNo: 'SF1299999999901' }),
    expect: SELLER_STEP,
  }),
  // Whether a number is some order's parcel is the seller's to hear, on their own order only.
  row({
    action: 'order.ship',
    case: 'a waybill another order used',
    input: (x) => ({ orderId: x.orders.paid.orderId, waybillNo: x.usedWaybillNo }),
    expect: user({
      stranger: 'NOT_FOUND',
      buyer: 'FORBIDDEN',
      seller: 'ORDER.WAYBILL_REUSED',
      operator: 'FORBIDDEN',
    }),
  }),
  row({
    action: 'order.handOver',
    given: (k) => k.order('paid', 'meetup'),
    input: (x) => ({ orderId: x.orderId, code: x.code }),
    expect: SELLER_STEP,
  }),
  // Only the seller's tries count: nobody else can lock the seller out of the handover.
  row({
    action: 'order.handOver',
    case: 'after others typed wrong codes 6 times each',
    given: async (k) => {
      const o = await k.order('paid', 'meetup')
      const wrong = o.code === '000000' ? '111111' : '000000'
      for (const who of ['stranger', 'buyer', 'operator'] as const) {
        for (let i = 0; i < 6; i++)
          await k.cloud.order(OPENIDS[who], 'handOver', { orderId: o.orderId, code: wrong })
      }
      return o
    },
    input: (x) => ({ orderId: x.orderId, code: x.code }),
    expect: SELLER_STEP,
  }),
  row({
    action: 'order.deliverService',
    given: (k) => k.order('paid', 'service'),
    input: (x) => ({ orderId: x.orderId }),
    expect: SELLER_STEP,
  }),
  row({
    action: 'order.confirm',
    given: (k) => k.order('shipped'),
    input: (x) => ({ orderId: x.orderId }),
    expect: BUYER_STEP,
  }),
  row({
    action: 'order.requestRefund',
    given: (k) => k.order('shipped'),
    input: (x) => ({ orderId: x.orderId, type: 'refund_only', reason: '收到是坏的' }),
    expect: BUYER_STEP,
  }),
  row({
    action: 'order.answerRefund',
    given: (k) => k.order('refund_requested'),
    input: (x) => ({ orderId: x.orderId, answer: 'agree', returnAddressId: x.sellerReturnsId }),
    expect: SELLER_STEP,
  }),
  // Either party may send a parcel (the seller's, the buyer's return); an operator sends none.
  row({
    action: 'order.detectCourier',
    input: (x) => ({ orderId: x.orders.paid.orderId, waybillNo: 'SF1234567890123' }),
    expect: user({ stranger: 'NOT_FOUND', buyer: 'ok', seller: 'ok', operator: 'FORBIDDEN' }),
  }),
  row({
    action: 'order.pickupQuote',
    input: (x) => ({ orderId: x.orders.paid.orderId, addressId: x.sellerHomeId }),
    expect: SELLERS_PICKUP,
  }),
  row({
    action: 'order.pickupQuote',
    case: 'the buyer’s return leg',
    given: (k) => k.order('returning'),
    input: (x) => ({ orderId: x.orderId, addressId: x.buyerAddressId }),
    expect: user({
      stranger: 'NOT_FOUND',
      buyer: 'ok',
      seller: 'ORDER.WRONG_STATE',
      operator: 'NOT_FOUND',
    }),
  }),
  row({
    action: 'order.bookPickup',
    given: (k) => k.order('paid'),
    input: (x) => ({
      orderId: x.orderId,
      addressId: x.sellerHomeId,
      company: 'shunfeng',
      slot: x.slot,
    }),
    expect: SELLERS_PICKUP,
  }),
  row({
    action: 'order.bookPickup',
    case: 'the buyer’s return leg',
    given: (k) => k.order('returning'),
    input: (x) => ({
      orderId: x.orderId,
      addressId: x.buyerAddressId,
      company: 'shunfeng',
      slot: x.slot,
    }),
    expect: user({
      stranger: 'NOT_FOUND',
      buyer: 'ok',
      seller: 'ORDER.WRONG_STATE',
      operator: 'NOT_FOUND',
    }),
  }),
  row({
    action: 'order.cancelPickup',
    given: (k) => k.order('pickup_booked'),
    input: (x) => ({ orderId: x.orderId }),
    expect: SELLERS_PICKUP,
  }),
  row({
    action: 'order.shipReturn',
    given: async (k) => ({ ...(await k.order('returning')), ...(await k.returnParcel()) }),
    input: (x) => ({ orderId: x.orderId, waybillNo: x.waybillNo }),
    expect: user({
      stranger: 'NOT_FOUND',
      buyer: 'ok',
      seller: 'ORDER.WRONG_STATE',
      operator: 'ORDER.WRONG_STATE',
    }),
  }),
  row({
    action: 'order.receiveReturn',
    given: (k) => k.order('returning'),
    input: (x) => ({ orderId: x.orderId }),
    expect: SELLER_STEP,
  }),
  row({
    action: 'order.contestReturn',
    given: (k) => k.order('return_sent'),
    input: (x) => ({
      orderId: x.orderId,
      reason: 'not_received',
      note: '一直没有收到退货包裹',
      photoFileIds: [],
    }),
    expect: SELLER_STEP,
  }),
  row({ action: 'order.failedJobs', input: () => ({}), expect: OPERATORS_ONLY }),
  row({ action: 'order.retryJob', input: (x) => ({ jobId: x.deadJobId }), expect: OPERATORS_ONLY }),
  row({ action: 'order.disputes', input: () => ({}), expect: OPERATORS_ONLY }),
  row({
    action: 'order.resolve',
    given: (k) => k.order('disputed'),
    input: (x) => ({ orderId: x.orderId, outcome: 'release', note: '证据不足，放款给卖家' }),
    expect: OPERATOR_STEP,
  }),
  row({
    action: 'order.compensate',
    given: (k) => k.order('completed'),
    input: (x) => ({ orderId: x.orderId, amountFen: 1_000, note: '假货，平台先行赔付' }),
    expect: OPERATOR_STEP,
  }),
  // An operator who bought the item is a party: deciding their own dispute, or paying themselves
  // from the guarantee fund, must go to another operator.
  row({
    action: 'order.resolve',
    case: 'the operator bought it: nobody decides their own dispute',
    given: (k) => k.order('disputed', 'courier', 'operator'),
    input: (x) => ({ orderId: x.orderId, outcome: 'refund', note: '支持买家，全额退款' }),
    expect: OPERATOR_BOUGHT_IT,
  }),
  row({
    action: 'order.compensate',
    case: 'the operator bought it: nobody pays themselves from the guarantee fund',
    given: (k) => k.order('completed', 'courier', 'operator'),
    input: (x) => ({ orderId: x.orderId, amountFen: 1_000, note: '假货，平台先行赔付' }),
    expect: OPERATOR_BOUGHT_IT,
  }),
  row({
    action: 'order.resolve',
    case: 'the operator sold it: nobody decides their own dispute',
    given: (k) => k.order('disputed', 'courier', 'buyer', 'operator'),
    input: (x) => ({ orderId: x.orderId, outcome: 'release', note: '证据不足，放款给卖家' }),
    expect: OPERATOR_SOLD_IT,
  }),
  row({
    action: 'order.compensate',
    case: 'the operator sold it: nobody settles a claim on themselves',
    given: (k) => k.order('completed', 'courier', 'buyer', 'operator'),
    input: (x) => ({ orderId: x.orderId, amountFen: 1_000, note: '假货，平台先行赔付' }),
    expect: OPERATOR_SOLD_IT,
  }),

  // ---- recommend: anyone browses 推荐; a signed-in caller's ranking is their own (recommend.int.test.ts)
  row({ action: 'recommend.feed', input: () => ({ city: '上海' }), expect: ANYONE }),

  // ---- search
  row({ action: 'search.query', input: () => ({ city: '上海', keyword: '草稿' }), expect: ANYONE }),
  row({ action: 'search.suggest', input: () => ({ prefix: '耳', city: '上海' }), expect: ANYONE }),
  row({ action: 'search.hot', input: () => ({ city: '上海' }), expect: ANYONE }),
  row({ action: 'search.history', input: () => ({}), expect: OWN }),
  row({ action: 'search.clearHistory', input: () => ({}), expect: OWN }),

  // ---- social
  // Follow before the feed and the lists, unfollow after them, so they have something to leak.
  row({ action: 'social.favorite', input: (x) => ({ listingId: x.activeListingId }), expect: OWN }),
  row({ action: 'social.favorites', input: () => ({}), expect: OWN }),
  row({
    action: 'social.unfavorite',
    input: (x) => ({ listingId: x.activeListingId }),
    expect: OWN,
  }),
  row({
    action: 'social.follow',
    input: (x) => ({ userId: x.userId.seller }),
    expect: user({
      stranger: 'ok',
      buyer: 'ok',
      seller: 'SOCIAL.CANNOT_FOLLOW_SELF',
      operator: 'ok',
    }),
  }),
  row({ action: 'social.followingFeed', input: () => ({}), expect: OWN }),
  row({ action: 'social.following', input: () => ({}), expect: OWN }),
  row({ action: 'social.myCounts', input: () => ({}), expect: OWN }),
  row({
    action: 'social.unfollow',
    input: (x) => ({ userId: x.userId.seller }),
    expect: user({
      stranger: 'ok',
      buyer: 'ok',
      seller: 'SOCIAL.CANNOT_FOLLOW_SELF',
      operator: 'ok',
    }),
  }),
  row({ action: 'social.storefront', input: (x) => ({ userId: x.userId.seller }), expect: ANYONE }),
  row({ action: 'social.communitiesNear', input: () => ({ point, city: '上海' }), expect: ANYONE }),
  row({
    action: 'social.createCommunity',
    input: (_x, who) => ({
      name: `矩阵 ${who} 的圈`,
      type: 'office',
      location: { ...XUHUI, latitude: XUHUI.latitude - 0.002 },
    }),
    expect: OWN,
  }),
  row({
    action: 'social.joinCommunity',
    given: (k) => k.community(),
    input: (x) => ({ communityId: x.communityId }),
    expect: OWN,
  }),
  // Leaving a community one is not in changes nothing, so it is not refused.
  row({
    action: 'social.leaveCommunity',
    given: (k) => k.community(),
    input: (x) => ({ communityId: x.communityId }),
    expect: OWN,
  }),
  row({ action: 'social.myCommunities', input: () => ({}), expect: OWN }),
  row({
    action: 'social.community',
    input: (x) => ({ communityId: x.sellerCommunityId }),
    expect: ANYONE,
  }),

  // ---- share: tokens and opens are anyone's; stats, groups and posters their owner's or members' only
  row({
    action: 'share.create',
    input: (x) => ({ kind: 'listing', targetId: x.activeListingId }),
    expect: OWN,
  }),
  // Unknown tokens are ignored, guests recorded nothing: never an error.
  row({
    action: 'share.open',
    given: (k) => k.share(),
    input: (x) => ({ token: x.token, via: 'card' }),
    expect: ANYONE,
  }),
  row({
    action: 'share.scene',
    given: (k) => k.share(),
    input: (x) => ({ scene: x.token }),
    expect: ANYONE,
  }),
  row({
    action: 'share.stats',
    input: (x) => ({ listingId: x.activeListingId }),
    expect: SELLERS_LISTING,
  }),
  row({ action: 'share.myGroups', input: () => ({}), expect: OWN }),
  // A group the caller is not in answers as if there were none.
  row({
    action: 'share.group',
    given: (k) => k.share(),
    input: (x) => ({ groupKey: x.groupKey }),
    expect: GROUP_MEMBERS,
  }),
  row({
    action: 'share.postToGroup',
    given: (k) => k.share(),
    input: (x) => ({ groupKey: x.groupKey, listingId: x.listingId }),
    expect: GROUP_MEMBERS,
  }),
  row({
    action: 'share.setGroupLabel',
    given: (k) => k.share(),
    input: (x) => ({ groupKey: x.groupKey, label: '矩阵业主群' }),
    expect: GROUP_MEMBERS,
  }),
  row({
    action: 'share.trust',
    input: (x) => ({ userId: x.userId.seller, listingId: x.activeListingId }),
    expect: ANYONE,
  }),
  row({ action: 'share.settings', input: () => ({}), expect: OWN }),
  row({
    action: 'share.updateSettings',
    input: () => ({ showInTrustSignals: true }),
    expect: OWN,
  }),
  row({
    action: 'share.poster',
    given: (k) => k.share(),
    input: (x) => ({ token: x.token }),
    expect: SELLERS_SECRET,
  }),

  // ---- report: anyone signed in reports others' things; moderators alone see and decide cases
  row({
    action: 'report.create',
    given: (k) => k.listing('active'),
    input: (x) => ({
      target: { kind: 'listing', id: x.listingId },
      reason: 'counterfeit',
      text: '矩阵测试：疑似假货',
    }),
    expect: user({ stranger: 'ok', buyer: 'ok', seller: 'REPORT.SELF', operator: 'ok' }),
  }),
  row({ action: 'report.mine', input: () => ({}), expect: OWN }),
  // A banned user still reads what was decided against them, and may appeal it.
  row({
    action: 'report.myPenalties',
    input: () => ({}),
    expect: account({ stranger: 'ok', buyer: 'ok', seller: 'ok', operator: 'ok' }, 'ok'),
  }),
  // A decision is the business of the person it fell on: anyone else is told there is none.
  row({
    action: 'report.appeal',
    given: (k) => k.reportCase('decided'),
    input: (x) => ({ decisionId: x.decisionId, text: '是正品，有购买凭证' }),
    expect: account(
      { stranger: 'NOT_FOUND', buyer: 'NOT_FOUND', seller: 'ok', operator: 'NOT_FOUND' },
      'NOT_FOUND',
    ),
  }),
  row({ action: 'report.queue', input: () => ({}), expect: OPERATORS_ONLY }),
  row({
    action: 'report.case',
    given: (k) => k.reportCase('open'),
    input: (x) => ({ caseId: x.caseId }),
    expect: OPERATORS_ONLY,
  }),
  row({
    action: 'report.decide',
    given: (k) => k.reportCase('open'),
    input: (x) => ({
      caseId: x.caseId,
      action: 'warn',
      rule: 'R3-counterfeit',
      reason: '疑似假货，警告一次',
    }),
    expect: OPERATORS_ONLY,
  }),
  row({
    action: 'report.answerAppeal',
    given: (k) => k.reportCase('appealed'),
    input: (x) => ({ caseId: x.caseId, outcome: 'upheld', answer: '证据充分，维持原判' }),
    expect: OPERATORS_ONLY,
  }),

  // ---- user
  row({ action: 'user.login', input: () => ({}), expect: OWN }),
  row({ action: 'user.me', input: () => ({}), expect: OWN }),
  row({ action: 'user.updateProfile', input: () => ({ city: '上海' }), expect: OWN }),
  row({ action: 'user.notices', input: () => ({}), expect: OWN }),
  row({ action: 'user.markNoticesRead', input: () => ({}), expect: OWN }),
]

/**
 * One action per function whose answer says whose data it is: the test smuggles another user's
 * identity into the input and the event and checks the answer is still the caller's own. A
 * function with public actions only names one with `public: true`: anonymous callers get the
 * anonymous answer, whatever identity the event carries.
 */
export const WHOAMI: Record<
  string,
  {
    action: string
    input: (x: World) => Record<string, unknown>
    subject: (data: any) => unknown
    public?: true
  }
> = {
  // A listing's offers: the seller sees the buyer's, a stranger none of them.
  offer: {
    action: 'forListing',
    input: (x) => ({ listingId: x.offerListingId }),
    subject: (d) => d.items.map((o: { id: string }) => o.id),
  },
  // Opening answers the caller's own conversation (as its buyer); the seller's is a refusal.
  chat: {
    action: 'open',
    input: (x) => ({ listingId: x.activeListingId }),
    subject: (d) => d.id,
  },
  address: {
    action: 'list',
    input: () => ({}),
    subject: (d) => d.items.map((a: { id: string }) => a.id),
  },
  listing: {
    action: 'mine',
    input: () => ({}),
    subject: (d) => d.items.map((l: { id: string }) => l.id),
  },
  merchant: {
    action: 'wallet',
    input: () => ({}),
    subject: (d) => ({
      onboarded: d.onboarded,
      bankAccount: d.bankAccount,
      availableFen: d.availableFen,
    }),
  },
  order: {
    action: 'mine',
    input: () => ({ role: 'seller' }),
    subject: (d) => d.items.map((o: { id: string }) => o.id),
  },
  // 推荐 never shows a seller their own listings, so the seller's feed lacks what the stranger's has.
  recommend: {
    action: 'feed',
    input: () => ({ city: '上海', limit: 50 }),
    subject: (d) => d.items.map((l: { id: string }) => l.id),
    public: true,
  },
  // 信用存证 is the caller's own chain, whoever the event claims to be.
  credit: { action: 'evidence', input: () => ({}), subject: (d) => d.userId },
  // 待评价: the seller's completed order waits for the seller's review; a stranger has none.
  // A dispute is its parties': the seller is told their side, a stranger that there is none.
  dispute: {
    action: 'get',
    input: (x) => ({ orderId: x.orders.disputed.orderId }),
    subject: (d) => d.side,
  },
  // 我的举报 are the caller's own, whoever the event claims to be.
  report: {
    action: 'mine',
    input: () => ({}),
    subject: (d) => d.items.map((r: { id: string }) => r.id),
  },
  review: {
    action: 'mine',
    input: () => ({ box: 'pending' }),
    subject: (d) => d.pending.map((p: { orderId: string }) => p.orderId),
  },
  search: { action: 'history', input: () => ({}), subject: (d) => d.keywords },
  // A listing's share stats are its seller's: anyone else is refused.
  share: {
    action: 'stats',
    input: (x) => ({ listingId: x.activeListingId }),
    subject: (d) => d.listingId,
  },
  social: { action: 'myCounts', input: () => ({}), subject: (d) => d },
  user: { action: 'me', input: () => ({}), subject: (d) => d.id },
}
