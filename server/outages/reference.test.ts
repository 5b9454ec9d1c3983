import { describe, expect, it } from 'vitest';
import { ANSWER_LISTS, loadExamples } from '../../tests/support/spec-examples';
import { parseNetwork } from '../network/format';
import { ReferenceNetwork } from './reference';

// The in-memory reference must itself agree with the contract's examples before it may judge the SQL.
describe('the in-memory reference scope', () => {
  for (const ex of loadExamples()) {
    describe(ex.file, () => {
      const ref = new ReferenceNetwork(parseNetwork(ex.network));
      const serviceOf = new Map(ex.households.features.map((f) => [f.properties.id, f.properties.service]));
      ex.cases.forEach((c, i) => {
        it(`case ${i + 1}: ${c.pipes.join(', ')}${c.assumeInoperable?.length ? ` stuck ${c.assumeInoperable.join(', ')}` : ''}`, () => {
          const answer = ref.scope(c.pipes, c.assumeInoperable ?? []);
          for (const key of ANSWER_LISTS) expect(answer[key], key).toEqual(c.expect[key]);
          const lost = new Set(answer.lostServices);
          const households = [...serviceOf].filter(([, s]) => s && lost.has(s)).map(([id]) => id).sort();
          expect(households).toEqual(c.expect.households);
        });
      });
    });
  }
});
