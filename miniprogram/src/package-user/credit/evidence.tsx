import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Popup/style/css'
import type { CreditEvidence } from '@shared/contracts/credit.contract'
import { verifyEvidence, type EvidenceVerdict } from '@shared/domain/credit/credit-evidence'
import { api } from '@/services'
import { reportError } from '@/utils/feedback'

type Checked = { evidence: CreditEvidence; verdict: EvidenceVerdict }

const short = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-6)}`

/**
 * 信用存证 on the phone: fetches the caller's own chain and the day's Merkle proof and checks them
 * here with the same shared verifier the server builds with, so the answer does not rest on the
 * server saying "ok".
 */
export const useEvidence = () => {
  const [visible, setVisible] = useState(false)
  const [checked, setChecked] = useState<Checked | null>(null)
  const open = async () => {
    setVisible(true)
    try {
      const evidence = await api.credit.evidence()
      setChecked({ evidence, verdict: verifyEvidence(evidence) })
    } catch (e) {
      setVisible(false)
      reportError(e, '存证加载失败，请稍后重试')
    }
  }
  return { visible, checked, open, close: () => setVisible(false) }
}

const verdictText = ({ evidence, verdict }: Checked) =>
  !verdict.ok
    ? `校验未通过：${verdict.reason}`
    : verdict.anchored
      ? `校验通过：${evidence.chain.length} 条记录完整，链头已写入 ${evidence.day} 的存证根`
      : `记录链完整（${evidence.chain.length} 条），今天的记录将在次日写入存证`

export function EvidenceSheet({ state }: { state: ReturnType<typeof useEvidence> }) {
  const c = state.checked
  return (
    <Popup visible={state.visible} position='bottom' round closeable onClose={state.close}>
      <View className='credit-evidence' id='credit-evidence-sheet'>
        <Text className='credit-evidence__title'>信用存证</Text>
        <Text className='credit-evidence__hint'>
          每条信用记录都串进你自己的哈希链，每天所有人的链头汇成一个默克尔根并记下日期：改动任何一条旧记录都会被发现。
        </Text>
        {c ? (
          <>
            <Text
              className={`credit-evidence__verdict ${c.verdict.ok ? 'is-ok' : 'is-bad'}`}
              id='credit-evidence-verdict'
              data-ok={c.verdict.ok ? '1' : '0'}
            >
              {verdictText(c)}
            </Text>
            {c.evidence.anchoredHead && c.evidence.proof && (
              <View className='credit-evidence__facts'>
                <Text>存证日期 {c.evidence.day}</Text>
                <Text>
                  链头 #{c.evidence.anchoredHead.seq} {short(c.evidence.anchoredHead.hash)}
                </Text>
                <Text>默克尔根 {short(c.evidence.proof.root)}</Text>
              </View>
            )}
          </>
        ) : (
          <Text className='credit-evidence__hint'>正在校验…</Text>
        )}
      </View>
    </Popup>
  )
}
