export default definePageConfig({
  navigationBarTitleText: '我发布的',
  enablePullDownRefresh: true,
  onReachBottomDistance: 300,
  usingComponents: { 'price-tag': '../../native/price-tag/index' },
})
