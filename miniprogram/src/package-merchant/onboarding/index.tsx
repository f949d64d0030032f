import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Picker, Text, View } from '@tarojs/components'
import { Button, Input, Switch } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import '@nutui/nutui-react-taro/dist/esm/Switch/style/css'
import {
  SubmitOnboardingInputSchema,
  type OnboardingStatus,
} from '@shared/contracts/merchant.contract'
import { ACCOUNT_BANKS, BANK_REGIONS } from '@shared/domain/merchant'
import { formatFen } from '@shared/domain/money'
import { api, uploadPhoto } from '@/services'
import { useContractForm } from '@/hooks/use-contract-form'
import { useSignedInLoad } from '@/hooks/use-signed-in-load'
import { reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { PrivacyConsent } from '@/components/PrivacyConsent'
import { PageSkeleton } from '@/components/PageSkeleton'
import {
  explainOnboarding,
  initialForm,
  toSubmitInput,
  type FormField,
  type IdPhoto,
  type OnboardingForm,
} from './form'
import '../merchant.scss'
import './index.scss'

type TextField =
  | 'idCardName'
  | 'idCardNumber'
  | 'idCardValidBegin'
  | 'idCardValidEnd'
  | 'mobile'
  | 'accountNumber'
  | 'storeName'

const TEXT_FIELDS: {
  name: TextField
  label: string
  placeholder: string
  type?: 'text' | 'idcard' | 'tel' | 'digit'
  maxLength: number
}[] = [
  { name: 'idCardName', label: '真实姓名', placeholder: '与身份证一致', maxLength: 30 },
  {
    name: 'idCardNumber',
    label: '身份证号',
    placeholder: '18 位身份证号码',
    type: 'idcard',
    maxLength: 18,
  },
  { name: 'idCardValidBegin', label: '有效期起', placeholder: 'YYYY-MM-DD', maxLength: 10 },
]
const CONTACT_FIELDS: typeof TEXT_FIELDS = [
  {
    name: 'mobile',
    label: '手机号',
    placeholder: '接收微信支付审核通知',
    type: 'tel',
    maxLength: 11,
  },
]

/** Where each state leaves the seller, in words. */
const STATE_HINTS: Record<OnboardingStatus['state'], string> = {
  none: '开通后买家付款先由微信支付担保，交易完成后自动结算到你的微信支付商户账户。',
  checking: '微信支付正在审核你的资料，通常 1–2 个工作日，结果会在这里显示。',
  account_need_verify: '请按下面的指引完成账户验证，验证通过后进入签约。',
  need_sign: '资料已通过审核，请在微信中打开签约链接完成签约。',
  finish: '已开通收款，买家可以在线付款购买你的宝贝。',
  rejected: '申请未通过，请根据原因修改后重新提交。',
}

const openLink = (url: string) => {
  // The mini-program cannot open outside pages: copy the link so it can be pasted into WeChat.
  if (process.env.TARO_ENV === 'h5') window.open(url, '_blank', 'noopener')
  else Taro.setClipboardData({ data: url }).then(() => toast('链接已复制，请在微信中打开'))
}

export default function Onboarding() {
  const [status, setStatus] = useState<OnboardingStatus | null>(null)
  const [editing, setEditing] = useState(false)
  const contract = useContractForm(SubmitOnboardingInputSchema, {
    initial: () => initialForm(null),
    toInput: toSubmitInput,
    explain: explainOnboarding,
  })
  const { values: form, errors } = contract
  const [submitting, setSubmitting] = useState(false)
  const [refreshing, setRefreshing] = useState(false)

  const load = () =>
    api.merchant.status().then(
      (s) => {
        setStatus(s)
        if (s.state === 'none') setEditing(true)
      },
      (e) => reportError(e, '加载失败'),
    )
  const refresh = async () => {
    setRefreshing(true)
    try {
      setStatus(await api.merchant.refresh())
    } catch (e) {
      reportError(e, '刷新失败')
    } finally {
      setRefreshing(false)
    }
  }
  useSignedInLoad(load, status !== null && !editing, refresh)

  /** After the first 提交, every change re-checks the form against the contract. */
  const update = (patch: Partial<OnboardingForm>) => contract.setValues(patch)

  const pickPhoto = async (side: 'front' | 'back') => {
    let path: string
    try {
      path = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })).tempFilePaths[0]
    } catch {
      return
    }
    const setPhoto = (p: IdPhoto) => update({ [side]: p })
    setPhoto({ fileId: null, url: path, progress: 0 })
    try {
      const uploaded = await uploadPhoto(
        path,
        (progress) => setPhoto({ fileId: null, url: path, progress }),
        'id-cards',
      )
      // ID photos are never served back by URL: keep previewing the local copy.
      setPhoto({ fileId: uploaded.fileId, url: path, progress: null })
    } catch (e) {
      update({ [side]: null })
      reportError(e, '照片上传失败')
    }
  }

  const submit = async () => {
    const input = contract.validate()
    if (!input) return toast('请检查标红的内容')
    setSubmitting(true)
    try {
      setStatus(await api.merchant.submit(input))
      setEditing(false)
      toast('已提交审核', 'success')
    } catch (e) {
      if (contract.takeError(e)) toast((e as Error).message)
      else reportError(e, '提交失败')
    } finally {
      setSubmitting(false)
    }
  }

  const resubmit = () => {
    contract.reset(initialForm(status?.submitted))
    setEditing(true)
  }

  if (!status) return <PageSkeleton className='merchant-page onboarding' />

  const err = (field: FormField) =>
    errors[field] && <Text className={`merchant-error field-error-${field}`}>{errors[field]}</Text>
  const textField = (f: (typeof TEXT_FIELDS)[number], value: string, disabled = false) => (
    <View
      key={f.name}
      className={`merchant-field field-${f.name} ${errors[f.name] ? 'has-error' : ''}`}
    >
      <View className='merchant-field__line'>
        <Text className='merchant-field__label'>{f.label}</Text>
        <Input
          className={`onboarding-${f.name}`}
          value={value}
          type={f.type ?? 'text'}
          placeholder={f.placeholder}
          maxLength={f.maxLength}
          disabled={disabled}
          onChange={(v) => update({ [f.name]: v })}
        />
      </View>
      {err(f.name)}
    </View>
  )
  const photo = (side: 'front' | 'back', field: FormField, label: string) => {
    const p = form[side]
    return (
      <View
        className={`onboarding-photo field-${field} ${errors[field] ? 'has-error' : ''}`}
        id={`onboarding-photo-${side}`}
        onClick={() => pickPhoto(side)}
      >
        {p ? (
          <Image className='onboarding-photo__img' src={p.url} mode='aspectFill' />
        ) : (
          <Text className='onboarding-photo__plus'>＋</Text>
        )}
        <Text className='onboarding-photo__label'>
          {p?.progress != null ? `上传中 ${p.progress}%` : label}
        </Text>
        {err(field)}
      </View>
    )
  }

  if (editing) {
    const bankIndex = Math.max(
      0,
      ACCOUNT_BANKS.indexOf(form.accountBank as (typeof ACCOUNT_BANKS)[number]),
    )
    const regionIndex = Math.max(
      0,
      BANK_REGIONS.findIndex((r) => r.code === form.bankAddressCode),
    )
    return (
      <View className='merchant-page onboarding safe-bottom' id='onboarding-form'>
        <View className='merchant-section'>
          <Text className='merchant-section__heading'>开通收款 · 个人卖家</Text>
          <Text className='muted onboarding__intro'>
            资料直接加密提交给微信支付，用于开通你的收款商户；邻圈只保存加密后的资料，页面上只显示打码后的内容。
          </Text>
          {status.state === 'rejected' && (
            <Text className='merchant-error onboarding__prev'>
              上次未通过：{status.rejectReasons.map((r) => r.reason).join('；') || status.stateDesc}
            </Text>
          )}
        </View>

        <View className='merchant-section'>
          <Text className='merchant-section__heading'>身份证</Text>
          <View className='onboarding-photos'>
            {photo('front', 'idCardFrontFileId', '人像面')}
            {photo('back', 'idCardBackFileId', '国徽面')}
          </View>
          {TEXT_FIELDS.map((f) => textField(f, form[f.name]))}
          <View
            className={`merchant-field field-idCardValidEnd ${errors.idCardValidEnd ? 'has-error' : ''}`}
          >
            <View className='merchant-field__line'>
              <Text className='merchant-field__label'>有效期至</Text>
              <Input
                className='onboarding-idCardValidEnd'
                value={form.longTerm ? '长期' : form.idCardValidEnd}
                placeholder='YYYY-MM-DD'
                maxLength={10}
                disabled={form.longTerm}
                onChange={(v) => update({ idCardValidEnd: v })}
              />
              <Text className='muted onboarding__long'>长期</Text>
              <Switch
                id='onboarding-long-term'
                checked={form.longTerm}
                onChange={(v) => update({ longTerm: v })}
              />
            </View>
            {err('idCardValidEnd')}
          </View>
        </View>

        <View className='merchant-section'>
          <Text className='merchant-section__heading'>结算银行卡（本人储蓄卡）</Text>
          <View
            className={`merchant-field field-accountBank ${errors.accountBank ? 'has-error' : ''}`}
          >
            <Picker
              mode='selector'
              range={[...ACCOUNT_BANKS]}
              value={bankIndex}
              onChange={(e) => update({ accountBank: ACCOUNT_BANKS[Number(e.detail.value)] })}
            >
              <View className='merchant-field__line' id='onboarding-bank'>
                <Text className='merchant-field__label'>开户银行</Text>
                <Text className='merchant-field__value'>{form.accountBank} ›</Text>
              </View>
            </Picker>
            {err('accountBank')}
          </View>
          <View
            className={`merchant-field field-bankAddressCode ${errors.bankAddressCode ? 'has-error' : ''}`}
          >
            <Picker
              mode='selector'
              range={BANK_REGIONS.map((r) => r.name)}
              value={regionIndex}
              onChange={(e) =>
                update({ bankAddressCode: BANK_REGIONS[Number(e.detail.value)].code })
              }
            >
              <View className='merchant-field__line' id='onboarding-region'>
                <Text className='merchant-field__label'>开户地区</Text>
                <Text className='merchant-field__value'>{BANK_REGIONS[regionIndex].name} ›</Text>
              </View>
            </Picker>
            {err('bankAddressCode')}
          </View>
          {textField(
            {
              name: 'accountNumber',
              label: '银行卡号',
              placeholder: '持卡人须与身份证姓名一致',
              type: 'digit',
              maxLength: 30,
            },
            form.accountNumber,
          )}
        </View>

        <View className='merchant-section'>
          <Text className='merchant-section__heading'>联系与店铺</Text>
          {CONTACT_FIELDS.map((f) => textField(f, form[f.name]))}
          {textField(
            {
              name: 'storeName',
              label: '店铺名称',
              placeholder: status.defaultStoreName,
              maxLength: 20,
            },
            form.storeName,
          )}
        </View>

        <View className='merchant-actions'>
          <Button
            id='onboarding-submit'
            type='primary'
            size='large'
            block
            loading={submitting}
            onClick={submit}
          >
            {status.state === 'rejected' ? '重新提交' : '提交审核'}
          </Button>
          {status.state === 'rejected' && (
            <Button
              id='onboarding-cancel'
              size='large'
              block
              fill='none'
              onClick={() => setEditing(false)}
            >
              取消
            </Button>
          )}
        </View>
        <PrivacyConsent />
      </View>
    )
  }

  const s = status
  const v = s.accountValidation
  return (
    <View
      className='merchant-page onboarding safe-bottom'
      id='onboarding-status'
      data-state={s.state}
    >
      <View className={`merchant-section onboarding-banner is-${s.state}`}>
        <Text className='onboarding-banner__state' id='onboarding-state'>
          {s.stateLabel}
        </Text>
        <Text className='onboarding-banner__hint'>{STATE_HINTS[s.state]}</Text>
      </View>

      {s.state === 'account_need_verify' && (
        <View className='merchant-section' id='onboarding-verify'>
          <Text className='merchant-section__heading'>账户验证</Text>
          {v ? (
            <>
              <Text>
                请用你提交的银行卡向以下账户汇款{' '}
                <Text className='onboarding__em'>{formatFen(v.payAmountFen)}</Text>，备注填写「
                {v.remark}」：
              </Text>
              <Text className='muted'>户名：{v.accountName}</Text>
              <Text className='muted'>账号：{v.accountNumber}</Text>
              <Text className='muted'>开户行：{v.accountBank}</Text>
              <Text className='muted'>截止：{v.deadline.slice(0, 10)}</Text>
            </>
          ) : (
            <Text className='muted'>请按微信支付发送的短信完成验证。</Text>
          )}
          {s.legalValidationUrl && (
            <Button
              id='onboarding-verify-link'
              type='primary'
              size='small'
              onClick={() => openLink(s.legalValidationUrl!)}
            >
              打开验证链接
            </Button>
          )}
        </View>
      )}

      {s.state === 'need_sign' && s.signUrl && (
        <View className='merchant-section' id='onboarding-sign'>
          <Text className='merchant-section__heading'>签约</Text>
          <Text className='muted'>打开签约链接，确认开户协议后即可收款。</Text>
          <Button
            id='onboarding-sign-link'
            type='primary'
            size='small'
            onClick={() => openLink(s.signUrl!)}
          >
            {process.env.TARO_ENV === 'h5' ? '去签约' : '复制签约链接'}
          </Button>
        </View>
      )}

      {s.state === 'rejected' && (
        <View className='merchant-section' id='onboarding-reasons'>
          <Text className='merchant-section__heading'>驳回原因</Text>
          {s.rejectReasons.length > 0 ? (
            s.rejectReasons.map((r, i) => (
              <Text key={i} className='merchant-error onboarding-reason'>
                {r.field ? `${r.field}：` : ''}
                {r.reason}
              </Text>
            ))
          ) : (
            <Text className='merchant-error onboarding-reason'>
              {s.stateDesc || '资料未通过审核'}
            </Text>
          )}
        </View>
      )}

      {s.submitted && (
        <View className='merchant-section' id='onboarding-submitted'>
          <Text className='merchant-section__heading'>提交的资料</Text>
          <View className='merchant-row'>
            <Text className='muted'>姓名</Text>
            <Text id='onboarding-masked-name'>{s.submitted.idCardName}</Text>
          </View>
          <View className='merchant-row'>
            <Text className='muted'>身份证号</Text>
            <Text id='onboarding-masked-id'>{s.submitted.idCardNumber}</Text>
          </View>
          <View className='merchant-row'>
            <Text className='muted'>有效期</Text>
            <Text>
              {s.submitted.idCardValidBegin} 至 {s.submitted.idCardValidEnd}
            </Text>
          </View>
          <View className='merchant-row'>
            <Text className='muted'>手机号</Text>
            <Text>{s.submitted.mobile}</Text>
          </View>
          <View className='merchant-row'>
            <Text className='muted'>银行卡</Text>
            <Text>
              {s.submitted.accountBank} {s.submitted.accountNumber}
            </Text>
          </View>
          <View className='merchant-row'>
            <Text className='muted'>店铺名称</Text>
            <Text>{s.submitted.storeName}</Text>
          </View>
        </View>
      )}

      <View className='merchant-actions'>
        {s.state === 'rejected' && (
          <Button id='onboarding-resubmit' type='primary' size='large' block onClick={resubmit}>
            重新提交
          </Button>
        )}
        {s.state === 'finish' && (
          <Button
            id='onboarding-wallet'
            type='primary'
            size='large'
            block
            onClick={() => Taro.navigateTo({ url: Routes.wallet })}
          >
            我的钱包
          </Button>
        )}
        {['checking', 'account_need_verify', 'need_sign'].includes(s.state) && (
          <Button id='onboarding-refresh' size='large' block loading={refreshing} onClick={refresh}>
            刷新审核状态
          </Button>
        )}
      </View>
    </View>
  )
}
