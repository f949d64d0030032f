import type { CommissionPolicy } from '@shared/domain/commission'
import type { Courier } from './delivery/ports/courier.port'
import type { PaymentGateway } from './payments/ports/payment-gateway.port'
import type { WechatApi } from './messaging/ports/wechat-api.port'
import type { ListingSearch } from './search/ports/listing-search.port'
import type { Clock } from './core/ports/clock.port'
import type { DocumentStore } from './core/ports/document-store.port'
import type { Files } from './core/ports/files.port'
import type { Ids } from './core/ports/ids.port'
import type { RateLimiter } from './core/ports/rate-limiter.port'
import type { SecretCodes } from './core/ports/secret-codes.port'
import type { SecretBox } from './core/ports/secret-box.port'

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
  /** Courier aggregator (kuaidi100): quotes, pickups, tracking, pushes. */
  courier: Courier
}
