/** JSON nested deeper than this is refused: no contract needs more than a handful of levels. */
export const MAX_JSON_DEPTH = 32

export const JSON_TOO_DEEP_MESSAGE = `请求内容嵌套过深（最多 ${MAX_JSON_DEPTH} 层）`

/**
 * Whether a parsed JSON value nests arrays and objects deeper than `limit` (a scalar is depth 0,
 * `[]` and `{}` are 1). It walks with an explicit stack, so a hostile 100,000-deep value cannot
 * overflow the check that is there to stop it, and stops as soon as the limit is passed.
 */
export const exceedsJsonDepth = (value: unknown, limit = MAX_JSON_DEPTH): boolean => {
  if (typeof value !== 'object' || value === null) return false
  const stack: [object, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > limit) return true
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
    }
  }
  return false
}
