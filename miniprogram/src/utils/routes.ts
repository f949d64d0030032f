/** Page paths in one place: tab pages are switched to, the rest are navigated to. */
export const Routes = {
  home: '/pages/index/index',
  publishTab: '/pages/publish/index',
  messages: '/pages/messages/index',
  me: '/pages/me/index',
  publishForm: '/package-listing/publish/index',
  detail: (id: string) => `/package-listing/detail/index?id=${encodeURIComponent(id)}`,
  mine: '/package-listing/mine/index',
  login: '/package-user/login/index',
  profileEdit: '/package-user/profile-edit/index',
} as const
