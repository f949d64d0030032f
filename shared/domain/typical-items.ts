import { CATEGORIES, type CategoryId, type SubcategoryId } from './listing'

/**
 * What an ordinary item of a goods subcategory is like, for the listings whose seller did not
 * say: the parcel it makes (kg, packed), so a freight reference for a cup is not quoted like a
 * sofa; and what one costs new (fen, a common retail price, not a market median), so a 原价 of ¥1
 * for a phone is seen as a slip. Rough on purpose: they are defaults and sanity checks, never
 * prices or weights anyone is charged without seeing them.
 */
export interface TypicalItem {
  parcelKg: number
  newFen: number
}

const t = (parcelKg: number, newYuan: number): TypicalItem => ({ parcelKg, newFen: newYuan * 100 })

type GoodsSubcategoryId = Exclude<SubcategoryId, `services.${string}`>

export const TYPICAL_ITEMS: Record<GoodsSubcategoryId, TypicalItem> = {
  'phone.iphone': t(0.5, 5_000),
  'phone.android': t(0.5, 3_000),
  'phone.accessory': t(0.3, 100),
  'digital.earphones': t(0.5, 800),
  'digital.camera': t(1.5, 4_000),
  'digital.tablet': t(1, 3_000),
  'digital.wearable': t(0.3, 1_500),
  'digital.gaming': t(1.5, 2_500),
  'computer.laptop': t(2.5, 6_000),
  'computer.desktop': t(10, 5_000),
  'computer.monitor': t(7, 1_500),
  'computer.peripheral': t(1, 300),
  'appliance.kitchen': t(5, 500),
  'appliance.cleaning': t(5, 2_000),
  'appliance.personal': t(1, 500),
  'appliance.large': t(40, 3_000),
  'furniture.table': t(20, 1_000),
  'furniture.storage': t(20, 600),
  'furniture.bed': t(15, 1_500),
  // Cups, vases, lamps, mirrors: a parcel of about a kilogram once wrapped.
  'furniture.decor': t(1, 150),
  'clothing.women': t(1, 500),
  'clothing.men': t(1.5, 500),
  'clothing.shoes': t(1.5, 700),
  'clothing.bags': t(1, 1_000),
  'beauty.skincare': t(0.5, 500),
  'beauty.makeup': t(0.3, 300),
  'beauty.fragrance': t(0.5, 800),
  'baby.stroller': t(10, 1_500),
  'baby.toys': t(1, 200),
  'baby.clothes': t(0.5, 150),
  'books.textbook': t(1, 60),
  'books.fiction': t(1, 50),
  'books.exam': t(1, 80),
  'sports.bike': t(15, 2_000),
  'sports.fitness': t(10, 1_000),
  'sports.outdoor': t(3, 800),
  'sports.ball': t(1, 300),
  'toys.models': t(1.5, 500),
  'toys.instrument': t(5, 1_500),
  'toys.boardgame': t(1.5, 200),
  'other.tickets': t(0.1, 200),
  'other.pets': t(3, 300),
  'other.misc': t(1, 100),
}

/**
 * A listing without a subcategory (older ones, or a seller who skipped it): the parcel weight its
 * category had before subcategories had their own (heavy categories heavy, the rest a kilogram),
 * and the cheapest new price of its subcategories, so the 原价 check errs towards not asking.
 */
const CATEGORY_PARCEL_KG: Partial<Record<CategoryId, number>> = {
  furniture: 20,
  appliance: 8,
  sports: 5,
  books: 2,
  baby: 3,
}

const categoryTypical = (category: string): TypicalItem | undefined => {
  const leaves = CATEGORIES.find((c) => c.id === category)
    ?.children.map((s) => TYPICAL_ITEMS[s.id as GoodsSubcategoryId])
    .filter((x): x is TypicalItem => x !== undefined)
  if (!leaves?.length) return undefined
  return {
    parcelKg: CATEGORY_PARCEL_KG[category as CategoryId] ?? 1,
    newFen: Math.min(...leaves.map((l) => l.newFen)),
  }
}

/** The typical item of a listing's subcategory, else of its category; undefined for services. */
export const typicalItem = (
  category: string,
  subcategory?: string | null,
): TypicalItem | undefined =>
  (subcategory ? TYPICAL_ITEMS[subcategory as GoodsSubcategoryId] : undefined) ??
  categoryTypical(category)

/** The parcel a freight reference is asked for when the seller gave no weight (1 kg when unknown). */
export const typicalParcelKg = (category: string, subcategory?: string | null): number =>
  typicalItem(category, subcategory)?.parcelKg ?? 1
