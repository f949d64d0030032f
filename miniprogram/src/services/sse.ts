/** One Server-Sent Event as the stream spelled it. */
export interface SseEvent {
  id?: string
  event: string
  data: string
}

/**
 * A streaming Server-Sent Events parser (the WHATWG event-stream format): feed it text as it
 * arrives, in chunks cut anywhere; it calls `onEvent` for each complete event. Comment lines
 * (heartbeats) and `retry:` are skipped; multi-line data is joined with newlines.
 */
export const createSseParser = (onEvent: (e: SseEvent) => void) => {
  let buffer = ''
  let event: SseEvent = { event: 'message', data: '' }
  let hasData = false
  const line = (l: string) => {
    if (l === '') {
      if (hasData) onEvent(event)
      event = { event: 'message', data: '' }
      hasData = false
      return
    }
    if (l.startsWith(':')) return
    const colon = l.indexOf(':')
    const field = colon < 0 ? l : l.slice(0, colon)
    const value = colon < 0 ? '' : l.slice(colon + 1).replace(/^ /, '')
    if (field === 'data') {
      event.data = hasData ? `${event.data}\n${value}` : value
      hasData = true
    } else if (field === 'event') event.event = value
    else if (field === 'id') event.id = value
  }
  return (chunk: string) => {
    buffer += chunk
    let end: number
    while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const sep = buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1
      // A lone \r at the very end may be the first half of \r\n: wait for the next chunk.
      if (buffer[end] === '\r' && end === buffer.length - 1) break
      line(buffer.slice(0, end))
      buffer = buffer.slice(end + sep)
    }
  }
}
