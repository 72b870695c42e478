// rehype plugin: a lesson's images (its diagrams, `<img>` in the MDX) load lazily unless the author says otherwise.
//
// React 19 writes `<link rel="preload" as="image">` into the page's <head> for every image that does not load lazily.
// A lesson's diagrams sit below its first screen, yet those preloads had them downloaded beside the document and
// its stylesheets, before the first paint (README, Benchmarks). With `loading="lazy"` the browser fetches a diagram
// when it nears the viewport, and React preloads nothing. Every diagram has its width and height, so nothing shifts.

const isImage = (node) =>
  (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img'

function visit(node, onImage) {
  if (isImage(node)) onImage(node)
  for (const child of node.children ?? []) visit(child, onImage)
}

export default function rehypeLazyImages() {
  return function transform(tree) {
    visit(tree, (image) => {
      if (image.attributes.some((attribute) => attribute.name === 'loading')) return
      image.attributes.push({ type: 'mdxJsxAttribute', name: 'loading', value: 'lazy' })
    })
  }
}
