export default definePageConfig({
  navigationBarTitleText: '消息',
  enablePullDownRefresh: true,
  // H5: the tab bar is the way around, so no title bar here (sub-pages get one with a back arrow).
  navigationStyle: process.env.TARO_ENV === 'h5' ? 'custom' : 'default',
})
