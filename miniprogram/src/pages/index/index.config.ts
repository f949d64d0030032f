export default definePageConfig({
  navigationBarTitleText: '邻圈',
  // H5: the tab bar is the way around, so no title bar here (sub-pages get one with a back arrow).
  navigationStyle: process.env.TARO_ENV === 'h5' ? 'custom' : 'default',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 300,
  usingComponents: { 'price-tag': '../../native/price-tag/index' },
})
