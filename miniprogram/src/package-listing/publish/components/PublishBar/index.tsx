import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ListingDetail } from '@shared/contracts/listing.contract'

export interface PublishBarProps {
  /** The listing being edited, or null for a new one. */
  editing: ListingDetail | null
  submitting: 'draft' | 'publish' | null
  onSubmit: (publish: boolean) => void
}

/** The bottom bar: 保存草稿 (new listings and drafts) and 发布 / 保存修改. */
export function PublishBar({ editing, submitting, onSubmit }: PublishBarProps) {
  const isDraftEdit = editing?.status === 'draft'
  return (
    <View className='publish__bar safe-bottom'>
      <Text className='publish__privacy muted'>只展示区域和距离，不会公开你的精确位置</Text>
      <View className='publish__buttons'>
        {(!editing || isDraftEdit) && (
          <Button
            id='publish-draft'
            className='publish__draft'
            fill='outline'
            size='large'
            loading={submitting === 'draft'}
            disabled={submitting !== null}
            onClick={() => onSubmit(false)}
          >
            {editing ? '保存' : '保存草稿'}
          </Button>
        )}
        <Button
          id='publish-submit'
          className='publish__submit'
          type='primary'
          size='large'
          loading={submitting === 'publish'}
          disabled={submitting !== null}
          onClick={() => onSubmit(true)}
        >
          {editing && !isDraftEdit ? '保存修改' : '发布'}
        </Button>
      </View>
    </View>
  )
}
