import Taro from '@tarojs/taro'
import { Routes } from './routes'

/**
 * Picking an address from the address book (收货地址 in choose mode), for checkout and anything
 * else that needs one. Two channels carry the answer, because each build honours a different one
 * reliably:
 *
 * 1. The event channel: `chooseAddress(onChosen)` opens the book with `events`, and the book emits
 *    ADDRESS_CHOSEN `{ id }` on the opener's channel before navigating back.
 * 2. Storage: the book also writes the id under CHOSEN_ADDRESS_KEY; the opener calls
 *    `takeChosenAddress()` in useDidShow, which reads and clears it (null when nothing was picked).
 *
 * Either way the opener then calls api.address.get(id) (or, server side, loadOwnAddress) for the
 * full address; the id alone reveals nothing.
 */
export const ADDRESS_CHOSEN = 'addressChosen'
export const CHOSEN_ADDRESS_KEY = 'linquan.chosen-address'

/** Opens the address book in choose mode; `onChosen` gets the picked id. */
export const chooseAddress = (onChosen: (id: string) => void, selectedId?: string) => {
  try {
    Taro.removeStorageSync(CHOSEN_ADDRESS_KEY)
  } catch {
    // storage unavailable: the event channel still answers
  }
  return Taro.navigateTo({
    url: Routes.addresses({ selectedId }),
    events: { [ADDRESS_CHOSEN]: (payload: { id: string }) => onChosen(payload.id) },
  })
}

/** The id picked in the address book since the last call, once; null if none. */
export const takeChosenAddress = (): string | null => {
  try {
    const id = Taro.getStorageSync(CHOSEN_ADDRESS_KEY)
    if (!id) return null
    Taro.removeStorageSync(CHOSEN_ADDRESS_KEY)
    return String(id)
  } catch {
    return null
  }
}

/** The address book's side: answers the opener on both channels and goes back. */
export const returnChosenAddress = (id: string) => {
  try {
    Taro.setStorageSync(CHOSEN_ADDRESS_KEY, id)
  } catch {
    // see takeChosenAddress
  }
  try {
    const page = Taro.getCurrentInstance().page as {
      getOpenerEventChannel?: () => { emit: (e: string, p: unknown) => void }
    } | null
    page?.getOpenerEventChannel?.()?.emit(ADDRESS_CHOSEN, { id })
  } catch {
    // opened without a channel (e.g. a reloaded H5 page): storage carries the answer
  }
  return Taro.navigateBack()
}
