import { ClientSessionApiRequest, ClientSessionUpdateApiRequest } from '../../src/service/primer/schema/client-session-request';
import { loadPrimerOpenApi } from '../support/primer-openapi';
import { compareWithOpenApi, schemasReachableFrom } from './support/compare-with-openapi';
import { describeWithPrimerOpenApi } from './support/describe-with-primer-openapi';

describeWithPrimerOpenApi("the project schema against Primer's file", () => {
  describe.each([
    ['ClientSessionAPIRequest', ClientSessionApiRequest],
    ['ClientSessionUpdateAPIRequest', ClientSessionUpdateApiRequest],
  ])('the project schema of %s', (schemaName, ours) => {
    it("agrees with Primer's file on property names, types, enums, required lists and limits", () => {
      expect(compareWithOpenApi(loadPrimerOpenApi(), schemaName, ours).mismatches).toEqual([]);
    });

    it('is compared on every schema it reaches in the file', () => {
      const visited = compareWithOpenApi(loadPrimerOpenApi(), schemaName, ours).schemasVisited;
      expect([...schemasReachableFrom(loadPrimerOpenApi(), schemaName)].filter((name) => !visited.has(name))).toEqual([]);
    });
  });

  describe('the schema comparison', () => {
    it('when a limit differs, then it names the field', () => {
      const changed = JSON.parse(JSON.stringify(ClientSessionApiRequest)) as {
        properties: { customer: { properties: { firstName: { maxLength: number } } } };
      };
      changed.properties.customer.properties.firstName.maxLength = 100;

      expect(compareWithOpenApi(loadPrimerOpenApi(), 'ClientSessionAPIRequest', changed).mismatches).toEqual([
        `$.customer.firstName: maxLength is 255 in Primer's file, 100 in ours`,
      ]);
    });

    it('when a property or an enum value is missing, then it says so', () => {
      const changed = JSON.parse(JSON.stringify(ClientSessionApiRequest)) as {
        properties: { order: { properties: Record<string, { enum?: string[] }> } };
      };
      delete changed.properties.order.properties.retailerCountryCode;
      changed.properties.order.properties.countryCode?.enum?.pop();

      const mismatches = compareWithOpenApi(loadPrimerOpenApi(), 'ClientSessionAPIRequest', changed).mismatches;

      expect(mismatches).toContain('$.order.retailerCountryCode: missing from ours');
      expect(mismatches.some((line) => line.startsWith('$.order.countryCode: enum'))).toBe(true);
    });

    it('when Primer\'s file uses a keyword the comparison does not read, then it says so rather than pass', () => {
      const document = structuredClone(loadPrimerOpenApi());
      const request = document.components.schemas.ClientSessionAPIRequest as { properties: { orderId: Record<string, unknown> } };
      request.properties.orderId.pattern = '^order_';

      expect(compareWithOpenApi(document, 'ClientSessionAPIRequest', ClientSessionApiRequest).mismatches).toEqual([
        `$.orderId: pattern in Primer's file is not compared`,
      ]);
    });
  });
});
