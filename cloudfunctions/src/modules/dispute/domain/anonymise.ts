import { findOffPlatform } from '@shared/domain/off-platform'

/**
 * Text as a juror may read it: the parties' nicknames become 买家 / 卖家, and anything that reads as
 * a phone number, WeChat or QQ id, bank card or link is masked, so a juror cannot learn who the
 * parties are or reach them.
 */
export const anonymise = (
  text: string,
  names: { buyer: readonly string[]; seller: readonly string[] },
): string => {
  let out = text
  const swaps = [
    ...names.buyer.map((n) => [n, '买家'] as const),
    ...names.seller.map((n) => [n, '卖家'] as const),
  ]
    .filter(([n]) => n.trim().length >= 2)
    // Longer names first, so one containing another is replaced whole.
    .sort((a, b) => b[0].length - a[0].length)
  for (const [name, label] of swaps) out = out.split(name).join(label)
  const hits = findOffPlatform(out)
    .filter((h) => h.kind !== 'lure')
    .sort((a, b) => b.index - a.index)
  for (const h of hits)
    out =
      out.slice(0, h.index) + '＊'.repeat([...h.match].length) + out.slice(h.index + h.match.length)
  return out
}

/** A waybill number with its middle hidden: enough to tell parcels apart, not to look one up. */
export const maskWaybill = (no: string) =>
  no.length <= 6
    ? '＊'.repeat(no.length)
    : `${no.slice(0, 3)}${'＊'.repeat(no.length - 6)}${no.slice(-3)}`
