export default definePageConfig({ navigationBarTitleText: '加入圈子' })
