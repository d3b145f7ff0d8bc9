// Primer's `OrderLineItemsAPISchema.productType` values; a plain list so the payload builder loads no schema library.
export const PRODUCT_TYPES = ['PHYSICAL', 'DIGITAL'] as const;
