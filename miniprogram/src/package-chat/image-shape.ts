/**
 * The frame a chat picture is shown in, by its width / height: a few fixed shapes (drawn in
 * chat-image.scss) close to the picture's own, so it keeps its look with only a thin crop, and
 * neither a panorama nor a long screenshot takes over the thread.
 */
export type ImageShape = 'wide' | 'landscape' | 'photo' | 'square' | 'portrait' | 'upright' | 'tall'

// Upper bounds of width / height for each shape, narrowest first; 'wide' takes the rest.
const SHAPES: readonly [number, ImageShape][] = [
  [0.58, 'tall'], // 1:2
  [0.72, 'upright'], // 2:3
  [0.87, 'portrait'], // 3:4
  [1.15, 'square'],
  [1.42, 'photo'], // 4:3
  [1.75, 'landscape'], // 3:2
]

/** The shape for a loaded picture's size; square when the size is unknown (0 or not a number). */
export const imageShape = (width: number, height: number): ImageShape => {
  const ratio = width / height
  if (!Number.isFinite(ratio) || ratio <= 0) return 'square'
  return SHAPES.find(([upTo]) => ratio < upTo)?.[1] ?? 'wide'
}
