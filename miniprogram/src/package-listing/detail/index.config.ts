export default definePageConfig({
  navigationBarTitleText: '闲置详情',
  usingComponents: { 'price-tag': '../../native/price-tag/index' },
})
