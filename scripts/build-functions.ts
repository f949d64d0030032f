import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { build, type Metafile, type Plugin } from 'esbuild'
import { REPO_ROOT, repoPaths } from './repo-paths'
import { collectSizes, formatSizeReport } from './report-sizes'

/**
 * Left out of the bundle and installed by CloudBase from the function's package.json: the SDK is
 * large, reads files relative to itself and is what the runtime expects to find installed; sharp
 * is native (libvips) and installs its platform's prebuilt binary (it needs Node >= 20.9; where it
 * cannot load, sharp-photo-hasher.ts skips the photo-reuse check instead of failing the publish);
 * jieba (search's segmenter) is native too, with a 5 MB dictionary beside it.
 */
const EXTERNAL_PACKAGES = [
  '@cloudbase/node-sdk',
  'sharp',
  '@node-rs/jieba',
  // Large, and reached only through the production container, which loads on the first call
  // (search's pinyin, payments' SDK): installed beside the bundle, which stays under 1 MB.
  'pinyin-pro',
  'wechatpay-node-v3',
]

/**
 * Local-only packages: a function bundle that reaches one of these has wired a local adapter into
 * production code, so the build stops instead of shipping a native module CloudBase cannot load.
 */
const FORBIDDEN_PACKAGES = ['better-sqlite3']

/**
 * zod's namespaces `z.locales` and `z.core.locales` re-export every language's error messages
 * (about 370 KB of a 760 KB bundle), which esbuild cannot tree-shake through `export * as`. Our
 * errors are our own codes and zod's default English is imported by zod itself, so inside zod the
 * locale index resolves to English only: the bundle loads less code on every cold start.
 */
export const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)}`,
      resolveDir: dirname(args.path),
    }))
  },
}

/**
 * zod's `z.fromJSONSchema` (JSON Schema to zod) is nothing we call, and its module copies every
 * export of zod's schemas into an object when it loads (hundreds of getters): ~4 ms of a cold
 * start. Inside zod it resolves to a stand-in that says so if anything ever calls it.
 */
export const zodWithoutFromJsonSchema: Plugin = {
  name: 'zod-without-from-json-schema',
  setup(b) {
    b.onResolve({ filter: /\/from-json-schema\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: 'from-json-schema', namespace: 'zod-without-from-json-schema' }
        : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'zod-without-from-json-schema' }, () => ({
      contents:
        'export function fromJSONSchema() {\n' +
        '  throw new Error("z.fromJSONSchema is left out of cloud function bundles (scripts/build-functions.ts)")\n' +
        '}\n',
    }))
  },
}

/** The zod trims every function is built with (bench:coldstart builds without them to compare). */
export const ZOD_TRIMS: Plugin[] = [zodEnglishOnly, zodWithoutFromJsonSchema]

/** CloudBase runs Nodejs16.13 and 18.15; target the older so one bundle fits both. */
const NODE_TARGET = 'node16'

export interface BuiltFunction {
  name: string
  dir: string
  bundleBytes: number
  dependencies: Record<string, string>
  /** Bytes of the bundle per input file, as esbuild counted them (bench:coldstart --why). */
  inputBytes: Record<string, number>
}

export interface BuildFunctionsOptions {
  root?: string
  /** Where the per-function folders go; dist/cloudfunctions by default. */
  outDir?: string
  /** Only these functions (by file name); all of them by default. */
  only?: string[]
  /** esbuild plugins; ZOD_TRIMS by default (bench:coldstart builds without them to compare). */
  plugins?: Plugin[]
}

/** Function names: one per cloudfunctions/src/functions/<fn>.ts (tests and helpers excluded). */
export const listFunctions = async (root = REPO_ROOT): Promise<string[]> => {
  const dir = repoPaths(root).functionsSrc
  if (!existsSync(dir)) return []
  const entries = await readdir(dir)
  return entries
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort()
}

/** Bundles each cloud function into <outDir>/<fn>/{index.js, package.json, config.json}. */
export const buildFunctions = async (
  options: BuildFunctionsOptions = {},
): Promise<BuiltFunction[]> => {
  const root = options.root ?? REPO_ROOT
  const paths = repoPaths(root)
  const outDir = options.outDir ?? paths.functionsDist
  const rootPkg = JSON.parse(await readFile(paths.packageJson, 'utf8')) as PackageJson
  const names = (await listFunctions(root)).filter((n) => !options.only || options.only.includes(n))
  const plugins = options.plugins ?? ZOD_TRIMS
  return Promise.all(names.map((name) => buildOne(name, root, outDir, rootPkg, plugins)))
}

const buildOne = async (
  name: string,
  root: string,
  outDir: string,
  rootPkg: PackageJson,
  plugins: Plugin[],
): Promise<BuiltFunction> => {
  const paths = repoPaths(root)
  const dir = join(outDir, name)
  // A stale file from an earlier build (say, a dependency that is gone) must not be deployed.
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })

  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(paths.functionsSrc, `${name}.ts`)],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    format: 'cjs',
    tsconfig: join(root, 'tsconfig.json'),
    external: [...EXTERNAL_PACKAGES, ...FORBIDDEN_PACKAGES],
    // Whitespace and syntax only: identifiers stay, so a stack trace in the CloudBase log reads.
    // Renaming identifiers too saves bytes but no load time (measured with bench:coldstart).
    minifyWhitespace: true,
    minifySyntax: true,
    // No keepNames: it wraps every function in a __name() call, over 2,000 of them run at load
    // (~8 ms of a cold start). Names stay as written except where two modules' names collide
    // and esbuild suffixes one (check2); errors that are told apart by name set `this.name`.
    keepNames: false,
    legalComments: 'none',
    metafile: true,
    plugins,
    logLevel: 'silent',
    banner: {
      // ASCII, as the rest of the bundle is made (asciiOnly).
      js: `/* LinQuan cloud function "${name}", built by scripts/build-functions.ts */`,
    },
  })

  const used = externalPackagesOf(result.metafile)
  const forbidden = used.filter((p) => FORBIDDEN_PACKAGES.includes(p))
  if (forbidden.length > 0) {
    throw new Error(
      `cloud function "${name}" imports local-only package(s) ${forbidden.join(', ')}: ` +
        'keep local adapters out of cloudfunctions/src/functions and what they import',
    )
  }
  const dependencies: Record<string, string> = {}
  for (const pkg of used) {
    const version = rootPkg.dependencies?.[pkg] ?? rootPkg.devDependencies?.[pkg]
    if (!version)
      throw new Error(`cloud function "${name}" needs ${pkg}, which package.json does not list`)
    dependencies[pkg] = version
  }

  const fnPkg = {
    name: `linquan-fn-${name}`,
    version: rootPkg.version ?? '0.0.0',
    private: true,
    description: `邻圈 LinQuan cloud function "${name}" (generated; edit cloudfunctions/src instead)`,
    main: 'index.js',
    dependencies,
  }
  await writeFile(join(dir, 'package.json'), JSON.stringify(fnPkg, null, 2) + '\n')

  const configSrc = join(paths.functionsConfig, name, 'config.json')
  if (existsSync(configSrc)) {
    await copyFile(configSrc, join(dir, 'config.json'))
  } else {
    // Deployable anyway: CloudBase's defaults, written out so the folder is complete.
    await writeFile(join(dir, 'config.json'), JSON.stringify(DEFAULT_CONFIG, null, 2) + '\n')
  }

  const bundlePath = join(dir, 'index.js')
  const bundled = await readFile(bundlePath, 'utf8')
  const ascii = asciiOnly(bundled)
  if (ascii !== bundled) await writeFile(bundlePath, ascii)
  const bundleBytes = (await stat(bundlePath)).size
  const inputBytes: Record<string, number> = {}
  for (const output of Object.values(result.metafile.outputs))
    for (const [path, input] of Object.entries(output.inputs))
      inputBytes[path] = (inputBytes[path] ?? 0) + input.bytesInOutput
  return { name, dir, bundleBytes, dependencies, inputBytes }
}

/**
 * The bundle with every non-ASCII character written as a \u escape. esbuild escapes strings and
 * templates but leaves regular expression literals (/[。、]/) as written, and one such character
 * makes the whole megabyte a two-byte string: Node decodes it from UTF-8 on the slow path and V8
 * scans twice the bytes, ~4 ms of every cold start. An escape means the same character in a
 * regular expression (with or without the u flag: a surrogate pair escape is one code point
 * there), an identifier or a comment. A backslash before the character (an identity escape,
 * /\。/) is dropped, as the escape already stands for the character itself.
 */
export const asciiOnly = (source: string): string =>
  source.replace(/(\\*)([^\p{ASCII}])/gu, (_match, slashes: string, ch: string) => {
    let escaped = ''
    for (let i = 0; i < ch.length; i++)
      escaped += `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`
    return (slashes.length % 2 ? slashes.slice(1) : slashes) + escaped
  })

const DEFAULT_CONFIG = { permissions: { openapi: [] }, timeout: 10, memorySize: 256, triggers: [] }

/** Package names (not subpaths, not node builtins) the bundle still requires at run time. */
const externalPackagesOf = (metafile: Metafile): string[] => {
  const names = new Set<string>()
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports) {
      if (!imp.external || imp.path.startsWith('node:')) continue
      const name = packageNameOf(imp.path)
      if (name && !BUILTINS.has(name)) names.add(name)
    }
  }
  return [...names].sort()
}

const packageNameOf = (spec: string): string | null => {
  if (spec.startsWith('.') || spec.startsWith('/')) return null
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const BUILTINS = new Set<string>(require('node:module').builtinModules)

interface PackageJson {
  version?: string
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

// Run as a script (tsx): the cast because tsconfig's webpack-env types shadow Node's `require`.
if ((require as unknown as NodeJS.Require).main === module) {
  const started = Date.now()
  buildFunctions()
    .then(async (built) => {
      if (built.length === 0)
        console.log('No cloud functions under cloudfunctions/src/functions yet.')
      console.log(`Built ${built.length} cloud function(s) in ${Date.now() - started} ms\n`)
      console.log(formatSizeReport(await collectSizes()))
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e)
      process.exit(1)
    })
}
