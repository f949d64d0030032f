import type { Ctx2D } from './canvas-2d'

const ELLIPSIS = '…'

/**
 * Breaks `text` into at most `maxLines` lines no wider than `maxWidth` as `ctx` measures them in
 * its current font. Chinese has no spaces, so any character may end a line; a Latin word is kept
 * whole when it fits on a line of its own. Text that does not fit ends in "…" on the last line.
 */
export const wrapText = (
  ctx: Pick<Ctx2D, 'measureText'>,
  text: string,
  maxWidth: number,
  maxLines: number,
): string[] => {
  const fits = (s: string) => ctx.measureText(s).width <= maxWidth
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  const lines: string[] = []
  let line = ''
  let i = 0
  while (i < chars.length && lines.length < maxLines) {
    const next = line + chars[i]
    if (fits(next) || line === '') {
      line = next
      i++
      continue
    }
    // Move a Latin word that would be cut in two to the next line, when it is not the whole line.
    const cut = wordStart(line)
    if (/\w/.test(chars[i]!) && cut > 0 && lines.length < maxLines - 1) {
      i -= Array.from(line).length - cut
      line = Array.from(line).slice(0, cut).join('')
    }
    lines.push(line.trimEnd())
    line = ''
    if (chars[i] === ' ') i++
  }
  if (line && lines.length < maxLines) lines.push(line)
  if (i < chars.length && lines.length > 0)
    lines[lines.length - 1] = ellipsize(ctx, lines[lines.length - 1]!, maxWidth)
  return lines
}

/** Where the trailing Latin word of `line` starts (0 when the line is one word or has none). */
const wordStart = (line: string) => {
  const chars = Array.from(line)
  let k = chars.length
  while (k > 0 && /\w/.test(chars[k - 1]!)) k--
  return k === chars.length ? 0 : k
}

/** `line` shortened until it fits with "…" after it. */
export const ellipsize = (ctx: Pick<Ctx2D, 'measureText'>, line: string, maxWidth: number) => {
  const chars = Array.from(line.trimEnd())
  while (chars.length > 0 && ctx.measureText(chars.join('') + ELLIPSIS).width > maxWidth)
    chars.pop()
  return chars.join('').trimEnd() + ELLIPSIS
}

/** One line: `text` as is when it fits, else cut with "…". */
export const fitLine = (ctx: Pick<Ctx2D, 'measureText'>, text: string, maxWidth: number) =>
  ctx.measureText(text).width <= maxWidth ? text : ellipsize(ctx, text, maxWidth)
