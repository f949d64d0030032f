/**
 * ListingSearch on SQLite against a naive scan, in the same run.
 *   npm run bench:search -- --listings 1000000 [--runs 300] [--naive-runs 20] [--keep]
 * Builds realistic listings through SqliteListingSearch.upsert (in store transactions) into a
 * fresh temporary database, runs each query type from realistic points and keywords the way the
 * search function sends them (`text`: understood, see adapters/search/analysis), answers the
 * same queries with a naive scan of a plain table (each listing's index terms as one string
 * searched with instr for every alternative of every clause, the distance computed for every
 * row and sorted; relevance scores every match with rankScore, where the adapter ranks a pool of
 * the newest), compares the answers, and prints as its last line:
 * {"listings","buildSeconds","dbMiB","queries":{"nearby","keyword","twoChar","keywordNearby","relevance"}}.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { ulid } from 'ulid'
import { CITIES } from '@shared/domain/cities'
import { CONDITION_IDS } from '@shared/domain/listing'
import { arg, mulberry32, percentile, round } from './bench-kit'
import { SqliteListingSearch } from '../cloudfunctions/src/adapters/search/sqlite-listing-search'
import { SqliteDocumentStore } from '../cloudfunctions/src/adapters/store/sqlite-document-store'
import type {
  ListingSearchHit,
  ListingSearchQuery,
  SearchDoc,
} from '../cloudfunctions/src/modules/search/ports/listing-search.port'
import { TERM_WEIGHTS } from '../cloudfunctions/src/modules/search/domain/search-ranking'
import { listingTerms } from '../cloudfunctions/src/adapters/search/analysis/listing-terms'
import { planQuery } from '../cloudfunctions/src/adapters/search/analysis/query-plan'
import { type PoolRow, rankPool } from '../cloudfunctions/src/adapters/search/relevance-pool'
import { sortKeyTime } from '../cloudfunctions/src/adapters/search/sort-key-rowid'

const N = arg('listings', 100_000)
const RUNS = arg('runs', 300)
const NAIVE_RUNS = arg('naive-runs', N >= 200_000 ? 20 : Math.min(RUNS, 100))
const WARMUP = 20
const BATCH = 10_000

/** Two runs build the same data and ask the same queries. */
const rand = mulberry32(20261001)
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
const chance = (p: number) => rand() < p
/** Standard normal (Box–Muller): listings cluster around district centres. */
const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())

// -------------------------------------------------------------------------------------------
// Where: five cities, weighted; 上海 and 杭州 from shared/, three more defined here
// -------------------------------------------------------------------------------------------

type Centre = { latitude: number; longitude: number }
const c = (latitude: number, longitude: number): Centre => ({ latitude, longitude })
const CITY_SPECS: { name: string; weight: number; districts: Centre[] }[] = [
  {
    name: '上海',
    weight: 0.3,
    districts: CITIES.find((x) => x.name === '上海')!.districts.map((d) => d.center),
  },
  {
    name: '杭州',
    weight: 0.15,
    districts: CITIES.find((x) => x.name === '杭州')!.districts.map((d) => d.center),
  },
  {
    name: '北京',
    weight: 0.25,
    districts: [
      c(39.9289, 116.3883),
      c(39.9219, 116.4436),
      c(39.9593, 116.2981),
      c(39.8585, 116.2867),
      c(39.9042, 116.4074),
      c(40.0799, 116.3473),
      c(39.9934, 116.3106),
    ],
  },
  {
    name: '广州',
    weight: 0.15,
    districts: [
      c(23.1291, 113.2644),
      c(23.1056, 113.3245),
      c(23.1252, 113.3191),
      c(23.084, 113.3172),
      c(23.1815, 113.2628),
      c(22.9375, 113.384),
    ],
  },
  {
    name: '深圳',
    weight: 0.15,
    districts: [
      c(22.5431, 114.0579),
      c(22.5333, 113.9305),
      c(22.5551, 114.1315),
      c(22.5602, 113.8837),
      c(22.6533, 114.0262),
      c(22.7209, 114.246),
    ],
  },
]
const cityOf = () => {
  let r = rand()
  for (const city of CITY_SPECS) if ((r -= city.weight) < 0) return city
  return CITY_SPECS[0]!
}
const METERS_PER_DEGREE = 111_195
/** A realistic point: near a district centre (σ 2.5 km), sometimes anywhere within 25 km. */
const pointIn = (city: (typeof CITY_SPECS)[number], sigma = 2_500): Centre => {
  const centre = chance(0.1) ? city.districts[0]! : pick(city.districts)
  const spread = chance(0.1) ? 12_000 : sigma
  const north = gauss() * spread
  const east = gauss() * spread
  return {
    latitude: centre.latitude + north / METERS_PER_DEGREE,
    longitude:
      centre.longitude + east / (METERS_PER_DEGREE * Math.cos((centre.latitude * Math.PI) / 180)),
  }
}

// -------------------------------------------------------------------------------------------
// What: a few hundred items, brands and adjectives, by category
// -------------------------------------------------------------------------------------------

const CATALOGUE: { sub: string; items: string[]; brands: string[]; price: [number, number] }[] = [
  {
    sub: 'phone.iphone',
    items: [
      'iPhone 11',
      'iPhone 12',
      'iPhone 13',
      'iPhone 13 Pro',
      'iPhone 14',
      'iPhone 15 Pro',
      'iPhone SE',
    ],
    brands: ['苹果', 'Apple'],
    price: [100_000, 600_000],
  },
  {
    sub: 'phone.android',
    items: ['手机', '智能手机', '折叠屏手机', '备用机', '老人机'],
    brands: ['华为', '小米', 'OPPO', 'vivo', '荣耀', '三星', '一加', 'realme'],
    price: [20_000, 500_000],
  },
  {
    sub: 'phone.accessory',
    items: ['手机壳', '充电器', '数据线', '充电宝', '钢化膜', '手机支架', '无线充电器'],
    brands: ['Anker', '绿联', '倍思', '小米'],
    price: [500, 15_000],
  },
  {
    sub: 'digital.earphones',
    items: ['耳机', '蓝牙耳机', '降噪耳机', '头戴式耳机', '音箱', '蓝牙音箱', 'AirPods', '耳麦'],
    brands: ['索尼', 'Sony', 'Bose', '漫步者', 'JBL', '森海塞尔', '苹果'],
    price: [3_000, 250_000],
  },
  {
    sub: 'digital.camera',
    items: ['相机', '单反相机', '微单', '镜头', '三脚架', '拍立得', '运动相机', '胶片相机'],
    brands: ['佳能', '尼康', '索尼', '富士', '大疆', 'GoPro', '徕卡'],
    price: [10_000, 1_500_000],
  },
  {
    sub: 'digital.tablet',
    items: ['iPad', '平板', '平板电脑', '手写笔', '电子书阅读器', 'Kindle', 'iPad Air'],
    brands: ['苹果', '华为', '小米', '联想'],
    price: [20_000, 600_000],
  },
  {
    sub: 'digital.wearable',
    items: ['手表', '智能手表', '手环', 'Apple Watch', '运动手表'],
    brands: ['华为', '小米', '佳明', '苹果'],
    price: [5_000, 300_000],
  },
  {
    sub: 'digital.gaming',
    items: ['Switch', '游戏机', 'PS5', '手柄', '游戏卡带', 'Xbox', '掌机', 'Steam Deck'],
    brands: ['任天堂', '索尼', '微软'],
    price: [5_000, 400_000],
  },
  {
    sub: 'computer.laptop',
    items: ['笔记本', '笔记本电脑', 'MacBook', 'MacBook Air', '游戏本', 'ThinkPad', '轻薄本'],
    brands: ['联想', '戴尔', '华硕', '惠普', '苹果', '华为'],
    price: [100_000, 1_200_000],
  },
  {
    sub: 'computer.desktop',
    items: ['台式机', '主机', '显卡', '内存条', '固态硬盘', '机箱', 'CPU', '主板', '电源'],
    brands: ['英伟达', 'AMD', '英特尔', '三星', '金士顿', '技嘉'],
    price: [10_000, 800_000],
  },
  {
    sub: 'computer.monitor',
    items: ['显示器', '曲面屏', '4K显示器', '显示器支架', '便携显示器'],
    brands: ['戴尔', 'AOC', '飞利浦', '三星', 'LG'],
    price: [20_000, 400_000],
  },
  {
    sub: 'computer.peripheral',
    items: ['键盘', '机械键盘', '鼠标', '鼠标垫', '路由器', '打印机', '摄像头', '手写板'],
    brands: ['罗技', '雷蛇', '樱桃', '华硕', 'TP-LINK', '惠普'],
    price: [2_000, 150_000],
  },
  {
    sub: 'appliance.kitchen',
    items: [
      '空气炸锅',
      '电饭煲',
      '微波炉',
      '烤箱',
      '破壁机',
      '咖啡机',
      '电水壶',
      '料理机',
      '电磁炉',
    ],
    brands: ['美的', '九阳', '苏泊尔', '小熊', '飞利浦', '德龙'],
    price: [3_000, 300_000],
  },
  {
    sub: 'appliance.cleaning',
    items: ['扫地机器人', '吸尘器', '洗地机', '除螨仪', '拖把'],
    brands: ['戴森', '科沃斯', '石头', '追觅', '小米'],
    price: [5_000, 400_000],
  },
  {
    sub: 'appliance.personal',
    items: ['吹风机', '电动牙刷', '剃须刀', '卷发棒', '按摩仪', '筋膜枪'],
    brands: ['戴森', '飞利浦', '松下', '欧乐B', '徕芬'],
    price: [2_000, 300_000],
  },
  {
    sub: 'appliance.large',
    items: ['冰箱', '洗衣机', '空调', '电视', '热水器', '烘干机', '投影仪'],
    brands: ['海尔', '格力', '美的', '小米', '西门子', '海信'],
    price: [30_000, 800_000],
  },
  {
    sub: 'furniture.table',
    items: ['书桌', '餐桌', '椅子', '办公椅', '电脑桌', '茶几', '凳子', '升降桌'],
    brands: ['宜家', 'IKEA', '网易严选', '西昊'],
    price: [3_000, 300_000],
  },
  {
    sub: 'furniture.storage',
    items: ['衣柜', '书架', '收纳箱', '鞋柜', '置物架', '床头柜', '斗柜'],
    brands: ['宜家', '无印良品', '天马'],
    price: [2_000, 200_000],
  },
  {
    sub: 'furniture.bed',
    items: ['床垫', '床', '上下铺', '四件套', '被子', '枕头', '沙发', '沙发床'],
    brands: ['宜家', '顾家', '喜临门', '全友'],
    price: [3_000, 500_000],
  },
  {
    sub: 'furniture.decor',
    items: ['台灯', '落地灯', '地毯', '窗帘', '花瓶', '挂画', '镜子', '香薰机'],
    brands: ['宜家', '无印良品', '小米'],
    price: [1_000, 100_000],
  },
  {
    sub: 'clothing.women',
    items: ['连衣裙', '羽绒服', '大衣', '毛衣', '半身裙', '卫衣', '风衣', '旗袍'],
    brands: ['优衣库', 'ZARA', '太平鸟', '波司登', 'MO&Co.'],
    price: [2_000, 200_000],
  },
  {
    sub: 'clothing.men',
    items: ['夹克', '衬衫', '西装', '冲锋衣', 'T恤', '牛仔裤', '羽绒服'],
    brands: ['优衣库', '海澜之家', '始祖鸟', '北面', '李宁'],
    price: [2_000, 300_000],
  },
  {
    sub: 'clothing.shoes',
    items: ['运动鞋', '跑鞋', '篮球鞋', '板鞋', '高跟鞋', '靴子', '拖鞋', '帆布鞋'],
    brands: ['耐克', 'Nike', '阿迪达斯', '新百伦', '安踏', '李宁', '匡威'],
    price: [3_000, 200_000],
  },
  {
    sub: 'clothing.bags',
    items: ['双肩包', '行李箱', '手提包', '钱包', '斜挎包', '托特包'],
    brands: ['新秀丽', 'COACH', '小米', 'MK'],
    price: [3_000, 500_000],
  },
  {
    sub: 'beauty.skincare',
    items: ['面霜', '精华', '面膜', '防晒霜', '洗面奶', '眼霜'],
    brands: ['兰蔻', '雅诗兰黛', 'SK-II', '资生堂', '薇诺娜'],
    price: [2_000, 150_000],
  },
  {
    sub: 'beauty.makeup',
    items: ['口红', '粉底液', '眼影盘', '化妆刷', '腮红'],
    brands: ['迪奥', '香奈儿', 'MAC', '完美日记', '花西子'],
    price: [1_000, 80_000],
  },
  {
    sub: 'beauty.fragrance',
    items: ['香水', '香薰', '淡香水'],
    brands: ['香奈儿', '迪奥', '祖玛珑'],
    price: [5_000, 200_000],
  },
  {
    sub: 'baby.stroller',
    items: ['婴儿车', '安全座椅', '推车', '餐椅', '婴儿床'],
    brands: ['好孩子', 'babycare', '宝得适', 'Cybex'],
    price: [5_000, 400_000],
  },
  {
    sub: 'baby.toys',
    items: ['积木', '绘本', '早教机', '拼图', '玩具车', '学步车'],
    brands: ['费雪', '乐高', '伟易达'],
    price: [1_000, 50_000],
  },
  {
    sub: 'baby.clothes',
    items: ['童装', '连体衣', '童鞋', '婴儿服'],
    brands: ['巴拉巴拉', '英氏', '优衣库'],
    price: [1_000, 30_000],
  },
  {
    sub: 'books.textbook',
    items: ['教材', '考研资料', '高数', '英语词汇', '练习册', '大学物理'],
    brands: ['新东方', '高等教育出版社'],
    price: [500, 20_000],
  },
  {
    sub: 'books.fiction',
    items: ['小说', '漫画', '散文集', '科幻小说', '三体', '推理小说'],
    brands: ['人民文学', '译林'],
    price: [500, 20_000],
  },
  {
    sub: 'books.exam',
    items: ['雅思', '托福', '公务员', '教资', '真题', '考研真题'],
    brands: ['新东方', '粉笔', '中公'],
    price: [500, 20_000],
  },
  {
    sub: 'sports.bike',
    items: ['自行车', '山地车', '公路车', '折叠车', '电动车', '滑板车', '平衡车'],
    brands: ['捷安特', '美利达', '迪卡侬', '小牛', '雅迪'],
    price: [10_000, 800_000],
  },
  {
    sub: 'sports.fitness',
    items: ['哑铃', '跑步机', '瑜伽垫', '健身环', '动感单车', '壶铃', '划船机'],
    brands: ['迪卡侬', 'Keep', '舒华'],
    price: [2_000, 500_000],
  },
  {
    sub: 'sports.outdoor',
    items: ['帐篷', '登山包', '睡袋', '露营椅', '钓鱼竿', '滑雪板', '登山鞋'],
    brands: ['迪卡侬', '牧高笛', '始祖鸟', '北面'],
    price: [3_000, 400_000],
  },
  {
    sub: 'sports.ball',
    items: ['篮球', '足球', '羽毛球拍', '网球拍', '乒乓球拍', '排球'],
    brands: ['李宁', '尤尼克斯', '威尔胜', '斯伯丁'],
    price: [2_000, 150_000],
  },
  {
    sub: 'toys.models',
    items: ['乐高', '手办', '高达', '模型', '盲盒', '积木'],
    brands: ['乐高', '万代', '泡泡玛特'],
    price: [1_000, 300_000],
  },
  {
    sub: 'toys.instrument',
    items: ['吉他', '尤克里里', '电子琴', '钢琴', '小提琴', '架子鼓', '电吉他'],
    brands: ['雅马哈', '卡西欧', '芬达', '珠江'],
    price: [10_000, 2_000_000],
  },
  {
    sub: 'toys.boardgame',
    items: ['桌游', '狼人杀', '麻将', '象棋', '围棋', '扑克'],
    brands: ['游卡', '三国杀'],
    price: [1_000, 30_000],
  },
  {
    sub: 'other.tickets',
    items: ['演唱会门票', '电影票', '购物卡', '健身卡', '话剧票', '游泳卡'],
    brands: [],
    price: [2_000, 200_000],
  },
  {
    sub: 'other.pets',
    items: ['猫砂盆', '猫爬架', '狗笼', '宠物航空箱', '鱼缸', '猫粮'],
    brands: ['小佩', '皇家'],
    price: [1_000, 100_000],
  },
  {
    sub: 'other.misc',
    items: ['绿萝', '花盆', '雨伞', '暖手宝', '加湿器', '行军床'],
    brands: [],
    price: [500, 30_000],
  },
  {
    sub: 'services.tutoring',
    items: ['家教', '数学家教', '英语辅导', '钢琴陪练', '作业辅导'],
    brands: [],
    price: [5_000, 30_000],
  },
  {
    sub: 'services.repair',
    items: ['家电维修', '手机维修', '电脑维修', '自行车维修', '上门安装'],
    brands: [],
    price: [3_000, 30_000],
  },
  {
    sub: 'services.errand',
    items: ['跑腿代办', '代取快递', '排队代办'],
    brands: [],
    price: [1_000, 10_000],
  },
  {
    sub: 'services.cleaning',
    items: ['家庭保洁', '深度保洁', '油烟机清洗'],
    brands: [],
    price: [5_000, 50_000],
  },
  {
    sub: 'services.moving',
    items: ['搬家服务', '小件搬运', '拉货'],
    brands: [],
    price: [10_000, 100_000],
  },
  {
    sub: 'services.photo',
    items: ['写真拍摄', '证件照', '毕业照拍摄'],
    brands: [],
    price: [10_000, 100_000],
  },
  {
    sub: 'services.pet',
    items: ['宠物上门喂养', '遛狗', '宠物寄养'],
    brands: [],
    price: [3_000, 20_000],
  },
]
const ADJECTIVES = [
  '九成新',
  '全新',
  '未拆封',
  '几乎全新',
  '自用',
  '闲置',
  '二手',
  '正品',
  '国行',
  '成色好',
  '低价',
  '急出',
  '搬家急出',
  '便宜出',
  '包邮',
  '可小刀',
  '95新',
  '99新',
]
const SUFFIXES = [
  '',
  '',
  '',
  '128G',
  '256G',
  '黑色',
  '白色',
  '大号',
  '小号',
  'Pro',
  '2023款',
  '套装',
  '带发票',
  '原装',
]
const REASONS = [
  '搬家带不走',
  '换新了',
  '买来没怎么用',
  '毕业出',
  '闲置在家',
  '收到礼物重复了',
  '用不上了',
  '升级换代',
]
const STATES = [
  '功能完好',
  '无磕碰',
  '有轻微划痕',
  '配件齐全',
  '发票在',
  '电池健康90%',
  '外观完美',
  '正常使用痕迹',
]
const TRADES = ['同城自提优先', '可面交', '不包邮', '顺丰到付', '地铁站面交', '小区门口自提']
const STATUSES: [SearchDoc['status'], number][] = [
  ['active', 0.7],
  ['sold', 0.12],
  ['removed', 0.08],
  ['expired', 0.07],
  ['draft', 0.03],
]

const status = () => {
  let r = rand()
  for (const [s, p] of STATUSES) if ((r -= p) < 0) return s
  return 'active'
}

const NOW = Date.UTC(2026, 9, 1)
const DAY = 86_400_000

const makeListing = (i: number): SearchDoc => {
  const city = cityOf()
  const entry = pick(CATALOGUE)
  const item = pick(entry.items)
  const brand = entry.brands.length && chance(0.6) ? pick(entry.brands) : ''
  const sep = chance(0.5) ? ' ' : ''
  const title = [chance(0.6) ? pick(ADJECTIVES) : '', brand, item, pick(SUFFIXES)]
    .filter(Boolean)
    .join(sep)
    .slice(0, 30)
  const other = pick(CATALOGUE)
  const description = [
    `${brand}${item}${pick(REASONS)}`,
    pick(STATES),
    chance(0.3) ? `送${pick(other.items)}` : '',
    chance(0.6) ? pick(TRADES) : '',
    chance(0.4) ? `${pick(STATES)}，${pick(REASONS)}，有意私聊` : '',
  ]
    .filter(Boolean)
    .join('，')
  // Created over the last 90 days in id order; a third were renewed (擦亮) since.
  const created = NOW - 90 * DAY + Math.floor((i / N) * 90 * DAY)
  const bumped = chance(0.33)
    ? created + Math.floor(rand() * Math.min(20 * DAY, NOW - created))
    : created
  const [lo, hi] = entry.price
  const service = entry.sub.startsWith('services.')
  const trade = { shipping: !service && chance(0.6), meetup: chance(0.5), pickup: chance(0.3) }
  if (!trade.shipping && !trade.meetup && !trade.pickup) trade.meetup = true
  const point = pointIn(city)
  return {
    id: ulid(created),
    sortKey: bumped === created && chance(0.5) ? ulid(created) : ulid(bumped),
    sellerId: `u${Math.floor(rand() * 200_000)}`,
    status: status(),
    kind: service ? 'service' : 'goods',
    title,
    description,
    city: city.name,
    ...point,
    category: entry.sub.split('.')[0]!,
    subcategory: entry.sub,
    condition: service ? null : pick(CONDITION_IDS),
    priceFen: Math.round((lo * Math.pow(hi / lo, rand())) / 100) * 100,
    ...trade,
    communityIds: chance(0.2) ? [`${city.name}-c${Math.floor(rand() * 500)}`] : [],
  }
}

// -------------------------------------------------------------------------------------------
// Build: the index through the adapter (timed), the naive table beside it (not timed)
// -------------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'linquan-search-bench-'))
const file = join(dir, 'search.db')
const store = new SqliteDocumentStore(file)
// A server process would size these for its data; the defaults (2 MB cache, no mmap) are for phones.
store.connection.pragma('cache_size = -524288')
store.connection.pragma('mmap_size = 4294967296')
const search = new SqliteListingSearch(store.connection)

const naive = new Database(join(dir, 'naive.db'))
naive.pragma('journal_mode = WAL')
naive.pragma('synchronous = OFF')
naive.pragma('cache_size = -524288')
naive.pragma('mmap_size = 4294967296')
naive.exec(`CREATE TABLE listing (id TEXT, sort_key TEXT, status TEXT, city TEXT, price_fen INTEGER,
  latitude REAL, longitude REAL, category TEXT, subcategory TEXT, terms TEXT, weights TEXT)`)
const naiveInsert = naive.prepare('INSERT INTO listing VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')

const build = async () => {
  let seconds = 0
  for (let done = 0; done < N; done += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, N - done) }, (_, k) => makeListing(done + k))
    const started = performance.now()
    await store.transaction(async () => {
      for (const doc of docs) await search.upsert(doc)
    })
    seconds += (performance.now() - started) / 1000
    naive.transaction(() => {
      // The same terms the adapter computes, as one string ` t1 t2 … ` and the adapter's weights.
      for (const d of docs) {
        const terms = listingTerms(d)
        const kept = [...terms].filter(([, w]) => w >= TERM_WEIGHTS.titleChar)
        naiveInsert.run(
          d.id,
          d.sortKey,
          d.status,
          d.city,
          d.priceFen,
          d.latitude,
          d.longitude,
          d.category,
          d.subcategory,
          ` ${[...terms.keys()].join(' ')} `,
          JSON.stringify(Object.fromEntries(kept)),
        )
      }
    })()
    if ((done + BATCH) % 100_000 === 0 || done + BATCH >= N) {
      console.log(
        `built ${Math.min(N, done + BATCH).toLocaleString()} listings, ${seconds.toFixed(1)} s in the index`,
      )
    }
  }
  const started = performance.now()
  search.optimize()
  const optimizeSeconds = (performance.now() - started) / 1000
  console.log(`merged FTS segments in ${optimizeSeconds.toFixed(1)} s (counted in buildSeconds)`)
  return seconds + optimizeSeconds
}

// -------------------------------------------------------------------------------------------
// Queries: realistic points and keywords; the naive scan answers the same question
// -------------------------------------------------------------------------------------------

const ALL_WORDS = [...new Set(CATALOGUE.flatMap((e) => [...e.items, ...e.brands]))]
const LONG_KEYWORDS = ALL_WORDS.filter((w) => [...w].length >= 3 && !w.includes(' '))
const TWO_CHAR_KEYWORDS = ALL_WORDS.filter(
  (w) => [...w].length === 2 && /^\p{Script=Han}+$/u.test(w),
)
const PRICE_RANGES: [number, number][] = [
  [0, 50_000],
  [10_000, 200_000],
  [50_000, 500_000],
  [0, 1_000_000],
  [100_000, 2_000_000],
]

type Kind = 'nearby' | 'keyword' | 'twoChar' | 'keywordNearby' | 'relevance'
const RADIUS = 5_000

const makeQuery = (kind: Kind): ListingSearchQuery => {
  const city = cityOf()
  const near = { ...pointIn(city, 3_000), radiusMeters: RADIUS }
  switch (kind) {
    case 'nearby':
      return { city: city.name, near, sort: 'distance', limit: 20 }
    case 'keyword': {
      const [priceMinFen, priceMaxFen] = pick(PRICE_RANGES)
      return {
        text: pick(LONG_KEYWORDS),
        city: city.name,
        priceMinFen,
        priceMaxFen,
        sort: 'newest',
        limit: 20,
      }
    }
    case 'twoChar':
      return { text: pick(TWO_CHAR_KEYWORDS), city: city.name, sort: 'newest', limit: 20 }
    case 'keywordNearby':
      return { text: pick(LONG_KEYWORDS), city: city.name, near, sort: 'distance', limit: 20 }
    case 'relevance': {
      // What the search page sends by default: a keyword in the city, best match first.
      const text = pick(chance(0.5) ? TWO_CHAR_KEYWORDS : LONG_KEYWORDS)
      return { text, city: city.name, sort: 'relevance', limit: 20, now: NOW }
    }
  }
}

const RAD = Math.PI / 180
/** The haversine of shared/domain/geo.ts, written in SQL as a naive query would. */
const NAIVE_DISTANCE = `(2 * 6371008.8 * asin(min(1, sqrt(
  pow(sin((latitude - :lat) * ${RAD} / 2), 2) +
  cos(:lat * ${RAD}) * cos(latitude * ${RAD}) * pow(sin((longitude - :lng) * ${RAD} / 2), 2)))))`

/**
 * The naive baseline: the text test over every row of the table (each clause's alternatives
 * searched with instr in the row's terms string), the distance computed for every row, then
 * filtered and sorted; relevance scores every match. `filteredFirst` is a kinder baseline (status
 * and city tested before the text or the distance) printed for reference, not in the JSON.
 */
const naiveStatementCache = new Map<string, Database.Statement>()
const naiveStatement = (sql: string) => {
  let s = naiveStatementCache.get(sql)
  if (!s) naiveStatementCache.set(sql, (s = naive.prepare(sql)))
  return s
}

/** The plan's test on the terms column, with its parameters (:t0, :t1 …). */
const naiveText = (q: ListingSearchQuery) => {
  const plan = planQuery(q.text ?? '')
  const params: Record<string, string> = {}
  const clauses = plan.clauses.map(
    (c) =>
      `(${c.alternatives
        .map((a) => {
          const name = `t${Object.keys(params).length}`
          params[name] = ` ${a.token} `
          return `instr(terms, :${name}) > 0`
        })
        .join(' OR ')})`,
  )
  return { plan, sql: clauses.length ? clauses.join(' AND ') : '0', params }
}

const naiveAnswer = (
  kind: Kind,
  q: ListingSearchQuery,
  variant: 'literal' | 'filteredFirst',
): ListingSearchHit[] => {
  const filteredFirst = variant === 'filteredFirst'
  const first = filteredFirst ? "status = 'active' AND city = :city AND" : ''
  const last = filteredFirst ? '' : "AND status = 'active' AND city = :city"
  const { plan, sql: text, params } = naiveText(q)
  const base = { city: q.city, limit: q.limit }
  const near = q.near
    ? { lat: q.near.latitude, lng: q.near.longitude, radius: q.near.radiusMeters }
    : {}
  let rows: { id: string; d?: number }[]
  if (kind === 'nearby') {
    const distance = filteredFirst
      ? `SELECT id, sort_key, ${NAIVE_DISTANCE} AS d FROM listing WHERE ${first} 1`
      : `SELECT id, sort_key, status, city, ${NAIVE_DISTANCE} AS d FROM listing`
    rows = naiveStatement(`WITH t AS MATERIALIZED (${distance}) SELECT id, d FROM t
      WHERE d <= :radius ${last} ORDER BY round(d), sort_key DESC LIMIT :limit`).all({
      ...base,
      ...near,
    }) as typeof rows
  } else if (kind === 'keyword' || kind === 'twoChar') {
    const price = kind === 'keyword' ? 'AND price_fen BETWEEN :min AND :max' : ''
    rows = naiveStatement(`SELECT id FROM listing WHERE ${first} ${text} ${last} ${price}
      ORDER BY sort_key DESC LIMIT :limit`).all({
      ...base,
      ...params,
      ...(kind === 'keyword' ? { min: q.priceMinFen, max: q.priceMaxFen } : {}),
    }) as typeof rows
  } else if (kind === 'keywordNearby') {
    const distanceText = filteredFirst
      ? `SELECT id, sort_key, ${NAIVE_DISTANCE} AS d FROM listing WHERE ${first} ${text}`
      : `SELECT id, sort_key, status, city, terms, ${NAIVE_DISTANCE} AS d FROM listing`
    rows = naiveStatement(`WITH t AS MATERIALIZED (${distanceText}) SELECT id, d FROM t
      WHERE d <= :radius ${filteredFirst ? '' : `AND ${text}`} ${last}
      ORDER BY round(d), sort_key DESC LIMIT :limit`).all({
      ...base,
      ...near,
      ...params,
    }) as typeof rows
  } else {
    // Relevance: every match scored (the adapter scores a pool of the newest).
    const hinted = Object.fromEntries(plan.categories.map((c, i) => [`c${i}`, c]))
    const marks = Object.keys(hinted)
      .map((k) => `:${k}`)
      .join(', ')
    const inCategory = marks
      ? `(category IN (${marks}) OR coalesce(subcategory IN (${marks}), 0))`
      : 'NULL'
    const found = naiveStatement(`SELECT id, sort_key, ${inCategory} AS in_category,
      NULL AS quality, NULL AS seller_credit, weights
      FROM listing WHERE ${first} ${text} ${last}`).all({
      city: q.city,
      ...params,
      ...hinted,
    }) as (Omit<PoolRow, 'pos' | 'published'> & { id: string; sort_key: string })[]
    // The adapter's positions are in sortKey order and carry the minting time: the same here.
    const matches = found
      .sort((a, b) => (a.sort_key < b.sort_key ? -1 : 1))
      .map((m, pos) => ({ ...m, pos, published: sortKeyTime(m.sort_key) }))
    rows = rankPool(matches, plan, q.now!).slice(0, q.limit)
  }
  return rows.map((r) => ({ id: r.id, distanceMeters: r.d === undefined ? null : Math.round(r.d) }))
}

const measure = async (kind: Kind) => {
  const queries = Array.from({ length: RUNS + WARMUP }, () => makeQuery(kind))
  const answers: ListingSearchHit[][] = []
  const times: number[] = []
  for (const [i, q] of queries.entries()) {
    const t = performance.now()
    const page = await search.query(q)
    if (i >= WARMUP) times.push(performance.now() - t)
    answers.push(page.items)
  }
  const naiveTimes: number[] = []
  const filteredTimes: number[] = []
  let sameRuns = 0
  for (let i = WARMUP; i < WARMUP + NAIVE_RUNS; i++) {
    let t = performance.now()
    const expected = naiveAnswer(kind, queries[i]!, 'literal')
    naiveTimes.push(performance.now() - t)
    t = performance.now()
    const filtered = naiveAnswer(kind, queries[i]!, 'filteredFirst')
    filteredTimes.push(performance.now() - t)
    const agree = [expected, filtered].every(
      (a) => JSON.stringify(a) === JSON.stringify(answers[i]),
    )
    if (agree) sameRuns++
    // Relevance ranks a pool of the newest matches, the naive scan all of them: a difference
    // there is the pool's price, counted; anywhere else it is a bug, shown.
    else if (kind !== 'relevance')
      console.log(`${kind}: different answer for ${JSON.stringify(queries[i])}`)
  }
  const same = sameRuns === NAIVE_RUNS
  const hits = answers.slice(WARMUP).map((a) => a.length)
  const q = {
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    naiveP50: round(percentile(naiveTimes, 50), 1),
    naiveP95: round(percentile(naiveTimes, 95), 1),
    ratio: Math.round(percentile(naiveTimes, 95) / percentile(times, 95)),
    sameResults: same,
    sameShare: round(sameRuns / NAIVE_RUNS, 2),
  }
  console.log(
    `${kind.padEnd(14)} p50 ${q.p50.toFixed(3)} ms  p95 ${q.p95.toFixed(3)} ms | naive p50 ${q.naiveP50} ms  p95 ${q.naiveP95} ms (${NAIVE_RUNS} runs) | ${q.ratio}x | same ${sameRuns}/${NAIVE_RUNS} | mean hits ${(hits.reduce((a, b) => a + b, 0) / hits.length).toFixed(1)}/20`,
  )
  const filteredP95 = percentile(filteredTimes, 95)
  console.log(
    `${''.padEnd(14)} filtered-first naive: p50 ${round(percentile(filteredTimes, 50), 1)} ms  p95 ${round(filteredP95, 1)} ms | ${Math.round(filteredP95 / percentile(times, 95))}x`,
  )
  return q
}

const main = async () => {
  console.log(`building ${N.toLocaleString()} listings in ${dir}`)
  const buildSeconds = await build()
  store.connection.pragma('wal_checkpoint(TRUNCATE)')
  const dbMiB = statSync(file).size / 2 ** 20
  console.log(
    `index: ${buildSeconds.toFixed(1)} s, ${dbMiB.toFixed(1)} MiB; ${RUNS} runs per query type (after ${WARMUP} warm-up), naive ${NAIVE_RUNS}`,
  )
  const queries: Record<Kind, unknown> = {
    nearby: await measure('nearby'),
    keyword: await measure('keyword'),
    twoChar: await measure('twoChar'),
    keywordNearby: await measure('keywordNearby'),
    relevance: await measure('relevance'),
  }
  naive.close()
  store.close()
  if (process.argv.includes('--keep')) console.log(`kept ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
  console.log(
    JSON.stringify({
      listings: N,
      buildSeconds: round(buildSeconds, 1),
      dbMiB: round(dbMiB, 1),
      queries,
    }),
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
