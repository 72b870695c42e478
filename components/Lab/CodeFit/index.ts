export { CodeFit, useCodeFit } from './CodeFit'
export { CodeFitControls } from './CodeFitControls'
