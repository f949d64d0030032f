export default definePageConfig({
  navigationBarTitleText: '我的处罚',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
