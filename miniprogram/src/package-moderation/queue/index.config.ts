export default definePageConfig({
  navigationBarTitleText: '审核后台',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
