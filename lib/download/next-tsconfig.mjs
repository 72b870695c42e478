// The tsconfig.json of a Next.js 16 app, as `create-next-app` writes it (with the `@/` alias the
// examples use). One source for three readers: the downloaded project ships it (project.ts),
// examples/verify's generated app uses it (so what the verifier type-checks and builds is what a reader
// gets), and `prisma generate` runs beside it (lib/examples/prisma-generate.mjs), because the
// `prisma-client` generator picks its import style from the tsconfig it finds: with
// `moduleResolution: "bundler"` the generated files import each other without an extension, which
// Next's type check accepts, as it does in the reader's own project. Plain JavaScript with no imports,
// so the site's build, the verifier's own tsconfig and the generator's Node process all load it as is.
export const NEXT_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['dom', 'dom.iterable', 'esnext'],
    allowJs: true,
    skipLibCheck: true,
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    resolveJsonModule: true,
    isolatedModules: true,
    jsx: 'react-jsx',
    incremental: true,
    plugins: [{ name: 'next' }],
    paths: { '@/*': ['./*'] },
  },
  include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts', '.next/dev/types/**/*.ts'],
  exclude: ['node_modules'],
}
