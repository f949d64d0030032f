/** Ids: time-ordered identifiers, so newest-first is plain index order. */
export interface Ids {
  /** A new id that sorts after every id this process handed out before. */
  next(): string
}
