/**
 * 上门取件 (kuaidi100 商家寄件): the time slots a courier can be booked for, and how a booked
 * pickup reads to people. Isomorphic: the sheet offers exactly the slots the server accepts.
 */

import { CHINA_OFFSET_MS, DAY, HOUR, MINUTE, chinaDay } from './time'

export const PICKUP_DAYS = ['今天', '明天', '后天'] as const
export type PickupDay = (typeof PICKUP_DAYS)[number]

const hour = (h: number) => `${String(h).padStart(2, '0')}:00`
/** Two-hour windows in China time from 09:00 to 19:00, as couriers' apps offer them. */
export const PICKUP_WINDOWS = [9, 11, 13, 15, 17].map((h) => ({ start: hour(h), end: hour(h + 2) }))

export interface PickupSlot {
  day: PickupDay
  start: string
  end: string
}

/** A courier needs this long between the booking and the end of the window to make it. */
const LEAD_MS = HOUR

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** Midnight (China time) of the slot's day, for a booking made at `now`. */
const dayStartsAt = (day: PickupDay, now: number) =>
  Math.floor((now + CHINA_OFFSET_MS) / DAY) * DAY - CHINA_OFFSET_MS + PICKUP_DAYS.indexOf(day) * DAY

/** When a slot's window opens and ends, in epoch ms, for a booking made at `now`. */
export const slotStartsAt = (slot: PickupSlot, now: number): number =>
  dayStartsAt(slot.day, now) + minutesOf(slot.start) * MINUTE
export const slotEndsAt = (slot: PickupSlot, now: number): number =>
  dayStartsAt(slot.day, now) + minutesOf(slot.end) * MINUTE

/** The China calendar date (YYYY-MM-DD) a slot falls on, so 明天 keeps meaning the booking's tomorrow. */
export const slotDate = (slot: PickupSlot, now: number): string =>
  chinaDay(slotEndsAt(slot, now) - 1)

/** Whether a slot is one we offer and a courier can still make it. */
export const slotBookable = (slot: PickupSlot, now: number): boolean =>
  PICKUP_WINDOWS.some((w) => w.start === slot.start && w.end === slot.end) &&
  slotEndsAt(slot, now) - now >= LEAD_MS

/** Every slot still bookable at `now`, day by day. */
export const bookableSlots = (now: number): PickupSlot[] =>
  PICKUP_DAYS.flatMap((day) => PICKUP_WINDOWS.map((w) => ({ day, ...w }))).filter((s) =>
    slotBookable(s, now),
  )

/**
 * Our pickup states: `booking` until kuaidi100 accepts the order (the outbox places it),
 * `placed` → `accepted` (a courier is assigned) → `picked-up` (the parcel has a waybill and the
 * order ships); `cancelling` while our cancel goes out; `cancelled` and `failed` end it.
 */
export const PICKUP_STATES = [
  'booking',
  'placed',
  'accepted',
  'picked-up',
  'cancelling',
  'cancelled',
  'failed',
] as const
export type PickupState = (typeof PICKUP_STATES)[number]

/** A pickup in one of these holds the parcel's leg: no second booking, no waybill entry. */
export const ACTIVE_PICKUP_STATES: readonly PickupState[] = [
  'booking',
  'placed',
  'accepted',
  'cancelling',
]

export const PICKUP_STATE_LABELS: Record<PickupState, string> = {
  booking: '正在预约',
  placed: '已预约，等待快递员接单',
  accepted: '快递员已接单，将按时上门',
  'picked-up': '快递员已取件',
  cancelling: '正在取消预约',
  cancelled: '预约已取消',
  failed: '预约失败',
}

/** When a booked window ends, from the calendar date it was booked for (China time). */
export const slotEndOn = (date: string, end: string): number =>
  Date.parse(`${date}T${end}:00Z`) - CHINA_OFFSET_MS
