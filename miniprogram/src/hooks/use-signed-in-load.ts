import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { hasIdentity } from '@/services'
import { goLogin } from '@/utils/feedback'
import { useSession } from './use-session'

/**
 * A page about one thing of the signed-in user (wallet, address book, 收款账户): a visitor goes to
 * login; `load` runs once signed in, and again when the page shows again while `again` holds (back
 * from an edit page); pull-down runs `refresh`, which is `load` unless the page asks more of it.
 * `evenBanned`: a page a suspended or banned user must still reach (我的处罚 and its appeal) loads
 * with the identity alone, since their login is refused.
 */
export const useSignedInLoad = (
  load: () => Promise<unknown>,
  again: boolean,
  refresh: () => Promise<unknown> = load,
  evenBanned = false,
) => {
  const { status } = useSession()
  useEffect(() => {
    if (status === 'signed-in') void load()
    else if (status === 'signed-out' && evenBanned && hasIdentity()) void load()
    else if (status === 'signed-out') goLogin()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load when the sign-in status settles, not on each render's new closure
  }, [status])
  useDidShow(() => {
    if (again) void load()
  })
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
}
