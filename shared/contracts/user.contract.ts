import { z } from 'zod'
import { CITY_NAMES } from '../domain/cities'
import { ROLES } from '../domain/user'
import { ErrorCodes } from '../errors/error-codes'
import { FileIdSchema, IdSchema, PageQuerySchema, pageOf } from './common.schema'
import { defineContract } from './define-contract'
import { NicknameSchema } from './user-text'

/** The signed-in user's own profile. */
export const UserSelfSchema = z.object({
  id: IdSchema,
  nickname: z.string(),
  avatarFileId: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  city: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  joinedAt: z.number().int(),
})
export type UserSelf = z.infer<typeof UserSelfSchema>

export const UpdateProfileInputSchema = z
  .object({
    nickname: NicknameSchema.optional(),
    avatarFileId: FileIdSchema.optional(),
    city: z.enum(CITY_NAMES, { error: '暂不支持该城市' }).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, '至少修改一项')

/** A system notice shown under 消息 → 系统通知 (listing expiry, later orders and reviews). */
export const NoticeSchema = z.object({
  /** Derived from the notice's cause (e.g. one expiry of one listing), so it is sent once. */
  id: z.string(),
  kind: z.enum(['listing_expiring', 'listing_expired', 'order', 'review', 'moderation']),
  title: z.string(),
  body: z.string(),
  listingId: IdSchema.nullable(),
  /** Order notices open the order. */
  orderId: IdSchema.nullable(),
  createdAt: z.number().int(),
  read: z.boolean(),
})
export type Notice = z.infer<typeof NoticeSchema>

export const UserContract = defineContract('user', {
  login: {
    summary: 'Registers the caller on first sight (silent login) and returns their profile.',
    auth: 'identified',
    input: z.object({}).strict(),
    output: z.object({ user: UserSelfSchema, isNew: z.boolean() }),
    errors: [ErrorCodes.USER_BANNED],
  },
  me: {
    summary: "The caller's own profile.",
    auth: 'user',
    input: z.object({}).strict(),
    output: UserSelfSchema,
    errors: [],
  },
  updateProfile: {
    summary: 'Changes nickname, avatar or home city.',
    auth: 'user',
    input: UpdateProfileInputSchema,
    output: UserSelfSchema,
    errors: [ErrorCodes.FILE_NOT_OWNED, ErrorCodes.CONTENT_BLOCKED],
  },
  notices: {
    summary: "The caller's system notices, newest first, with the unread count.",
    auth: 'user',
    input: PageQuerySchema.strict(),
    output: pageOf(NoticeSchema).extend({ unread: z.number().int() }),
    errors: [],
  },
  markNoticesRead: {
    summary: "Marks all of the caller's notices read.",
    auth: 'user',
    input: z.object({}).strict(),
    output: z.object({ marked: z.number().int() }),
    errors: [],
  },
})
