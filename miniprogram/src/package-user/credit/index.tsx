import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { useSession } from '@/hooks/use-session'
import { goLogin } from '@/utils/feedback'
import { MyCreditView } from './my-credit'
import { PublicCreditView } from './public-credit'
import { EvidenceSheet, useEvidence } from './evidence'
import './index.scss'

/**
 * 信用: with no id (or one's own), the owner's score and how it is made; with another user's id
 * (from a storefront), only what strangers may see.
 */
export default function CreditPage() {
  const { params } = useRouter()
  const { status, user } = useSession()
  const userId = params.id ?? ''
  const own = !userId || userId === user?.id
  const evidence = useEvidence()

  useEffect(() => {
    if (own && status === 'signed-out') goLogin()
    if (!own) Taro.setNavigationBarTitle({ title: 'TA 的信用' })
  }, [own, status])

  return (
    <View className='credit-page'>
      {own ? (
        status === 'signed-in' && <MyCreditView onEvidence={evidence.open} />
      ) : (
        <PublicCreditView userId={userId} />
      )}
      <EvidenceSheet state={evidence} />
    </View>
  )
}
