// Sends a composed message through SMTP_URL with nodemailer. Timeouts are short enough that a
// send always ends well inside the outbox lease, so no other worker takes over mid-send.
import type { MailMessage } from './email';

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string; response: string }>;
  close(): void;
}

export const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export function createSmtpMailer(smtpUrl: string): Mailer {
  // Loaded here, not at start-up: most deployments send no e-mail.
  const nodemailer = require('nodemailer') as typeof import('nodemailer');
  const transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        messageId: message.messageId,
      });
      return { messageId: info.messageId, response: info.response };
    },
    close() {
      transport.close();
    },
  };
}
