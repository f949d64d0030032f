export default definePageConfig({
  navigationBarTitleText: '信用',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
