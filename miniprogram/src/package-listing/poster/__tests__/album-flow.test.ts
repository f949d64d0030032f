import {
  ALBUM_SCOPE,
  type AlbumHost,
  SETTINGS_PROMPT,
  albumOutcomeText,
  saveToAlbum,
} from '../album-flow'

type Setting = boolean | undefined

/** A phone whose album permission is `state`; what the person does is set per test. */
const phone = (
  state: Setting,
  o: { authorize?: boolean; confirm?: boolean; settingsTo?: Setting; save?: string[] } = {},
) => {
  const calls: string[] = []
  const saveErrors = [...(o.save ?? [])]
  let current = state
  const host: AlbumHost = {
    getSetting: async () => {
      calls.push('getSetting')
      return { authSetting: current === undefined ? {} : { [ALBUM_SCOPE]: current } }
    },
    authorize: async (scope) => {
      calls.push(`authorize ${scope}`)
      current = o.authorize ?? true
      if (!current) throw { errMsg: 'authorize:fail auth deny' }
    },
    openSetting: async () => {
      calls.push('openSetting')
      current = o.settingsTo ?? current
      return { authSetting: { [ALBUM_SCOPE]: current } }
    },
    confirm: async (prompt) => {
      calls.push(`modal ${prompt.confirmText}`)
      return o.confirm ?? false
    },
    saveImageToPhotosAlbum: async (path) => {
      calls.push(`save ${path}`)
      const err = saveErrors.shift()
      if (err) throw { errMsg: `saveImageToPhotosAlbum:fail ${err}` }
    },
  }
  return { host, calls }
}

const FILE = 'wxfile://tmp/poster.png'

it('permission given: saves at once', async () => {
  const { host, calls } = phone(true)
  await expect(saveToAlbum(host, FILE)).resolves.toBe('saved')
  expect(calls).toEqual(['getSetting', `save ${FILE}`])
})

it('never asked: authorize scope.writePhotosAlbum first, then save', async () => {
  const { host, calls } = phone(undefined)
  await expect(saveToAlbum(host, FILE)).resolves.toBe('saved')
  expect(calls).toEqual(['getSetting', 'authorize scope.writePhotosAlbum', `save ${FILE}`])
})

it('refused in WeChat’s dialog just now: nothing saved, no second prompt', async () => {
  const { host, calls } = phone(undefined, { authorize: false })
  await expect(saveToAlbum(host, FILE)).resolves.toBe('refused')
  expect(calls).toEqual(['getSetting', 'authorize scope.writePhotosAlbum'])
})

it('refused before: a modal that opens the settings, and saves once it is turned on', async () => {
  const { host, calls } = phone(false, { confirm: true, settingsTo: true })
  await expect(saveToAlbum(host, FILE)).resolves.toBe('saved')
  expect(calls).toEqual([
    'getSetting',
    `modal ${SETTINGS_PROMPT.confirmText}`,
    'openSetting',
    `save ${FILE}`,
  ])
  expect(SETTINGS_PROMPT.content).toMatch(/相册/)
})

it('refused before, and the modal dismissed or the setting left off: refused', async () => {
  const dismissed = phone(false, { confirm: false })
  await expect(saveToAlbum(dismissed.host, FILE)).resolves.toBe('refused')
  expect(dismissed.calls).not.toContain('openSetting')
  const leftOff = phone(false, { confirm: true, settingsTo: false })
  await expect(saveToAlbum(leftOff.host, FILE)).resolves.toBe('refused')
  expect(leftOff.calls.filter((c) => c.startsWith('save'))).toEqual([])
})

it('turned off between the check and the save: the settings once, then saved', async () => {
  const { host, calls } = phone(true, { save: ['auth deny'], confirm: true, settingsTo: true })
  await expect(saveToAlbum(host, FILE)).resolves.toBe('saved')
  expect(calls.filter((c) => c.startsWith('save'))).toHaveLength(2)
  const again = phone(true, { save: ['auth deny', 'auth deny'], confirm: true, settingsTo: true })
  await expect(saveToAlbum(again.host, FILE)).resolves.toBe('refused')
})

it.each([
  ['privacy permission is not authorized', 'privacy'],
  ['cancel', 'cancelled'],
  ['file not found', 'failed'],
  ['api scope is not declared in the privacy agreement', 'failed'],
] as const)('a save failing with “%s” is %s', async (err, outcome) => {
  const { host } = phone(true, { save: [err] })
  await expect(saveToAlbum(host, FILE)).resolves.toBe(outcome)
})

it('says what happened, except where WeChat or the consent popup already did', () => {
  expect(albumOutcomeText('saved')).toMatch(/已保存到相册/)
  expect(albumOutcomeText('refused')).toMatch(/相册权限/)
  expect(albumOutcomeText('failed')).toMatch(/保存失败/)
  expect(albumOutcomeText('privacy')).toBeNull()
  expect(albumOutcomeText('cancelled')).toBeNull()
})
