/**
 * CONTRIBUTING.md is the one source of the contributor guide. Its generated blocks (the example meta
 * fields, the review checklist) are filled from the schema and the pull-request template, and the site's
 * Contribute page is derived from it, so GitHub and the site always say the same thing.
 */
import { metaFieldsMarkdown } from './meta-fields-doc'
import { stagesChecklist, stagesMarkdown } from './stages-doc'

export const CONTRIBUTE_PAGE_DESCRIPTION =
  'How the course is built and how to add to it: the repository layout, lessons and runnable examples, the example meta fields, the writing style and the checks.'

/** Replaces the content between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` markers. */
export function fillGeneratedBlocks(
  markdown: string,
  blocks: Record<string, string>,
  fileName = 'CONTRIBUTING.md',
): string {
  let result = markdown
  for (const [name, content] of Object.entries(blocks)) {
    const pattern = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`)
    if (!pattern.test(result))
      throw new Error(`${fileName} has no <!-- generated:${name} --> … <!-- /generated:${name} --> block.`)
    result = result.replace(pattern, `$1\n${content.trim()}\n$2`)
  }
  return result
}

/** The checklist items of the pull-request template, as a plain bullet list. */
export function reviewChecklist(pullRequestTemplate: string): string {
  return pullRequestTemplate
    .split('\n')
    .filter((line) => line.startsWith('- [ ] '))
    .map((line) => `- ${line.slice('- [ ] '.length)}`)
    .join('\n')
}

/** CONTRIBUTING.md's generated blocks; the template must be filled first (see `filledTemplate`). */
export function generatedBlocks(pullRequestTemplate: string): Record<string, string> {
  return {
    stages: stagesMarkdown(),
    'meta-fields': metaFieldsMarkdown(),
    'review-checklist': reviewChecklist(pullRequestTemplate),
  }
}

/** The pull-request template with its list of what to run filled in from scripts/stages.mjs. */
export function filledTemplate(pullRequestTemplate: string): string {
  return fillGeneratedBlocks(pullRequestTemplate, { stages: stagesChecklist() }, '.github/pull_request_template.md')
}

/** README.md with its stage table filled in from scripts/stages.mjs. */
export function filledReadme(readme: string): string {
  return fillGeneratedBlocks(readme, { stages: stagesMarkdown() }, 'README.md')
}

/** The Contribute page: the guide with front matter, as MDX (HTML comments are not valid MDX). */
export function contributePage(guide: string): string {
  const body = guide
    .replace(/<!-- \/?generated:[a-z-]+ -->\n?/g, '')
    .replace(/^# Contributing$/m, '# Contribute')
    .trim()
  return [
    '---',
    'title: Contribute',
    `description: ${JSON.stringify(CONTRIBUTE_PAGE_DESCRIPTION)}`,
    // For contributors, not learners: a reader searching the course should find lessons, not the meta fields.
    'searchable: false',
    '---',
    '',
    '{/* Generated from CONTRIBUTING.md by `npm run docs:generate`. Edit CONTRIBUTING.md, not this file. */}',
    '',
    body,
    '',
  ].join('\n')
}
