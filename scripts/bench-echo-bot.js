'use strict';
// The framework's own limit, as in ../shared/checks/perf: an empty botbuilder bot (CloudAdapter + an
// ActivityHandler that echoes), no state, no NLU. `npm run bench` measures the bot beside it.
const restify = require('restify');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler } = require('botbuilder');

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
const bot = new ActivityHandler();
bot.onMessage(async (ctx, next) => {
  await ctx.sendActivity(`echo: ${ctx.activity.text}`);
  await next();
});
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (ctx) => bot.run(ctx));
});
server.get('/', (_req, res, next) => {
  res.send(200, 'ok');
  next();
});
server.listen(Number(process.env.PORT), '127.0.0.1');
