export default definePageConfig({ navigationBarTitleText: '发布闲置' })
