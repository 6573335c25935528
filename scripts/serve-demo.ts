// `npm run demo`: serve the demo site on 127.0.0.1 until Ctrl+C.
import { startDemoServer } from './demo-server';

const server = await startDemoServer({ port: Number(process.env.PORT ?? 8787) });
console.log(`LoanGuard demo site: ${server.origin}/  (Ctrl+C to stop)`);
