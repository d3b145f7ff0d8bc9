import type { Request, Response } from 'express';
import { primerError } from '../primer-error';
import type { EmulatorPayments } from './emulator-payments';

// GET /payments/{id}: https://primer.io/docs/api-reference/v2.4/api-reference/payments-api/get-a-payment
export function readPayment(payments: EmulatorPayments) {
  return (req: Request, res: Response): void => {
    const payment = payments.find(String(req.params.id));
    if (!payment) {
      res.status(404).json(primerError('PaymentNotFound', 'The payment could not be found.'));
      return;
    }
    res.json(payment);
  };
}
