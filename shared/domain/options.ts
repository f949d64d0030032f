/**
 * Fixed lists of choices (成色, 计价单位, 交易方式 …): each has the id the code stores and the label
 * people read. The contracts validate with the ids, the pages show the labels.
 */

/** The ids of a non-empty list, typed as the tuple z.enum wants. */
export const idsOf = <T extends { id: string }>(options: readonly T[]) =>
  options.map((o) => o.id) as [T['id'], ...T['id'][]]

/** The label of an id, or '' for one the list does not have. */
export const labelOf = (options: readonly { id: string; label: string }[], id: string | null) =>
  options.find((o) => o.id === id)?.label ?? ''
