import type { CommissionPolicy } from '@shared/domain/commission'
import type { CreditTier } from '@shared/domain/credit/credit-tiers'
import type { DisputeRules } from '@shared/domain/dispute'
import type { Restriction } from '@shared/domain/report'
import type { ChatSignal } from './chat/ports/chat-signal.port'
import type { Courier } from './delivery/ports/courier.port'
import type { PaymentGateway } from './payments/ports/payment-gateway.port'
import type { WechatApi } from './messaging/ports/wechat-api.port'
import type { WechatShareApi } from './share/ports/wechat-share.port'
import type { ContentSecurity } from './risk/ports/content-security.port'
import type { PhotoHasher } from './risk/ports/photo-hasher.port'
import type { ListingSearch } from './search/ports/listing-search.port'
import type { Clock } from './core/ports/clock.port'
import type { DocumentStore } from './core/ports/document-store.port'
import type { Files } from './core/ports/files.port'
import type { Ids } from './core/ports/ids.port'
import type { RateLimiter } from './core/ports/rate-limiter.port'
import type { SecretCodes } from './core/ports/secret-codes.port'
import type { SecretBox } from './core/ports/secret-box.port'
import type { TransactionOps } from './core/ports/document-store.port'
import type { OrderState } from '@shared/domain/order-process'
import type { FreightQuote } from './delivery/ports/courier.port'
import type { ListingRecord } from './listing/domain/listing.record'
import type { OrderRecord } from './order/domain/order.record'
import type { ReviewRecord } from './review/domain/review.records'
import type { JobOutcome, OutboxJobRecord } from './outbox/domain/outbox-job.record'

/** The platform's own WeChat Pay identity and the escrow rules that come from config. */
export interface EscrowConfig {
  /** The platform's service-provider merchant id: the commission's profit-sharing receiver. */
  spMchid: string
  commission: CommissionPolicy
  /** How many unpaid orders one buyer may hold at a time (3 by default). */
  maxUnpaidOrders: number
}

/** What use cases receive: ports only, wired per environment by the platform container. */
export interface Deps {
  store: DocumentStore
  search: ListingSearch
  files: Files
  clock: Clock
  ids: Ids
  /** Codes people keep secret (交易码, invite codes): from a CSPRNG, never from ids. */
  codes: SecretCodes
  payments: PaymentGateway
  escrow: EscrowConfig
  /** Encrypts personal data at rest (real name, ID number, bank account, phone). */
  secrets: SecretBox
  /** Attempt and cost limits per key (guessable codes, public and costly actions). */
  limits: RateLimiter
  /** WeChat server API: shipping info, confirm-receive reminders, subscribe messages (call it from the outbox). */
  wechatApi: WechatApi
  /** WeChat server API for sharing: updatable cards (动态消息), 小程序码, the group behind a cloudID. */
  wechatShare: WechatShareApi
  /** WeChat content security: msgSecCheck on text, mediaCheckAsync on uploaded images. */
  contentSecurity: ContentSecurity
  /** Perceptual hashes of uploaded photos (dHash), for the photo-reuse check. */
  photoHasher: PhotoHasher
  /** Courier aggregator (kuaidi100): quotes, pickups, tracking, pushes. */
  courier: Courier
  /** "A conversation has something new", for servers that stream chats (the local cloud's SSE). */
  chatSignal: ChatSignal
  /** What higher modules plug into lower ones (wired in modules/hooks.ts). */
  hooks: Hooks
  /** Dispute and jury settings over the defaults (shared/domain/dispute.ts DISPUTE_RULES). */
  disputeRules?: Partial<DisputeRules>
}

/** Runs one outbox job of its kind (the kinds are JOBS in order-job-keys and their owners' handlers). */
export type JobHandler = (deps: Deps, job: OutboxJobRecord) => Promise<JobOutcome>

/**
 * A reaction to an order moving into `to`: the order module announces every move, and the module
 * that owns the consequence reacts (delivery calls off a booked courier), without order importing it.
 */
export interface OrderMoveReaction {
  /** Fields written with the move, judged on the order as the step leaves it. */
  patch?: (order: OrderRecord, to: OrderState, now: number) => Partial<OrderRecord>
  /** Writes that land in the move's own transaction. */
  inTx?: (tx: TransactionOps, next: OrderRecord, now: number) => Promise<void>
}

/**
 * A reaction to a review becoming public (both parties' reviews in, or the window closed), run in
 * the publishing transaction with the review as published: credit reads the rating received.
 */
export type ReviewPublishedReaction = (tx: TransactionOps, review: ReviewRecord) => Promise<void>

/**
 * The seams between modules, so that the dependency graph of modules has no cycles: a lower module
 * announces or asks, the module above answers. modules/hooks.ts is the one place that wires them.
 */
export interface Hooks {
  /** Whether the user is real-name verified: their 开通收款 (sub-merchant onboarding) is finished (merchant). */
  realNameVerified: (deps: Pick<Deps, 'store'>, userId: string) => Promise<boolean>
  /** What the seller sold since `since` (paid, not refunded or closed): orders and fen (order). */
  salesSince: (
    deps: Pick<Deps, 'store'>,
    sellerId: string,
    since: number,
  ) => Promise<{ orders: number; fen: number }>
  /**
   * WeChat judged an uploaded image risky (hide: it is no longer served) or for review (risk):
   * every listing of the owner showing it is held for review (listing). Idempotent.
   */
  imageJudged: (
    deps: Deps,
    judged: { fileId: string; ownerId: string; hide: boolean; now: number },
  ) => Promise<void>
  /**
   * Every order move, in its transaction (delivery: call off the bookings it leaves behind; chat:
   * post the step into the conversation of the listing and buyer; offer: a paid order spends its offer;
   * share: the order's share chain, and the listing's updatable cards; credit: trades, lapses and
   * rulings as credit events).
   */
  orderMoved: OrderMoveReaction[]
  /**
   * A seller's own lifecycle action on a listing (listing: sold elsewhere, taken down, relisted),
   * in its transaction, with the listing as it leaves it (share: its updatable cards say 已售出).
   */
  listingMoved: ((tx: TransactionOps, listing: ListingRecord, now: number) => Promise<void>)[]
  /**
   * Every review at the moment it is published, in the publishing transaction (review; credit
   * records the rating received). A throw rolls the publication back, so a reaction must not refuse lightly.
   */
  reviewPublished: ReviewPublishedReaction[]
  /**
   * A buyer's question scored once its answer window closed (chat's reply-rate sweep), in the
   * sweep's transaction (credit: the seller's 聊天回复 factor).
   */
  chatQuestionScored: ((
    tx: TransactionOps,
    question: {
      conversationId: string
      sellerId: string
      askedAt: number
      answered: boolean
      /** When the sweep scored it. */
      now: number
    },
  ) => Promise<void>)[]
  /**
   * The agreed price of an accepted offer (offer): checkout with an offerId charges it. Only this
   * buyer's offer on this listing, accepted and before its deadline; OFFER.STALE otherwise.
   */
  offerPrice: (
    deps: Pick<Deps, 'store'>,
    q: { offerId: string; buyerId: string; listingId: string; now: number },
  ) => Promise<number>
  /** Couriers' prices for a listing's parcel to a city, cheapest first (delivery). */
  quoteFreight: (deps: Deps, listing: ListingRecord, toCity: string) => Promise<FreightQuote[]>
  /**
   * Before an unpaid order closes, its WeChat payment is closed (payments); 'paid' when WeChat says
   * it was paid meanwhile, and the payment has been applied instead.
   */
  closePayment: (deps: Deps, order: OrderRecord) => Promise<'paid' | 'closed'>
  /**
   * CreditTiers: a user's credit tier now (credit), the one port through which tiers change what
   * a user may do: listing publish (the live-listing cap), checkout (the commission discount, fixed
   * on the order) and release (the payout hold). Read server-side at the moment of the action; an
   * account without credit is 中等.
   */
  creditTier: (deps: Pick<Deps, 'store'>, userId: string) => Promise<CreditTier>
  /** Money buyers paid that is still frozen for the seller's orders (order, for the wallet). */
  escrowHeldFor: (deps: Deps, sellerId: string) => Promise<number>
  /** Whether a user belongs to a community (social: publishing into one needs it). */
  isMember: (deps: Pick<Deps, 'store'>, communityId: string, userId: string) => Promise<boolean>
  /** Whether a user marked a listing 想要 (social: the listing page shows it). */
  isFavorite: (deps: Pick<Deps, 'store'>, userId: string, listingId: string) => Promise<boolean>
  /**
   * Until when a moderator's restriction (publish / chat / withdraw) holds on a user, null when
   * none does now (report). Listing publish, chat send and withdrawals ask it (user's
   * assertUnrestricted) and answer USER.RESTRICTED.
   */
  restrictedUntil: (
    deps: Pick<Deps, 'store' | 'clock'>,
    userId: string,
    what: Restriction,
  ) => Promise<number | null>
  /** Every outbox job kind and its handler (order, payments, delivery, chat, share). */
  jobs: Record<string, JobHandler>
}
