/**
 * Writes docs/order-process.md from the order graph (shared/domain/order-process.ts): a Mermaid
 * state diagram, the timers with the clocks they count from, the guards and the steps. A test
 * fails when the file in the repository is not what this prints, so the picture cannot go stale.
 *
 *   npm run docs:order-process          # rewrite docs/order-process.md
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GUARDS, REMINDER_BEFORE, STEPS, TIMERS, TRANSITIONS } from '../shared/domain/order-process'
import { DAY, HOUR, MINUTE } from '../shared/domain/time'

export const ORDER_PROCESS_DOC = join(__dirname, '..', 'docs', 'order-process.md')

const duration = (ms: number) =>
  ms % DAY === 0 ? `${ms / DAY} d` : ms % HOUR === 0 ? `${ms / HOUR} h` : `${ms / MINUTE} min`
const cell = (s: string) => s.replace(/\|/g, '\\|')

export const orderProcessDoc = (): string => {
  const lines: string[] = []
  lines.push('# The order process', '')
  lines.push(
    'Generated from `shared/domain/order-process.ts` by `npm run docs:order-process`; do not edit by hand.',
    '',
  )
  lines.push('```mermaid', 'stateDiagram-v2', '  [*] --> pending_payment: checkout')
  for (const t of TRANSITIONS) {
    const guard = 'guard' in t ? `, if ${t.guard}` : ''
    for (const from of t.from) lines.push(`  ${from} --> ${t.to}: ${t.name} (${t.actor}${guard})`)
  }
  lines.push('```', '')
  lines.push(
    '## Transitions',
    '',
    '| transition | from | to | actor | money | only | guard | what it means |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  )
  for (const t of TRANSITIONS) {
    const only = 'only' in t ? t.only.join(', ') : 'all'
    const guard = 'guard' in t ? t.guard : ''
    lines.push(
      `| ${t.name} | ${t.from.join(', ')} | ${t.to} | ${t.actor} | ${t.money} | ${only} | ${guard} | ${cell(t.says)} |`,
    )
  }
  lines.push(
    '',
    '## Timers',
    '',
    'Each fires its system transition (where the state and guard allow) once its clock has run out; the reminder goes out before.',
    '',
  )
  lines.push(
    '| transition | after | counted from | only | held by | reminder before | what it means |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  )
  for (const t of TIMERS) {
    const only = 'only' in t ? t.only.join(', ') : 'all'
    const held = 'heldBy' in t ? t.heldBy : ''
    const remind = (REMINDER_BEFORE as Record<string, number>)[t.transition]
    lines.push(
      `| ${t.transition} | ${duration(t.after)} | ${t.from} | ${only} | ${held} | ${remind ? duration(remind) : ''} | ${cell(t.says)} |`,
    )
  }
  lines.push(
    '',
    '## Steps that are not transitions',
    '',
    '| step | in | actor | only | guard | what it means |',
    '| --- | --- | --- | --- | --- | --- |',
  )
  for (const s of STEPS) {
    const only = 'only' in s ? s.only.join(', ') : 'all'
    lines.push(
      `| ${s.name} | ${s.from.join(', ')} | ${s.actor} | ${only} | ${'guard' in s ? s.guard : ''} | ${cell(s.says)} |`,
    )
  }
  lines.push('', '## Guards', '', '| guard | holds when |', '| --- | --- |')
  for (const [name, g] of Object.entries(GUARDS)) lines.push(`| ${name} | ${cell(g.says)} |`)
  return `${lines.join('\n')}\n`
}

if (process.argv.includes('--write')) {
  writeFileSync(ORDER_PROCESS_DOC, orderProcessDoc())
  console.log(`wrote ${ORDER_PROCESS_DOC}`)
}
