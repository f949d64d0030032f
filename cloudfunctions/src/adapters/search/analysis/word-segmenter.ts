import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import { termVocabulary } from './term-vocabulary'

/**
 * Chinese word segmentation with jieba (native, server side only). Its dictionary (5 MB) loads
 * once, on the first listing or query that needs it, with the synonym table's words and the
 * category names added so they stay whole (拍立得, 耳机音箱, 苹果手机). No HMM guessing of unknown
 * words: the index and the query must cut the same text the same way, and an unknown pair of
 * characters (耳几) is better left as characters for the typo step to recognise.
 */
let jieba: Jieba | null = null

const segmenter = (): Jieba => {
  if (!jieba) {
    jieba = Jieba.withDict(dict)
    const words = termVocabulary().segmenterWords()
    jieba.loadDict(Buffer.from(words.map((w) => `${w} 50000 n`).join('\n')))
  }
  return jieba
}

/** The words of a run of Han characters, each character in exactly one word. */
export const cutWords = (han: string): string[] => segmenter().cut(han, false)

/**
 * The words of `cutWords` plus the shorter dictionary words inside the long ones (蓝牙耳机 → 蓝牙,
 * 耳机, 蓝牙耳机): what the index keeps, so a search for a part finds the whole.
 */
export const cutForIndex = (han: string): string[] => segmenter().cutForSearch(han, false)
