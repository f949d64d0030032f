export default definePageConfig({
  navigationBarTitleText: '异常任务',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
