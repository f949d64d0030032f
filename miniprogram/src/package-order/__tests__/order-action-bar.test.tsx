/**
 * The order page's buttons with Taro, NutUI and the services replaced by plain stand-ins:
 * exactly the server's actions, a money confirmation that restates the amount, and a form
 * checked with the contract's messages before anything is sent.
 */
import type { ReactNode } from 'react'
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { Order } from '@shared/contracts/order.contract'

const showModal = jest.fn()
const toast = jest.fn()
const reportError = jest.fn()
const api = {
  order: {
    confirm: jest.fn(),
    ship: jest.fn(),
    detectCourier: jest.fn(),
    cancel: jest.fn(),
    pickupQuote: jest.fn(),
    bookPickup: jest.fn(),
  },
  address: { list: jest.fn(), get: jest.fn() },
}
const payOrder = jest.fn()

type P = { children?: ReactNode; id?: string; className?: string; onClick?: () => void }
/** NutUI's Input and TextArea hand the new text to onChange, not the event. */
type FieldP = { className?: string; value: string; onChange: (v: string) => void }
const fieldProps = ({ className, value, onChange }: FieldP) => ({
  className,
  value,
  onChange: (e: { target: { value: string } }) => onChange(e.target.value),
})
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { showModal: (o: unknown) => showModal(o), scanCode: jest.fn() },
  useDidShow: jest.fn(),
}))
jest.mock('@/utils/address-choice', () => ({
  chooseAddress: jest.fn(),
  takeChosenAddress: () => null,
}))
jest.mock('@tarojs/components', () => ({
  View: ({ children, id, className, onClick, ...rest }: P & Record<string, unknown>) => (
    <div
      id={id}
      className={className}
      onClick={onClick}
      data-action={rest['data-action'] as string}
    >
      {children}
    </div>
  ),
  Text: ({ children, id, className, onClick }: P) => (
    <span id={id} className={className} onClick={onClick}>
      {children}
    </span>
  ),
}))
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, id, onClick }: P) => (
    <button id={id} onClick={onClick}>
      {children}
    </button>
  ),
  Popup: ({ visible, children }: { visible: boolean; children?: ReactNode }) =>
    visible ? <div role='dialog'>{children}</div> : null,
  Input: (p: FieldP) => <input {...fieldProps(p)} />,
  TextArea: (p: FieldP) => <textarea {...fieldProps(p)} />,
}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Button/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Input/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Popup/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/TextArea/style/css', () => ({}))
jest.mock('@/services', () => ({
  get api() {
    return api
  },
  payOrder: (...a: unknown[]) => payOrder(...a),
  isServiceError: (e: unknown) => e instanceof Error && 'code' in e,
}))
jest.mock('@/utils/feedback', () => ({
  toast: (...a: unknown[]) => toast(...a),
  reportError: (...a: unknown[]) => reportError(...a),
}))

import { OrderActionBar } from '../components/OrderActionBar'

const order = (over: Partial<Order>): Order =>
  ({
    id: '01ORDER',
    totalFen: 112_000,
    state: 'shipped',
    fulfilment: 'courier',
    role: 'buyer',
    actions: [],
    ...over,
  }) as Order

beforeEach(() => {
  jest.clearAllMocks()
  api.order.detectCourier.mockResolvedValue({ companies: [] })
})

describe('OrderActionBar', () => {
  it('shows exactly the actions the server listed, the main one last', () => {
    render(
      <OrderActionBar
        order={order({ actions: ['confirm', 'requestRefund'] })}
        onChanged={jest.fn()}
      />,
    )
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      '申请退款',
      '确认收货',
    ])
  })

  it('shows nothing without actions', () => {
    const { container } = render(
      <OrderActionBar order={order({ actions: [] })} onChanged={jest.fn()} />,
    )
    expect(container.innerHTML).toBe('')
  })

  it('asks before releasing the money, restating the amount, and shows the order the server returns', async () => {
    const onChanged = jest.fn()
    const next = order({ state: 'received', actions: [] })
    showModal.mockResolvedValue({ confirm: true })
    api.order.confirm.mockResolvedValue(next)
    render(<OrderActionBar order={order({ actions: ['confirm'] })} onChanged={onChanged} />)
    await act(async () => fireEvent.click(screen.getByText('确认收货')))
    expect(showModal.mock.calls[0][0].content).toContain('¥1,120')
    expect(api.order.confirm).toHaveBeenCalledWith('01ORDER')
    expect(onChanged).toHaveBeenCalledWith(next)
  })

  it('does nothing when the confirmation is declined', async () => {
    showModal.mockResolvedValue({ confirm: false })
    render(
      <OrderActionBar
        order={order({ state: 'paid', actions: ['cancelPaid'] })}
        onChanged={jest.fn()}
      />,
    )
    await act(async () => fireEvent.click(screen.getByText('取消订单')))
    expect(showModal.mock.calls[0][0].content).toContain('退回')
    expect(api.order.cancel).not.toHaveBeenCalled()
  })

  it('checks the waybill form with the contract messages, then ships', async () => {
    const onChanged = jest.fn()
    api.order.ship.mockResolvedValue(order({ role: 'seller', state: 'shipped' }))
    render(
      <OrderActionBar
        order={order({ role: 'seller', state: 'paid', actions: ['ship'] })}
        onChanged={onChanged}
      />,
    )
    fireEvent.click(screen.getByText('填写运单号'))
    expect(screen.getByRole('dialog')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByText('提交')))
    // The company may be left blank (recognised from the number); the number may not.
    expect(screen.getByText('运单号为 8–30 位字母或数字')).toBeTruthy()
    expect(api.order.ship).not.toHaveBeenCalled()

    fireEvent.change(document.querySelector('.sheet-company')!, { target: { value: '顺丰速运' } })
    fireEvent.change(document.querySelector('.sheet-waybillNo')!, {
      target: { value: 'SF1234567890' },
    })
    await act(async () => fireEvent.click(screen.getByText('提交')))
    expect(api.order.ship).toHaveBeenCalledWith({
      orderId: '01ORDER',
      company: '顺丰速运',
      waybillNo: 'SF1234567890',
    })
    expect(onChanged).toHaveBeenCalled()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('suggests the company recognised from the waybill number, and lists the common ones to pick', async () => {
    jest.useFakeTimers()
    api.order.detectCourier.mockResolvedValue({
      companies: [{ code: 'shunfeng', name: '顺丰速运', short: '顺丰' }],
    })
    api.order.ship.mockResolvedValue(order({ role: 'seller', state: 'shipped' }))
    render(
      <OrderActionBar
        order={order({ role: 'seller', state: 'paid', actions: ['ship'] })}
        onChanged={jest.fn()}
      />,
    )
    fireEvent.click(screen.getByText('填写运单号'))
    const picks = document.querySelectorAll('#sheet-company-picks .order-chip')
    expect(Array.from(picks, (p) => p.textContent)).toEqual([
      '顺丰',
      '中通',
      '圆通',
      '韵达',
      '申通',
      '极兔',
      '京东',
      'EMS',
    ])
    const company = () => (document.querySelector('.sheet-company') as HTMLInputElement).value

    // Half a number asks nothing; the whole one is asked about once typing stops.
    fireEvent.change(document.querySelector('.sheet-waybillNo')!, { target: { value: 'SF12' } })
    await act(async () => jest.advanceTimersByTime(1_000))
    expect(api.order.detectCourier).not.toHaveBeenCalled()
    fireEvent.change(document.querySelector('.sheet-waybillNo')!, {
      target: { value: 'sf1234567890123' },
    })
    await act(async () => jest.advanceTimersByTime(1_000))
    expect(api.order.detectCourier).toHaveBeenCalledTimes(1)
    expect(api.order.detectCourier).toHaveBeenCalledWith({
      orderId: '01ORDER',
      waybillNo: 'SF1234567890123',
    })
    expect(company()).toBe('顺丰速运')
    expect(document.querySelector('#sheet-company-guess')!.textContent).toBe(
      '已按运单号识别为顺丰速运',
    )
    expect(document.querySelector('#sheet-company-picks-顺丰速运')!.className).toContain(
      'is-active',
    )

    // A pick is the seller's own choice: the hint offers the recognised one back.
    fireEvent.click(document.querySelector('#sheet-company-picks-京东物流')!)
    expect(company()).toBe('京东物流')
    expect(document.querySelector('#sheet-company-guess')!.textContent).toBe(
      '运单号像是顺丰速运的 · 改用',
    )
    fireEvent.click(document.querySelector('#sheet-company-guess')!)
    expect(company()).toBe('顺丰速运')
    await act(async () => fireEvent.click(screen.getByText('提交')))
    expect(api.order.ship).toHaveBeenCalledWith({
      orderId: '01ORDER',
      company: '顺丰速运',
      waybillNo: 'SF1234567890123',
    })
    jest.useRealTimers()
  })

  it('clears a company it filled in when the number changes to one it cannot tell', async () => {
    jest.useFakeTimers()
    api.order.detectCourier
      .mockResolvedValueOnce({ companies: [{ code: 'yuantong', name: '圆通速递', short: '圆通' }] })
      .mockResolvedValueOnce({ companies: [] })
    render(
      <OrderActionBar
        order={order({ role: 'seller', state: 'paid', actions: ['ship'] })}
        onChanged={jest.fn()}
      />,
    )
    fireEvent.click(screen.getByText('填写运单号'))
    const type = async (value: string) => {
      fireEvent.change(document.querySelector('.sheet-waybillNo')!, { target: { value } })
      await act(async () => jest.advanceTimersByTime(1_000))
    }
    const company = () => (document.querySelector('.sheet-company') as HTMLInputElement).value
    await type('YT1234567890123')
    expect(company()).toBe('圆通速递')
    await type('99999999')
    expect(company()).toBe('')
    expect(document.querySelector('#sheet-company-guess')).toBeNull()
    jest.useRealTimers()
  })

  it('hands pay to the platform pay service', async () => {
    payOrder.mockResolvedValue({ kind: 'redirected' })
    render(
      <OrderActionBar
        order={order({ state: 'pending_payment', actions: ['pay', 'cancelUnpaid'] })}
        onChanged={jest.fn()}
      />,
    )
    await act(async () => fireEvent.click(screen.getByText('去支付')))
    expect(payOrder).toHaveBeenCalledWith('01ORDER')
  })
})

describe('OrderActionBar: 预约上门取件', () => {
  it('books with the default address, the chosen company and the first window still bookable', async () => {
    jest.useFakeTimers({ now: Date.UTC(2027, 0, 15, 2, 30) }) // 10:30 in China
    api.address.list.mockResolvedValue({
      items: [
        {
          id: 'addr1',
          name: '陈*',
          phone: '139****9000',
          regionText: '上海市 徐汇区',
          detail: '漕溪北路****',
          isDefault: true,
        },
      ],
      max: 20,
    })
    api.order.pickupQuote.mockResolvedValue({
      quotes: [
        { company: '韵达快递', companyCode: 'yunda', priceFen: 500 },
        { company: '顺丰速运', companyCode: 'shunfeng', priceFen: 1200 },
      ],
    })
    const booked = order({ role: 'seller', state: 'paid', actions: ['cancelPickup'] })
    api.order.bookPickup.mockResolvedValue(booked)
    const onChanged = jest.fn()
    const paid = order({
      role: 'seller',
      state: 'paid',
      actions: ['bookPickup', 'ship'],
      address: { name: '李四', phone: '13800138000', region: '上海市徐汇区', detail: '1 号' },
    })
    render(<OrderActionBar order={paid} onChanged={onChanged} />)
    await act(async () => fireEvent.click(screen.getByText('预约上门取件')))
    expect(await screen.findByText(/陈\* 139\*\*\*\*9000/)).toBeTruthy()
    expect(api.order.pickupQuote).toHaveBeenCalledWith({ orderId: '01ORDER', addressId: 'addr1' })
    expect(screen.getByText('约 ¥12')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByText('顺丰速运')))
    // 09:00–11:00 ends within the hour's lead: 11:00–13:00 is the first window today.
    expect(screen.queryByText('09:00–11:00')).toBeNull()
    await act(async () => fireEvent.click(screen.getByText('11:00–13:00')))
    await act(async () => fireEvent.click(screen.getByText('确认预约')))
    expect(api.order.bookPickup).toHaveBeenCalledWith({
      orderId: '01ORDER',
      addressId: 'addr1',
      company: 'shunfeng',
      slot: { day: '今天', start: '11:00', end: '13:00' },
    })
    expect(onChanged).toHaveBeenCalledWith(booked)
    expect(toast).toHaveBeenCalledWith('已预约上门取件', 'success')
    jest.useRealTimers()
  })
})
