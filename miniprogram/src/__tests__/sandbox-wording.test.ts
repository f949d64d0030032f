/**
 * Developer words (沙箱, 本地云, 演示 …) belong on the sandbox's own pages: the H5 demo sign-in
 * that stands in for WeChat's login, and the vendor sandboxes the local cloud serves. Every other
 * text the app shows reads as the product would in WeChat. This reads each client source file's
 * string literals and JSX text (comments are code, not words on screen).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

const SRC = join(__dirname, '..')
const DEVELOPER_WORDS = /沙箱|本地云|本地演示|演示账号|演示用户|开发者|调试|测试数据|sandbox/i
/**
 * The demo sign-in page and the H5 calls only it makes: the local cloud's stand-in for WeChat;
 * and 从群聊打开, the H5-only dev control that plays a group chat from the WeChat API sandbox
 * (it renders nothing in the weapp build, and says 开发沙箱 on itself).
 */
const SANDBOX_PAGES = [
  'package-user/login/index.tsx',
  'services/auth.h5.ts',
  'components/GroupEnterControl/index.tsx',
]

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })

/** Texts a user could read: string literals, template text and JSX text; not paths or URLs. */
const textsOf = (path: string): string[] => {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
  const out: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return
    if (ts.isStringLiteralLike(node) || ts.isJsxText(node) || ts.isTemplateLiteralToken(node))
      out.push(node.text)
    ts.forEachChild(node, visit)
  }
  visit(file)
  return out.filter((t) => t.trim() && !/^\/[\w/.-]*$|^https?:/.test(t.trim()))
}

describe('sandbox wording', () => {
  it('appears only on the sandbox’s own pages', () => {
    const found = sources(SRC)
      .map((path) => ({ file: relative(SRC, path).split('\\').join('/'), path }))
      .filter(({ file }) => !SANDBOX_PAGES.includes(file))
      .flatMap(({ file, path }) =>
        textsOf(path)
          .filter((t) => DEVELOPER_WORDS.test(t))
          .map((t) => `${file}: ${t.trim()}`),
      )
    expect(found).toEqual([])
  })

  it('would see a developer word in a page’s text', () => {
    const probe = join(SRC, 'pages/me/index.tsx')
    expect(textsOf(probe).length).toBeGreaterThan(10)
    expect(DEVELOPER_WORDS.test('微信服务通知（本地沙箱）')).toBe(true)
  })
})
