import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { closerOf } from './fake-http-server';

export interface ForwardProxy {
  url: string;
  // What it carried: "CONNECT host:port" for a tunnel, "GET http://host:port/path" for a forwarded request.
  carried: string[];
  close(): Promise<void>;
}

// An egress proxy on 127.0.0.1: tunnels CONNECT and forwards absolute-form requests, as Squid or a corporate proxy does.
export async function startForwardProxy(): Promise<ForwardProxy> {
  const carried: string[] = [];
  const server = http.createServer((req, res) => {
    carried.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const upstream = http.request(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    carried.push(`CONNECT ${req.url ?? ''}`);
    const [host, port] = (req.url ?? '').split(':');
    const target = net.connect(Number(port), host ?? '', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      target.write(head);
      target.pipe(client).pipe(target);
    });
    target.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => target.destroy());
  });
  const close = closerOf(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    carried,
    close,
  };
}
