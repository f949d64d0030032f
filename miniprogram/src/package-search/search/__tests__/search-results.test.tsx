/**
 * The results area with Taro, NutUI and the waterfall replaced by plain stand-ins: an empty
 * result offers what the server found instead (a shorter keyword, the nearest category).
 */
import type { ReactNode } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import type { SearchFallback } from '@shared/contracts/search.contract'

type P = { children?: ReactNode; id?: string; className?: string; onClick?: () => void }
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { navigateTo: jest.fn() } }))
jest.mock('@tarojs/components', () => ({
  View: ({ children, id, className, onClick }: P) => (
    <div id={id} className={className} onClick={onClick}>
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
  Button: ({ children, onClick }: P) => <button onClick={onClick}>{children}</button>,
}))
jest.mock('@/components/EmptyState', () => ({
  EmptyState: ({
    id,
    title,
    description,
    action,
  }: {
    id: string
    title: string
    description: string
    action: { text: string; onClick: () => void } | null
  }) => (
    <div id={id}>
      <p>{title}</p>
      <p>{description}</p>
      {action && <button onClick={action.onClick}>{action.text}</button>}
    </div>
  ),
}))
jest.mock('@/components/ListingWaterfall', () => ({
  ListingWaterfall: ({ cards }: { cards: { id: string; title: string }[] }) => (
    <ul>
      {cards.map((c) => (
        <li key={c.id}>{c.title}</li>
      ))}
    </ul>
  ),
}))

import { SearchResults } from '../components/SearchResults'

const results = (
  over: { fallback?: SearchFallback | null; items?: { id: string; title: string }[] } = {},
) => ({
  items: (over.items ?? []) as never[],
  status: 'idle' as const,
  loaded: true,
  hasMore: false,
  now: 0,
  fallback: over.fallback ?? null,
  reload: jest.fn(),
  loadMore: jest.fn(),
})

const FALLBACK: SearchFallback = {
  keyword: '苹果耳机',
  category: { id: 'digital.earphones', label: '耳机音箱' },
}

describe('SearchResults', () => {
  it('offers the shorter keyword and the nearest category when nothing was found', () => {
    const onKeyword = jest.fn()
    const onCategory = jest.fn()
    render(
      <SearchResults
        keyword='苹果耳机 粉色'
        results={results({ fallback: FALLBACK })}
        filtered={false}
        onClearFilters={jest.fn()}
        onKeyword={onKeyword}
        onCategory={onCategory}
      />,
    )
    expect(screen.getByText('没有找到「苹果耳机 粉色」相关的闲置')).toBeTruthy()
    fireEvent.click(screen.getByText('搜「苹果耳机」'))
    expect(onKeyword).toHaveBeenCalledWith('苹果耳机')
    fireEvent.click(screen.getByText('逛逛「耳机音箱」分类'))
    expect(onCategory).toHaveBeenCalledWith({ id: 'digital.earphones', label: '耳机音箱' })
  })

  it('keeps 清除筛选 next to the offers, and the plain hint when there is nothing to offer', () => {
    const onClearFilters = jest.fn()
    const { unmount } = render(
      <SearchResults
        keyword='x'
        results={results({ fallback: { keyword: null, category: FALLBACK.category } })}
        filtered
        onClearFilters={onClearFilters}
        onKeyword={jest.fn()}
        onCategory={jest.fn()}
      />,
    )
    expect(screen.queryByText(/^搜「/)).toBeNull()
    fireEvent.click(screen.getByText('清除筛选'))
    expect(onClearFilters).toHaveBeenCalled()
    unmount()
    render(
      <SearchResults
        keyword='x'
        results={results()}
        filtered={false}
        onClearFilters={jest.fn()}
        onKeyword={jest.fn()}
        onCategory={jest.fn()}
      />,
    )
    expect(screen.getByText('换个说法试试，比如品牌或型号')).toBeTruthy()
    expect(document.getElementById('search-fallback')).toBeNull()
  })

  it('shows no offers over results', () => {
    render(
      <SearchResults
        keyword='耳机'
        results={results({ fallback: FALLBACK, items: [{ id: '1', title: 'AirPods Pro 2' }] })}
        filtered={false}
        onClearFilters={jest.fn()}
        onKeyword={jest.fn()}
        onCategory={jest.fn()}
      />,
    )
    expect(screen.getByText('AirPods Pro 2')).toBeTruthy()
    expect(document.getElementById('search-fallback')).toBeNull()
  })
})
