import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { bootSession } from '@/hooks/use-session'
import { watchForBan } from '@/utils/banned-notice'
import './app.scss'
import './styles/h5-chrome'

watchForBan()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Silent login: WeChat's identity (or the H5 demo session) is enough; no login wall.
    void bootSession()
  })
  return children
}

export default App
