import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { api } from '@/services'
import { useSession } from '@/hooks/use-session'
import './trust-signals.scss'

export interface TrustSignalsProps {
  /** The other person: a listing's seller, a storefront's owner, the other party of a chat. */
  userId: string
  /** The listing the viewer is looking at (for 你的好友 X 分享给你). */
  listingId?: string
  /** Element id; the default suits one per page. */
  id?: string
  /** `inline` for a tight row (a chat header), `card` inside a white section. */
  variant?: 'card' | 'inline'
  /** Asks again when this changes (e.g. the page was just opened from a group chat). */
  refresh?: unknown
}

/**
 * 同在 2 个群 · 你的好友 小王 分享给你 · 同一小区: what the viewer shares with this person, as the
 * server words it (share.trust). Nothing at all for guests, strangers, oneself or a failure.
 */
export function TrustSignals({
  userId,
  listingId,
  id = 'trust-signals',
  variant = 'card',
  refresh,
}: TrustSignalsProps) {
  const { status, user } = useSession()
  const [labels, setLabels] = useState<string[]>([])
  const signedIn = status === 'signed-in'
  const self = user?.id === userId

  useEffect(() => {
    if (!signedIn || self || !userId) return setLabels([])
    let live = true
    api.share.trust({ userId, ...(listingId ? { listingId } : {}) }).then(
      (t) => live && setLabels(t.labels),
      () => live && setLabels([]),
    )
    return () => {
      live = false
    }
  }, [signedIn, self, userId, listingId, refresh])

  if (labels.length === 0) return null
  return (
    <View className={`trust trust--${variant}`} id={id} data-count={labels.length}>
      {labels.map((label) => (
        <Text key={label} className='trust__chip'>
          {label}
        </Text>
      ))}
    </View>
  )
}
