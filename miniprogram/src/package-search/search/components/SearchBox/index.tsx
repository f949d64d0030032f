import { Input, Text, View } from '@tarojs/components'
import { SEARCH_LIMITS } from '@shared/contracts/search.contract'

export interface SearchBoxProps {
  input: string
  composing: boolean
  /** The keyword the results are for ('' before the first search). */
  keyword: string
  city: string
  /** Typing or clearing; both go back to composing. */
  onType: (text: string) => void
  onFocus: () => void
  onSubmit: (text: string) => void
  onCancel: () => void
}

/** The search box, with × to clear and 搜索 (or 取消 while re-editing the same keyword). */
export function SearchBox({
  input,
  composing,
  keyword,
  city,
  onType,
  onFocus,
  onSubmit,
  onCancel,
}: SearchBoxProps) {
  return (
    <View className='search__top'>
      <View className='search-pill'>
        <Text className='search__box-icon'>⌕</Text>
        <Input
          id='search-input'
          className='search__input'
          value={input}
          focus={composing}
          confirmType='search'
          maxlength={SEARCH_LIMITS.keywordMax}
          placeholder={`在${city}搜索闲置好物`}
          onInput={(e) => onType(e.detail.value)}
          onFocus={onFocus}
          onConfirm={(e) => onSubmit(e.detail.value)}
        />
        {input && (
          <Text className='search__box-clear' id='search-clear' onClick={() => onType('')}>
            ×
          </Text>
        )}
      </View>
      {composing && keyword && input === keyword ? (
        <Text className='search__cancel' onClick={onCancel}>
          取消
        </Text>
      ) : (
        <Text className='search__submit' id='search-submit' onClick={() => onSubmit(input)}>
          搜索
        </Text>
      )}
    </View>
  )
}
