import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecurityRule } from './cloudbaserc.types'

/**
 * Database 安全规则 live in cloudfunctions/database-rules/<collection>.json (see its README): a
 * collection without a file gets ADMINONLY, so the mini-program reads and writes nothing there
 * and only the functions (server SDK, not bound by rules) reach it.
 */
export const loadDatabaseRules = (root: string): Record<string, SecurityRule> => {
  const dir = join(root, 'cloudfunctions', 'database-rules')
  const rules: Record<string, SecurityRule> = {}
  if (!existsSync(dir)) return rules
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort())
    rules[file.slice(0, -'.json'.length)] = JSON.parse(
      readFileSync(join(dir, file), 'utf8'),
    ) as SecurityRule
  return rules
}

/**
 * Folders the mini-program uploads into with wx.cloud.uploadFile
 * (miniprogram/src/services/transport.ts `UploadDir`; a test keeps the two equal).
 */
export const UPLOAD_DIRS = [
  'avatars',
  'chat-images',
  'evidence',
  'id-cards',
  'listing-photos',
  'listing-videos',
  'review-photos',
]

/**
 * Storage 安全规则 (one per bucket). Clients write only new files of their own into the upload
 * folders (one level deep, so no path tricks), and read only their own files (the thumbnail of
 * what they just uploaded). Everyone else's images reach a page as temporary URLs the functions
 * make (Files.urls), so ID photos and chat images are never readable by another client.
 */
export const storageRules = (dirs: string[] = UPLOAD_DIRS): SecurityRule => {
  const own = 'auth.openid != null && resource.openid == auth.openid'
  return {
    read: own,
    write: `${own} && /^(${dirs.join('|')})\\/[^/]+$/.test(resource.path) == true`,
  }
}
