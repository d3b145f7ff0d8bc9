import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { securityHeaders } from '../../../src/service/http/security-headers';

function appWith(middleware: express.RequestHandler) {
  const app = express();
  app.disable('x-powered-by');
  app.use(middleware);
  app.get('/', (_req, res) => void res.send('ok'));
  return app;
}

describe('securityHeaders', () => {
  it('when a response is sent, then it carries exactly the headers helmet itself sets', async () => {
    const ours = await request(appWith(securityHeaders())).get('/');
    const helmets = await request(appWith(helmet())).get('/');

    const securityOf = (headers: Record<string, unknown>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !['date', 'etag', 'content-length', 'content-type', 'connection', 'keep-alive'].includes(name)));
    expect(securityOf(ours.headers)).toEqual(securityOf(helmets.headers));
    expect(ours.headers['strict-transport-security']).toBeDefined();
    expect(ours.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
