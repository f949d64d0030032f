import { z } from 'zod'
import { LISTING_LIMITS } from '../domain/listing'

/** Ids are time-ordered 26-character ULIDs (Crockford base32). */
export const IdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'id 格式不正确')

/** A stored file: cloud://… in CloudBase, local://… in the local cloud. */
export const FileIdSchema = z
  .string()
  .max(300, '文件标识过长')
  .regex(/^(cloud|local):\/\/[\w.\-/]+$/, '文件标识格式不正确')

/** Mainland mobile numbers: 11 digits starting with 1[3-9] (orders' and the address book's). */
export const PhoneSchema = z.string().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号')

/** Opaque pagination cursor handed back by the previous page. */
export const CursorSchema = z.string().max(200, 'cursor 过长')

export const PageSizeSchema = z
  .number()
  .int()
  .min(1, '每页至少 1 条')
  .max(LISTING_LIMITS.pageMax, `每页最多 ${LISTING_LIMITS.pageMax} 条`)
  .default(LISTING_LIMITS.pageDefault)

/**
 * A page request: the cursor the previous page handed back and how many items. Inputs spread its
 * `shape` among their own fields (or use it alone), then `.strict()`.
 */
export const PageQuerySchema = z.object({ cursor: CursorSchema.optional(), limit: PageSizeSchema })

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() })

/** A user as other users see them: never an OPENID, phone or exact location. */
export const PublicUserSchema = z.object({
  id: IdSchema,
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
  /** 信用极好 / 信用优秀 for the high credit tiers, else null (the credit module keeps it current). */
  creditBadge: z.string().nullable(),
})
export type PublicUser = z.infer<typeof PublicUserSchema>
