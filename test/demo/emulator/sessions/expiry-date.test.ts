import { primerTimestamp } from '../../../../src/demo/emulator/sessions/expiry-date';

describe('primerTimestamp', () => {
  it('writes UTC with six fractional digits and no zone, as Primer does', () => {
    expect(primerTimestamp(new Date('2026-11-26T14:53:51.578Z'), 695)).toBe('2026-11-26T14:53:51.578695');
  });

  it('pads the sub-millisecond digits', () => {
    expect(primerTimestamp(new Date('2026-01-02T03:04:05.006Z'), 7)).toBe('2026-01-02T03:04:05.006007');
  });

  it('reads back as the same instant once a zone is added', () => {
    const instant = new Date('2026-06-30T23:59:59.999Z');

    expect(new Date(`${primerTimestamp(instant)}Z`).getTime()).toBe(instant.getTime());
  });
});
