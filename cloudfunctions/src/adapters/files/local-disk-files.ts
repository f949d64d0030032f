import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, normalize, sep } from 'node:path'
import type { Files } from '../../modules/core/ports/files.port'

const PREFIX = 'local://'

/** Files on local disk, served by the local cloud under `publicBaseUrl`. */
export class LocalDiskFiles implements Files {
  constructor(
    private readonly rootDir: string,
    private readonly publicBaseUrl: string,
  ) {}

  async put(path: string, bytes: Uint8Array, _contentType: string): Promise<string> {
    const full = this.resolve(path)
    if (!full) throw new Error(`unsafe file path: ${path}`)
    await mkdir(dirname(full), { recursive: true })
    await writeFile(full, bytes)
    return PREFIX + path
  }

  async exists(fileId: string): Promise<boolean> {
    const full = this.resolve(pathOf(fileId))
    return full !== null && existsSync(full)
  }

  async read(fileId: string): Promise<Uint8Array | null> {
    const full = this.resolve(pathOf(fileId))
    if (!full || !existsSync(full)) return null
    return readFile(full)
  }

  async urls(fileIds: string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {}
    for (const id of fileIds) {
      const path = pathOf(id)
      const full = this.resolve(path)
      // Only stored files: a URL for a missing one would be a broken image (CloudBase omits them too).
      if (path && full && existsSync(full)) out[id] = `${this.publicBaseUrl}/${path}`
    }
    return out
  }

  async delete(fileIds: string[]): Promise<void> {
    for (const id of fileIds) {
      const full = this.resolve(pathOf(id))
      if (full) await rm(full, { force: true })
    }
  }

  /** The absolute path for a relative one, or null if it would escape the root. */
  resolve(path: string | null): string | null {
    if (!path || path.includes('\0')) return null
    const full = normalize(join(this.rootDir, path))
    return full.startsWith(normalize(this.rootDir) + sep) ? full : null
  }
}

const pathOf = (fileId: string): string | null =>
  fileId.startsWith(PREFIX) ? fileId.slice(PREFIX.length) : null
