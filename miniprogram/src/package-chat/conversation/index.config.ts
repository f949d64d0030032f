export default definePageConfig({
  navigationBarTitleText: '聊天',
  // The thread scrolls inside its own view, so the page itself must not bounce.
  disableScroll: true,
})
