import { main as listing } from '../src/functions/listing'
import { main as search } from '../src/functions/search'
import { XUHUI, publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

let cloud: TestCloud
beforeEach(async () => {
  cloud = startTestCloud()
  await signUp(cloud, 'o-seller', 'o-buyer')
})
afterEach(() => cloud.stop())

const call = (openid: string | null, action: string, input?: unknown) =>
  invoke(search, cloud, openid, action, input)
const titles = async (input: Record<string, unknown>, openid: string | null = null) => {
  const res = await call(openid, 'query', { city: '上海', ...input })
  if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`)
  return res.data.items.map((c: { title: string }) => c.title)
}

/** 静安寺, about 2 km north of the 徐汇区 point. */
const JINGAN = { latitude: 31.2235, longitude: 121.4454 }

describe('search function', () => {
  beforeEach(async () => {
    await publishListing(cloud, 'o-seller', { title: '索尼 降噪耳机 WH-1000XM4', priceFen: 89_900 })
    cloud.clock.advance(1000)
    await publishListing(cloud, 'o-seller', {
      title: 'iPhone 13 128G 蓝色',
      category: 'phone',
      subcategory: 'phone.iphone',
      priceFen: 260_000,
      location: { ...JINGAN, city: '上海', district: '静安区' },
    })
    cloud.clock.advance(1000)
    await publishListing(cloud, 'o-seller', {
      title: '富士 微单相机 X-T30',
      category: 'digital',
      subcategory: 'digital.camera',
      priceFen: 450_000,
      condition: 'light_wear',
    })
    cloud.clock.advance(1000)
    await publishListing(cloud, 'o-seller', {
      title: '杭州的耳机',
      location: { latitude: 30.2595, longitude: 120.1302, city: '杭州', district: '西湖区' },
    })
  })

  it('matches two-character Chinese words, longer words and mixed Latin', async () => {
    expect(await titles({ keyword: '耳机' })).toEqual(['索尼 降噪耳机 WH-1000XM4'])
    expect(await titles({ keyword: '相机' })).toEqual(['富士 微单相机 X-T30'])
    expect(await titles({ keyword: 'iphone 13' })).toEqual(['iPhone 13 128G 蓝色'])
    expect(await titles({ keyword: '降噪耳机' })).toEqual(['索尼 降噪耳机 WH-1000XM4'])
    expect(await titles({ keyword: '耳机 佳能' })).toEqual([])
  })

  it('combines filters and sorts', async () => {
    expect(await titles({ priceMinFen: 100_000, sort: 'price_asc' })).toEqual([
      'iPhone 13 128G 蓝色',
      '富士 微单相机 X-T30',
    ])
    expect(await titles({ category: 'digital', sort: 'price_desc' })).toEqual([
      '富士 微单相机 X-T30',
      '索尼 降噪耳机 WH-1000XM4',
    ])
    expect(await titles({ category: 'digital.camera' })).toEqual(['富士 微单相机 X-T30'])
    expect(await titles({ conditions: ['light_wear'] })).toEqual(['富士 微单相机 X-T30'])
    expect(await titles({ sort: 'newest' })).toEqual([
      '富士 微单相机 X-T30',
      'iPhone 13 128G 蓝色',
      '索尼 降噪耳机 WH-1000XM4',
    ])
  })

  it('orders by distance from the viewer, shows "km" figures, and honours the radius', async () => {
    const res = await call(null, 'query', { city: '上海', near: JINGAN, sort: 'distance' })
    if (!res.ok) throw new Error(res.error.message)
    const d = res.data.items.map((c: { distanceMeters: number }) => c.distanceMeters)
    expect(res.data.items[0].title).toBe('iPhone 13 128G 蓝色')
    expect(d).toEqual([...d].sort((a, b) => a - b))
    expect(d[0]).toBeLessThan(300)
    expect(d[1]).toBeGreaterThan(3000)
    expect(await titles({ near: JINGAN, radiusKm: 1, sort: 'distance' })).toEqual([
      'iPhone 13 128G 蓝色',
    ])
  })

  it('keeps history per user, counts 热搜 per city, and suggests while typing', async () => {
    await call('o-buyer', 'query', { city: '上海', keyword: '耳机' })
    await call('o-buyer', 'query', { city: '上海', keyword: '相机' })
    await call('o-buyer', 'query', { city: '上海', keyword: '耳机' })
    await call(null, 'query', { city: '上海', keyword: '耳机' })
    // 热搜 counts people, not calls: a second user makes 耳机 the hotter one.
    await call('o-seller', 'query', { city: '上海', keyword: '耳机' })
    expect(await call('o-buyer', 'history', {})).toEqual({
      ok: true,
      data: { keywords: ['耳机', '相机'] },
    })
    expect(await call(null, 'hot', { city: '上海' })).toEqual({
      ok: true,
      data: { keywords: ['耳机', '相机'] },
    })
    expect(await call(null, 'hot', { city: '杭州' })).toEqual({ ok: true, data: { keywords: [] } })
    const suggest = await call('o-buyer', 'suggest', { city: '上海', prefix: '耳' })
    expect(suggest.ok && suggest.data.suggestions[0]).toBe('耳机')
    expect(await call('o-buyer', 'clearHistory', {})).toEqual({ ok: true, data: { cleared: 2 } })
    expect(await call('o-buyer', 'history', {})).toEqual({ ok: true, data: { keywords: [] } })
  })

  it('treats FTS syntax and quotes as text and rejects out-of-range input clearly', async () => {
    for (const keyword of [
      '"耳机" OR *',
      'NEAR(耳机 相机)',
      "'; DROP TABLE c_listings; --",
      '耳机 -索尼',
      '(((',
      '^相机',
    ]) {
      const res = await call(null, 'query', { city: '上海', keyword })
      expect(res.ok).toBe(true)
    }
    for (const bad of [
      { keyword: 'x'.repeat(31) },
      { keyword: '   ' },
      { sort: 'distance' },
      { near: XUHUI, radiusKm: 100 },
      { limit: 51 },
      { category: 'weapons' },
      { priceMinFen: 500, priceMaxFen: 100 },
      { cursor: 'garbage' },
    ]) {
      expect(await call(null, 'query', { city: '上海', ...bad })).toMatchObject({
        ok: false,
        error: { code: 'COMMON.VALIDATION' },
      })
    }
  })

  it('drops listings from results as soon as they are taken down', async () => {
    const res = await call(null, 'query', { city: '上海', keyword: '耳机' })
    if (!res.ok) throw new Error(res.error.message)
    await invoke(listing, cloud, 'o-seller', 'takeDown', { id: res.data.items[0].id })
    expect(await titles({ keyword: '耳机' })).toEqual([])
  })
})

describe('search function, understanding the keyword', () => {
  beforeEach(async () => {
    await publishListing(cloud, 'o-seller', {
      title: 'AirPods Pro 2 国行 在保',
      description: '买了新的，这副闲置了。',
    })
    cloud.clock.advance(1000)
    await publishListing(cloud, 'o-seller', {
      title: 'iPhone 14 128G 午夜色',
      category: 'phone',
      subcategory: 'phone.iphone',
      priceFen: 350_000,
    })
    cloud.clock.advance(1000)
    await publishListing(cloud, 'o-seller', {
      title: '富士 X-T30 套机',
      category: 'digital',
      subcategory: 'digital.camera',
      priceFen: 450_000,
    })
  })

  it('finds listings by category, brand, synonym, pinyin and traditional characters', async () => {
    for (const keyword of ['耳机', 'erji', '耳機', '耳几', '苹果耳机'])
      expect({ keyword, titles: await titles({ keyword }) }).toEqual({
        keyword,
        titles: ['AirPods Pro 2 国行 在保'],
      })
    expect(new Set(await titles({ keyword: '苹果' }))).toEqual(
      new Set(['AirPods Pro 2 国行 在保', 'iPhone 14 128G 午夜色']),
    )
    expect(await titles({ keyword: '苹果手机' })).toEqual(['iPhone 14 128G 午夜色'])
    expect(await titles({ keyword: '相机' })).toEqual(['富士 X-T30 套机'])
    expect(await titles({ keyword: 'xt30' })).toEqual(['富士 X-T30 套机'])
    expect(await titles({ keyword: '耳机', sort: 'price_asc' })).toEqual([
      'AirPods Pro 2 国行 在保',
    ])
  })

  it('offers the nearest category and a shorter keyword when a keyword finds nothing', async () => {
    const miss = await call(null, 'query', { city: '上海', keyword: '苹果耳机 粉色' })
    expect(miss).toMatchObject({
      ok: true,
      data: {
        items: [],
        fallback: { category: { id: 'digital.earphones', label: '耳机音箱' }, keyword: '苹果耳机' },
      },
    })
    const hit = await call(null, 'query', { city: '上海', keyword: '耳机' })
    expect(hit.ok && hit.data.fallback).toBeNull()
    const nothing = await call(null, 'query', { city: '上海', keyword: '不存在的宝贝名字' })
    expect(nothing.ok && nothing.data).toMatchObject({ items: [], fallback: null })
  })

  it('suggests category names and brands with listings behind them, by prefix or pinyin', async () => {
    const suggest = async (prefix: string) => {
      const res = await call(null, 'suggest', { city: '上海', prefix })
      if (!res.ok) throw new Error(res.error.message)
      return res.data.suggestions as string[]
    }
    expect(await suggest('苹')).toEqual(expect.arrayContaining(['苹果', '苹果手机', '苹果耳机']))
    expect((await suggest('苹'))[0]).toBe('苹果')
    expect(await suggest('pg')).toContain('苹果')
    expect(await suggest('相')).toContain('相机')
    expect(await suggest('苹')).not.toContain('苹果电脑')
  })
})
