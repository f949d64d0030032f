export default definePageConfig({ navigationBarTitleText: '保障基金', enablePullDownRefresh: true })
