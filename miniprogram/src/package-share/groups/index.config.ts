export default definePageConfig({ navigationBarTitleText: '我的群闲置' })
