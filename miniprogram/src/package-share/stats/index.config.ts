export default definePageConfig({ navigationBarTitleText: '分享数据' })
