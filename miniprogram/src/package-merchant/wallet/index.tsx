import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import type { SellerClaim, Wallet } from '@shared/contracts/merchant.contract'
import { MIN_WITHDRAW_FEN } from '@shared/domain/merchant'
import { formatFen } from '@shared/domain/money'
import { api, isServiceError } from '@/services'
import { useSignedInLoad } from '@/hooks/use-signed-in-load'
import { PageSkeleton } from '@/components/PageSkeleton'
import { reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { readWithdrawAmount } from './withdraw-amount'
import { newRequestKey, shortTime } from './withdraw-key'
import '../merchant.scss'
import './index.scss'

/** Errors after which the same tap may be retried with the same key (the outcome is unknown). */
const UNKNOWN_OUTCOME = new Set([
  'MERCHANT.GATEWAY_FAILED',
  'CLIENT.NETWORK',
  'CLIENT.BAD_RESPONSE',
  'COMMON.INTERNAL',
])

/** What the seller owes the guarantee fund after a 先行赔付, and how it is being paid back. */
function ClaimSection({ claim }: { claim: SellerClaim }) {
  const open = claim.owedFen > 0
  return (
    <View className={`merchant-section wallet-claim ${open ? 'is-open' : ''}`} id='wallet-claim'>
      <Text className='merchant-section__heading'>
        {open ? `先行赔付待追偿 ${formatFen(claim.owedFen)}` : '先行赔付已结清'}
      </Text>
      <Text className='muted wallet__claim-note'>
        {open
          ? `平台已先行赔付给买家，这笔钱将从你后续成交的货款中自动扣回${claim.collectingFen > 0 ? `（${formatFen(claim.collectingFen)} 扣回中）` : ''}；结清前暂不能提现。`
          : '平台先行赔付的款项已从你的货款中全部扣回。'}
      </Text>
      {claim.recent.map((m) => (
        <View
          key={`${m.kind}-${m.orderId}`}
          className={`wallet-row is-${m.kind}`}
          data-kind={m.kind}
        >
          <View className='wallet-row__main'>
            <Text>{m.kind === 'claim' ? '平台先行赔付' : '货款扣回'}</Text>
            <Text className='muted wallet-row__time'>{shortTime(m.at)}</Text>
          </View>
          <View className='wallet-row__side'>
            <Text className='wallet-row__status'>
              {m.kind === 'claim' ? '+' : '-'}
              {formatFen(m.amountFen)}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}

export default function WalletPage() {
  const [wallet, setWallet] = useState<Wallet | null>(null)
  const [amount, setAmount] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  // One key per intended withdrawal: kept across retries of an unknown outcome, renewed otherwise.
  const requestKey = useRef(newRequestKey())

  const load = () => api.merchant.wallet().then(setWallet, (e) => reportError(e, '加载失败'))
  useSignedInLoad(load, wallet !== null)

  const changeAmount = (v: string) => {
    setAmount(v)
    setError(null)
    requestKey.current = newRequestKey()
  }

  const withdraw = async () => {
    if (!wallet) return
    const read = readWithdrawAmount(amount, wallet.availableFen)
    if ('error' in read) return setError(read.error)
    const fen = read.fen
    setSending(true)
    try {
      const w = await api.merchant.withdraw({ amountFen: fen, requestKey: requestKey.current })
      requestKey.current = newRequestKey()
      if (w.status === 'failed') setError(w.reason ?? '提现失败')
      else {
        setAmount('')
        toast('提现已提交', 'success')
      }
      await load()
    } catch (e) {
      if (!(isServiceError(e) && UNKNOWN_OUTCOME.has(e.code))) requestKey.current = newRequestKey()
      if (isServiceError(e) && e.code !== 'COMMON.UNAUTHENTICATED') setError(e.message)
      else reportError(e, '提现失败')
      // A withdrawal whose outcome is unknown shows in the history as 提交中.
      void load()
    } finally {
      setSending(false)
    }
  }

  if (!wallet) return <PageSkeleton className='merchant-page wallet' />

  return (
    <View className='merchant-page wallet safe-bottom' id='wallet'>
      <View className='merchant-section wallet-figures'>
        <View className='wallet-figure' id='wallet-escrow'>
          <Text className='wallet-figure__n'>{formatFen(wallet.inEscrowFen)}</Text>
          <Text className='wallet-figure__l'>担保中</Text>
        </View>
        <View className='wallet-figure is-main' id='wallet-available'>
          <Text className='wallet-figure__n'>{formatFen(wallet.availableFen)}</Text>
          <Text className='wallet-figure__l'>可提现</Text>
        </View>
        <View className='wallet-figure' id='wallet-withdrawn'>
          <Text className='wallet-figure__n'>{formatFen(wallet.withdrawnFen)}</Text>
          <Text className='wallet-figure__l'>已提现</Text>
        </View>
      </View>
      <Text className='muted wallet__note'>
        担保中：买家已付款、交易完成前由微信支付冻结；确认收货后扣除平台服务费转为可提现。
      </Text>

      {wallet.claim && <ClaimSection claim={wallet.claim} />}

      {wallet.onboarded ? (
        <View className='merchant-section' id='wallet-withdraw'>
          <Text className='merchant-section__heading'>提现到 {wallet.bankAccount}</Text>
          <View className={`merchant-field__line wallet-amount ${error ? 'has-error' : ''}`}>
            <Text className='wallet-amount__yen'>¥</Text>
            <Input
              id='wallet-amount'
              type='digit'
              value={amount}
              placeholder='输入提现金额'
              onChange={changeAmount}
            />
            <Text
              className='wallet-amount__all'
              id='wallet-all'
              onClick={() => changeAmount((wallet.availableFen / 100).toFixed(2))}
            >
              全部提现
            </Text>
          </View>
          {error && (
            <Text className='merchant-error' id='wallet-error'>
              {error}
            </Text>
          )}
          <Button
            id='wallet-submit'
            type='primary'
            block
            loading={sending}
            disabled={wallet.availableFen < MIN_WITHDRAW_FEN || (wallet.claim?.owedFen ?? 0) > 0}
            onClick={withdraw}
          >
            提现
          </Button>
        </View>
      ) : (
        <View className='merchant-section' id='wallet-onboard'>
          <Text>开通收款后，买家付款的钱会在交易完成后进入这里。</Text>
          <Button
            type='primary'
            size='small'
            onClick={() => Taro.navigateTo({ url: Routes.onboarding })}
          >
            去开通收款
          </Button>
        </View>
      )}

      <View className='merchant-section' id='wallet-history'>
        <Text className='merchant-section__heading'>提现记录</Text>
        {wallet.withdrawals.length === 0 ? (
          <Text className='muted wallet__empty'>还没有提现记录</Text>
        ) : (
          wallet.withdrawals.map((w) => (
            <View key={w.id} className={`wallet-row is-${w.status}`} data-status={w.status}>
              <View className='wallet-row__main'>
                <Text>提现 {formatFen(w.amountFen)}</Text>
                <Text className='muted wallet-row__time'>{shortTime(w.createdAt)}</Text>
              </View>
              <View className='wallet-row__side'>
                <Text className='wallet-row__status'>{w.statusLabel}</Text>
                {w.reason && <Text className='merchant-error'>{w.reason}</Text>}
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
