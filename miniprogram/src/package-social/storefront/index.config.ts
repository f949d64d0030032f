export default definePageConfig({
  navigationBarTitleText: '卖家主页',
  enablePullDownRefresh: true,
  onReachBottomDistance: 300,
  usingComponents: { 'price-tag': '../../native/price-tag/index' },
})
