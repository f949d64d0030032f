import type { ComponentProps } from 'react'
import { Empty } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Empty/style/css'
import emptyImage from '@/assets/empty.png'

export type EmptyStateProps = Omit<Partial<ComponentProps<typeof Empty>>, 'image'> & {
  /** The one way on, as a primary button (or use `actions` for several). */
  action?: { text: string; onClick: () => void } | null
}

/**
 * NutUI's Empty with the app's picture. Props pass on as given, so NutUI fills in what is left
 * out; no `action` leaves `actions` out too (an explicit undefined would replace NutUI's default []
 * and break its actions.length).
 */
export function EmptyState({ action, ...rest }: EmptyStateProps) {
  return (
    <Empty
      image={emptyImage}
      {...(action ? { actions: [{ ...action, type: 'primary' as const }] } : {})}
      {...rest}
    />
  )
}
