export default definePageConfig({
  navigationBarTitleText: '群闲置',
  enablePullDownRefresh: true,
  onReachBottomDistance: 300,
  usingComponents: { 'price-tag': '../../native/price-tag/index' },
})
