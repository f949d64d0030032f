export default definePageConfig({ navigationBarTitleText: '我的圈子' })
