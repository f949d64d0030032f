/**
 * Saving an image to the phone's album (weapp): the scope.writePhotosAlbum permission, asked
 * once with authorize; after a refusal WeChat never asks again, so the next tap explains why and
 * offers the settings page. Pure logic over the few wx calls it needs, tested with a fake.
 */

export const ALBUM_SCOPE = 'scope.writePhotosAlbum'

/** The part of wx (through Taro) the flow calls; each rejects as wx fails. */
export interface AlbumHost {
  getSetting(): Promise<{ authSetting: Record<string, boolean | undefined> }>
  authorize(scope: string): Promise<unknown>
  openSetting(): Promise<{ authSetting: Record<string, boolean | undefined> }>
  /** showModal: true when the person tapped the confirm button. */
  confirm(options: { title: string; content: string; confirmText: string }): Promise<boolean>
  saveImageToPhotosAlbum(filePath: string): Promise<unknown>
}

/**
 * saved; refused (the album permission is off and stays off); privacy (the 隐私保护指引 was
 * declined: the consent popup already said so); cancelled (the person backed out); failed.
 */
export type AlbumOutcome = 'saved' | 'refused' | 'privacy' | 'cancelled' | 'failed'

export const SETTINGS_PROMPT = {
  title: '需要相册权限',
  content: '保存海报需要允许邻圈保存图片到你的相册，去设置里打开「保存到相册」？',
  confirmText: '去设置',
}

const errMsg = (e: unknown) =>
  String((e as { errMsg?: string } | null)?.errMsg ?? (e as Error | null)?.message ?? e)

// "privacy permission is not authorized": the consent popup was declined (it said so itself).
const isPrivacyRefusal = (e: unknown) => /privacy permission/i.test(errMsg(e))
const isAuthRefusal = (e: unknown) => /auth|deny|denied/i.test(errMsg(e))

/** The modal, then the settings page; true when the person turned the permission on there. */
const askForSettings = async (host: AlbumHost) => {
  if (!(await host.confirm(SETTINGS_PROMPT).catch(() => false))) return false
  const r = await host.openSetting().catch(() => null)
  return r?.authSetting[ALBUM_SCOPE] === true
}

/** Asks for the permission when WeChat still can; after an earlier refusal, via the settings. */
const ensureAlbumScope = async (host: AlbumHost): Promise<AlbumOutcome | null> => {
  const setting = await host.getSetting().catch(() => ({ authSetting: {} }))
  const state = (setting.authSetting as Record<string, boolean | undefined>)[ALBUM_SCOPE]
  if (state === true) return null
  if (state === false) return (await askForSettings(host)) ? null : 'refused'
  try {
    await host.authorize(ALBUM_SCOPE)
    return null
  } catch (e) {
    // Refused just now in WeChat's own dialog: say so, and offer the settings on the next tap.
    return isPrivacyRefusal(e) ? 'privacy' : 'refused'
  }
}

/** Saves `filePath` to the album, asking for the permission as WeChat allows. */
export const saveToAlbum = async (host: AlbumHost, filePath: string): Promise<AlbumOutcome> => {
  const blocked = await ensureAlbumScope(host)
  if (blocked) return blocked
  for (let attempt = 0; ; attempt++) {
    try {
      await host.saveImageToPhotosAlbum(filePath)
      return 'saved'
    } catch (e) {
      if (isPrivacyRefusal(e)) return 'privacy'
      if (/cancel/i.test(errMsg(e))) return 'cancelled'
      // Turned off between the check and the save (or the check could not tell): once more.
      if (isAuthRefusal(e)) {
        if (attempt > 0 || !(await askForSettings(host))) return 'refused'
        continue
      }
      return 'failed'
    }
  }
}

/** What the page says after each outcome; null when something else already spoke. */
export const albumOutcomeText = (outcome: AlbumOutcome): string | null =>
  ({
    saved: '已保存到相册，可以分享到朋友圈了',
    refused: '没有相册权限，海报未保存',
    privacy: null,
    cancelled: null,
    failed: '保存失败，请稍后再试',
  })[outcome]
