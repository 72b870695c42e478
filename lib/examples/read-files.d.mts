export function sortFileNames(names: string[]): string[]
export function readExampleFiles(exampleDir: string): {
  files: Record<string, string>
  solution: Record<string, string> | null
}
export function hashFiles(files: Record<string, string>): string
export function listExampleIds(examplesDir: string): string[]
