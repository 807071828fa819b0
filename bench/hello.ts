/**
 * The floor of the HTTP stack on this machine: a bare Fastify server with one JSON route, run as a child process
 * by bench/run.ts and driven with the same autocannon settings as Groeipad. Prints "listening <port>".
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`listening ${new URL(address).port}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
