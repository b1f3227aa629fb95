// The employer's contact on a ticket, as the officer's reply uses it: an e-mail address is only
// used when it is one plain address (no display name, no list), so a reply goes to one mailbox.

const EMAIL = /^[^\s@<>,;:"()[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** The contact e-mail a reply may be sent to, or null when the ticket has none (or not a usable one). */
export function replyAddress(contact: { email?: string } | undefined): string | null {
  const email = contact?.email?.trim();
  return email && email.length <= 254 && EMAIL.test(email) ? email : null;
}
