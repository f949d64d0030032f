// The main package holds only the four tabs; everything reached from them loads on demand.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/publish/index', 'pages/messages/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'package-listing',
      pages: ['publish/index', 'detail/index', 'mine/index', 'poster/index'],
    },
    {
      root: 'package-user',
      pages: [
        'login/index',
        'profile-edit/index',
        'addresses/index',
        'address-edit/index',
        'credit/index',
        'settings/index',
        // 举报 and what came of it (issue 15).
        'report/index',
        'reports/index',
        'penalties/index',
      ],
    },
    {
      // 审核后台 for moderators only: regular users never download it.
      root: 'package-moderation',
      pages: ['queue/index', 'case/index'],
    },
    {
      root: 'package-search',
      pages: ['search/index'],
    },
    {
      root: 'package-order',
      pages: [
        'confirm/index',
        'detail/index',
        'list/index',
        'disputes/index',
        'jury/index',
        'jobs/index',
        'review/index',
        'reviews/index',
      ],
    },
    {
      root: 'package-merchant',
      pages: ['onboarding/index', 'wallet/index', 'fund/index'],
    },
    {
      root: 'package-chat',
      pages: ['conversation/index', 'by-listing/index'],
    },
    {
      root: 'package-social',
      pages: [
        'storefront/index',
        'community/index',
        'community-join/index',
        'communities/index',
        'favorites/index',
        'following/index',
      ],
    },
    {
      // 群闲置 and 分享数据 (issue 13).
      root: 'package-share',
      pages: ['group/index', 'groups/index', 'stats/index'],
    },
  ],
  preloadRule: {
    // Cards on 首页 open the detail page and its search box opens search: fetch both packages
    // while the user is still browsing.
    'pages/index/index': { network: 'all', packages: ['package-listing', 'package-search'] },
    // 我的 leads to favourites, communities, the following feed and the orders.
    'pages/me/index': { network: 'all', packages: ['package-social', 'package-order'] },
    // 立即购买 opens the confirm page, 聊一聊 the conversation.
    'package-listing/detail/index': { network: 'all', packages: ['package-order', 'package-chat'] },
    // A conversation is one tap away on 消息.
    'pages/messages/index': { network: 'all', packages: ['package-chat'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻圈',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
    // The weapp's native bar; in H5 it turns on Taro's own title bar with a back arrow (a home
    // icon when there is no page to go back to). The four tabs opt out in H5 (their index.config.ts).
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#8a8a8a',
    selectedColor: '#ff4d2e',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab-home.png',
        selectedIconPath: 'assets/tab-home-on.png',
      },
      {
        pagePath: 'pages/publish/index',
        text: '发布',
        iconPath: 'assets/tab-publish.png',
        selectedIconPath: 'assets/tab-publish-on.png',
      },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tab-messages.png',
        selectedIconPath: 'assets/tab-messages-on.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab-me.png',
        selectedIconPath: 'assets/tab-me-on.png',
      },
    ],
  },
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于标注闲置所在区域和计算与你的距离' },
  },
  // Tells WeChat to route privacy consent through our popup before location or album APIs. The
  // poster's 保存到相册 (scope.writePhotosAlbum) needs no entry in `permission`, which WeChat reads
  // for location only; it must be declared as 相册（仅写入）in the 公众平台's 用户隐私保护指引.
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
})
