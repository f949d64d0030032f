import { useState } from 'react'
import { CITY_NAMES } from '@shared/domain/cities'
import { StorageKeys, readStored, writeStored } from '@/utils/storage'
import { useSession } from './use-session'

const DEFAULT_CITY = '上海'
const valid = (c: unknown): c is string => typeof c === 'string' && CITY_NAMES.includes(c)

/** The city the feed shows: the user's last choice, else their profile city, else 上海. */
export const useCity = (): [string, (city: string) => void] => {
  const { user } = useSession()
  const [chosen, setChosen] = useState<string | null>(() => {
    const stored = readStored<string>(StorageKeys.city)
    return valid(stored) ? stored : null
  })
  const city = chosen ?? (valid(user?.city) ? user.city : DEFAULT_CITY)
  const choose = (next: string) => {
    if (!valid(next)) return
    writeStored(StorageKeys.city, next)
    setChosen(next)
  }
  return [city, choose]
}
