import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join, normalize, sep } from 'node:path'
import { ErrorCodes } from '@shared/errors/error-codes'
import { sendStatic } from './files-route'
import { HttpError, methodNotAllowed, safeSegments } from './http-utils'

/**
 * The H5 build at `/`. A path without a file extension that is not a file falls back to
 * index.html, so a browser-history route reloads into the app instead of a 404.
 */
export const serveH5 = async (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  h5Dir: string,
): Promise<void> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET', 'HEAD'])
  const index = join(h5Dir, 'index.html')
  if (!existsSync(index)) return sendMissingBuild(res)

  const segments = safeSegments(pathname)
  if (!segments) throw new HttpError(400, ErrorCodes.VALIDATION, '路径不合法')
  const root = normalize(h5Dir)
  let full = segments.length === 0 ? index : normalize(join(root, ...segments))
  if (full !== index && !full.startsWith(root + sep))
    throw new HttpError(400, ErrorCodes.VALIDATION, '路径不合法')

  let info = await stat(full).catch(() => null)
  if (info?.isDirectory()) {
    full = join(full, 'index.html')
    info = await stat(full).catch(() => null)
  }
  if (!info?.isFile()) {
    const last = segments[segments.length - 1] ?? ''
    if (last.includes('.')) throw new HttpError(404, ErrorCodes.NOT_FOUND, `没有 ${pathname}`)
    full = index
    info = await stat(index)
  }
  // HTML must be revalidated so a rebuild shows at once; hashed assets can be cached a while.
  const cache = full.endsWith('.html') ? 'no-cache' : 'public, max-age=3600'
  sendStatic(req, res, full, info.size, info.mtimeMs, cache)
}

const sendMissingBuild = (res: ServerResponse) => {
  const html = `<!doctype html><meta charset="utf-8"><title>邻圈 LinQuan · local cloud</title>
<body style="font-family:system-ui,sans-serif;max-width:40em;margin:4em auto;line-height:1.6">
<h1>H5 app not built yet</h1>
<p>The local cloud is running (functions at <code>POST /fn/&lt;name&gt;</code>), but there is no
<code>dist/h5/index.html</code>. Build the browser app with:</p>
<pre>npm run build:h5</pre>
<p>then reload this page. (<code>npm start</code> builds it for you when it is missing.)</p>`
  res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(html)
}
