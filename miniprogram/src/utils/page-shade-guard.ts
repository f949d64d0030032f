// H5 only (installed by h5-chrome.h5.ts).
import Taro from '@tarojs/taro'

// Taro's H5 router hides a page with this class (display: none).
const SHADE = 'taro_page_shade'

type StackPage = { path?: string }

/** The page the router's stack says is showing; its page element's id is that path. */
const shownPath = () => {
  const pages = Taro.getCurrentPages() as StackPage[]
  return pages[pages.length - 1]?.path
}

/**
 * Taro 4.2.1's H5 router hides the page under a newly opened one on a timer (the 300 ms slide
 * plus 50 ms) and never cancels it, while going back to a tab page shows that page at once (tabs
 * are kept, not reloaded). So a back within 350 ms of opening a page from a tab shaded the tab
 * the user was back on: 发布 → 继续编辑 → back showed a blank 发布. A page the router's own stack
 * has on top keeps showing; the shade stays on every page below it.
 */
export const keepShownPageVisible = (root: Node = document) => {
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as Element
      const shadedNow = el.classList.contains(SHADE) && !r.oldValue?.split(' ').includes(SHADE)
      if (shadedNow && el.classList.contains('taro_page') && el.id === shownPath())
        el.classList.remove(SHADE)
    }
  })
  observer.observe(root, {
    subtree: true,
    attributes: true,
    attributeFilter: ['class'],
    attributeOldValue: true,
  })
  return () => observer.disconnect()
}
