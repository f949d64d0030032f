export default definePageConfig({
  navigationBarTitleText: '分享海报',
  backgroundColor: '#f5f6f7',
})
