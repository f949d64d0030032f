export default definePageConfig({
  navigationBarTitleText: '闲置详情',
  // 转发 and 朋友圈 (useShareCard answers both).
  enableShareAppMessage: true,
  enableShareTimeline: true,
  usingComponents: { 'price-tag': '../../native/price-tag/index' },
})
