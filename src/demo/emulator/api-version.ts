// Primer's X-Api-Version rules: https://primer.io/docs/api#section/API-Usage-Guide/API-Versions
// 2.4 is current; 2.1–2.3 and the dated v2 are deprecated and answer 410 from their end of life.
const CURRENT_VERSION = '2.4';
const DEPRECATED_VERSIONS = new Set(['2.1', '2.2', '2.3']);
const FIRST_DATED_V2 = '2021-09-27';
const END_OF_LIFE = Date.UTC(2027, 5, 1);

export type VersionVerdict =
  | { accepted: true; version: string }
  | { accepted: false; status: 400 | 410; errorId: string; description: string };

const DOTTED = /^(\d+)\.(\d+)$/;
const DATED = /^\d{4}-\d{2}-\d{2}$/;

function endOfLife(version: string): VersionVerdict {
  return { accepted: false, status: 410, errorId: 'ApiVersionEndOfLife', description: `API version ${version} is no longer supported. Use ${CURRENT_VERSION}.` };
}

function unsupported(description: string): VersionVerdict {
  return { accepted: false, status: 400, errorId: 'InvalidApiVersion', description };
}

// A request without the header is served as the earliest supported version, as Primer does.
export function checkApiVersion(header: string | undefined, now: Date): VersionVerdict {
  const version = header?.trim() ?? FIRST_DATED_V2;
  const pastEndOfLife = now.getTime() >= END_OF_LIFE;
  if (version === CURRENT_VERSION) return { accepted: true, version };
  if (DEPRECATED_VERSIONS.has(version)) return pastEndOfLife ? endOfLife(version) : { accepted: true, version };
  const dotted = DOTTED.exec(version);
  if (dotted) {
    const older = Number(dotted[1]) < 2 || (Number(dotted[1]) === 2 && Number(dotted[2]) < 4);
    return older ? endOfLife(version) : unsupported(`API version ${version} does not exist.`);
  }
  if (DATED.test(version) && !Number.isNaN(Date.parse(version))) {
    if (version < FIRST_DATED_V2 || pastEndOfLife) return endOfLife(version);
    return { accepted: true, version };
  }
  return unsupported('X-Api-Version must look like 2.4.');
}
