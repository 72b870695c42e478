/**
 * Finds the line of a field in an example's `meta.ts`, by path (`['presets', 1, 'scenario']`), from the
 * source text: the default export's object literal is walked as written, so a schema error, a check
 * no request reaches or an unexpected 5xx is reported at the line to edit. Node-only (uses TypeScript's parser).
 */
import ts from 'typescript'

type PathKey = PropertyKey

function unwrap(node: ts.Expression): ts.Expression {
  let current = node
  while (
    ts.isSatisfiesExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isParenthesizedExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression
  }
  return current
}

function defaultExport(file: ts.SourceFile): ts.Expression | undefined {
  for (const statement of file.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) return unwrap(statement.expression)
  }
  return undefined
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name
  if (!name) return undefined
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text
  return undefined
}

/**
 * 1-based line of the deepest node of `path` that the source spells out: the property itself when it
 * is written, otherwise the nearest written parent (a missing field is reported where it belongs).
 */
export function lineOfMetaPath(source: string, path: readonly PathKey[]): number | undefined {
  const file = ts.createSourceFile('meta.ts', source, ts.ScriptTarget.Latest, true)
  let node: ts.Node | undefined = defaultExport(file)
  if (!node) return undefined
  let found: ts.Node = node
  for (const key of path) {
    const expression: ts.Expression = unwrap(node as ts.Expression)
    let next: ts.Node | undefined
    if (typeof key === "number" && ts.isArrayLiteralExpression(expression)) {
      next = expression.elements[key]
    } else if (ts.isObjectLiteralExpression(expression)) {
      const property = expression.properties.find((candidate) => propertyName(candidate) === String(key))
      if (property) {
        found = property
        next = ts.isPropertyAssignment(property) ? property.initializer : undefined
        if (!next) break
        node = next
        continue
      }
    }
    if (!next) break
    found = next
    node = next
  }
  return file.getLineAndCharacterOfPosition(found.getStart(file)).line + 1
}
