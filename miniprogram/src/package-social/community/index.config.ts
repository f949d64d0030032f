export default definePageConfig({
  navigationBarTitleText: '圈子',
  enablePullDownRefresh: true,
  onReachBottomDistance: 300,
  usingComponents: { 'price-tag': '../../native/price-tag/index' },
})
