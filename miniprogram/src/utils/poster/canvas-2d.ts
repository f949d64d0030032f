/**
 * The part of a 2D canvas the poster and share-card layouts use. The weapp Canvas 2D context
 * (`canvas.getContext('2d')` on a `<canvas type="2d">` node or an offscreen canvas), the browser's
 * CanvasRenderingContext2D and the tests' fake context all have it, so one layout draws on each;
 * platform code casts its context to this at the boundary.
 */
export interface Ctx2D {
  /** A CSS colour string here; `unknown` so the browser's wider type still fits. */
  fillStyle: unknown
  font: string
  textAlign: string
  textBaseline: string
  save(): void
  restore(): void
  scale(x: number, y: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  /** The nine-argument form: the source rectangle `s*` of `image` into the box `d*`. */
  drawImage(
    image: ImageLike,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ): void
  beginPath(): void
  closePath(): void
  moveTo(x: number, y: number): void
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void
  fill(): void
  clip(): void
}

/** An image that finished loading: only its natural size matters to the layout. */
export interface ImageLike {
  width: number
  height: number
}

/** What `canvas.createImage()` (weapp) or `new Image()` (browser) gives: load by setting `src`. */
export interface LoadableImage extends ImageLike {
  src: string
  onload: ((...args: never[]) => unknown) | null
  onerror: ((...args: never[]) => unknown) | null
}

/** A canvas to draw on: its backing size (device pixels), its context and its image factory. */
export interface DrawSurface {
  canvas: { width: number; height: number }
  ctx: Ctx2D
  createImage(): LoadableImage
}

/** A canvas that is never on screen, and a way to get what was drawn as an image. */
export interface OffscreenSurface extends DrawSurface {
  /** A local temp file path (weapp) or a data URL (browser) of the canvas as a JPEG. */
  exportImage(): Promise<string>
}

/** A rectangle in layout units (the poster's 750-wide design space). */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}
