// `hanna serve` / `npm start`: run the bot server until SIGTERM or SIGINT.
import { createApp, listen } from '../app';
import { loadConfigForCommand } from '../config';

export async function serve(): Promise<number> {
  const config = loadConfigForCommand();
  if (!config) return 2;
  const app = createApp(config);
  const address = await listen(app, config.port, config.host);
  console.log(`hanna-bot listening on ${address} (storage: ${app.store.kind}${config.appId ? '' : ', no MicrosoftAppId: local, unauthenticated mode'})`);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.log.info({ signal }, 'shutting down');
      // Finish requests in flight, then close the store so nothing written is lost.
      const force = setTimeout(() => resolve(1), 10_000);
      force.unref();
      app.close().then(
        () => resolve(0),
        (err) => {
          app.log.error({ err }, 'error while shutting down');
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
