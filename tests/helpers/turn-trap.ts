// A TURN server just real enough to learn a username: answers a TCP Allocate with "401, here is a
// realm and a nonce", which makes the browser send the Allocate again with its USERNAME attribute.
// Records every byte it receives, so a test can ask whether a value reached it.
import { createServer, type AddressInfo, type Socket } from 'node:net';

const MAGIC_COOKIE = 0x2112a442;
const ALLOCATE_ERROR = 0x0113;

function attribute(type: number, value: Buffer): Buffer {
  const padded = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
  padded.writeUInt16BE(type, 0);
  padded.writeUInt16BE(value.length, 2);
  value.copy(padded, 4);
  return padded;
}

function unauthorized(transactionId: Buffer): Buffer {
  const errorCode = Buffer.concat([Buffer.from([0, 0, 4, 1]), Buffer.from('Unauthorized')]);
  const body = Buffer.concat([attribute(0x0009, errorCode), attribute(0x0014, Buffer.from('trap')), attribute(0x0015, Buffer.from('nonce0123456789'))]);
  const header = Buffer.alloc(20);
  header.writeUInt16BE(ALLOCATE_ERROR, 0);
  header.writeUInt16BE(body.length, 2);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(header, 8);
  return Buffer.concat([header, body]);
}

export interface TurnTrap {
  port: number;
  received(): string;
  /** Forget what was received (between test cases). */
  reset(): void;
  close(): Promise<void>;
}

export async function startTurnTrap(): Promise<TurnTrap> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // An Allocate request (0x0003) with its 12-byte transaction id: answer 401.
      if (chunk.length >= 20 && chunk.readUInt16BE(0) === 0x0003) socket.write(unauthorized(chunk.subarray(8, 20)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received: () => Buffer.concat(chunks).toString('latin1'),
    reset: () => {
      chunks.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
