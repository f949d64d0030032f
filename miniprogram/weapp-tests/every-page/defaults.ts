/**
 * What a signed-in session answers on every page of the table, on top of signedInDefaults: the
 * calls pages make besides their own content (the credit badge, search history and hot words, the
 * publish form's options, chat's read receipts, subscribe templates and offer state).
 */
import { ChatContract } from '@shared/contracts/chat.contract'
import { CreditContract } from '@shared/contracts/credit.contract'
import { OfferContract } from '@shared/contracts/offer.contract'
import { OrderContract } from '@shared/contracts/order.contract'
import { SearchContract } from '@shared/contracts/search.contract'
import { SocialContract } from '@shared/contracts/social.contract'
import type { UserSelf } from '@shared/contracts/user.contract'
import type { FakeCloud } from '../harness/fake-cloud'
import { me, signedInDefaults } from '../harness/fixtures'

/** A moderator who is also an operator: the 审核后台, 纠纷处理, 异常任务 and 保障基金 pages. */
export const staff = () => me({ nickname: '审核员小李', roles: ['user', 'moderator', 'admin'] })

export const everyPageDefaults =
  (user: UserSelf = me()) =>
  (cloud: FakeCloud) => {
    signedInDefaults(user)(cloud)
    cloud
      .answer(CreditContract, 'forUser', (input) => ({
        userId: input.userId,
        tier: { key: 'great' as const, label: '信用优秀' },
        badge: '信用优秀',
        summaries: [{ key: 'orders', label: '成交', value: '23 笔' }],
      }))
      .answer(SearchContract, 'history', { keywords: ['富士相机'] })
      .answer(SearchContract, 'hot', { keywords: ['自行车', '书桌'] })
      .answer(OrderContract, 'terms', { commission: { rateBps: 100, capFen: 50000 } })
      .answer(SocialContract, 'myCommunities', { items: [] })
      .answer(OrderContract, 'messageTemplates', {
        templates: {
          orderPaid: 'tpl-paid',
          orderShipped: 'tpl-shipped',
          orderDelivered: 'tpl-delivered',
          refund: 'tpl-refund',
          autoReceiveReminder: 'tpl-auto',
          chatMessage: 'tpl-chat',
          reviewReminder: 'tpl-review',
        },
      })
      .answer(ChatContract, 'markRead', (input) => ({
        readSeq: input.seq,
        unread: 0,
        unreadTotal: 0,
      }))
      .answer(ChatContract, 'since', { items: [], hasMore: false, lastSeq: 2, otherReadSeq: 1 })
      .answer(OfferContract, 'forListing', { items: [], nextCursor: null })
  }
