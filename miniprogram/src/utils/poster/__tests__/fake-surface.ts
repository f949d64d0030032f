import type { LoadableImage } from '../canvas-2d'
import { FakeContext } from './fake-context'

/**
 * Images that "load" as the test says: `sizes[src]` is the natural size of a URL that loads; a
 * URL not listed fails (onerror); `hang` lists URLs that never answer.
 */
export const fakeSurface = (
  sizes: Record<string, { width: number; height: number }>,
  hang: string[] = [],
) => {
  const loaded: string[] = []
  const surface = {
    canvas: { width: 300, height: 150 },
    ctx: new FakeContext(),
    loaded,
    createImage(): LoadableImage {
      const image: LoadableImage & { _src: string } = {
        width: 0,
        height: 0,
        onload: null,
        onerror: null,
        _src: '',
        get src() {
          return this._src
        },
        set src(url: string) {
          this._src = url
          if (hang.includes(url)) return
          setTimeout(() => {
            const size = sizes[url]
            if (size) {
              Object.assign(image, size)
              loaded.push(url)
              image.onload?.()
            } else image.onerror?.()
          }, 0)
        },
      }
      return image
    },
  }
  return surface
}
