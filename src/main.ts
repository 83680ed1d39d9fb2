import 'reflect-metadata';
import { createApp } from './app';
import { InvalidEnvironmentError, loadEnv } from './config/env';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(env);
  app.enableShutdownHooks();
  await app.listen(env.PORT, env.HOST);
  console.log(`Backbeat is listening on ${env.PUBLIC_URL} (API reference: ${env.PUBLIC_URL}/docs)`);
}

void main();
