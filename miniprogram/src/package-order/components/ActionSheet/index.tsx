import { useEffect, useRef } from 'react'
import { z } from 'zod'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Popup, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import '@nutui/nutui-react-taro/dist/esm/Popup/style/css'
import '@nutui/nutui-react-taro/dist/esm/TextArea/style/css'
import type { ActionSpec, FormField } from '../../actions'
import { useContractForm } from '@/hooks/use-contract-form'
import { toast } from '@/utils/feedback'
import { Chips } from '../Chips'
import { useCourierGuess } from './use-courier-guess'
import './action-sheet.scss'

export interface ActionSheetProps {
  form: NonNullable<ActionSpec['form']> | null
  /** The form's hint for this order (money forms restate the amount). */
  hint?: string
  /** data-action of the sheet, for tests and journeys. */
  action: string | null
  /** The order the sheet acts on: a courier field asks the recogniser about it. */
  orderId?: string
  busy: boolean
  /** Server messages by field (a COMMON.VALIDATION answer), shown under the fields. */
  serverErrors: Record<string, string>
  onSubmit: (values: Record<string, unknown>) => void
  onClose: () => void
}

// The browser has no camera scanner: the seller types the code there.
const CAN_SCAN = process.env.TARO_ENV === 'weapp'

/** A bottom sheet with an action's fields; checks them with the contract's schema before sending. */
export function ActionSheet({
  form,
  hint,
  action,
  orderId,
  busy,
  serverErrors,
  onSubmit,
  onClose,
}: ActionSheetProps) {
  // Typing into a field retires its message; the rest wait for the next 提交.
  const sheet = useContractForm<Record<string, string>>(form?.schema ?? z.never(), {
    initial: {},
    recheck: 'clear',
  })
  const { values, errors } = sheet
  const courier = form?.fields.find((f) => f.courierFrom)
  const guess = useCourierGuess(orderId, courier ? values[courier.courierFrom!] : undefined)
  // What the sheet wrote into the company field itself: a newer guess replaces it (no guess
  // clears it), but a company the person picked or typed is theirs to change.
  const filled = useRef<string | null>(null)
  useEffect(() => {
    if (!courier) return
    const current = sheet.latest()[courier.name] ?? ''
    if (current !== '' && current !== filled.current) return
    filled.current = guess?.name ?? null
    if ((guess?.name ?? '') !== current) sheet.setField(courier.name, guess?.name ?? '')
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new guess fills the field; sheet is the form's own state
  }, [guess])
  useEffect(() => {
    filled.current = null
    // Every field starts as '' so an empty one gets the schema's own message (请填写…), not a type error.
    sheet.reset({
      ...Object.fromEntries((form?.fields ?? []).map((f) => [f.name, ''])),
      ...(form?.initial ?? {}),
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new form or action starts from empty fields; sheet is the form's own state
  }, [form, action])
  useEffect(
    () =>
      sheet.takeIssues(Object.entries(serverErrors).map(([path, message]) => ({ path, message }))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the server's messages land when they arrive; sheet is the form's own state
    [serverErrors],
  )

  const set = (name: string, v: string) => sheet.setField(name, v)
  const scan = async (f: FormField) => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      const v = f.fromScan?.(r.result)
      if (v) set(f.name, v)
      else toast('不是邻圈的交易码')
    } catch {
      // closed the scanner
    }
  }
  const submit = () => {
    if (!form) return
    const parsed = sheet.validate()
    if (parsed) onSubmit(parsed as Record<string, unknown>)
  }

  return (
    <Popup
      visible={form !== null}
      position='bottom'
      round
      closeable
      onClose={onClose}
      zIndex={1500}
    >
      {form && (
        <View className='action-sheet' id='order-action-sheet' data-action={action ?? ''}>
          <Text className='action-sheet__title'>{form.title}</Text>
          {hint ? <Text className='action-sheet__hint'>{hint}</Text> : null}
          {form.fields.map((f) => (
            <View key={f.name} className={`action-sheet__field field-${f.name}`}>
              <Text className='action-sheet__label'>{f.label}</Text>
              {f.options ? (
                <Chips
                  id={`sheet-${f.name}`}
                  options={f.options}
                  value={values[f.name] ?? null}
                  onChange={(v) => set(f.name, v)}
                />
              ) : f.type === 'textarea' ? (
                <TextArea
                  className={`sheet-input sheet-${f.name}`}
                  value={values[f.name] ?? ''}
                  placeholder={f.placeholder}
                  maxLength={f.maxLength}
                  showCount
                  onChange={(v) => set(f.name, v)}
                />
              ) : (
                <Input
                  className={`sheet-input sheet-${f.name}`}
                  value={values[f.name] ?? ''}
                  type={f.type ?? 'text'}
                  placeholder={f.placeholder}
                  maxLength={f.maxLength}
                  onChange={(v) => set(f.name, v)}
                />
              )}
              {f.picks && (
                <Chips
                  id={`sheet-${f.name}-picks`}
                  options={f.picks}
                  value={values[f.name] ?? null}
                  onChange={(v) => set(f.name, v)}
                />
              )}
              {f.courierFrom && guess && (
                <Text
                  className='action-sheet__guess'
                  id={`sheet-${f.name}-guess`}
                  onClick={() => set(f.name, guess.name)}
                >
                  {values[f.name] === guess.name
                    ? `已按运单号识别为${guess.name}`
                    : `运单号像是${guess.name}的 · 改用`}
                </Text>
              )}
              {f.fromScan && CAN_SCAN && (
                <Text
                  className='action-sheet__scan'
                  id={`sheet-scan-${f.name}`}
                  onClick={() => void scan(f)}
                >
                  扫一扫买家的交易码
                </Text>
              )}
              {errors[f.name] ? (
                <Text className='action-sheet__error'>{errors[f.name]}</Text>
              ) : null}
            </View>
          ))}
          <Button id='order-action-submit' type='primary' block loading={busy} onClick={submit}>
            提交
          </Button>
        </View>
      )}
    </Popup>
  )
}
