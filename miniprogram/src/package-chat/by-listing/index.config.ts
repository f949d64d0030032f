export default definePageConfig({ navigationBarTitleText: '买家咨询', enablePullDownRefresh: true })
