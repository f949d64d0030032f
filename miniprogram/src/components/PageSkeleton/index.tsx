import { View } from '@tarojs/components'
import { Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'

/** What a page shows while the one thing it is about (wallet, address book …) loads. */
export function PageSkeleton({ className }: { className: string }) {
  return (
    <View className={className}>
      <Skeleton rows={6} animated />
    </View>
  )
}
