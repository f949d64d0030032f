/**
 * The words a C2C listing, message, review or name may not carry, after the lists the big
 * second-hand platforms publish (闲鱼 and 转转 禁售/限售规则, the 网络交易 rules on prohibited goods):
 * what they are about (category) and what happens (action). Terms are written simplified and lower
 * case; the matcher folds the text (full-width, traditional, separators) before it compares.
 *
 * To extend: add an entry to the category's list below. `pinyin` adds the syllables as people type
 * them to dodge a filter (qiangzhi, qiang支, 枪zhi), `initials` the initials (qz); give them only to
 * terms whose romanisation is not an everyday word. `except` lists harmless words that contain the
 * term (象牙白 is a colour). `variants` spells the term as people disguise it (木仓支).
 */
import { LURE_PHRASES } from '../off-platform'

export type RiskAction = 'block' | 'review' | 'warn'

export const RISK_CATEGORIES = {
  contraband: '违禁品',
  drugs: '药品',
  wildlife: '野生动物制品',
  counterfeit: '假冒',
  diversion: '导流',
  sexual: '色情',
  gambling: '赌博',
  illegalService: '违法服务',
  restricted: '限售',
} as const

export type RiskCategory = keyof typeof RISK_CATEGORIES

export interface LexiconEntry {
  term: string
  category: RiskCategory
  action: RiskAction
  /**
   * The term's syllables as people type them ('qiang zhi', ü as v): also match the full pinyin and
   * each syllable mixed with the characters (qiangzhi, qiang支). Written out rather than computed
   * so the functions do not carry pinyin-pro's 460 KB dictionary; a test checks each against it.
   */
  pinyin?: string
  /** Also match the initials of `pinyin` (qz): only for terms whose initials are not common abbreviations. */
  initials?: boolean
  /** Harmless words containing the term; a hit inside one of them is no hit. */
  except?: readonly string[]
  /** Other spellings of the same thing, matched like the term. */
  variants?: readonly string[]
  /**
   * Matched as written (after folding) rather than with separators taken out: for terms whose
   * symbols are the point (1:1). Its digit or letter edges must not touch more digits or letters.
   */
  literal?: boolean
}

type Shorthand = string | Omit<LexiconEntry, 'category' | 'action'>

const entries = (
  category: RiskCategory,
  action: RiskAction,
  terms: readonly Shorthand[],
): LexiconEntry[] =>
  terms.map((t) =>
    typeof t === 'string' ? { term: t, category, action } : { ...t, category, action },
  )

/** Weapons, explosives, narcotics and spy gear: never for sale. */
const CONTRABAND = entries('contraband', 'block', [
  { term: '枪支', pinyin: 'qiang zhi', initials: true, variants: ['木仓支'] },
  { term: '仿真枪', pinyin: 'fang zhen qiang', initials: true },
  { term: '气枪', pinyin: 'qi qiang', except: ['吹气枪', '打气枪', '喷气枪'] },
  { term: '猎枪', pinyin: 'lie qiang' },
  { term: '手枪', pinyin: 'shou qiang', except: ['手枪钻'] },
  { term: '枪械', pinyin: 'qiang xie' },
  '钢珠枪',
  '狙击枪',
  '步枪',
  '枪管',
  { term: '弓弩', pinyin: 'gong nu' },
  '弩箭',
  '军用弩',
  '管制刀具',
  '三棱刀',
  '弹簧刀',
  { term: '子弹', except: ['子弹头', '子弹杯', '子弹笔记', '子弹短信', '子弹列车'] },
  '弹药',
  '火药',
  '炸药',
  '雷管',
  { term: '毒品', pinyin: 'du pin' },
  '冰毒',
  { term: '大麻', except: ['大麻花', '大麻布', '大麻绳', '大麻袋'] },
  '海洛因',
  { term: 'k粉', variants: ['k仔'] },
  '摇头丸',
  '麻古',
  { term: '迷药', pinyin: 'mi yao' },
  '迷幻药',
  '迷情水',
  '听话水',
  '催情药',
  '催情水',
  '蒙汗药',
  '窃听器',
  '针孔摄像头',
  '信号屏蔽器',
  '伪基站',
  '开锁工具',
])

/** Medicines: prescription and controlled drugs are not for sale between individuals. */
const DRUGS = [
  ...entries('drugs', 'block', [
    '处方药',
    '安眠药',
    '三唑仑',
    '艾司唑仑',
    '地西泮',
    '氯硝西泮',
    '阿普唑仑',
    '曲马多',
    '氯胺酮',
    '芬太尼',
    '羟考酮',
    '奥施康定',
    '杜冷丁',
    '吗啡',
    '可待因',
    '右美沙芬',
    '西布曲明',
    'γ-羟基丁酸',
    '笑气',
  ]),
  ...entries('drugs', 'review', [
    '西地那非',
    '他达拉非',
    '伟哥',
    '减肥药',
    '激素药',
    '医用针剂',
    '胰岛素',
  ]),
]

/** Products of protected species (野生动物保护法, CITES). */
const WILDLIFE = entries('wildlife', 'block', [
  {
    term: '象牙',
    pinyin: 'xiang ya',
    except: ['象牙白', '象牙色', '象牙塔', '象牙果', '象牙红', '象牙瓷'],
  },
  { term: '穿山甲', pinyin: 'chuan shan jia' },
  { term: '犀牛角', pinyin: 'xi niu jiao' },
  { term: '犀角', except: ['犀角杯仿'] },
  '虎骨',
  '豹皮',
  '熊胆',
  '玳瑁',
  '羚羊角',
  '盔犀鸟',
])

/** Fakes: sold as the real brand. */
const COUNTERFEIT = [
  ...entries('counterfeit', 'block', [
    { term: '高仿', pinyin: 'gao fang' },
    'a货',
    '超a',
    '精仿',
    '仿品',
    '复刻版',
    '1比1',
    // Written with its colon: squeezed, 1:1 would be 11 (iPhone 11).
    { term: '1:1', literal: true },
    '原单货',
    '假货',
  ]),
  ...entries('counterfeit', 'review', ['复刻', '原单', '莆田', '工厂尾单', '同厂']),
  ...entries('counterfeit', 'warn', ['尾单', '代购']),
]

/**
 * Moving the trade off the platform: the chat's lure phrases (shared/domain/off-platform). Held
 * for review on public text; the chat runs its own guard on them (a warning banner, strikes).
 */
const DIVERSION = entries(
  'diversion',
  'review',
  // 线下交易 is 同城面交 in a listing, which the platform supports.
  LURE_PHRASES.filter((p) => p !== '线下交易'),
)

const SEXUAL = [
  ...entries('sexual', 'block', [
    { term: '约炮', pinyin: 'yue pao' },
    '裸聊',
    '援交',
    '一夜情',
    '成人视频',
    '黄片',
    '迷奸',
    '原味内衣',
    '原味丝袜',
  ]),
  ...entries('sexual', 'review', ['上门按摩', '特殊服务', '包夜']),
]

const GAMBLING = [
  ...entries('gambling', 'block', [
    '赌资',
    { term: '赌博', pinyin: 'du bo' },
    '网赌',
    '赌球',
    '赌场',
    '百家乐',
    '六合彩',
    '时时彩',
    '赌博机',
    '上分下分',
  ]),
  ...entries('gambling', 'review', ['老虎机', '捕鱼机', '彩票代买']),
]

/** Services that are crimes or that serve one. */
const ILLEGAL_SERVICES = entries('illegalService', 'block', [
  { term: '代孕', pinyin: 'dai yun' },
  { term: '发票代开', variants: ['代开发票'] },
  '办证',
  '刻章',
  '代考',
  '替考',
  '代写论文',
  '信用卡套现',
  '套现',
  '洗钱',
  '刷单',
  '出售银行卡',
  '出售身份证',
  '手机卡实名',
  '收购银行卡',
  '卖肾',
])

/** Allowed with care: the buyer is told what to check. */
const RESTRICTED = [
  ...entries('restricted', 'review', ['电子烟', '香烟', '烟草', '红珊瑚', '砗磲']),
  ...entries('restricted', 'warn', ['保健品', '美瞳', '隐形眼镜', '医疗器械', '海淘']),
]

/** Every entry, in the order they are listed. */
export const LEXICON: readonly LexiconEntry[] = [
  ...CONTRABAND,
  ...DRUGS,
  ...WILDLIFE,
  ...COUNTERFEIT,
  ...DIVERSION,
  ...SEXUAL,
  ...GAMBLING,
  ...ILLEGAL_SERVICES,
  ...RESTRICTED,
]
