/**
 * The tsconfig.json of a Next.js 16 app, as `create-next-app` writes it (with the `@/` alias the
 * examples use). The downloaded project ships it, and examples/verify's generated app uses the same
 * one, so what the verifier type-checks and builds is what a reader gets. No imports: the verifier
 * loads this file with its own tsconfig.
 */
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
