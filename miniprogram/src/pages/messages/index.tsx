import { View } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Empty/style/css'
import emptyImage from '@/assets/empty.png'

// Chat arrives with a later issue; until then say so plainly instead of showing fake threads.
export default function Messages() {
  return (
    <View id='messages-empty' style={{ paddingTop: '80px' }}>
      <Empty image={emptyImage} title='暂无消息' description='和卖家聊一聊的功能即将上线' />
    </View>
  )
}
