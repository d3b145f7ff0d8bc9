import { checkApiVersion } from '../../../src/demo/emulator/api-version';

const BEFORE_END_OF_LIFE = new Date('2026-11-25T12:00:00Z');
const AFTER_END_OF_LIFE = new Date('2027-06-01T00:00:00Z');

describe('checkApiVersion', () => {
  it.each(['2.4', '2.3', '2.2', '2.1', '2021-09-27', '2021-10-19'])('accepts %s before the end of life', (version) => {
    expect(checkApiVersion(version, BEFORE_END_OF_LIFE)).toEqual({ accepted: true, version });
  });

  it('when the header is missing, then the request is served as the earliest supported version', () => {
    expect(checkApiVersion(undefined, BEFORE_END_OF_LIFE)).toEqual({ accepted: true, version: '2021-09-27' });
  });

  it.each(['2.3', '2.1', '2021-09-27'])('when %s is past its end of life (2027-06-01), then 410', (version) => {
    expect(checkApiVersion(version, AFTER_END_OF_LIFE)).toMatchObject({ accepted: false, status: 410 });
  });

  it('keeps accepting 2.4 after the older versions end', () => {
    expect(checkApiVersion('2.4', AFTER_END_OF_LIFE)).toEqual({ accepted: true, version: '2.4' });
  });

  it.each(['2.0', '1.4', '2021-01-01'])('when %s is older than every supported version, then 410', (version) => {
    expect(checkApiVersion(version, BEFORE_END_OF_LIFE)).toMatchObject({ accepted: false, status: 410, errorId: 'ApiVersionEndOfLife' });
  });

  it.each(['banana', '', 'v2.4', '2.4.1', '2021-13-45', '2.5', '10.0'])('when the value is %p, then 400', (version) => {
    expect(checkApiVersion(version, BEFORE_END_OF_LIFE)).toMatchObject({ accepted: false, status: 400, errorId: 'InvalidApiVersion' });
  });
});
