import type { z } from 'zod'
import { SERVICE_CATEGORY, parentCategory } from '../domain/listing'

/*
 * Its own file, apart from the listing contract, because the listing module's edit use case
 * checks a patched listing with it: importing it must not build the whole contract's schemas.
 */

type ListingShape = {
  kind: 'goods' | 'service'
  category: string
  subcategory: string | null
  condition: string | null
  trade: unknown
  service: unknown
}

/**
 * Rules that tie fields together: goods need a condition and a way to trade; services belong to
 * 本地服务 and state their terms; a subcategory must sit under its category.
 */
export const checkListingShape = (v: ListingShape, ctx: z.RefinementCtx) => {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message })
  if (v.subcategory && parentCategory(v.subcategory) !== v.category)
    issue('subcategory', '细分类目与分类不符')
  if (v.kind === 'goods') {
    if (v.category === SERVICE_CATEGORY) issue('category', '闲置物品请选择商品分类')
    if (v.condition === null) issue('condition', '请选择成色')
    if (v.trade === null) issue('trade', '请选择交易方式')
    if (v.service !== null) issue('service', '闲置物品不需要服务条款')
  } else {
    if (v.category !== SERVICE_CATEGORY) issue('category', '服务请选择「本地服务」分类')
    if (v.service === null) issue('service', '请填写服务范围和服务标准')
    if (v.condition !== null) issue('condition', '服务没有成色')
  }
}
