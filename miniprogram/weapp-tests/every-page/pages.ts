/**
 * The every-page table: each page app.json declares, the query it is opened with, what the stubbed
 * backend answers it, and text it must then show (real content from those answers wherever the
 * page has any). every-page.weapp.test.ts renders the member rows, every-page-staff the staff ones.
 */
import { AddressContract } from '@shared/contracts/address.contract'
import { ChatContract } from '@shared/contracts/chat.contract'
import { CreditContract } from '@shared/contracts/credit.contract'
import { DisputeContract } from '@shared/contracts/dispute.contract'
import { ListingContract } from '@shared/contracts/listing.contract'
import { MerchantContract } from '@shared/contracts/merchant.contract'
import { OrderContract } from '@shared/contracts/order.contract'
import { RecommendContract } from '@shared/contracts/recommend.contract'
import { ReportContract } from '@shared/contracts/report.contract'
import { ReviewContract } from '@shared/contracts/review.contract'
import { SearchContract } from '@shared/contracts/search.contract'
import { ShareContract } from '@shared/contracts/share.contract'
import { SocialContract } from '@shared/contracts/social.contract'
import {
  IDS,
  NOW,
  community,
  listingCard,
  listingDetail,
  recommendPage,
  storefront,
} from '../harness/fixtures'
import {
  MORE_IDS,
  address,
  cards,
  chatMessage,
  conversation,
  order,
  orderCard,
} from './fixtures-more'
import type { PageRow } from './render-row'

const DAY = 24 * 3600 * 1000

/** A case in the 审核后台: a too-cheap phone three people reported as fraud. */
const CASE_CARD = {
  caseId: MORE_IDS.caseId,
  target: { kind: 'listing' as const, id: IDS.otherListing },
  targetLabel: '全新iPhone 15 只要999',
  score: 87,
  reasons: ['fraud' as const, 'off_platform' as const],
  reporters: 3,
  riskFlags: 1,
  flagLabels: [] as string[],
  hidden: true,
  openedAt: NOW - DAY,
  slaDueAt: NOW + DAY,
  appeal: false,
}

const GROUP = {
  groupKey: 'G7K2M9',
  label: '徐汇苑业主群',
  memberCount: 12,
  postedCount: 3,
  lastSeenAt: NOW - DAY,
}

export const PAGES: PageRow[] = [
  // ——— main package: the four tabs ———
  {
    route: 'pages/index/index',
    answers: (c) => void c.answer(RecommendContract, 'feed', recommendPage([listingCard()])),
    expect: ['九成新富士X100V相机', '¥6,800'],
  },
  {
    route: 'pages/publish/index',
    expect: ['闲置换钱，邻居来取', '发布闲置'],
  },
  {
    route: 'pages/messages/index',
    answers: (c) =>
      void c
        .answer(ChatContract, 'list', { items: [conversation()], nextCursor: null })
        .answer(ChatContract, 'listings', { items: [], nextCursor: null }),
    expect: ['卖相机的老陈', '耳机还在吗？周末可以面交'],
  },
  {
    route: 'pages/me/index',
    expect: ['楼下的小王', '3在售'],
  },

  // ——— package-listing ———
  {
    route: 'package-listing/publish/index',
    // The commission line is order.terms' answer, worded by the form.
    expect: ['宝贝质量分', '收取 1% 服务费（最高 ¥500）', '发布'],
  },
  {
    route: 'package-listing/detail/index',
    query: { id: IDS.listing },
    answers: (c) => void c.answer(ListingContract, 'get', listingDetail()),
    expect: ['索尼WH-1000XM4降噪耳机', '降噪正常', '立即购买'],
  },
  {
    route: 'package-listing/mine/index',
    answers: (c) => void c.answer(ListingContract, 'mine', cards('我的旧吉他 雅马哈F310')),
    expect: ['我的旧吉他 雅马哈F310'],
  },
  {
    route: 'package-listing/poster/index',
    query: { st: 'K7QX9HM2PA' },
    answers: (c) =>
      void c.answer(ShareContract, 'poster', {
        token: 'K7QX9HM2PA',
        scene: 'st=K7QX9HM2PA',
        page: 'package-listing/detail/index',
        qrCodeUrl: 'https://example.test/qr.png',
        coverUrl: 'https://example.test/a.jpg',
        title: '索尼WH-1000XM4降噪耳机',
        priceFen: 95000,
        sellerNickname: '卖相机的老陈',
        status: 'on_sale',
      }),
    // share.poster answered, its images loading: the drawing itself is poster.weapp.test.ts's.
    expect: ['正在加载图片…', '邻居扫码就能看到这件宝贝', '保存到相册'],
  },

  // ——— package-user ———
  {
    route: 'package-user/login/index',
    expect: ['登录邻圈'],
  },
  {
    route: 'package-user/profile-edit/index',
    expect: ['常驻城市'],
    attributes: { 'profile-nickname': { value: '楼下的小王' } },
  },
  {
    route: 'package-user/addresses/index',
    answers: (c) => void c.answer(AddressContract, 'list', { items: [address()], max: 20 }),
    expect: ['漕溪北路 88 号 3 栋 502', '王小明'],
  },
  {
    route: 'package-user/address-edit/index',
    query: { id: MORE_IDS.address },
    answers: (c) => void c.answer(AddressContract, 'get', address()),
    // The typed fields sit in inputs (not text); the region picker and 删除 show it is this one.
    expect: ['上海市 徐汇区', '删除地址'],
  },
  {
    route: 'package-user/credit/index',
    answers: (c) =>
      void c.answer(CreditContract, 'mine', {
        score: 742,
        tier: { key: 'great', label: '信用优秀' },
        badge: '信用优秀',
        base: 600,
        factors: [
          { key: 'orders', label: '成交记录', points: 90, explanation: '近一年完成 23 笔交易' },
          { key: 'reviews', label: '评价', points: 52, explanation: '好评率 98%' },
        ],
        improve: ['完成实名认证可再提升'],
        privileges: ['发布上限提高到 50 件'],
        limits: { liveListingCap: 50, commissionPercent: 1, payoutHoldDays: 0 },
        history: {
          items: [{ at: NOW - DAY, label: '交易完成：索尼WH-1000XM4降噪耳机', delta: 3 }],
          nextCursor: null,
        },
        evidence: { day: '2026-05-31', anchored: true },
        computedAt: NOW - 3600 * 1000,
      }),
    expect: ['742', '近一年完成 23 笔交易'],
  },
  {
    route: 'package-user/settings/index',
    answers: (c) => void c.answer(ShareContract, 'settings', { showInTrustSignals: true }),
    expect: ['在信任标签中显示我'],
    // The switch shows the answered setting (NutUI marks it with a class).
    attributes: { 'settings-trust': { class: /\bnut-switch-open\b/ } },
  },
  {
    route: 'package-user/report/index',
    query: { kind: 'listing', id: IDS.listing, label: '索尼WH-1000XM4降噪耳机' },
    expect: ['举报宝贝', '索尼WH-1000XM4降噪耳机'],
  },
  {
    route: 'package-user/reports/index',
    answers: (c) =>
      void c.answer(ReportContract, 'mine', {
        items: [
          {
            id: MORE_IDS.report,
            target: { kind: 'listing', id: IDS.otherListing },
            targetLabel: '全新iPhone 15 只要999',
            reason: 'fraud',
            status: 'upheld',
            createdAt: NOW - 3 * DAY,
            decidedAt: NOW - DAY,
          },
        ],
        nextCursor: null,
      }),
    expect: ['全新iPhone 15 只要999'],
  },
  {
    route: 'package-user/penalties/index',
    answers: (c) =>
      void c.answer(ReportContract, 'myPenalties', {
        items: [
          {
            decisionId: MORE_IDS.decision,
            action: 'warn',
            restrictions: [],
            until: null,
            rule: 'R5-off-platform',
            reason: '聊天中引导对方加微信私下转账',
            targetLabel: '索尼WH-1000XM4降噪耳机',
            decidedAt: NOW - 2 * DAY,
            appeal: null,
            appealableUntil: NOW + 5 * DAY,
          },
        ],
      }),
    expect: ['聊天中引导对方加微信私下转账'],
  },

  // ——— package-moderation (staff) ———
  {
    route: 'package-moderation/queue/index',
    viewer: 'staff',
    answers: (c) =>
      void c.answer(ReportContract, 'queue', { items: [CASE_CARD], nextCursor: null }),
    expect: ['全新iPhone 15 只要999', '3 人举报'],
  },
  {
    route: 'package-moderation/case/index',
    viewer: 'staff',
    query: { id: MORE_IDS.caseId },
    answers: (c) =>
      void c.answer(ReportContract, 'case', {
        card: CASE_CARD,
        status: 'open',
        target: {
          title: '全新iPhone 15 只要999',
          body: '全新未拆封，先付定金加微信发货',
          photoUrls: [],
          priceFen: 99900,
          owner: {
            id: IDS.seller,
            nickname: '低价数码王',
            creditScore: 420,
            createdAt: NOW - 3 * DAY,
          },
        },
        reports: [
          {
            id: MORE_IDS.report,
            reason: 'fraud',
            text: '价格低得离谱，还要求先付定金',
            photoUrls: [],
            messages: [],
            reporterCredibility: 80,
            createdAt: NOW - DAY,
          },
        ],
        flags: [{ source: 'content-risk', label: '疑似引导站外交易', at: NOW - DAY }],
        priorOffences: 0,
        suggested: { action: 'remove', days: null },
        decision: null,
      }),
    expect: ['全新未拆封，先付定金加微信发货', '价格低得离谱，还要求先付定金'],
    then: (app) =>
      expect(app.cloud.callsTo(ReportContract, 'case')).toEqual([{ caseId: MORE_IDS.caseId }]),
  },

  // ——— package-search ———
  {
    route: 'package-search/search/index',
    query: { q: '相机' },
    answers: (c) =>
      void c.answer(SearchContract, 'query', {
        items: [listingCard()],
        nextCursor: null,
        fallback: null,
      }),
    expect: ['九成新富士X100V相机'],
    then: (app) =>
      expect(app.cloud.callsTo(SearchContract, 'query')[0]).toMatchObject({
        keyword: '相机',
        city: '上海',
      }),
  },

  // ——— package-order ———
  {
    route: 'package-order/confirm/index',
    query: { listingId: IDS.listing },
    answers: (c) => void c.answer(ListingContract, 'get', listingDetail()),
    expect: ['索尼WH-1000XM4降噪耳机', '卖家 卖相机的老陈', '合计 ¥950', '提交订单'],
  },
  {
    route: 'package-order/detail/index',
    query: { id: MORE_IDS.order },
    answers: (c) =>
      void c
        .answer(OrderContract, 'get', order())
        // An order nobody disputed: the dispute block asks and is told there is none.
        .fail(DisputeContract, 'get', 'COMMON.NOT_FOUND'),
    expect: ['索尼WH-1000XM4降噪耳机', '¥962'],
    then: (app) =>
      expect(app.cloud.callsTo(OrderContract, 'get')).toEqual([{ orderId: MORE_IDS.order }]),
  },
  {
    route: 'package-order/list/index',
    query: { role: 'buyer' },
    answers: (c) =>
      void c.answer(OrderContract, 'mine', { items: [orderCard()], nextCursor: null }),
    expect: ['索尼WH-1000XM4降噪耳机', '卖相机的老陈', '¥962'],
  },
  {
    route: 'package-order/disputes/index',
    viewer: 'staff',
    answers: (c) =>
      void c.answer(OrderContract, 'disputes', {
        items: [orderCard({ role: 'operator', state: 'disputed' })],
        nextCursor: null,
      }),
    expect: ['索尼WH-1000XM4降噪耳机', '平台处理中'],
  },
  {
    route: 'package-order/jury/index',
    answers: (c) =>
      void c.answer(DisputeContract, 'jurorCases', {
        items: [
          {
            caseId: MORE_IDS.juryCase,
            title: '戴森吹风机 HD08 是否与描述相符',
            totalFen: 189000,
            dueAt: NOW + DAY,
            voted: false,
            status: 'open',
          },
        ],
        stats: { agreed: 4, counted: 5, reliabilityPercent: 80 },
      }),
    expect: ['我的评审记录', '戴森吹风机 HD08 是否与描述相符'],
  },
  {
    route: 'package-order/jobs/index',
    viewer: 'staff',
    answers: (c) =>
      void c.answer(OrderContract, 'failedJobs', {
        items: [
          {
            id: 'job-1',
            kind: 'pay.refund',
            orderId: MORE_IDS.order,
            status: 'failed',
            attempts: 5,
            lastError: '微信支付返回 SYSTEM_ERROR',
            createdAt: NOW - DAY,
          },
        ],
        nextCursor: null,
      }),
    expect: ['微信支付返回 SYSTEM_ERROR'],
  },
  {
    route: 'package-order/review/index',
    query: { orderId: MORE_IDS.order },
    answers: (c) =>
      void c.answer(ReviewContract, 'forOrder', {
        orderId: MORE_IDS.order,
        role: 'buyer',
        state: 'blind',
        closesAt: NOW + 10 * DAY,
        followUpUntil: NOW + 90 * DAY,
        mine: { status: 'due', review: null },
        theirs: { status: 'none', review: null },
        actions: ['submit'],
      }),
    expect: ['给卖家打个分', '非常满意', '提交评价'],
  },
  {
    route: 'package-order/reviews/index',
    answers: (c) =>
      void c.answer(ReviewContract, 'mine', {
        pending: [
          {
            orderId: MORE_IDS.order,
            role: 'buyer',
            counterpart: { nickname: '卖相机的老陈', avatarUrl: null },
            item: { title: '索尼WH-1000XM4降噪耳机', coverUrl: null },
            completedAt: NOW - DAY,
            closesAt: NOW + 14 * DAY,
          },
        ],
        reviews: [],
        nextCursor: null,
        pendingCount: 1,
      }),
    expect: ['索尼WH-1000XM4降噪耳机', '卖相机的老陈'],
  },

  // ——— package-merchant ———
  {
    route: 'package-merchant/onboarding/index',
    // merchant.status (signedInDefaults) answers state checking.
    expect: ['审核中', '微信支付正在审核你的资料', '刷新审核状态'],
  },
  {
    route: 'package-merchant/wallet/index',
    answers: (c) =>
      void c.answer(MerchantContract, 'wallet', {
        onboarded: true,
        inEscrowFen: 95000,
        availableFen: 32000,
        withdrawnFen: 150000,
        bankAccount: '招商银行(尾号 8888)',
        withdrawals: [],
        claim: null,
      }),
    expect: ['¥320', '提现到 招商银行(尾号 8888)'],
  },
  {
    route: 'package-merchant/fund/index',
    viewer: 'staff',
    answers: (c) =>
      void c.answer(MerchantContract, 'guaranteeFund', {
        balanceFen: -20000,
        paidOutFen: 50000,
        collectedFen: 30000,
        openClaimsFen: 20000,
        movements: [
          {
            kind: 'compensation',
            orderId: MORE_IDS.order,
            sellerId: IDS.seller,
            amountFen: -50000,
            at: NOW - DAY,
          },
        ],
      }),
    expect: ['先行赔付买家', '已先行赔付'],
  },

  // ——— package-chat ———
  {
    route: 'package-chat/conversation/index',
    query: { id: `${IDS.listing}:${IDS.me}` },
    answers: (c) =>
      void c.answer(ChatContract, 'get', conversation()).answer(ChatContract, 'history', {
        items: [
          chatMessage(2, '耳机还在吗？周末可以面交', IDS.me),
          chatMessage(1, '你好', IDS.seller),
        ],
        nextBeforeSeq: null,
        lastSeq: 2,
        otherReadSeq: 1,
      }),
    expect: ['你好', '耳机还在吗？周末可以面交', '立即购买'],
    // New messages ring through a database watch on the conversation (then chat.since reads them).
    then: (app) =>
      expect(app.cloud.watches.filter((w) => !w.closed)).toEqual([
        {
          collection: 'chat_messages',
          where: { conversationId: `${IDS.listing}:${IDS.me}`, seq: { $gt: 2 } },
          closed: false,
        },
      ]),
  },
  {
    route: 'package-chat/by-listing/index',
    query: { listingId: IDS.listing },
    answers: (c) =>
      void c
        .answer(ChatContract, 'list', {
          items: [
            conversation({
              role: 'seller',
              other: { id: IDS.me, nickname: '楼下的小王', avatarUrl: null, creditBadge: null },
            }),
          ],
          nextCursor: null,
        })
        .answer(ChatContract, 'listings', { items: [], nextCursor: null }),
    expect: ['索尼WH-1000XM4降噪耳机', '楼下的小王', '耳机还在吗？周末可以面交'],
  },

  // ——— package-social ———
  {
    route: 'package-social/storefront/index',
    query: { id: IDS.seller },
    answers: (c) =>
      void c
        .answer(SocialContract, 'storefront', storefront())
        .answer(ListingContract, 'bySeller', cards('九成新富士X100V相机')),
    expect: ['卖相机的老陈', '23已卖出', '信用优秀', '九成新富士X100V相机'],
  },
  {
    route: 'package-social/community/index',
    query: { id: IDS.community },
    answers: (c) =>
      void c.answer(SocialContract, 'community', community()).answer(SearchContract, 'query', {
        items: [listingCard()],
        nextCursor: null,
        fallback: null,
      }),
    expect: ['徐汇苑', '九成新富士X100V相机'],
  },
  {
    route: 'package-social/community-join/index',
    // Opened from an invitation link: the code is filled in, ready for 加入.
    query: { code: 'k7q2mx' },
    expect: ['有邀请码？', '找找附近的圈子'],
    attributes: { 'invite-code': { value: 'K7Q2MX' } },
  },
  {
    route: 'package-social/communities/index',
    answers: (c) => void c.answer(SocialContract, 'myCommunities', { items: [community()] }),
    expect: ['徐汇苑'],
  },
  {
    route: 'package-social/favorites/index',
    answers: (c) => void c.answer(SocialContract, 'favorites', cards('宜家书桌 白色')),
    expect: ['宜家书桌 白色'],
  },
  {
    route: 'package-social/following/index',
    answers: (c) => void c.answer(SocialContract, 'followingFeed', cards('小米空气净化器 4')),
    expect: ['小米空气净化器 4'],
  },

  // ——— package-share ———
  {
    route: 'package-share/group/index',
    query: { key: 'G7K2M9' },
    answers: (c) =>
      void c.answer(ShareContract, 'group', {
        group: GROUP,
        posted: [listingCard({ title: '儿童自行车 14寸' })],
        items: [listingCard({ id: IDS.listing, title: '宜家书桌 白色' })],
        nextCursor: null,
      }),
    expect: ['徐汇苑业主群', '儿童自行车 14寸', '宜家书桌 白色'],
  },
  {
    route: 'package-share/groups/index',
    answers: (c) =>
      void c.answer(ShareContract, 'myGroups', {
        items: [GROUP],
      }),
    expect: ['徐汇苑业主群'],
  },
  {
    route: 'package-share/stats/index',
    query: { listingId: IDS.listing },
    answers: (c) =>
      void c.answer(ShareContract, 'stats', {
        listingId: IDS.listing,
        totals: { shares: 2, views: 17, orders: 1, maxDepth: 2 },
        shares: [
          {
            sharerNickname: '热心邻居阿芳',
            isYou: false,
            depth: 2,
            reachedDepth: 2,
            views: 9,
            orders: 1,
            fromGroup: true,
            createdAt: NOW - DAY,
          },
        ],
        topSharers: [{ nickname: '热心邻居阿芳', shares: 1, views: 9, orders: 1 }],
      }),
    expect: ['热心邻居阿芳'],
  },
]
