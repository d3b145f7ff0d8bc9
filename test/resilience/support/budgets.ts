// Small budgets keep the suite fast; the shopper must hear back within both plus a small margin, whatever upstreams do.
export const PRIMER_TIMEOUT_MS = 1500;
export const ORDER_SERVICE_TIMEOUT_MS = 600;
export const WITHIN_BUDGET_MS = PRIMER_TIMEOUT_MS + ORDER_SERVICE_TIMEOUT_MS + 300;

export const BUDGET_ENV = { PRIMER_TIMEOUT_MS: String(PRIMER_TIMEOUT_MS), ORDER_SERVICE_TIMEOUT_MS: String(ORDER_SERVICE_TIMEOUT_MS) };
