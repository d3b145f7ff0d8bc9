import type { Cart, CartAddress } from '../../orders/cart';
import type { CheckoutCustomerDetails, OptionalAddress } from '../../primer/schema/customer';
import { assignDefined, boundedText, descriptiveText, isEmailAddress } from './field-rules';
import { isCountryCode } from './known-codes';

// Customer details help 3-D Secure and routing but never decide the payment: what Primer would refuse is left out.
export function buildCustomer(customer: Cart['customer'], warnings: string[]): CheckoutCustomerDetails | undefined {
  if (!customer) return undefined;
  const built: CheckoutCustomerDetails = {};
  const email = customer.email?.trim() ? customer.email : undefined;
  if (email !== undefined) {
    if (isEmailAddress(email)) built.emailAddress = email;
    else warnings.push('customer.email left out: not an email address');
  }
  assignDefined(built, 'mobileNumber', boundedText(customer.mobileNumber, 'customer.mobileNumber', warnings));
  assignDefined(built, 'firstName', descriptiveText(customer.firstName, 'customer.firstName', warnings));
  assignDefined(built, 'lastName', descriptiveText(customer.lastName, 'customer.lastName', warnings));
  assignDefined(built, 'billingAddress', buildAddress(customer.billingAddress, 'customer.billingAddress', warnings));
  assignDefined(built, 'shippingAddress', buildAddress(customer.shippingAddress, 'customer.shippingAddress', warnings));
  return Object.keys(built).length > 0 ? built : undefined;
}

function buildAddress(address: CartAddress | undefined, field: string, warnings: string[]): OptionalAddress | undefined {
  if (!address) return undefined;
  const built: OptionalAddress = {};
  assignDefined(built, 'firstName', descriptiveText(address.firstName, `${field}.firstName`, warnings));
  assignDefined(built, 'lastName', descriptiveText(address.lastName, `${field}.lastName`, warnings));
  assignDefined(built, 'addressLine1', descriptiveText(address.addressLine1, `${field}.addressLine1`, warnings));
  assignDefined(built, 'addressLine2', descriptiveText(address.addressLine2, `${field}.addressLine2`, warnings));
  assignDefined(built, 'city', descriptiveText(address.city, `${field}.city`, warnings));
  assignDefined(built, 'state', descriptiveText(address.state, `${field}.state`, warnings));
  assignDefined(built, 'postalCode', boundedText(address.postalCode, `${field}.postalCode`, warnings));
  const countryCode = address.countryCode?.trim() ? address.countryCode : undefined;
  if (countryCode !== undefined) {
    if (isCountryCode(countryCode)) built.countryCode = countryCode;
    else warnings.push(`${field}.countryCode left out: not an ISO 3166 alpha-2 code Primer accepts`);
  }
  return Object.keys(built).length > 0 ? built : undefined;
}
