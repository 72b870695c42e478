/** `.env` then `.env.local` (later wins), parsed like dotenv: KEY=value, quotes, comments. */
export function readEnv(files: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of ['.env', '.env.production', '.env.local', '.env.production.local']) {
    const text = files[name]
    if (text === undefined) continue
    for (const raw of text.split('\n')) {
      const line = raw.trim()
      if (!line || line.startsWith('#')) continue
      const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
      if (!m) continue
      let value = m[2]
      const q = value[0]
      if ((q === '"' || q === "'") && value.lastIndexOf(q) > 0) {
        value = value.slice(1, value.lastIndexOf(q))
        if (q === '"') value = value.replace(/\\n/g, '\n')
      } else value = value.replace(/\s+#.*$/, '')
      env[m[1]] = value
    }
  }
  return env
}
