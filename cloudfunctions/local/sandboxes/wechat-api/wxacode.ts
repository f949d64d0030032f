import { toBuffer } from 'qrcode'
import { WxApiError } from './state'

/**
 * POST /wxa/getwxacodeunlimit: WeChat's field checks and errcodes, then a real QR code PNG of the
 * requested width. A real 小程序码 is WeChat's round code, which only WeChat can draw and scan; the
 * sandbox draws a square QR code whose text carries what the round one stands for: the appid, the
 * page, the scene and the version (see wxacodeContent), so any QR decoder can check a poster.
 */

type Json = Record<string, unknown>

/** Where the sandbox's codes point: a reserved `.invalid` host, so nothing mistakes one for WeChat's. */
export const WXACODE_CONTENT_ORIGIN = 'https://wxacode.sandbox.invalid'

/** The pages a check_path=true call accepts, unless the sandbox is given its own list. */
export const DEFAULT_PUBLISHED_PAGES = [
  'pages/index/index',
  'package-listing/detail/index',
  'package-social/storefront/index',
  'package-social/community/index',
]

/** WeChat's scene alphabet: digits, letters and !#$&'()*+,/:;=?@-._~ (no %, no Chinese). */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/
const ENV_VERSIONS = ['release', 'trial', 'develop']
const PAGE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/

export interface WxacodeRecord {
  scene: string
  page: string
  env_version: string
  width: number
  check_path: boolean
  content: string
  /** Sandbox time (epoch ms). */
  at: number
}

export interface WxacodeDecoded {
  appid: string
  page: string
  scene: string
  envVersion: string
}

/** The text inside a sandbox 小程序码. */
export const wxacodeContent = (appid: string, page: string, scene: string, env: string) =>
  `${WXACODE_CONTENT_ORIGIN}/${encodeURIComponent(appid)}?${new URLSearchParams({
    page,
    scene,
    env_version: env,
  })}`

/** Reads a decoded sandbox code back (what a scanner in a test or journey does); null for anything else. */
export const parseWxacodeContent = (text: string): WxacodeDecoded | null => {
  if (!text.startsWith(`${WXACODE_CONTENT_ORIGIN}/`)) return null
  const url = new URL(text)
  const page = url.searchParams.get('page')
  const scene = url.searchParams.get('scene')
  const envVersion = url.searchParams.get('env_version')
  if (page === null || scene === null || envVersion === null) return null
  return { appid: decodeURIComponent(url.pathname.slice(1)), page, scene, envVersion }
}

const fail = (errcode: number, errmsg: string): never => {
  throw new WxApiError(errcode, errmsg)
}

/** Checks a request body as WeChat does; answers the PNG and what was drawn. */
export const renderWxacode = async (
  b: Json,
  o: { appid: string; publishedPages: string[]; now: number },
): Promise<{ png: Buffer; record: WxacodeRecord }> => {
  const scene = b.scene
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32)
    fail(40169, 'invalid length for scene, or the data is not json string')
  if (!SCENE.test(scene as string)) fail(40129, 'invalid scene')
  const env = b.env_version ?? 'release'
  if (typeof env !== 'string' || !ENV_VERSIONS.includes(env))
    fail(40097, 'invalid args: env_version')
  const checkPath = b.check_path ?? true
  if (typeof checkPath !== 'boolean') fail(40097, 'invalid args: check_path')
  const page = b.page ?? o.publishedPages[0]
  // No leading slash, no query (parameters go in the scene), and published unless check_path=false.
  if (typeof page !== 'string' || !PAGE.test(page)) fail(41030, 'invalid page')
  if (checkPath && !o.publishedPages.includes(page as string)) fail(41030, 'invalid page')
  const width = b.width ?? 430
  // WeChat documents 280-1280 px but no errcode for leaving it: the sandbox refuses with 40097.
  if (!Number.isInteger(width) || (width as number) < 280 || (width as number) > 1280)
    fail(40097, 'invalid args: width must be 280 to 1280')
  const content = wxacodeContent(o.appid, page as string, scene as string, env as string)
  const png = await toBuffer(content, {
    type: 'png',
    width: width as number,
    margin: 2,
    errorCorrectionLevel: 'M',
    color: colorsOf(b),
  })
  return {
    png,
    record: {
      scene: scene as string,
      page: page as string,
      env_version: env as string,
      width: width as number,
      check_path: checkPath as boolean,
      content,
      at: o.now,
    },
  }
}

/** line_color (when auto_color is off) and is_hyaline (a transparent background). */
const colorsOf = (b: Json) => {
  const c = b.line_color as Json | undefined
  const channel = (v: unknown) => Math.max(0, Math.min(255, Number(v) || 0))
  const hex = (v: unknown) => channel(v).toString(16).padStart(2, '0')
  const dark =
    b.auto_color !== true && c && typeof c === 'object'
      ? `#${hex(c.r)}${hex(c.g)}${hex(c.b)}ff`
      : '#000000ff'
  return { dark, light: b.is_hyaline === true ? '#ffffff00' : '#ffffffff' }
}
