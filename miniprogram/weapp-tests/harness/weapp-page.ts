/**
 * One rendered page as a test handles it: its text and elements by id (ids live on the exparser
 * tree j-component renders from, not on the DOM it draws), taps, waits that fail with what the
 * page shows, and the share handlers called as the WeChat client calls them.
 */
import type { RootComponent } from 'j-component'
import type { FakeCloud } from './fake-cloud'
import {
  type ShareCard,
  type ShareFrom,
  type TimelineCard,
  readShareCard,
  readTimelineCard,
} from './share-card'

export type Fn = (...args: unknown[]) => unknown
export type Instance = Record<string, unknown> & {
  route?: string
  options?: Record<string, string>
}
export type PageComponent = RootComponent<
  Record<string, unknown>,
  Record<string, never>,
  Record<string, Fn>
>

/** How long a page may take to show what a test waits for. The suite's pages take ~0.1–1 s. */
export const WAIT_MS = 3000

export interface WeappPage {
  route: string
  query: Record<string, string>
  comp: PageComponent
  /** The page instance WeChat would hold: its lifecycle and share handlers live here. */
  instance: Instance
  /** All the text the page shows, whitespace collapsed. */
  text(): string
  /** The text of the element with this id (Taro passes ids through to the WXML), or null. */
  textOf(id: string): string | null
  /** Whether an element with this id is rendered. */
  has(id: string): boolean
  /** Taps the element with this id (its bindtap runs, as a finger would trigger it). */
  tap(id: string): Promise<void>
  /** Waits until the page shows this text (or the predicate holds); fails with what it shows. */
  waitFor(what: string | RegExp | (() => boolean), timeoutMs?: number): Promise<void>
  /** The attributes the WXML gave the element with this id (`openType`, `class`, `data-…`). */
  attributes(id: string): Record<string, unknown>
  /**
   * Taps a `<button open-type="share">` as WeChat handles it: onShareAppMessage({ from: 'button',
   * target }) with the button's id and dataset. Fails when the element is not such a button.
   */
  shareFromButton(id: string): Promise<ShareCard>
  /** Calls onShareAppMessage as the client does (转发 menu by default) and reads the card. */
  shareAppMessage(from?: ShareFrom): Promise<ShareCard>
  /** Calls onShareTimeline as the client does (分享到朋友圈) and reads the query. */
  shareTimeline(): Promise<TimelineCard>
  /** Whether the page registered a handler WeChat would use to offer 转发 / 朋友圈. */
  canShare(): { appMessage: boolean; timeline: boolean }
  /** Runs onHide / onShow as switching away and back would. */
  hide(): void
  show(): void
  /** Unloads the page (onUnload) and removes it from the page stack. */
  close(): void
}

/** Why a page did not show what was expected: what it shows and what the cloud saw. */
export const diagnose = (page: WeappPage, cloud: FakeCloud, what: string) =>
  [
    `waited ${what} on ${page.route}`,
    `page shows: ${page.text().slice(0, 400) || '(nothing)'}`,
    `cloud calls: ${cloud.calls.map((c) => `${c.name}.${c.action}`).join(', ') || '(none)'}`,
    cloud.unanswered.length ? `unanswered: ${cloud.unanswered.join(', ')}` : '',
    cloud.violations.length ? `contract violations: ${cloud.violations.join(' | ')}` : '',
  ]
    .filter(Boolean)
    .join('\n  ')

/** An exparser node: what j-component renders from; ids live here, not on the DOM it draws. */
interface ExparserNode {
  id?: string
  /** The tag: `button`, `view`, or a custom component's name. */
  is?: string
  $$?: HTMLElement
  _vt?: { attrs: { name: string; value: unknown }[] }
  shadowRoot?: ExparserNode | null
  childNodes?: ExparserNode[]
}
const rootNode = (comp: unknown) => (comp as { _exparserNode: ExparserNode })._exparserNode

/** Depth first through shadow roots (Taro's nested `comp` components) and children. */
const findById = (node: ExparserNode, id: string): ExparserNode | null => {
  if (node.id === id) return node
  for (const next of [node.shadowRoot, ...(node.childNodes ?? [])]) {
    if (!next || typeof next !== 'object') continue
    const found = findById(next, id)
    if (found) return found
  }
  return null
}

/** Polls every 10 ms until `test` holds; false when `timeoutMs` passed first. */
export const until = async (test: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs
  while (!test()) {
    if (Date.now() > end) return false
    await new Promise((r) => setTimeout(r, 10))
  }
  return true
}

/** The handle on a page just attached; `onClose` hears when the test closes it. */
export const pageHandle = (
  comp: PageComponent,
  route: string,
  query: Record<string, string>,
  cloud: FakeCloud,
  onClose: (page: WeappPage) => void,
): WeappPage => {
  const instance = comp.instance as unknown as Instance

  const dom = () => comp.dom as unknown as HTMLElement
  const byId = (elementId: string) => findById(rootNode(comp), elementId)?.$$ ?? null
  const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim()
  const share = (name: string) => instance[name] as Fn | undefined

  const page: WeappPage = {
    route,
    query,
    comp,
    instance,
    text: () => collapse(dom().textContent),
    textOf: (elementId) => {
      const el = byId(elementId)
      return el ? collapse(el.textContent) : null
    },
    has: (elementId) => byId(elementId) !== null,
    async tap(elementId) {
      const node = findById(rootNode(comp), elementId)
      if (!node?.$$)
        throw new Error(diagnose(page, cloud, `to tap #${elementId}, which is not there`))
      // j-component's own Component wrapper dispatches the event the way exparser expects.
      const ComponentClass = Object.getPrototypeOf(comp.constructor) as new (n: unknown) => {
        dispatchEvent(name: string, options?: unknown): void
      }
      new ComponentClass(node).dispatchEvent('tap', { detail: {} })
      await new Promise((r) => setTimeout(r, 0))
    },
    async waitFor(what, timeoutMs = WAIT_MS) {
      const test =
        typeof what === 'function'
          ? what
          : typeof what === 'string'
            ? () => page.text().includes(what)
            : () => what.test(page.text())
      if (!(await until(test, timeoutMs)))
        throw new Error(
          diagnose(page, cloud, typeof what === 'function' ? 'for a condition' : `for ${what}`),
        )
    },
    attributes(elementId) {
      const node = findById(rootNode(comp), elementId)
      if (!node) throw new Error(diagnose(page, cloud, `for #${elementId}, which is not there`))
      return Object.fromEntries((node._vt?.attrs ?? []).map((a) => [a.name, a.value]))
    },
    async shareFromButton(elementId) {
      const node = findById(rootNode(comp), elementId)
      const attrs = page.attributes(elementId)
      if (node?.is !== 'button' || attrs.openType !== 'share')
        throw new Error(
          `#${elementId} is a <${node?.is}> with open-type "${String(attrs.openType ?? '')}": ` +
            'tapping it would not share',
        )
      const dataset = Object.fromEntries(
        Object.entries(attrs)
          .filter(([name]) => name.startsWith('data-'))
          .map(([name, value]) => [name.slice(5), value]),
      )
      return page.shareAppMessage({ from: 'button', target: { id: elementId, dataset } })
    },
    async shareAppMessage(from = { from: 'menu' }) {
      const handler = share('onShareAppMessage')
      if (!handler)
        throw new Error(`${route} has no onShareAppMessage: WeChat would not offer 转发`)
      return readShareCard(await handler.call(instance, { ...from }))
    },
    async shareTimeline() {
      const handler = share('onShareTimeline')
      if (!handler)
        throw new Error(`${route} has no onShareTimeline: WeChat would not offer 朋友圈`)
      return readTimelineCard(await handler.call(instance))
    },
    canShare: () => ({
      appMessage: typeof share('onShareAppMessage') === 'function',
      timeline: typeof share('onShareTimeline') === 'function',
    }),
    hide: () => void (instance.onHide as Fn | undefined)?.call(instance),
    show: () => void (instance.onShow as Fn | undefined)?.call(instance),
    close: () => {
      onClose(page)
      comp.detach()
    },
  }
  return page
}
