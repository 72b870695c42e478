/**
 * zod's locales in the browser build: English, zod's default, and nothing else. The real
 * `zod/v4/locales/index.js` holds every language zod translates its messages into, ~39 kB gzip of the
 * lab worker's engine chunk that no example uses. `zodEnglishOnly` (zod-english-only.mjs, wired in
 * next.config.mjs) puts this module in its place; the Node tests keep the real one. Any other locale,
 * called as `z.config(z.locales.fr())` would be, throws an error that says so (lib/lab/README.md,
 * "How the lab differs from production"). zod-locales.test.ts checks the names match zod's.
 */
export { default as en } from 'zod/v4/locales/en.js'

function notInTheLab(name) {
  return () => {
    throw new Error(
      `The lab loads zod with its English messages only: z.locales.${name}() is not available here. Remove the z.config(...) call, or run the project on your machine.`,
    )
  }
}

export const ar = notInTheLab('ar')
export const az = notInTheLab('az')
export const be = notInTheLab('be')
export const bg = notInTheLab('bg')
export const bn = notInTheLab('bn')
export const ca = notInTheLab('ca')
export const ckb = notInTheLab('ckb')
export const cs = notInTheLab('cs')
export const da = notInTheLab('da')
export const de = notInTheLab('de')
export const el = notInTheLab('el')
export const eo = notInTheLab('eo')
export const es = notInTheLab('es')
export const fa = notInTheLab('fa')
export const fi = notInTheLab('fi')
export const fr = notInTheLab('fr')
export const frCA = notInTheLab('frCA')
export const gu = notInTheLab('gu')
export const he = notInTheLab('he')
export const hi = notInTheLab('hi')
export const hr = notInTheLab('hr')
export const hu = notInTheLab('hu')
export const hy = notInTheLab('hy')
export const id = notInTheLab('id')
export const is = notInTheLab('is')
export const it = notInTheLab('it')
export const ja = notInTheLab('ja')
export const ka = notInTheLab('ka')
export const kh = notInTheLab('kh')
export const km = notInTheLab('km')
export const kn = notInTheLab('kn')
export const ko = notInTheLab('ko')
export const lt = notInTheLab('lt')
export const mk = notInTheLab('mk')
export const ms = notInTheLab('ms')
export const ne = notInTheLab('ne')
export const nl = notInTheLab('nl')
export const nn = notInTheLab('nn')
export const no = notInTheLab('no')
export const ota = notInTheLab('ota')
export const ps = notInTheLab('ps')
export const pl = notInTheLab('pl')
export const pt = notInTheLab('pt')
export const ptBR = notInTheLab('ptBR')
export const ro = notInTheLab('ro')
export const ru = notInTheLab('ru')
export const sk = notInTheLab('sk')
export const sl = notInTheLab('sl')
export const sv = notInTheLab('sv')
export const ta = notInTheLab('ta')
export const tg = notInTheLab('tg')
export const th = notInTheLab('th')
export const tk = notInTheLab('tk')
export const tr = notInTheLab('tr')
export const ua = notInTheLab('ua')
export const uk = notInTheLab('uk')
export const ur = notInTheLab('ur')
export const uz = notInTheLab('uz')
export const vi = notInTheLab('vi')
export const zhCN = notInTheLab('zhCN')
export const zhTW = notInTheLab('zhTW')
export const yo = notInTheLab('yo')
