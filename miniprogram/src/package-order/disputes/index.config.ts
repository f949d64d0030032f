export default definePageConfig({
  navigationBarTitleText: '纠纷处理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
