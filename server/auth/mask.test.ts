import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from './mask';

describe('masking', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps the area code and last four digits of a landline', () => {
    expect(maskPhone('0554-6612345')).toBe('0554-***2345');
  });
  it('keeps only the surname', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('李')).toBe('李*');
  });
  it('leaves absent values absent', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskName(null)).toBeNull();
  });
});
