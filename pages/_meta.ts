// Sidebar order and titles (Nextra 3 reads `_meta.ts`; `_meta.json` is ignored).
// Every key is a page or folder beside this file; `npm test` checks that each one exists.
export default {
  index: 'Introduction',
  playground: 'Playground',
  'why-api-routes-work': 'Why API routes work',
  'where-they-hurt': 'Where they hurt',
  decide: 'Decide',
  'wrap-up': 'Wrap-up',
  sources: 'Sources',
  contribute: 'Contribute',
  '404': { display: 'hidden', theme: { layout: 'full' } },
}
