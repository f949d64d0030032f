export default definePageConfig({
  navigationBarTitleText: '小法庭',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
