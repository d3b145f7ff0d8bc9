import { BROKEN_POST_BODIES } from '../demo/emulator/support/broken-client-session-bodies';
import { primerSchemaErrors } from '../support/primer-openapi';
import { describeWithPrimerOpenApi } from './support/describe-with-primer-openapi';

describeWithPrimerOpenApi("broken POST /client-session bodies against Primer's file", () => {
  it.each(BROKEN_POST_BODIES)("when the body has %s, then Primer's own schema refuses it too", (_name, body) => {
    expect(primerSchemaErrors('ClientSessionAPIRequest', body)).not.toEqual([]);
  });
});
