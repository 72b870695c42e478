import { Head, Html, Main, NextScript } from 'next/document'

// The only reason for a custom document: screen readers and axe need the page language.
export default function Document() {
  return (
    <Html lang="en">
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  )
}
