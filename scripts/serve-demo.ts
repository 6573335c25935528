// `npm run demo`: serve the demo sites on 127.0.0.1 until Ctrl+C.
import { DEMO_PORT, startDemoServer } from './demo-server';

const server = await startDemoServer({ port: Number(process.env.PORT ?? DEMO_PORT) });
console.log(`LoanGuard demo: ${server.demoUrl}  (listening on 127.0.0.1:${server.port} only; Ctrl+C to stop)`);
