import express from 'express';
import request from 'supertest';
import { installedPackageDir, packageFiles } from '../../../src/demo/page/primer-sdk-files';

function appServing(name: string, file?: string) {
  return express().use('/vendor', packageFiles(name, installedPackageDir(name), file));
}

describe('the demo page vendor files', () => {
  it('when the Primer SDK package is installed, then its files are served', async () => {
    const res = await request(appServing('@primer-io/checkout-web', 'Primer.js')).get('/vendor');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('when the package is not installed (an image built without dev dependencies), then 404 says which package and why', async () => {
    expect(installedPackageDir('@primer-io/not-in-this-install')).toBeUndefined();

    const res = await request(appServing('@primer-io/not-in-this-install')).get('/vendor/primer-loader.js');

    expect(res.status).toBe(404);
    expect(res.text).toContain('@primer-io/not-in-this-install is not installed here');
    expect(res.text).toContain('--omit=dev');
  });
});
