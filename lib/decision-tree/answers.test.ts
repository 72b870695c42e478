import { describe, expect, it } from 'vitest'
import { parseAnswers, serializeAnswers, toAnswerMap, withAnswer, withoutLastAnswer } from './answers'

describe('answers in the URL', () => {
  it('round-trips in the order they were given', () => {
    const answers = withAnswer(withAnswer([], 'N2', 'no'), 'Y1', 'yes')
    expect(serializeAnswers(answers)).toBe('N2=no&Y1=yes')
    expect(parseAnswers('?N2=no&Y1=yes')).toEqual(answers)
  })

  it('moves a changed answer to the end, so Back undoes the latest change', () => {
    const answers = withAnswer(withAnswer(withAnswer([], 'Y1', 'yes'), 'Y2', 'yes'), 'Y1', 'no')
    expect(serializeAnswers(answers)).toBe('Y2=yes&Y1=no')
    expect(serializeAnswers(withoutLastAnswer(answers))).toBe('Y2=yes')
  })

  it('ignores unknown questions and values, and accepts any case', () => {
    expect(parseAnswers('utm_source=x&Y9=yes&Y1=maybe&N1=YES')).toEqual([{ questionId: 'N1', value: 'yes' }])
  })

  it('lets the last of repeated keys win', () => {
    expect(toAnswerMap(parseAnswers('Y1=yes&Y1=no'))).toEqual({ Y1: 'no' })
  })

  it('serializes nothing as an empty string', () => {
    expect(serializeAnswers([])).toBe('')
    expect(parseAnswers('')).toEqual([])
  })
})
