// The one-question form used when someone asks for a quote without saying the wage.
import type { QuoteRequest } from '../../../calculators';
import { amountAnswer, quoteReply, requestFromEntities } from '../quote-flow';
import { S } from '../strings';
import type { FormDefinition } from './types';

export const quoteWageForm: FormDefinition = {
  id: 'quote_wage',
  maxTries: 0,
  fields: [
    {
      name: 'request',
      prompt: S.quoteAskWage,
      help: S.quoteBadWage,
      validate(text, u) {
        // The answer may also carry the age or month ("2500, umur 62"): keep them all.
        const wage = amountAnswer(text, u.entities);
        const req = wage ? requestFromEntities({ ...u.entities, wages: [wage] }, null) : null;
        return req ? { ok: true, value: JSON.stringify(req) } : { ok: false, reason: S.quoteBadWage };
      },
    },
  ],
  complete(values, ctx) {
    const req = JSON.parse(values.request) as QuoteRequest;
    const outcome = quoteReply(req, ctx.lang, ctx.offers, ctx.now);
    if (outcome.request) ctx.state.lastQuote = outcome.request;
    return { replies: [outcome.reply], effects: [] };
  },
};
