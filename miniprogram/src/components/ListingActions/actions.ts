import type { ListingAction } from '@shared/domain/listing-lifecycle'

export interface ActionSpec {
  label: string
  /** Shown in a Modal before the call; actions without one run at once. */
  confirm?: { title: string; content: string; confirmText: string }
  /** Toast after success. */
  done?: string
  primary?: boolean
}

/** How each seller action looks and what it asks first. Irreversible ones confirm in a Modal. */
export const ACTION_SPECS: Record<ListingAction, ActionSpec> = {
  renew: { label: '擦亮', done: '已擦亮，排到最前面啦', primary: true },
  edit: { label: '编辑' },
  publish: { label: '发布', done: '已发布', primary: true },
  relist: { label: '重新上架', done: '已重新上架', primary: true },
  markSold: {
    label: '已卖出',
    done: '已标记为卖出',
    confirm: {
      title: '确认已卖出？',
      content: '标记后宝贝不再展示给买家，且不能再上架。',
      confirmText: '已卖出',
    },
  },
  takeDown: {
    label: '下架',
    done: '已下架',
    confirm: {
      title: '确认下架？',
      content: '下架后买家将看不到这件宝贝，之后可以在「我发布的」里重新上架。',
      confirmText: '下架',
    },
  },
}

/** The order buttons appear in, left to right, whatever order the server lists them in. */
const ORDER: ListingAction[] = ['edit', 'takeDown', 'markSold', 'relist', 'publish', 'renew']
export const orderedActions = (actions: readonly ListingAction[]): ListingAction[] =>
  ORDER.filter((a) => actions.includes(a))
