/**
 * What the build hands WeChat, read from dist/weapp: app.json's tab bar and privacy settings, that
 * every declared page exists, and the share switches as the weapp compiles them (into the page's
 * JS, not its index.json: TOOLCHAIN.md, "Share").
 */
import { allRoutes, appJson, builtFileExists, compiledShareFlags } from './harness/built-files'

const SHARED_PAGES = [
  'package-listing/detail/index',
  'package-social/storefront/index',
  'package-social/community/index',
]

describe('app.json', () => {
  const app = appJson()

  it('has the four tabs, each a main-package page with both icons in the build', () => {
    const tabs = app.tabBar?.list ?? []
    expect(tabs.map((t) => [t.text, t.pagePath])).toEqual([
      ['首页', 'pages/index/index'],
      ['发布', 'pages/publish/index'],
      ['消息', 'pages/messages/index'],
      ['我的', 'pages/me/index'],
    ])
    for (const tab of tabs) {
      expect(app.pages).toContain(tab.pagePath)
      expect([tab.iconPath, tab.selectedIconPath].filter((f) => !builtFileExists(f))).toEqual([])
    }
  })

  it('routes privacy consent through the app and declares the location APIs it calls', () => {
    expect(app.__usePrivacyCheck__).toBe(true)
    expect(app.requiredPrivateInfos).toEqual(
      expect.arrayContaining(['getLocation', 'chooseLocation']),
    )
    // WeChat refuses getLocation without a reason for scope.userLocation.
    expect(app.permission?.['scope.userLocation']?.desc).toMatch(/\S{4,}/)
  })

  it('declares 群闲置, 我的群闲置 and 分享数据 in their own subpackage, and 设置', () => {
    const share = app.subPackages?.find((p) => p.root === 'package-share')
    expect(share?.pages).toEqual(['group/index', 'groups/index', 'stats/index'])
    expect(app.subPackages?.find((p) => p.root === 'package-user')?.pages).toContain(
      'settings/index',
    )
  })

  it('declares only pages the build produced (js, json, wxml each)', () => {
    const missing = allRoutes().flatMap((route) =>
      ['js', 'json', 'wxml']
        .filter((ext) => !builtFileExists(`${route}.${ext}`))
        .map((ext) => `${route}.${ext}`),
    )
    expect(allRoutes()).toEqual(expect.arrayContaining(SHARED_PAGES))
    expect(missing).toEqual([])
  })
})

describe('share switches', () => {
  // Taro writes enableShareAppMessage into the page JS before createPageConfig, which then
  // registers onShareAppMessage (share.weapp.test.ts calls it); index.json never carries it.
  it.each(SHARED_PAGES)('%s has 转发 and 朋友圈 compiled into its page JS', (route) => {
    expect(compiledShareFlags(route)).toEqual({ appMessage: true, timeline: true })
  })

  it.each(['pages/me/index', 'package-order/confirm/index'])(
    '%s (not shared) has none',
    (route) => {
      expect(compiledShareFlags(route)).toEqual({ appMessage: false, timeline: false })
    },
  )
})
