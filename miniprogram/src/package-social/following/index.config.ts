export default definePageConfig({
  navigationBarTitleText: '关注的人的新发布',
  enablePullDownRefresh: true,
  onReachBottomDistance: 300,
  usingComponents: { 'price-tag': '../../native/price-tag/index' },
})
