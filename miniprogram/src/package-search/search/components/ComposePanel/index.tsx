import { Text, View } from '@tarojs/components'

export interface ComposePanelProps {
  input: string
  suggestions: string[]
  history: string[]
  hot: string[]
  city: string
  onPick: (keyword: string) => void
  onClearHistory: () => void
}

/** While typing: suggestions for the text, else the user's history and the city's 热搜. */
export function ComposePanel({
  input,
  suggestions,
  history,
  hot,
  city,
  onPick,
  onClearHistory,
}: ComposePanelProps) {
  if (input.trim() && suggestions.length > 0)
    return (
      <View className='search__suggestions' id='search-suggestions'>
        {suggestions.map((s) => (
          <View key={s} className='search-suggestion' onClick={() => onPick(s)}>
            <Text className='search-suggestion__icon'>⌕</Text>
            <Text>{s}</Text>
          </View>
        ))}
      </View>
    )
  return (
    <View className='search__compose'>
      {history.length > 0 && (
        <View className='search__block' id='search-history'>
          <View className='search__block-head'>
            <Text className='search__block-title'>历史搜索</Text>
            <Text
              className='search__block-action'
              id='search-history-clear'
              onClick={onClearHistory}
            >
              清空
            </Text>
          </View>
          <View className='search__words'>
            {history.map((k) => (
              <Text key={k} className='search__word search-history-item' onClick={() => onPick(k)}>
                {k}
              </Text>
            ))}
          </View>
        </View>
      )}
      <View className='search__block' id='search-hot'>
        <View className='search__block-head'>
          <Text className='search__block-title'>{city}热搜</Text>
        </View>
        {hot.length === 0 ? (
          <Text className='muted search__none'>暂时没有热搜，试试「耳机」「自行车」「书桌」</Text>
        ) : (
          <View className='search__hot-list'>
            {hot.slice(0, 10).map((k, i) => (
              <View key={k} className='search__hot search-hot-item' onClick={() => onPick(k)}>
                <Text className={`search__hot-rank ${i < 3 ? 'is-top' : ''}`}>{i + 1}</Text>
                <Text className='search__hot-word'>{k}</Text>
              </View>
            ))}
          </View>
        )}
      </View>
    </View>
  )
}
