export default definePageConfig({
  navigationBarTitleText: '圈子',
  enablePullDownRefresh: true,
  onReachBottomDistance: 300,
  // 转发 and 朋友圈 (useShareCard answers both).
  enableShareAppMessage: true,
  enableShareTimeline: true,
  usingComponents: { 'price-tag': '../../native/price-tag/index' },
})
