import { Text } from '@tarojs/components'
import './credit-badge.scss'

export interface CreditBadgeProps {
  /** 信用极好 / 信用优秀, or null for the other tiers (nothing is shown). */
  badge: string | null
  size?: 'small' | 'normal'
  id?: string
  onClick?: () => void
}

/** The credit badge high tiers carry on cards, the listing page and the storefront. */
export function CreditBadge({ badge, size = 'normal', id, onClick }: CreditBadgeProps) {
  if (!badge) return null
  return (
    <Text
      className={`credit-badge credit-badge--${size} ${badge.includes('极好') ? 'is-top' : ''}`}
      id={id}
      data-badge={badge}
      onClick={(e) => {
        if (!onClick) return
        // The badge sits inside rows that open the storefront: it opens the 信用 page instead.
        e.stopPropagation()
        onClick()
      }}
    >
      {badge}
    </Text>
  )
}
