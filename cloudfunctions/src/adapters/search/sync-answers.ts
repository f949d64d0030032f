/**
 * The analysis helpers every adapter shares (termCompletions, relaxation) ask the index through
 * synchronous callbacks, which SQLite answers on the spot. A remote database answers later, so
 * the helper is run again and again: each run stops at the first question not answered yet, the
 * answer is fetched, and the next run gets it at once. The helpers are pure, so every run asks
 * the same questions in the same order, and the last run's result is the helper's own.
 */
class Unanswered {
  constructor(
    readonly key: string,
    readonly fetch: () => Promise<unknown>,
  ) {}
}

/** More questions than any helper asks (16 completions, a few relaxations): a loop is a bug. */
const MAX_QUESTIONS = 100

export type Ask = <A>(key: string, fetch: () => Promise<A>) => A

export const withAnswers = async <T>(run: (ask: Ask) => T): Promise<T> => {
  const answers = new Map<string, unknown>()
  const ask: Ask = <A>(key: string, fetch: () => Promise<A>): A => {
    if (answers.has(key)) return answers.get(key) as A
    throw new Unanswered(key, fetch)
  }
  for (let i = 0; i <= MAX_QUESTIONS; i++) {
    try {
      return run(ask)
    } catch (e) {
      if (!(e instanceof Unanswered)) throw e
      answers.set(e.key, await e.fetch())
    }
  }
  throw new Error(`withAnswers: more than ${MAX_QUESTIONS} questions`)
}
