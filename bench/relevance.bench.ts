/**
 * Search quality over the seed catalogue: the understood-text ranking against today's literal
 * keyword ranking, in the same run, on the same index.
 *   npm run bench:relevance [-- --listings 1000] [--verbose]
 * Builds seed-like listings (cloudfunctions/local/seed/listing-catalog.ts: the items, titles and
 * descriptions the demo seed writes) in 上海 and 杭州 through SqliteListingSearch.upsert, then asks
 * each query of QUERIES in 上海 with sort relevance, both ways:
 * - new: `text` (synonyms, brands, categories, pinyin, initials, traditional, typos; rankScore);
 * - old: `keyword` (substrings of title or description; title matches first, then newest), which
 *   is what search.query sent before.
 * Judgments say which catalogue items a person typing the query expects (2) or would accept (1),
 * decided from the item, never from the index. recall@20 = wanted listings in the top 20 /
 * min(wanted, 20); NDCG@10 over both grades, gains 2^grade − 1. Last line: one JSON object.
 */
import { ulid } from 'ulid'
import { CITIES } from '@shared/domain/cities'
import { assessQuality } from '@shared/domain/listing-quality'
import { DAY, HOUR } from '@shared/domain/time'
import { arg, round } from './bench-kit'
import { SqliteListingSearch } from '../cloudfunctions/src/adapters/search/sqlite-listing-search'
import { SqliteDocumentStore } from '../cloudfunctions/src/adapters/store/sqlite-document-store'
import type { SearchDoc } from '../cloudfunctions/src/modules/search/ports/listing-search.port'
import { CATALOG, draftListing, draftService } from '../cloudfunctions/local/seed/listing-catalog'
import { createRng } from '../cloudfunctions/local/seed/prng'

const N = arg('listings', 1000)
const VERBOSE = process.argv.includes('--verbose')
/** `--show 耳机`: the top 20 of both rankings for one query, with grades. */
const SHOW = process.argv.includes('--show')
  ? process.argv[process.argv.indexOf('--show') + 1]
  : null
const CITY = '上海'
const NOW = Date.UTC(2026, 10, 24, 12)

// -------------------------------------------------------------------------------------------
// Listings: the seed's catalogue, over 14 days, 60% in 上海
// -------------------------------------------------------------------------------------------

const ITEM_NAMES = Object.values(CATALOG).flatMap((c) => c.items.map((i) => i.name))
/** Which catalogue item a seeded title was written from (titles start with the item's name). */
const itemOf = (title: string) =>
  ITEM_NAMES.filter((n) => title.startsWith(n)).sort((a, b) => b.length - a.length)[0] ?? null

const build = async () => {
  const rng = createRng(20261124)
  const store = new SqliteDocumentStore(':memory:')
  const search = new SqliteListingSearch(store.connection)
  const items = new Map<string, string | null>()
  const docs: SearchDoc[] = []
  for (let n = 0; n < N; n++) {
    const name = rng.chance(0.6) ? '上海' : '杭州'
    const city = CITIES.find((c) => c.name === name)!
    const district = rng.pick(city.districts)
    const draft = rng.chance(0.08) ? draftService(rng) : draftListing(rng, district.name)
    const at = NOW - Math.floor(rng.next() * 14 * DAY) - HOUR
    const id = ulid(at)
    const quality = assessQuality({
      kind: draft.kind,
      title: draft.title,
      description: draft.description,
      photoCount: rng.int(1, 6),
      condition: draft.condition,
      originalPriceFen: draft.originalPriceFen,
    }).score
    docs.push({
      id,
      sortKey: id,
      sellerId: `s${rng.int(1, 40)}`,
      status: 'active',
      kind: draft.kind,
      title: draft.title,
      description: draft.description,
      city: city.name,
      latitude: district.center.latitude + rng.gauss() * 0.01,
      longitude: district.center.longitude + rng.gauss() * 0.01,
      category: draft.category,
      subcategory: draft.subcategory,
      condition: draft.condition,
      priceFen: draft.priceFen,
      shipping: draft.trade?.shipping != null,
      meetup: draft.trade?.meetup ?? false,
      pickup: draft.trade?.pickup ?? false,
      communityIds: [],
      qualityScore: quality,
    })
    items.set(id, draft.kind === 'goods' ? itemOf(draft.title) : null)
  }
  await store.transaction(async () => {
    for (const d of docs) await search.upsert(d)
  })
  return { store, search, docs, items }
}

// -------------------------------------------------------------------------------------------
// The queries and what a person expects of each
// -------------------------------------------------------------------------------------------

type Kind =
  | 'category'
  | 'synonym'
  | 'brand'
  | 'combined'
  | 'model'
  | 'pinyin'
  | 'initials'
  | 'traditional'
  | 'typo'

interface Judged {
  q: string
  kind: Kind
  /** Items the person wants (grade 2). */
  want: RegExp
  /** Items they would accept (grade 1). */
  ok?: RegExp
}

const EARPHONES = /^(AirPods|索尼 WH-1000XM5)/
const CAMERAS = /^(富士 X-T30|大疆 Osmo Pocket)/
const CAMERA_GEAR = /^(佳能 50mm|大疆 Mini 3)/
const PHONES = /^(iPhone|华为 Mate 60|小米14|OPPO|vivo|荣耀|一加|红米)/
const LAPTOPS = /^(MacBook|联想小新|ThinkPad|华为 MateBook)/
const APPLE = /^(iPhone|AirPods|iPad|Apple Watch|MacBook)/
const IPHONES = /^iPhone/
const MACBOOKS = /^MacBook/
const SOFA = /布艺沙发/
const BIKE = /公路自行车/
const COATS = /(冲锋衣|羽绒服|大衣)/
const VACUUM = /戴森 V10/
const DOWN = /^(优衣库 羽绒服|北面 1996)/
const SHOES = /^(Nike Air Force|New Balance)/

const QUERIES: Judged[] = [
  // A category or a thing, as the category tree or a seller would name it
  { q: '耳机', kind: 'category', want: EARPHONES },
  { q: '相机', kind: 'category', want: CAMERAS, ok: CAMERA_GEAR },
  { q: '手机', kind: 'category', want: PHONES },
  { q: '笔记本', kind: 'category', want: LAPTOPS },
  { q: '平板', kind: 'category', want: /^iPad/, ok: /^Kindle/ },
  { q: '显示器', kind: 'category', want: /显示器/ },
  { q: '键盘', kind: 'category', want: /键盘/ },
  { q: '鼠标', kind: 'category', want: /鼠标/ },
  { q: '游戏机', kind: 'category', want: /^Switch/, ok: /健身环/ },
  { q: '自行车', kind: 'category', want: BIKE, ok: /平衡车/ },
  { q: '沙发', kind: 'category', want: SOFA },
  { q: '乐器', kind: 'category', want: /(电钢琴|尤克里里|电子琴|吉他)/ },
  { q: '吸尘器', kind: 'category', want: VACUUM, ok: /扫地机器人/ },
  { q: '羽绒服', kind: 'category', want: DOWN, ok: /儿童 羽绒服/ },
  { q: '无人机', kind: 'category', want: /无人机/ },
  { q: '空调', kind: 'category', want: /空调/ },
  { q: '钢琴', kind: 'category', want: /电钢琴/, ok: /电子琴/ },
  // A word for the same thing, or a broader one
  { q: '电脑', kind: 'synonym', want: LAPTOPS },
  { q: '手表', kind: 'synonym', want: /(Apple Watch|跑步手表)/ },
  { q: '单车', kind: 'synonym', want: BIKE, ok: /(动感单车|平衡车)/ },
  { q: '婴儿车', kind: 'synonym', want: /婴儿推车/ },
  { q: '推车', kind: 'synonym', want: /婴儿推车/, ok: /折叠推车/ },
  { q: '衣服', kind: 'synonym', want: /(冲锋衣|羽绒服|大衣|卫衣)/, ok: /(牛仔裤|儿童 羽绒服)/ },
  { q: '外套', kind: 'synonym', want: COATS, ok: /卫衣/ },
  { q: '鞋子', kind: 'synonym', want: SHOES },
  { q: '鞋', kind: 'synonym', want: SHOES },
  { q: '运动鞋', kind: 'synonym', want: SHOES },
  { q: '包包', kind: 'synonym', want: /(托特包|饺子包)/ },
  { q: '扫地机', kind: 'synonym', want: /扫地机器人/, ok: VACUUM },
  { q: '玩具', kind: 'synonym', want: /(乐高|遥控车|盲盒|高达)/, ok: /健身环/ },
  { q: '图书', kind: 'synonym', want: /(《|考研英语|CPA|剑桥雅思|高中数学|村上春树)/, ok: /绘本/ },
  { q: '照相机', kind: 'synonym', want: CAMERAS, ok: CAMERA_GEAR },
  { q: '猫爬架', kind: 'synonym', want: /猫爬架/ },
  // Brands, Chinese and Latin
  { q: '苹果', kind: 'brand', want: APPLE },
  { q: 'Apple', kind: 'brand', want: APPLE },
  { q: '华为', kind: 'brand', want: /^华为/ },
  { q: '小米', kind: 'brand', want: /^小米/, ok: /^(红米|米家)/ },
  { q: '索尼', kind: 'brand', want: /^索尼/ },
  { q: 'Sony', kind: 'brand', want: /^索尼/ },
  { q: '佳能', kind: 'brand', want: /^佳能/ },
  { q: '富士', kind: 'brand', want: /^富士/ },
  { q: '戴森', kind: 'brand', want: /^戴森/ },
  { q: 'dyson', kind: 'brand', want: /^戴森/ },
  { q: '大疆', kind: 'brand', want: /^大疆/ },
  { q: 'DJI', kind: 'brand', want: /^大疆/ },
  { q: '任天堂', kind: 'brand', want: /^Switch/, ok: /健身环/ },
  { q: '宜家', kind: 'brand', want: /^宜家/ },
  { q: 'IKEA', kind: 'brand', want: /^宜家/ },
  { q: '乐高', kind: 'brand', want: /^乐高/ },
  { q: '耐克', kind: 'brand', want: /^Nike/ },
  { q: '新百伦', kind: 'brand', want: /^New Balance/ },
  { q: '雅马哈', kind: 'brand', want: /^雅马哈/ },
  { q: '始祖鸟', kind: 'brand', want: /^始祖鸟/ },
  // Brand and thing together
  { q: '苹果手机', kind: 'combined', want: IPHONES },
  { q: '苹果耳机', kind: 'combined', want: /^AirPods/ },
  { q: '苹果笔记本', kind: 'combined', want: MACBOOKS },
  { q: '华为手机', kind: 'combined', want: /^华为 Mate 60/ },
  { q: '索尼耳机', kind: 'combined', want: /^索尼 WH/ },
  { q: '降噪耳机', kind: 'combined', want: /^索尼 WH/, ok: /^AirPods/ },
  { q: '二手相机', kind: 'combined', want: CAMERAS, ok: CAMERA_GEAR },
  { q: '戴森吹风机', kind: 'combined', want: /^戴森 吹风机/ },
  // Models, however they are spaced
  { q: 'iPhone 14', kind: 'model', want: /^iPhone 14/, ok: IPHONES },
  { q: 'iphone13', kind: 'model', want: /^iPhone 13/, ok: IPHONES },
  { q: 'mate60', kind: 'model', want: /^华为 Mate 60/ },
  { q: 'xm5', kind: 'model', want: /^索尼 WH/ },
  { q: 'xt30', kind: 'model', want: /^富士 X-T30/ },
  { q: 'v10', kind: 'model', want: VACUUM },
  { q: 'switch', kind: 'model', want: /^Switch/ },
  { q: 'AF1', kind: 'model', want: /^Nike Air Force/ },
  // Pinyin, and pinyin initials
  { q: 'erji', kind: 'pinyin', want: EARPHONES },
  { q: 'xiangji', kind: 'pinyin', want: CAMERAS, ok: CAMERA_GEAR },
  { q: 'shouji', kind: 'pinyin', want: PHONES },
  { q: 'pingguo', kind: 'pinyin', want: APPLE },
  { q: 'shafa', kind: 'pinyin', want: SOFA },
  { q: 'zixingche', kind: 'pinyin', want: BIKE },
  { q: 'xichenqi', kind: 'pinyin', want: VACUUM },
  { q: 'ej', kind: 'initials', want: EARPHONES },
  { q: 'xj', kind: 'initials', want: CAMERAS, ok: CAMERA_GEAR },
  { q: 'sf', kind: 'initials', want: SOFA },
  { q: 'pg', kind: 'initials', want: APPLE },
  { q: 'zxc', kind: 'initials', want: BIKE },
  { q: 'yrf', kind: 'initials', want: DOWN },
  // Traditional characters (Hong Kong, Taiwan)
  { q: '耳機', kind: 'traditional', want: EARPHONES },
  { q: '相機', kind: 'traditional', want: CAMERAS, ok: CAMERA_GEAR },
  { q: '蘋果', kind: 'traditional', want: APPLE },
  { q: '筆記本', kind: 'traditional', want: LAPTOPS },
  { q: '沙發', kind: 'traditional', want: SOFA },
  { q: '單車', kind: 'traditional', want: BIKE, ok: /(动感单车|平衡车)/ },
  { q: '吸塵器', kind: 'traditional', want: VACUUM, ok: /扫地机器人/ },
  { q: '羽絨服', kind: 'traditional', want: DOWN, ok: /儿童 羽绒服/ },
  // Typos: a character that sounds the same, a letter missing or swapped
  { q: '耳几', kind: 'typo', want: EARPHONES },
  { q: '像机', kind: 'typo', want: CAMERAS, ok: CAMERA_GEAR },
  { q: '沙法', kind: 'typo', want: SOFA },
  { q: '索泥', kind: 'typo', want: /^索尼/ },
  { q: 'arpods', kind: 'typo', want: /^AirPods/ },
  { q: 'iphnoe', kind: 'typo', want: IPHONES },
  { q: 'macbok', kind: 'typo', want: MACBOOKS },
  { q: 'swich', kind: 'typo', want: /^Switch/ },
]

// -------------------------------------------------------------------------------------------
// Measures
// -------------------------------------------------------------------------------------------

const gradeOf = (j: Judged, item: string | null) =>
  item === null ? 0 : j.want.test(item) ? 2 : j.ok?.test(item) ? 1 : 0

const dcg = (grades: number[]) => grades.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0)

const measure = (ranked: string[], grades: Map<string, number>) => {
  const judged = [...grades.values()].filter((g) => g > 0)
  const wanted = judged.filter((g) => g === 2).length
  const hits = ranked.slice(0, 20).filter((id) => grades.get(id) === 2).length
  const ideal = dcg([...judged].sort((a, b) => b - a).slice(0, 10))
  return {
    recall: wanted ? hits / Math.min(wanted, 20) : 0,
    ndcg: ideal ? dcg(ranked.slice(0, 10).map((id) => grades.get(id) ?? 0)) / ideal : 0,
  }
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)

const main = async () => {
  const started = performance.now()
  const { store, search, docs, items } = await build()
  console.log(
    `indexed ${N} seed-catalogue listings (${docs.filter((d) => d.city === CITY).length} in ${CITY}) in ${((performance.now() - started) / 1000).toFixed(1)} s; ${QUERIES.length} queries`,
  )
  const rows: {
    j: Judged
    judged: number
    now: ReturnType<typeof measure>
    old: ReturnType<typeof measure>
  }[] = []
  for (const j of QUERIES) {
    const grades = new Map(
      docs.filter((d) => d.city === CITY).map((d) => [d.id, gradeOf(j, items.get(d.id) ?? null)]),
    )
    const judged = [...grades.values()].filter((g) => g === 2).length
    if (judged === 0) throw new Error(`query "${j.q}" has no wanted listing in ${CITY}`)
    const ask = async (q: { text?: string; keyword?: string }) =>
      (await search.query({ ...q, city: CITY, sort: 'relevance', limit: 20, now: NOW })).items.map(
        (i) => i.id,
      )
    const newIds = await ask({ text: j.q })
    const oldIds = await ask({ keyword: j.q })
    if (SHOW === j.q) {
      const title = (id: string) => docs.find((d) => d.id === id)!.title
      for (const [name, ids] of [
        ['new', newIds],
        ['old', oldIds],
      ] as const)
        ids.forEach((id, i) => console.log(`${name} ${i + 1} [${grades.get(id)}] ${title(id)}`))
    }
    const now = measure(newIds, grades)
    const old = measure(oldIds, grades)
    rows.push({ j, judged, now, old })
    if (VERBOSE || now.ndcg < 0.8 || now.recall < 0.8) {
      console.log(
        `${j.kind.padEnd(11)} ${j.q.padEnd(10)} judged ${String(judged).padStart(3)} | new recall@20 ${now.recall.toFixed(2)} ndcg@10 ${now.ndcg.toFixed(2)} | old ${old.recall.toFixed(2)} ${old.ndcg.toFixed(2)}`,
      )
    }
  }
  const summary = (rs: typeof rows) => ({
    new: {
      recall20: round(mean(rs.map((r) => r.now.recall))),
      ndcg10: round(mean(rs.map((r) => r.now.ndcg))),
    },
    old: {
      recall20: round(mean(rs.map((r) => r.old.recall))),
      ndcg10: round(mean(rs.map((r) => r.old.ndcg))),
    },
  })
  const kinds = [...new Set(rows.map((r) => r.j.kind))]
  const byKind = Object.fromEntries(
    kinds.map((k) => [k, summary(rows.filter((r) => r.j.kind === k))]),
  )
  for (const k of kinds) {
    const s = byKind[k]!
    console.log(
      `${k.padEnd(11)} (${rows.filter((r) => r.j.kind === k).length}) new recall@20 ${s.new.recall20.toFixed(3)} ndcg@10 ${s.new.ndcg10.toFixed(3)} | old recall@20 ${s.old.recall20.toFixed(3)} ndcg@10 ${s.old.ndcg10.toFixed(3)}`,
    )
  }
  const all = summary(rows)
  console.log(
    `all         (${rows.length}) new recall@20 ${all.new.recall20.toFixed(3)} ndcg@10 ${all.new.ndcg10.toFixed(3)} | old recall@20 ${all.old.recall20.toFixed(3)} ndcg@10 ${all.old.ndcg10.toFixed(3)}`,
  )
  store.close()
  console.log(JSON.stringify({ listings: N, city: CITY, queries: rows.length, ...all, byKind }))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
