export default definePageConfig({
  navigationBarTitleText: '搜索',
  onReachBottomDistance: 300,
  usingComponents: { 'price-tag': '../../native/price-tag/index' },
})
