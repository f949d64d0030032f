import { decode, encode, type Value } from './ejson'
import { Collection, Environment, keyOf, type IndexDef, type Obj } from './store'

/** The saved shape: latest documents only (in EJSON, so dates survive), per environment. */
export interface SavedState {
  envs: Record<string, { collections: Record<string, { indexes: IndexDef[]; docs: unknown[] }> }>
}

export const exportState = (envs: Map<string, Environment>): SavedState => {
  const out: SavedState = { envs: {} }
  for (const [envName, env] of envs) {
    const collections: SavedState['envs'][string]['collections'] = {}
    for (const [name, coll] of env.collections)
      collections[name] = { indexes: coll.indexes, docs: coll.docs().map(encode) }
    out.envs[envName] = { collections }
  }
  return out
}

/** Builds every environment first and only then replaces `envs`: a bad file changes nothing. */
export const importState = (envs: Map<string, Environment>, saved: SavedState) => {
  if (!saved || typeof saved.envs !== 'object') throw new Error('no envs in the saved state')
  const built = new Map<string, Environment>()
  for (const [envName, e] of Object.entries(saved.envs)) {
    const env = new Environment()
    env.seq = 1
    for (const [name, c] of Object.entries(e.collections)) {
      const coll = new Collection(c.indexes)
      for (const raw of c.docs) {
        const doc = decode(raw, name) as Obj
        coll.versions.set(keyOf(doc._id as Value), [{ seq: 1, doc }])
      }
      env.collections.set(name, coll)
    }
    built.set(envName, env)
  }
  envs.clear()
  for (const [k, v] of built) envs.set(k, v)
}
